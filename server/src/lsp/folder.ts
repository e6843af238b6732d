// One workspace folder as the language server keeps it: its settings, the configs that apply inside it
// (each manifest under its nearest sovereign-lint.json, the last good one while a config is broken), and
// the outcome of linting every manifest, from disk or from an open editor buffer.
import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import type { KnowledgeBase } from '../../../rules/src/kb';
import type { Target } from '../../../rules/src/types';
import { type ChainProblem, CONFIG_FILE_NAMES, ConfigResolver } from '../engine/configResolver';
import { liveCatalogFinder } from '../engine/catalogs';
import { ConfiguredLinting } from '../engine/configuredLinting';
import type { Finding } from '../engine/lint';
import { dynamicOwners, includingManifest, lockingManifest } from '../engine/dynamicRequirements';
import { addPulledInFindings } from '../engine/pulledIn';
import { relativeTo } from '../engine/paths';
import {
  type FileOutcome,
  firstPartyOf,
  includedPath,
  judge,
  missingInclude,
  pinRequirements,
  type ReadOutcome,
  readDiskFile,
  readSourceText,
  traceLockfiles,
  transitiveCoverage,
} from '../engine/scan';
import { lacksRecordedLicense } from '../engine/installedLicenses';
import { type LockfileFinder, scanLockfileFinder } from '../engine/lockfiles';
import { type Lockfile, Lockfiles, pinToLockfile } from '../engine/transitive';
import { VerdictTally } from '../engine/verdict';
import { findManifests, WalkScope } from '../engine/walk';
import { enclosingWorkspace } from '../engine/workspaceRoot';
import type { FolderVerdict } from '../protocol';
import { isWorkspaceCatalogFile } from '../readers/catalogs';
import { type ManifestKind, MANIFESTS_READ, manifestKind } from '../readers/index';
import { lockfileKind } from '../readers/lockfiles/index';
import { asExtra } from '../readers/types';

/** Editor settings (`sovereignLint.*`) for one folder. A config file wins over them. */
export interface FolderSettings {
  target?: Target;
  jurisdiction?: string;
  configPath?: string;
  exclude: string[];
}

export interface FolderContext {
  kb: KnowledgeBase;
  today: () => string;
  /** Whether config packages may be loaded from node_modules. */
  trusted: boolean;
  /** An open editor's text for a file, if it is open. */
  readOpen: (file: string) => string | undefined;
}

export class Folder {
  private readonly outcomes = new Map<string, FileOutcome>();
  /** What each judged file was read as: whether the manifests' lockfiles pin everything they declare, as they are edited. */
  private readonly reads = new Map<string, ReadOutcome>();
  /** The findings behind the verdict, kept counted: an edit re-counts one file, not the folder. */
  private readonly tally = new VerdictTally();
  private firstParty: ReadonlySet<string> = new Set();
  private linting!: ConfiguredLinting;
  /**
   * Which lockfile pins each manifest, each folder looked at once: a scan of a monorepo asks for every
   * manifest, four times over. Forgotten whenever the folder is configured again, which every scan starts
   * with, and every lockfile created or deleted starts a scan.
   */
  private findLockfile!: LockfileFinder;
  /** What the last scan read from each lockfile: judged again when a config changes, without reading it again. */
  private traced = new Map<string, ReadOutcome>();
  /**
   * The lockfiles that pin the manifests linted since the last scan (as they are edited, their dependencies are
   * looked up as typed). A scan lets them go: every lockfile created, changed or deleted starts one.
   */
  private lockfiles = new Map<string, Lockfile | undefined>();
  private resolver: ConfigResolver | undefined;
  private explicitConfig: string | undefined;
  /**
   * Files read as requirements because a manifest here includes them (`-r base.txt`, setup.cfg's `file:`), whatever
   * their name; with the setuptools extra whose value one is.
   */
  private readonly includedFiles = new Map<string, string | undefined>();
  /** What the folder's walk leaves out (the exclude setting's globs and what Git ignores), read afresh with the configs: a changed .gitignore starts a scan. */
  private scope!: WalkScope;
  /**
   * The workspace root above the folder when the folder is one member, looked up with the configs (every scan starts
   * with them): asked for each file outside every folder, it would read the folders above each time.
   */
  workspaceRoot: string | undefined;
  settings: FolderSettings = { exclude: [] };

