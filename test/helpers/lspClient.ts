// A minimal LSP client over a real JSON-RPC connection to the spawned server (`sovereign-lint lsp
// --stdio`), recording what the server sends and waiting on it — never on a clock.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  type Diagnostic,
  ErrorCodes,
  ResponseError,
  type ProtocolConnection,
  type Registration,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import type { FolderVerdict } from '../../server/src/protocol';

const bin = path.resolve(__dirname, '../../dist/cli.js');

export interface ClientOptions {
  pull?: boolean;
  /** Whether the client says it pulls again when asked to (`workspace.diagnostics.refreshSupport`). */
  pullRefresh?: boolean;
  /** Whether the client can be asked for settings (`workspace/configuration`); default yes. */
  configuration?: boolean;
  /** Whether the client takes versioned edits and file creation in workspace edits (default yes), or declares file creation alone, as Neovim 0.7 does. */
  documentChanges?: boolean | 'create only';
  /** Whether the client watches files for the server (dynamically registered didChangeWatchedFiles); default yes. */
  watch?: boolean;
  /** Requests of the server's this client answers with an error, as a client without a handler does. */
  refuses?: string[];
  progress?: boolean;
  settings?: Record<string, unknown>;
  initializationOptions?: Record<string, unknown>;
  folders: string[];
}

export class LspTestClient {
  readonly diagnostics = new Map<string, Diagnostic[]>();
  /** Every publish, in order: a file shown first without some of its findings flickers. */
  readonly published: { uri: string; diagnostics: Diagnostic[] }[] = [];
  readonly progress: { token: string | number; value: { kind: string; message?: string; percentage?: number } }[] = [];
  readonly verdicts: FolderVerdict[][] = [];
  /** What the server asked to be registered for (client/registerCapability). */
  readonly registrations: Registration[] = [];
  /** Every request the server sent, by method. */
  readonly requests: string[] = [];
  readonly stderr: string[] = [];
  private readonly waiters: (() => void)[] = [];
  private readonly process: ChildProcess;
  readonly connection: ProtocolConnection;
  private versions = new Map<string, number>();

  constructor(private readonly options: ClientOptions) {
    this.process = spawn(process.execPath, [bin, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Diagnostic[] }) => {
      this.diagnostics.set(params.uri, params.diagnostics);
      this.published.push(params);
      this.notify();
    });
    this.connection.onNotification('$/progress', (params: LspTestClient['progress'][number]) => {
      this.progress.push(params);
      this.notify();
    });
    this.connection.onNotification('sovereignLint/verdict', (params: { verdicts: FolderVerdict[] }) => {
      this.verdicts.push(params.verdicts);
      this.notify();
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.stderr.push(params.message);
    });
    const answer = <P>(method: string, handler: (params: P) => unknown) =>
      this.connection.onRequest(method, (params: P): unknown => {
        this.requests.push(method);
        this.notify();
        return options.refuses?.includes(method) ? new ResponseError(ErrorCodes.MethodNotFound, `Unhandled method ${method}`) : handler(params);
      });
    answer('window/workDoneProgress/create', () => null);
    answer('client/registerCapability', (params: { registrations: Registration[] }) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    answer('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => options.settings ?? {}));
    answer('workspace/diagnostic/refresh', () => null);
    this.connection.listen();
  }

  async initialize(): Promise<unknown> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      ...(this.options.initializationOptions ? { initializationOptions: this.options.initializationOptions } : {}),
      workspaceFolders: this.options.folders.map((folder) => ({ uri: uriOf(folder), name: path.basename(folder) })),
      capabilities: {
        textDocument: {
          publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true },
          hover: { contentFormat: ['markdown'] },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
          ...(this.options.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
        },
        workspace: {
          configuration: this.options.configuration ?? true,
          ...(this.options.pullRefresh ? { diagnostics: { refreshSupport: true } } : {}),
          workspaceFolders: true,
          didChangeWatchedFiles: { dynamicRegistration: this.options.watch ?? true, relativePatternSupport: true },
          ...(this.options.documentChanges === false
            ? {}
            : this.options.documentChanges === 'create only'
              ? { workspaceEdit: { resourceOperations: ['rename', 'create', 'delete'] } }
              : { workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } }),
        },
        window: { workDoneProgress: this.options.progress ?? false },
      },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Resolves when `predicate` holds, checking after every message from the server. */
  async waitFor<T>(predicate: () => T | undefined | false, what: string, timeoutMs = 15_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = predicate();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; server said: ${this.stderr.join('')}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, Math.max(0, deadline - Date.now()));
      });
    }
  }

  diagnosticsOf(file: string): Diagnostic[] | undefined {
    return this.diagnostics.get(uriOf(file));
  }

  async open(file: string, text: string, languageId = 'plaintext'): Promise<void> {
    this.versions.set(file, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(file), languageId, version: 1, text } });
  }

  async change(file: string, text: string): Promise<void> {
    const version = (this.versions.get(file) ?? 1) + 1;
    this.versions.set(file, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uriOf(file), version }, contentChanges: [{ text }] });
  }

  async close(file: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf(file) } });
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    this.connection.dispose();
    this.process.kill();
  }

  private notify(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }
}

export function uriOf(file: string): string {
  return pathToFileURL(file).href;
}
