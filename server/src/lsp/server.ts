// The Sovereign Lint language server: any LSP client (VS Code, Neovim, Helix, Emacs) over stdio or
// IPC. It lints every manifest and card of every workspace folder, pushes diagnostics (or answers
// pulls), hovers provenance, offers quick fixes, and tells the client each folder's verdict.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  type CodeActionParams,
  type Connection,
  createConnection,
  type Diagnostic,
  DidChangeWatchedFilesNotification,
  type DidChangeWatchedFilesParams,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  FileChangeType,
  type HoverParams,
  type InitializeParams,
  type InitializeResult,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type WorkDoneProgressServerReporter,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { shippedKnowledgeBase } from '../../../rules/src/knowledgeBase';
import { append } from '../../../rules/src/lists';
import type { Position, Range } from '../../../rules/src/types';
import type { FileReport } from '../engine/lint';
import type { ReadOutcome } from '../engine/scan';
import { ReportRequest, ScanWorkspaceRequest, VerdictNotification } from '../protocol';
import { pipToolsInputOf, WORKSPACE_LOCKFILES } from '../engine/lockfiles';
import { readTextFile } from '../engine/textFile';
import { lockfileKind } from '../readers/lockfiles/index';
import { isWorkspaceCatalogFile, WORKSPACE_CATALOG_FILES } from '../readers/catalogs';
import { codeActions, type EditSupport, intersects } from './codeActions';
import { configDiagnostics, diagnosticsOf, findingDiagnostic, MAX_DIAGNOSTICS_PER_FILE } from './diagnostics';
import { DiskPoller } from './diskPoll';
import { isCodeActionParams, isDocument, isHoverParams } from './params';
import { Folder, type FolderSettings } from './folder';
import { hoverMarkdown } from './hover';
import { reportMarkdown } from './report';

/** Typing pauses this long before a pushed re-lint: fast enough to feel live, slow enough not to lint every key. */
const CHANGE_DEBOUNCE_MS = 150;
const VERDICT_DEBOUNCE_MS = 100;
/** Files linted between two yields to the event loop during a workspace scan, so requests are never starved. */
const SCAN_BATCH = 16;

export function startLanguageServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  // A client's error reply to a request of ours, awaited nowhere, must cost that request, never the server.
  process.on('unhandledRejection', (reason) => connection.console.error(`sovereign-lint: a request to the client failed: ${String(reason)}`));
  new SovereignLintServer(connection).listen();
}

class SovereignLintServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly kb = shippedKnowledgeBase();
  private folders: Folder[] = [];
  private pullDiagnostics = false;
  private editSupport: EditSupport = { documentChanges: false, createFiles: false };
  /** Whether the client asks again for pulled diagnostics when told to (`workspace/diagnostic/refresh`). */
  private pullRefreshSupported = false;
  private progressSupported = false;
  private configurationSupported = false;
  /** Set by the client's shutdown request: nothing more is judged, sent or answered. */
  private shutDown = false;
  private poller: DiskPoller | undefined;
  /** `sovereignLint` settings the client pushed with didChangeConfiguration: they stand in when it cannot be asked for them. */
  private pushedSettings: unknown;
  private watchRegistrationSupported = false;
  /** Whether the client watches a glob relative to a folder of our choosing (a workspace root above a folder). */
  private relativeWatchSupported = false;
  private workspaceFoldersSupported = false;
  /** Config packages from node_modules load only in a trusted workspace (VS Code says; other clients are trusted). */
  private trusted = true;
  /** Config files that currently carry diagnostics, to clear them once fixed. */
  private configDiagnosticUris = new Set<string>();
  private configDiagnostics = new Map<string, Diagnostic[]>();
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private verdictTimer: NodeJS.Timeout | undefined;
  /** Each folder's latest scan: an older one stops its work on the folder. */
  private readonly scanGenerations = new WeakMap<Folder, number>();

  constructor(private readonly connection: Connection) {}

  listen(): void {
    const { connection, documents } = this;
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(() => void this.guard('initialized', () => this.initialized(), undefined));
    documents.onDidOpen((event) => this.guard('open', () => this.opened(event.document), undefined));
    documents.onDidChangeContent((event) => this.guard('change', () => this.changed(event.document), undefined));
    documents.onDidClose((event) => this.guard('close', () => this.closed(event.document), undefined));
    connection.onDidChangeWatchedFiles((params) => this.guard('watched files', () => this.watched(params), undefined));
    connection.onDidChangeConfiguration((params) => {
      // A notification without our section (`settings: null` says "ask again") keeps what was given before.
      const pushed = (params.settings as { sovereignLint?: unknown } | null | undefined)?.sovereignLint;
      if (pushed !== undefined) this.pushedSettings = pushed;
      void this.guard('configuration', () => this.scanAll(), undefined);
    });
    connection.onHover((params) => (isHoverParams(params) ? this.answer('hover', () => this.hover(params), null) : invalidParams('hover', 'textDocument.uri and position')));
    connection.onCodeAction((params) =>
      isCodeActionParams(params) ? this.answer('code action', () => this.codeActions(params), []) : invalidParams('codeAction', 'textDocument.uri, range and context.diagnostics'),
    );
    // Asking again would only be refused again.
    const noRetrigger = { retriggerRequest: false };
    connection.languages.diagnostics.on((params) =>
      isDocument(params)
        ? this.answer(
            'pull diagnostics',
            () => ({ kind: DocumentDiagnosticReportKind.Full, items: this.pulled(params.textDocument.uri) }),
            { kind: DocumentDiagnosticReportKind.Full, items: [] },
            noRetrigger,
          )
        : invalidParams('textDocument/diagnostic', 'textDocument.uri', noRetrigger),
    );
    connection.onRequest(ScanWorkspaceRequest, () => this.answer('scan', () => this.scanAll(), undefined));
    connection.onRequest(ReportRequest, () => this.answer('report', () => this.report(), ''));
    connection.onShutdown(() => this.shutdown());
    documents.listen(connection);
    connection.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    const capabilities = params.capabilities;
    this.pullDiagnostics = capabilities.textDocument?.diagnostic !== undefined;
    this.pullRefreshSupported = this.pullDiagnostics && capabilities.workspace?.diagnostics?.refreshSupport === true;
    const workspaceEdit = capabilities.workspace?.workspaceEdit;
    // Resource operations exist only in documentChanges: a client that lists them takes those (Neovim 0.7 says no more).
    const createFiles = workspaceEdit?.resourceOperations?.includes('create') === true;
    this.editSupport = { documentChanges: workspaceEdit?.documentChanges === true || createFiles, createFiles };
    this.progressSupported = capabilities.window?.workDoneProgress === true;
    this.configurationSupported = capabilities.workspace?.configuration === true;
    this.watchRegistrationSupported = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    this.relativeWatchSupported = capabilities.workspace?.didChangeWatchedFiles?.relativePatternSupport === true;
    this.workspaceFoldersSupported = capabilities.workspace?.workspaceFolders === true;
    const options = params.initializationOptions as { trusted?: boolean; sovereignLint?: unknown } | null | undefined;
    this.trusted = options?.trusted !== false;
    // A client that can neither be asked for settings nor pushes them (Neovim's bare start_client) gives them here.
    this.pushedSettings = options?.sovereignLint;
    const workspaceFolders: WorkspaceFolder[] =
      params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: path.basename(fileURLToPath(params.rootUri)) }] : []);
    this.folders = workspaceFolders.filter((f) => f.uri.startsWith('file:')).map((f) => this.createFolder(f.uri, f.name));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        ...(this.pullDiagnostics ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'sovereign-lint', version: this.kb.version },
    };
  }

  private async initialized(): Promise<void> {
    // A client that refuses a registration goes unwatched; the workspace is scanned all the same.
    if (this.watchRegistrationSupported) await this.guard('watching files', () => this.watchFiles(), undefined);
    if (this.workspaceFoldersSupported) this.watchWorkspaceFolders();
    await this.scanAll();
    // A client that cannot watch files for the server: the server watches what it judges itself.
    if (!this.watchRegistrationSupported) this.pollDisk();
  }

  /** Polls the files judged, the configs in use and their folders, and takes what changed as a client's watcher sends it. */
  private pollDisk(): void {
    this.poller = new DiskPoller(
      () => ({
        files: this.folders.flatMap((folder) => [...folder.files(), ...folder.configFiles()]),
        folders: this.folders.flatMap((folder) => [folder.root, ...folder.files().map((file) => path.dirname(file))]),
      }),
      (file) => this.isWatched(file),
      (changes) => this.guard('watched files', () => this.watched({ changes }), undefined),
    );
    this.poller.start();
  }

  /** The client is about to exit: what is pending (a typed change, a verdict, a poll, a scan) is dropped. */
  private shutdown(): void {
    this.shutDown = true;
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    clearTimeout(this.verdictTimer);
    this.poller?.stop();
  }

  /** Whether a file created on disk is one the server would be told of by a client's watcher. */
  private isWatched(file: string): boolean {
    const owner = this.ownersOf(file)[0];
    if (!owner) return false;
    return owner.isManifest(file) || owner.isConfigFile(file) || rescansFolder(file);
  }

  /** Registers the file watchers: manifests, lockfiles and configs in the folders, and a workspace root's above them. */
  private async watchFiles(): Promise<void> {
    await this.connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [
        // Every JSON file: configs extend files of any name (./team/base.json).
        { globPattern: '**/{*.json,pyproject.toml,hatch.toml}' },
        { globPattern: '**/*.{txt,in,md,lock,yaml,yml}' },
        { globPattern: '**/{Pipfile,setup.py,setup.cfg}' },
        { globPattern: '**/.gitignore' },
      ],
    });
    await this.watchWorkspacesAbove(this.folders);
  }

  private watchWorkspaceFolders(): void {
    this.connection.workspace.onDidChangeWorkspaceFolders((event) =>
      this.guard('workspace folders', async () => {
        const removed = new Set(event.removed.map((f) => f.uri));
        const left = this.folders.filter((f) => removed.has(f.uri)).flatMap((folder) => folder.files());
        this.folders = this.folders.filter((f) => !removed.has(f.uri));
        // What another folder still judges of those files stays; the rest is cleared.
        for (const file of left) this.publish(file);
        const added = event.added.filter((f) => f.uri.startsWith('file:')).map((f) => this.createFolder(f.uri, f.name));
        this.folders.push(...added);
        if (this.watchRegistrationSupported) await this.watchWorkspacesAbove(added);
        await this.scanAll();
      }, undefined),
    );
  }

  /** A folder that is one member of a workspace: the lockfile and catalogs at the workspace root above it are watched too. */
  private async watchWorkspacesAbove(folders: readonly Folder[]): Promise<void> {
    const roots = [...new Set(folders.flatMap((folder) => folder.workspaceRoot ?? []))];
    if (!this.relativeWatchSupported || roots.length === 0) return;
    const pattern = `{${[...WORKSPACE_LOCKFILES, ...WORKSPACE_CATALOG_FILES].join(',')}}`;
    await this.connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: roots.map((root) => ({ globPattern: { baseUri: pathToFileURL(root).href, pattern } })),
    });
  }

  private createFolder(uri: string, name: string, loose = false): Folder {
    const context = {
      kb: this.kb,
      today: () => new Date().toISOString().slice(0, 10),
      trusted: this.trusted,
      readOpen: (file: string) => this.documents.get(uriOf(file))?.getText(),
    };
    return new Folder(uri, fileURLToPath(uri), name, context, loose);
  }

  /** The files a scan reads: a workspace folder's manifests, or what is open in a loose folder. */
  private filesToScan(folder: Folder): string[] {
    const open = this.documents
      .all()
      .flatMap(({ uri }) => (uri.startsWith('file:') ? [fileURLToPath(uri)] : []))
      .filter((file) => folder.contains(file));
    if (folder.loose) return open;
    // An open manifest counts whether or not it is on disk (new and unsaved, or deleted while open).
    const onDisk = folder.manifests();
    const listed = new Set(onDisk);
    return [...onDisk, ...open.filter((file) => !listed.has(file) && folder.isManifest(file) && !folder.excludes(file))];
  }

  /** Scans every manifest of every folder with progress. */
  private scanAll(): Promise<void> {
    return this.scan(this.folders);
  }

  /** Scans every manifest of the folders with progress; a newer scan of a folder cancels an older one's work on it. */
  private async scan(folders: readonly Folder[]): Promise<void> {
    const generations = new Map(folders.map((folder) => [folder, (this.scanGenerations.get(folder) ?? 0) + 1]));
    for (const [folder, generation] of generations) this.scanGenerations.set(folder, generation);
    // Progress is shown where the client agrees to show it; a refusal leaves the scan without it.
    const progress = this.progressSupported ? await this.guard('progress', () => this.connection.window.createWorkDoneProgress(), undefined) : undefined;
    progress?.begin('Sovereign Lint', 0, 'Scanning workspace', true);
    try {
      let scanned = false;
      for (const folder of folders) {
        const current = () => this.scanGenerations.get(folder) === generations.get(folder);
        if (!current()) continue;
        const outcome = await this.scanFolder(folder, current, progress);
        if (outcome === 'cancelled') return;
        scanned ||= outcome === 'done';
      }
      // Every folder is a newer scan's now: that scan says what it found.
      if (!scanned) return;
      this.publishConfigDiagnostics();
      this.refreshPulled();
      this.sendVerdicts();
    } finally {
      progress?.done();
    }
  }

  /** Scans one folder; stops where a newer scan of it starts (`current` turns false) or the user cancels. */
  private async scanFolder(folder: Folder, current: () => boolean, progress: WorkDoneProgressServerReporter | undefined): Promise<'done' | 'superseded' | 'cancelled'> {
    const stopped = () => (progress?.token.isCancellationRequested || this.shutDown ? 'cancelled' : !current() ? 'superseded' : undefined);
    folder.settings = await this.settingsFor(folder);
    folder.reconfigure();
    const files = this.filesToScan(folder);
    // Read everything first: which packages are the project's own is known only then. What requirements files
    // include is read after them, as the CLI reads it.
    folder.forgetIncludes();
    const reads: ReadOutcome[] = [];
    const read = (file: string) => {
      const outcome = folder.read(file, this.documents.get(uriOf(file))?.getText());
      if (outcome) reads.push(outcome);
    };
    for (let i = 0; i < files.length; i++) {
      const stop = stopped();
      if (stop) return stop;
      read(files[i]!);
      await this.pace(i, (i + 1) / (files.length * 2), `${folder.name}: read ${i + 1}/${files.length} files`, progress);
    }
    const listed = new Set(files);
    let included: string[];
    // What the included files include in turn, until there is nothing new.
    while ((included = folder.includes().filter((file) => !listed.has(file))).length > 0) {
      for (const file of included) {
        listed.add(file);
        read(file);
      }
    }
    folder.applyExtras(reads);
    for (const file of folder.files()) {
      // Lockfiles are judged again below with everything they pull in.
      if (!listed.has(file) && !lockfileKind(path.basename(file))) this.forget(folder, file);
    }
    folder.learnFirstParty(reads);
    const traced = folder.traceLockfiles(reads);
    // A lockfile deleted, or no longer any manifest's, loses what it showed.
    const tracedFiles = new Set(traced.map((lock) => path.join(folder.root, lock.file)));
    for (const file of folder.files()) if (lockfileKind(path.basename(file)) && !tracedFiles.has(file)) this.forget(folder, file);
    reads.push(...traced);
    for (let i = 0; i < reads.length; i++) {
      const stop = stopped();
      if (stop) return stop;
      folder.judge(path.join(folder.root, reads[i]!.file), reads[i]!);
      await this.pace(i, (files.length + i + 1) / (files.length * 2), `${folder.name}: checked ${i + 1}/${reads.length} files`, progress);
    }
    // Each direct dependency learns what it pulls in once the lockfiles are judged; only then is each file shown,
    // once, rather than without what it pulls in first.
    folder.addPulledIn();
    for (let i = 0; i < reads.length; i++) {
      if (this.shutDown) return 'cancelled';
      if (!current()) return 'superseded';
      this.publish(path.join(folder.root, reads[i]!.file));
      // Other messages get through between batches; the progress shown is the checking's, which is done.
      await this.pace(i, 1, '', undefined);
    }
    return 'done';
  }

  /** The folder's settings: asked of the client where it can be asked, else those it pushed, else none. */
  private async settingsFor(folder: Folder): Promise<FolderSettings> {
    const asked = this.configurationSupported
      ? await this.guard('settings', () => this.connection.workspace.getConfiguration({ scopeUri: folder.uri, section: 'sovereignLint' }) as Promise<unknown>, this.pushedSettings)
      : this.pushedSettings;
    const raw = (asked !== null && typeof asked === 'object' ? asked : {}) as Record<string, unknown>;
    const target = raw.target === 'sovereign' || raw.target === 'national' ? raw.target : undefined;
    const jurisdiction = typeof raw.jurisdiction === 'string' && /^[A-Z]{2}$/.test(raw.jurisdiction) ? raw.jurisdiction : undefined;
    const configPath = typeof raw.configPath === 'string' && raw.configPath !== '' ? raw.configPath : undefined;
    const exclude = Array.isArray(raw.exclude) ? raw.exclude.filter((g): g is string => typeof g === 'string') : [];
    return { exclude, ...(target ? { target } : {}), ...(jurisdiction ? { jurisdiction } : {}), ...(configPath ? { configPath } : {}) };
  }

  /** Diagnostics on every config file in use: its problems, and exceptions that have lapsed. */
  private publishConfigDiagnostics(): void {
    const byUri = new Map<string, Diagnostic[]>();
    const add = (file: string, diagnostics: Diagnostic[]) => {
      const uri = uriOf(file);
      byUri.set(uri, [...(byUri.get(uri) ?? []), ...diagnostics]);
    };
    for (const folder of this.folders) {
      for (const file of folder.configFiles()) add(file, []);
      const { problems, expired } = folder.configFindings();
      for (const problem of problems) add(problem.file, configDiagnostics([problem]));
      for (const finding of expired) {
        const file = path.resolve(folder.root, finding.file);
        if (finding.severity !== 'off') add(file, [findingDiagnostic(finding, uriOf(file))]);
      }
    }
    for (const uri of this.configDiagnosticUris) if (!byUri.has(uri)) byUri.set(uri, []);
    for (const [uri, diagnostics] of byUri) {
      if (this.pullDiagnostics && this.documents.get(uri)) continue;
      void this.connection.sendDiagnostics({ uri, diagnostics: dedupe(diagnostics) });
    }
    this.configDiagnosticUris = new Set([...byUri].filter(([, d]) => d.length > 0).map(([uri]) => uri));
    this.configDiagnostics = byUri;
  }

  /** Lints a file (its open buffer if it has one) and pushes its diagnostics unless the client pulls them. */
  private lintAndPublish(folder: Folder, file: string): void {
    // A file the folder no longer judges (excluded since) loses what it showed.
    const shown = folder.outcome(file) !== undefined;
    if (folder.lint(file, this.documents.get(uriOf(file))?.getText()) || shown) this.publish(file);
    // A `-r` line just typed: the file it names is judged as the scan would.
    for (const included of folder.unjudgedIncludes()) this.lintAndPublish(folder, included);
    // A pip-tools input takes its pins from this file, if it is the input's pip-compile output: judged again with it.
    const input = pipToolsInputOf(file);
    if (input !== undefined && folder.outcome(input)) this.lintAndPublish(folder, input);
  }

  /** Pushes what the file's folders found in it, unless the client pulls them for an open file. */
  private publish(file: string): void {
    const uri = uriOf(file);
    if (this.documents.get(uri) && this.pullDiagnostics) return;
    void this.connection.sendDiagnostics({ uri, diagnostics: this.diagnosticsFor(file) });
  }

  /**
   * What the file's folders found in it, each related place resolved from the folder that found it. The lockfile at
   * a workspace root above several member folders shows what each of them pulls in, each within its share of the limit.
   */
  private diagnosticsFor(file: string): Diagnostic[] {
    const uri = uriOf(file);
    const owners = this.ownersOf(file);
    const share = Math.floor(MAX_DIAGNOSTICS_PER_FILE / Math.max(1, owners.length));
    return dedupe(
      owners.flatMap((folder) => {
        const outcome = folder.outcome(file);
        return outcome ? diagnosticsOf(outcome, uri, (related) => uriOf(path.resolve(folder.root, related)), share) : [];
      }),
    );
  }

  /** Every SCAN_BATCH files of a phase: report progress and let other messages (a cancel, a hover) through. */
  private async pace(index: number, done: number, message: string, progress: WorkDoneProgressServerReporter | undefined): Promise<void> {
    if (index % SCAN_BATCH !== SCAN_BATCH - 1) return;
    progress?.report(Math.round(done * 100), message);
    await new Promise((resolve) => setImmediate(resolve));
  }

  private forget(folder: Folder, file: string): void {
    folder.forget(file);
    this.publish(file);
  }

  private opened(document: TextDocument): void {
    const target = this.locate(document.uri);
    if (!target) return;
    if (target.folder.isConfigFile(target.file)) return this.configChanged(target.folder);
    // A pulling client asks for an open file's diagnostics itself: drop the pushed ones so they do not show twice.
    if (this.pullDiagnostics) void this.connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    this.lintAndPublish(target.folder, target.file);
    this.scheduleVerdicts();
    // A file outside every folder is scanned with its lockfile, as a workspace folder's files are: what it pulls in too.
    if (target.folder.loose) void this.guard('scan', () => this.scan([target.folder]), undefined);
  }

  private changed(document: TextDocument): void {
    const target = this.locate(document.uri);
    if (!target) return;
    clearTimeout(this.pending.get(document.uri));
    this.pending.set(
      document.uri,
      setTimeout(() => {
        this.pending.delete(document.uri);
        this.guard('lint', () => {
          if (target.folder.isConfigFile(target.file)) return this.configChanged(target.folder);
          if (isWorkspaceCatalogFile(target.file)) return this.catalogsChanged(target.folder);
          this.lintAndPublish(target.folder, target.file);
          this.scheduleVerdicts();
        }, undefined);
      }, CHANGE_DEBOUNCE_MS),
    );
  }

  private closed(document: TextDocument): void {
    clearTimeout(this.pending.get(document.uri));
    this.pending.delete(document.uri);
    const target = this.locate(document.uri);
    if (!target) return;
    // Closing a file keeps its workspace diagnostics: they come from the file on disk again.
    if (target.folder.isConfigFile(target.file)) return this.configChanged(target.folder);
    if (isWorkspaceCatalogFile(target.file)) return this.catalogsChanged(target.folder);
    // A file deleted while open, or one outside every workspace folder, was judged only for its editor: it goes with it.
    if (target.folder.loose || !fs.existsSync(target.file)) {
      this.forget(target.folder, target.file);
      if (target.folder.loose && target.folder.files().length === 0) this.folders = this.folders.filter((folder) => folder !== target.folder);
    } else {
      this.lintAndPublish(target.folder, target.file);
    }
    this.scheduleVerdicts();
  }

  /** A config in some chain changed: every manifest of the folder is judged again. */
  private configChanged(folder: Folder): void {
    folder.reconfigure();
    // The lockfiles first: each manifest then names what its lockfile's new report says it pulls in.
    folder.rejudgeLockfiles();
    for (const file of folder.files()) this.lintAndPublish(folder, file);
    this.publishConfigDiagnostics();
    this.refreshPulled();
    this.scheduleVerdicts();
  }

  /** A pnpm or Yarn catalog changed in its editor: the package.json files that name catalogs are judged again. */
  private catalogsChanged(folder: Folder): void {
    const namesCatalogs = (file: string) => folder.outcome(file)?.report?.assessments.some(({ declaration }) => declaration.catalog) === true;
    for (const file of folder.files()) if (namesCatalogs(file)) this.lintAndPublish(folder, file);
    this.refreshPulled();
    this.scheduleVerdicts();
  }

  private watched(params: DidChangeWatchedFilesParams): void {
    // A malformed notification says nothing that changed.
    if (!Array.isArray(params.changes)) return;
    for (const change of params.changes) {
      const target = this.locate(change.uri);
      if (!target) continue;
      const { folder, file } = target;
      if (folder.isConfigFile(file)) {
        if (!this.documents.get(change.uri)) this.configChanged(folder);
      } else if (rescansFolder(file)) {
        // A new resolution (or catalog) changes what every manifest of the folder pulls in; a new .gitignore, what it holds.
        void this.guard('scan', () => this.scanAll(), undefined);
        return;
      } else if (change.type === FileChangeType.Deleted) {
        // An open file deleted on disk is still judged from its editor, until it is closed.
        if (folder.outcome(file) && !this.documents.get(change.uri)) this.forget(folder, file);
      } else if (!this.documents.get(change.uri)) {
        this.lintAndPublish(folder, file);
      }
    }
    this.scheduleVerdicts();
  }

  private pulled(uri: string): Diagnostic[] {
    const target = this.locate(uri);
    if (!target || target.folder.isConfigFile(target.file)) {
      if (target) this.publishConfigDiagnostics();
      return this.configDiagnostics.get(uri) ?? [];
    }
    // Judged from its open buffer in each folder it belongs to, then answered as it would be pushed.
    this.judged(uri);
    this.scheduleVerdicts();
    return this.diagnosticsFor(target.file);
  }

  private hover(params: HoverParams) {
    const found = this.judged(params.textDocument.uri).flatMap(({ folder, report }) => {
      const assessment = report.assessments.find((a) => contains(a.declaration.range, params.position));
      return assessment ? [{ folder, report, assessment }] : [];
    });
    const [first] = found;
    if (!first) return null;
    const { report, assessment } = first;
    const findings = report.findings.filter((f) => f.componentId === assessment.declaration.id && sameStart(f.range, assessment.declaration.range));
    // A workspace root's lockfile: each member folder reaches the package its own way.
    const pulledInBy = found.length > 1 ? chainsByFolder(found.map(({ folder, assessment: { declaration } }) => [folder.name, declaration.via ?? []])) : undefined;
    return {
      contents: { kind: 'markdown' as const, value: hoverMarkdown(assessment, findings, this.kb.version, pulledInBy) },
      range: assessment.declaration.range,
    };
  }

  private codeActions(params: CodeActionParams) {
    const inRange = (report: FileReport) => report.findings.filter((f) => f.severity !== 'off' && intersects(f.range, params.range));
    // Attestations and exceptions go to the config of the folder whose finding it is.
    const target = this.judged(params.textDocument.uri).find(({ report }) => inRange(report).length > 0);
    if (!target) return [];
    const findings = inRange(target.report);
    const configFile = target.folder.configTarget(target.file);
    const configUri = uriOf(configFile);
    const open = this.documents.get(configUri);
    return codeActions({
      uri: params.textDocument.uri,
      findings,
      fileFindings: target.report.findings,
      diagnostics: params.context.diagnostics,
      config: { uri: configUri, text: open?.getText() ?? readTextFile(configFile), version: open?.version ?? null },
      jurisdiction: target.folder.jurisdictionFor(target.file),
      uriOfFile: (file) => uriOf(path.join(target.folder.root, file)),
      edits: this.editSupport,
    });
  }

  private report(): string {
    return reportMarkdown(
      this.folders.map((folder) => {
        const outcomes = folder.files().map((file) => folder.outcome(file)!);
        return {
          verdict: folder.verdict(),
          findings: outcomes.flatMap((o) => o.report?.findings ?? []),
          errors: outcomes.flatMap((o) => o.errors),
        };
      }),
    );
  }

  private scheduleVerdicts(): void {
    clearTimeout(this.verdictTimer);
    this.verdictTimer = setTimeout(() => this.guard('verdict', () => this.sendVerdicts(), undefined), VERDICT_DEBOUNCE_MS);
  }

  private sendVerdicts(): void {
    void this.connection.sendNotification(VerdictNotification, { verdicts: this.folders.map((folder) => folder.verdict()) });
  }

  /**
   * The folders whose judgement of a file counts: the innermost one holding it; for the lockfile or catalog at the
   * workspace root above member folders (which no folder holds), each of those members, since each scan judged it.
   */
  private ownersOf(file: string): Folder[] {
    const holding = this.folders.filter((f) => f.contains(file)).sort((a, b) => b.root.length - a.root.length);
    return holding.length > 0 ? holding.slice(0, 1) : this.folders.filter((f) => f.pinnedFromAbove(file));
  }

  /**
   * A document's report in each of its folders, judged from its open buffer (a lockfile's is its folder's last scan). A
   * question about a file outside every folder that is not open either (a hover sent late) judges nothing.
   */
  private judged(uri: string): { folder: Folder; file: string; report: FileReport }[] {
    const target = this.locate(uri, this.documents.get(uri) !== undefined);
    if (!target) return [];
    const text = this.documents.get(uri)?.getText();
    return this.ownersOf(target.file).flatMap((folder) => {
      const report = folder.lint(target.file, text)?.report;
      return report ? [{ folder, file: target.file, report }] : [];
    });
  }

  /** The folder a file belongs to (its first owner); a file outside every folder gets a folder of its own (`loose`). */
  private locate(uri: string, loose = true): { folder: Folder; file: string } | undefined {
    if (!uri.startsWith('file:')) return undefined;
    const file = fileURLToPath(uri);
    // The workspace root's lockfile above a member folder belongs to that folder's scan (its hovers, its diagnostics):
    // it is no reason to take the whole workspace in as a folder.
    let folder = this.ownersOf(file)[0];
    if (!folder) {
      if (!loose) return undefined;
      const dir = path.dirname(file);
      folder = this.createFolder(pathToFileURL(dir).href, path.basename(dir), true);
      this.folders.push(folder);
    }
    return { folder, file };
  }

  /** A request's answer, refused once the client has asked the server to shut down (LSP: InvalidRequest). */
  private answer<T, D = void>(what: string, run: () => T, fallback: Awaited<T>, errorData?: D): T | Awaited<T> | ResponseError<D> {
    if (this.shutDown) return new ResponseError<D>(ErrorCodes.InvalidRequest, 'the server is shutting down', errorData);
    return this.guard(what, run, fallback);
  }

  /** Runs a handler so that no input can take the server down: an error is logged, the fallback returned. */
  private guard<T>(what: string, run: () => T, fallback: Awaited<T>): T | Awaited<T> {
    // After shutdown a notification changes nothing: the client exits next.
    if (this.shutDown) return fallback;
    try {
      const result = run();
      if (result instanceof Promise) {
        return result.catch((error: unknown) => {
          this.logError(what, error);
          return fallback;
        }) as T;
      }
      return result;
    } catch (error) {
      this.logError(what, error);
      return fallback;
    }
  }

  /** Asks a client that pulls diagnostics to pull them again, where it says it will. */
  private refreshPulled(): void {
    if (this.pullRefreshSupported) void this.guard('diagnostics refresh', () => this.connection.languages.diagnostics.refresh(), undefined);
  }

  private logError(what: string, error: unknown): void {
    this.connection.console.error(`sovereign-lint: ${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}

/** A file whose change is a reason to scan its folder again: a lockfile, a workspace's catalog, a .gitignore. */
function rescansFolder(file: string): boolean {
  const name = path.basename(file);
  return lockfileKind(name) !== undefined || isWorkspaceCatalogFile(file) || name === '.gitignore';
}

/** The answer to a request whose params lack what it needs (LSP: InvalidParams). */
function invalidParams<D = void>(method: string, needs: string, data?: D): ResponseError<D> {
  return new ResponseError<D>(ErrorCodes.InvalidParams, `${method} needs ${needs}`, data);
}

/** A problem reported through two configs of one chain shows once. */
function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.range.start.line}:${d.range.start.character}:${d.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

function uriOf(file: string): string {
  return pathToFileURL(file).href;
}

function contains(range: Range, position: Position): boolean {
  const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}

function sameStart(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character;
}

/** "@mono/web → axios (api); axios (web)": each chain once, with the folders that reach the package by it. */
function chainsByFolder(chains: readonly [folder: string, via: readonly string[]][]): string {
  const folders = new Map<string, string[]>();
  for (const [folder, via] of chains) append(folders, via.join(' → '), folder);
  return [...folders].map(([chain, names]) => `${chain} (${names.join(', ')})`).join('; ');
}