  constructor(
    readonly uri: string,
    readonly root: string,
    readonly name: string,
    private readonly context: FolderContext,
    /**
     * Set for the folder of a file opened outside every workspace folder: only its open files are scanned, never
     * its tree (which may be a home directory).
     */
    readonly loose = false,
  ) {
    this.reconfigure();
  }

  /** Reads settings and configs afresh (a config or a setting changed); a broken config keeps its last good chain. */
  reconfigure(): void {
    const configPath = this.settings.configPath ? path.resolve(this.root, this.settings.configPath) : undefined;
    if (!this.resolver || this.explicitConfig !== configPath) {
      this.resolver = new ConfigResolver({
        trusted: this.context.trusted,
        read: this.context.readOpen,
        ...(configPath ? { explicit: configPath, explicitBase: this.root } : {}),
      });
      this.explicitConfig = configPath;
    }
    this.resolver.invalidate();
    this.scope = new WalkScope(this.root, this.settings.exclude.length ? picomatch(this.settings.exclude, { dot: true }) : undefined);
    this.findLockfile = scanLockfileFinder();
    this.workspaceRoot = enclosingWorkspace(this.root);
    const resolver = this.resolver;
    const defaults = {
      ...(this.settings.target ? { target: this.settings.target } : {}),
      ...(this.settings.jurisdiction ? { jurisdiction: this.settings.jurisdiction } : {}),
    };
    this.linting = new ConfiguredLinting(resolver, {
      kb: this.context.kb,
      root: this.root,
      today: this.context.today(),
      firstParty: this.firstParty,
      findLockfile: this.findLockfile,
      defaults,
      // A catalog edited in the editor counts before it is saved, as a config does.
      findCatalogs: liveCatalogFinder(this.context.readOpen),
    });
  }

  /**
   * Whether a file outside the folder is a lockfile or catalog file at the root of the workspace above it (the folder
   * is one member, opened on its own): the folder's manifests are pinned by it.
   */
  pinnedFromAbove(file: string): boolean {
    return (
      (lockfileKind(path.basename(file)) !== undefined || isWorkspaceCatalogFile(file)) &&
      !this.contains(file) &&
      path.dirname(file) === this.workspaceRoot
    );
  }

  contains(file: string): boolean {
    const relative = path.relative(this.root, file);
    return !relative.startsWith('..') && !path.isAbsolute(relative);
  }

  /** A sovereign-lint.json (or a file some config here extends). */
  isConfigFile(file: string): boolean {
    return CONFIG_FILE_NAMES.includes(path.basename(file)) || this.configFiles().includes(file);
  }

  /** Every config file the folder's manifests are judged under, with the configs they extend. */
  configFiles(): string[] {
    return [...new Set(this.linting.resolver.resolvedChains().flatMap((chain) => chain.files))];
  }

  /** Problems (and lapsed exceptions) per config file, for diagnostics on those files. */
  configFindings(): { problems: ChainProblem[]; expired: Finding[] } {
    const chains = this.linting.resolver.resolvedChains();
    return { problems: chains.flatMap((chain) => chain.problems), expired: this.linting.expiredExceptions(chains) };
  }

  /** Where attestations and exceptions for a manifest go: its nearest config, or a new one at the folder root. */
  configTarget(file: string): string {
    return this.linting.resolver.configFileFor(path.dirname(file)) ?? path.join(this.root, CONFIG_FILE_NAMES[0]!);
  }

  /** Whether a file is one the folder reads: a manifest by its name, or what a requirements file includes. */
  isManifest(file: string): boolean {
    return this.kindOf(file) !== undefined;
  }

  private kindOf(file: string): ManifestKind | undefined {
    return manifestKind(file.split(path.sep).join('/')) ?? (this.includedFiles.has(file) ? 'requirements' : undefined);
  }

  manifests(): string[] {
    return findManifests(this.root, this.scope)
      .map((file) => path.join(this.root, file))
      .filter((file) => !this.linting.resolver.isExcluded(file));
  }

  /**
   * Whether the scan leaves a file out (a folder its walk skips, the exclude setting, what Git ignores, or an `exclude`
   * of its config): changed or opened, it stays out.
   */
  excludes(file: string): boolean {
    return this.scope.leavesOut(file) || this.linting.resolver.isExcluded(file);
  }

  /**
   * Reads a file from its open buffer or from disk, without judging it yet. What a requirements file includes is read as
   * requirements too (see includedBy), as the CLI reads it, whatever its name.
   */
  read(file: string, text?: string): ReadOutcome | undefined {
    const kind = this.kindOf(file);
    if (!kind) return undefined;
    const outcome = text === undefined ? readDiskFile(file, kind, this.root) : readSourceText(relativeTo(this.root, file), kind, text);
    asExtra(outcome.read, this.includedFiles.get(file));
    this.includedBy(outcome);
    return outcome;
  }

  /**
   * Learns the files a requirements file includes (`-r`, `-c`), and says on it which of them do not exist, as the CLI
   * does. Included files outside the folder are another folder's.
   */
  private includedBy(outcome: ReadOutcome): void {
    for (const include of outcome.read?.includes ?? []) {
      const included = includedPath(outcome, include, this.root);
      if (!fs.existsSync(included)) {
        outcome.errors.push(missingInclude(outcome, include));
      } else if (this.contains(included) && this.includedFiles.get(included) === undefined) {
        this.includedFiles.set(included, include.extra);
      }
    }
  }

  /** The files requirements files include that are not manifests by name: a scan reads them after the manifests. */
  includes(): string[] {
    return [...this.includedFiles.keys()];
  }

  /** What a scan read before the manifest that includes it learnt of it: a setuptools extra's file becomes the extra's. */
  applyExtras(reads: readonly ReadOutcome[]): void {
    for (const outcome of reads) asExtra(outcome.read, this.includedFiles.get(path.join(this.root, outcome.file)));
  }

  /** Included files not judged yet (an edit added a `-r` line). */
  unjudgedIncludes(): string[] {
    return this.includes().filter((file) => !this.outcomes.has(file));
  }

  /** A scan learns anew what is included, from the files it reads. */
  forgetIncludes(): void {
    this.includedFiles.clear();
  }

  /** The project's own packages, from every manifest of the folder: they are first-party wherever they are used. */
  learnFirstParty(reads: readonly ReadOutcome[]): void {
    this.firstParty = firstPartyOf(reads, this.root);
    this.reconfigure();
  }

  /** What the folder's lockfiles pull in, as files to judge like any other (the CLI does the same). */
  traceLockfiles(reads: readonly ReadOutcome[]): ReadOutcome[] {
    const traced = traceLockfiles(reads, this.lockfileReader(), { root: this.root, findLockfile: this.findLockfile, firstParty: this.firstParty });
    this.traced = new Map(traced.map((read) => [path.join(this.root, read.file), read]));
    this.lockfiles.clear();
    return traced;
  }

  /** Judges the last scan's lockfiles again under the configs as they are now. */
  rejudgeLockfiles(): void {
    for (const [file, read] of this.traced) this.judge(file, read);
  }

  /** Names on each direct dependency what it pulls in. */
  addPulledIn(): void {
    const reports = [...this.outcomes.values()].flatMap((outcome) => (outcome.report ? [outcome.report] : []));
    addPulledInFindings(reports, this.root, (file) => this.linting.optionsFor(file));
  }

  /** Judges what was read and remembers the outcome for the verdict. */
  judge(file: string, read: ReadOutcome): FileOutcome {
    const outcome = judge(read, this.linting.optionsFor(file));
    this.outcomes.set(file, outcome);
    this.reads.set(file, read);
    return outcome;
  }

  /**
   * Reads and judges a file from its open buffer or from disk, as a workspace scan would: each dependency is looked up
   * in its lockfile as it is typed (the version locked for it, or that the lockfile is out of date for it), and names
   * what the last scan found it pulls in. A file the scan leaves out is not judged, and what was judged of it before
   * is forgotten.
   */
  lint(file: string, text?: string): FileOutcome | undefined {
    const read = this.read(file, text);
    // A lockfile is judged with the manifests it pins, by the workspace scan: its outcome is the scan's.
    if (!read) return this.outcomes.get(file);
    // pip reads what a requirements file includes wherever it is, so the CLI does too.
    if (this.excludes(file) && !this.includedFiles.has(file)) {
      this.forget(file);
      return undefined;
    }
    const owners = this.dynamicOwners();
    this.pinToLockfile(file, read, owners);
    const outcome = this.judge(file, read);
    // addPulledInFindings finds the report's own lockfile among these, as the scan does.
    const lockReports = [...this.outcomes.values()].flatMap(({ report }) => (report?.kind === 'lockfile' ? [report] : []));
    const optionsFor = (name: string) => this.linting.optionsFor(name);
    if (outcome.report) addPulledInFindings([outcome.report, ...lockReports], this.root, optionsFor, owners);
    return outcome;
  }

  /** The requirements files the folder's pyproject.toml files read their dependencies from (see dynamicOwners). */
  private dynamicOwners(): Map<string, string> {
    return dynamicOwners([...this.reads.values()].map(includingManifest));
  }

  /** `owners`: the requirements files pyproject.toml files read their dependencies from (see dynamicOwners). */
  private pinToLockfile(file: string, { kind, read }: ReadOutcome, owners: ReadonlyMap<string, string>): void {
    const relative = relativeTo(this.root, file);
    if (read && kind === 'requirements') {
      const context = { root: this.root, findLockfile: this.findLockfile, firstParty: this.firstParty };
      pinRequirements(relative, read, this.lockfileReader(), context, (output) => this.reads.get(path.join(this.root, output)));
    }
    const locked = lockingManifest(owners, relative, kind);
    if (!read || !locked) return;
    const manifest = path.join(this.root, locked.file);
    const lockPath = this.findLockfile(manifest, locked.kind, this.root);
    if (lockPath === undefined) return;
    if (!this.lockfiles.has(lockPath)) this.lockfiles.set(lockPath, this.lockfileReader().read(lockPath));
    const lockfile = this.lockfiles.get(lockPath);
    if (lockfile) pinToLockfile(lockfile, manifest, read.declarations, { root: this.root, firstParty: this.firstParty });
  }

  /** Reads lockfiles as the scan does, installed packages' licences included. */
  private lockfileReader(): Lockfiles {
    return new Lockfiles(this.root, lacksRecordedLicense(this.context.kb));
  }

  outcome(file: string): FileOutcome | undefined {
    return this.outcomes.get(file);
  }

  forget(file: string): void {
    this.outcomes.delete(file);
    this.reads.delete(file);
  }

  files(): string[] {
    return [...this.outcomes.keys()];
  }

  jurisdictionFor(file: string): string {
    return this.linting.optionsFor(file).classifier.jurisdiction;
  }

  verdict(): FolderVerdict {
    const outcomes = [...this.outcomes.values()];
    const rootOptions = this.linting.optionsForDirectory(this.root);
    const reports = outcomes.flatMap((outcome) => (outcome.report ? [outcome.report] : []));
    const filesWithErrors = outcomes.filter((outcome) => outcome.errors.length > 0).length;
    const expired = this.configFindings().expired;
    this.tally.sync([...reports, { findings: expired, target: rootOptions.target }]);
    const verdict = this.tally.verdict(rootOptions.target, filesWithErrors, transitiveCoverage([...this.reads.values()], this.root, this.findLockfile));
    // A Markdown file with no card keys is read, but is no manifest.
    const manifests = outcomes.filter((outcome) => outcome.report || outcome.errors.length > 0).length;
    return {
      folderUri: this.uri,
      folderName: this.name,
      target: rootOptions.target,
      tier: verdict.tier,
      meetsTarget: verdict.meetsTarget,
      manifests,
      summary: manifests ? verdict.summary : `no manifest found: nothing to judge (Sovereign Lint reads ${MANIFESTS_READ})`,
      blockedBy: verdict.blockedBy,
      exceptions: verdict.exceptions,
      filesWithErrors,
      knowledgeBase: this.context.kb.version,
      otherTargets: verdict.otherTargets,
    };
  }
}
