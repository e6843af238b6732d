// A workspace scan: every manifest under the given paths (and every requirements file they include),
// each judged under the config that applies to it, summed up in one verdict. A file that cannot be
// read becomes an error entry and the scan goes on.
import fs from 'node:fs';
import path from 'node:path';
import { componentId } from '../../../rules/src/ids';
import type { KnowledgeBase } from '../../../rules/src/kb';
import type { Declaration, Range, Target } from '../../../rules/src/types';
import { type ManifestKind, MANIFESTS_READ, manifestKind, readManifest } from '../readers/index';
import { type LockfileKind, lockfileKind } from '../readers/lockfiles/index';
import { asExtra, type Include, type ReadResult } from '../readers/types';
import { decodeManifest, MAX_MANIFEST_BYTES, oversized } from '../text/source';
import { dynamicOwners, includingManifest, lockingManifest } from './dynamicRequirements';
import { scanCatalogFinder } from './catalogs';
import { type ChainProblem, ConfigResolver } from './configResolver';
import { ConfiguredLinting } from './configuredLinting';
import { assessRead, type FileReport, type Finding, type LintOptions } from './lint';
import { lacksRecordedLicense } from './installedLicenses';
import { isPipToolsInput, type LockfileFinder, scanLockfileFinder } from './lockfiles';
import { addPulledInFindings } from './pulledIn';
import { relativeTo } from './paths';
import { append, flatten } from '../../../rules/src/lists';
import { Lockfiles, pinToCompiled, pinToLockfile, reachFrom } from './transitive';
import { computeVerdict, type TransitiveCoverage, type Verdict } from './verdict';
import { findManifests } from './walk';
import { enclosingWorkspace, isWorkspaceRoot, scanWorkspaces, workspaceMembers } from './workspaceRoot';

export interface ScanOptions {
  kb: KnowledgeBase;
  /** A config for every file (`--config`); otherwise the nearest sovereign-lint.json above each manifest. */
  configFile?: string;
  /** Whether config packages may be loaded from node_modules (the CLI runs where its user chose: trusted). */
  trusted?: boolean;
  /** Overrides every config's target. */
  target?: Target;
  /** Overrides every config's jurisdiction. */
  jurisdiction?: string;
  /** Where relative paths start (the CLI's working directory). */
  cwd: string;
  today: string;
}

export interface ScanError {
  file: string;
  message: string;
  range?: Range;
}

export interface ScanResult {
  root: string;
  target: Target;
  jurisdiction: string;
  kbVersion: string;
  files: FileReport[];
  findings: Finding[];
  errors: ScanError[];
  /** Problems in the config files used (an invalid config is a usage error for the CLI). */
  configProblems: ChainProblem[];
  verdict: Verdict;
}

/** A path given to the scan that does not exist or is not something it reads. */
export class ScanInputError extends Error {}

export function scan(paths: readonly string[], options: ScanOptions): ScanResult {
  const absolute = (paths.length ? paths : ['.']).map((p) => path.resolve(options.cwd, p));
  const root = absolute.length === 1 && isDirectory(absolute[0]!) ? absolute[0]! : options.cwd;
  const resolver = new ConfigResolver({
    trusted: options.trusted ?? true,
    ...(options.configFile ? { explicit: options.configFile, explicitBase: options.cwd } : {}),
  });

  const queue = absolute.flatMap((input) => inputsOf(input, root)).filter(({ file }) => !resolver.isExcluded(file));
  const seen = new Set(queue.map((item) => item.file));
  const reads: ReadOutcome[] = [];
  const includeErrors: ScanError[] = [];
  /** The included files that are a setuptools extra's value, whether or not they are read as manifests of their own too. */
  const extras = new Map<string, string>();
  for (let next = queue.shift(); next; next = queue.shift()) {
    const outcome = readDiskFile(next.file, next.kind, root);
    reads.push(outcome);
    for (const include of outcome.read?.includes ?? []) {
      const included = includedPath(outcome, include, root);
      if (include.extra !== undefined && !extras.has(included)) extras.set(included, include.extra);
      if (seen.has(included)) continue;
      seen.add(included);
      if (!fs.existsSync(included)) {
        includeErrors.push(missingInclude(outcome, include));
      } else {
        queue.push({ file: included, kind: 'requirements' });
      }
    }
  }
  for (const outcome of reads) asExtra(outcome.read, extras.get(path.resolve(root, outcome.file)));
  // A verdict over nothing would pass any gate: a mistyped folder, say, a project whose manifests are not read, or
  // Markdown files that are no cards.
  if (reads.every((outcome) => !outcome.read && outcome.errors.length === 0)) throw new ScanInputError(nothingToScan(paths.length ? paths : ['.']));
  // Judged only once every manifest is read: which packages are the project's own is known by then.
  const findLockfile = scanLockfileFinder();
  // Files named one by one leave the rest of a workspace rooted at the root unread: its members are the project's own all the same.
  const wholeRoot = absolute.length === 1 && absolute[0] === root;
  const firstParty = firstPartyOf(reads, root, enclosingWorkspace(root) ?? (!wholeRoot && isWorkspaceRoot(root) ? root : undefined));
  const linting = new ConfiguredLinting(resolver, { ...options, root, firstParty, findLockfile, findCatalogs: scanCatalogFinder() });
  // The lockfiles (tens of megabytes of text and tables) are garbage once traced: nothing below holds them.
  const pulledIn = traceLockfiles(reads, new Lockfiles(root, lacksRecordedLicense(options.kb)), { root, findLockfile, firstParty });
  const outcomes = [...reads, ...pulledIn].map((read) => judge(read, linting.optionsFor(path.resolve(root, read.file))));
  const files = outcomes.flatMap((outcome) => (outcome.report ? [outcome.report] : []));
  addPulledInFindings(files, root, (file) => linting.optionsFor(file));
  const errors = [...outcomes.flatMap((outcome) => outcome.errors), ...includeErrors];
  const expired = linting.expiredExceptions();
  const findings = flatten([...files.map((file) => file.findings), expired]);
  const filesWithErrors = new Set(errors.map((error) => error.file)).size;
  // The scan's own target: a flag, else the config at the root, else the default.
  const rootOptions = linting.optionsForDirectory(root);
  return {
    root,
    target: rootOptions.target,
    jurisdiction: rootOptions.classifier.jurisdiction,
    kbVersion: options.kb.version,
    files,
    findings,
    errors,
    configProblems: resolver.resolvedChains().flatMap((chain) => chain.problems),
    verdict: computeVerdict(
      [...files, { findings: expired, target: rootOptions.target }],
      rootOptions.target,
      filesWithErrors,
      transitiveCoverage(reads, root, findLockfile),
    ),
  };
}

/** Where a workspace's lockfiles are, and which packages are its own (no lockfile need lock those). */
export interface TraceContext {
  root: string;
  findLockfile: LockfileFinder;
  firstParty: ReadonlySet<string>;
}

/**
 * Follows every package.json and pyproject.toml into the lockfile that pins it: each declaration learns its
 * locked version (or that the lockfile is out of date for it), and the packages they pull in become one
 * more file to judge per lockfile, relation `transitive`, each with the chain that brings it. A pip-tools input
 * learns its versions from the output pip-compile wrote, which lists what they pull in itself.
 */
export function traceLockfiles(reads: readonly ReadOutcome[], lockfiles: Lockfiles, { root, findLockfile, firstParty }: TraceContext): ReadOutcome[] {
  // The manifests each lockfile pins, so that each lockfile is read, traced and let go in turn: a monorepo's
  // lockfiles together run to hundreds of megabytes of tables, and holding them all makes every collection slower.
  const manifestsByLock = new Map<string, { manifest: string; declarations: Declaration[] }[]>();
  const readsByFile = new Map(reads.map((outcome) => [outcome.file, outcome]));
  const owners = dynamicOwners(reads.map(includingManifest));
  for (const { file, kind, read } of reads) {
    if (read && kind === 'requirements') pinRequirements(file, read, lockfiles, { root, findLockfile, firstParty }, (output) => readsByFile.get(output));
    const locked = lockingManifest(owners, file, kind);
    if (!read || !locked) continue;
    const manifest = path.resolve(root, locked.file);
    const lockPath = findLockfile(manifest, locked.kind, root);
    if (lockPath) append(manifestsByLock, lockPath, { manifest, declarations: read.declarations });
  }
  const traced: ReadOutcome[] = [];
  for (const [lockPath, manifests] of manifestsByLock) {
    const lockfile = lockfiles.read(lockPath);
    if (!lockfile) continue;
    const direct = new Set<string>();
    const production = new Set<string>();
    for (const { manifest, declarations } of manifests) {
      for (const { key, dev } of pinToLockfile(lockfile, manifest, declarations, { root, firstParty })) {
        direct.add(key);
        if (!dev) production.add(key);
      }
    }
    if (!direct.size) continue;
    const devOnly = new Set([...direct].filter((key) => !production.has(key)));
    const declarations = reachFrom(lockfile, direct, devOnly).map(({ key, via }): Declaration => {
      const locked = lockfile.result.packages.get(key)!;
      const declaration: Declaration = { id: locked.id, ecosystem: locked.ecosystem, name: locked.name, relation: 'transitive', range: locked.locate(), via };
      if (locked.version) declaration.versionSpec = locked.version;
      const source = locked.source;
      if (!source) declaration.integrity = locked.hashes;
      else if (source.kind !== 'workspace') declaration.directReference = { kind: source.kind, target: source.target };
      if (locked.license !== undefined) declaration.declaredLicense = locked.license;
      return declaration;
    });
    traced.push({ file: relativeTo(root, lockfile.path), kind: 'lockfile', read: { declarations, licenses: [], problems: [], includes: [] }, errors: [] });
  }
  // A lockfile's own problems travel with it: a broken one still yields what could be read.
  for (const error of lockfiles.errors) {
    const outcome = traced.find((candidate) => candidate.file === error.file);
    if (outcome) outcome.errors.push(error);
    else traced.push({ file: error.file, kind: 'lockfile', errors: [error] });
  }
  return traced;
}

/**
 * A requirements file (relative to the root) pins as a lockfile does: its exact pins take their installed licences, and
 * a pip-tools input (`requirements.in`) the versions of the output pip-compile wrote from it. `known` gives that output's
 * read where the caller has one (a scan's, an editor buffer's), else it is read from disk.
 */
export function pinRequirements(file: string, read: ReadResult, lockfiles: Lockfiles, context: TraceContext, known: (output: string) => ReadOutcome | undefined): void {
  lockfiles.licensePins(file, read.declarations);
  if (isPipToolsInput(file)) pinToCompiledOutput(file, read, context, known);
}

function pinToCompiledOutput(file: string, read: ReadResult, { root, findLockfile, firstParty }: TraceContext, known: (output: string) => ReadOutcome | undefined): void {
  const output = findLockfile(path.resolve(root, file), 'requirements', root);
  if (output === undefined) return;
  const relative = relativeTo(root, output);
  const compiled = known(relative)?.read ?? readDiskFile(output, 'requirements', root).read;
  if (compiled) pinToCompiled(compiled, relative, read.declarations, firstParty);
}

/**
 * Whether every manifest with dependencies had its whole graph pinned — by an up-to-date lockfile, or as a
 * requirements file compiled by pip-compile — and, when not, why: what the rest pulls in was not examined.
 * Run after traceLockfiles, which finds the dependencies a lockfile lacks.
 */
export function transitiveCoverage(reads: readonly ReadOutcome[], root: string, findLockfile: LockfileFinder): TransitiveCoverage {
  let pinned = 0;
  let unpinned = 0;
  let withoutLockfile = false;
  let outOfDate = false;
  const owners = dynamicOwners(reads.map(includingManifest));
  for (const { file, kind, read } of reads) {
    // A card's models and datasets pull nothing in; a lockfile is what pins the rest.
    if (!read?.declarations.length || kind === 'card' || kind === 'lockfile') continue;
    const lockedBy = (manifest: { file: string; kind: ManifestKind }) => findLockfile(path.resolve(root, manifest.file), manifest.kind, root) !== undefined;
    // A requirements file pip-compile wrote, or the input of one, pins as a lockfile does.
    const compiled = kind === 'requirements' && (read.compiled === true || (isPipToolsInput(file) && lockedBy({ file, kind })));
    const locking = lockingManifest(owners, file, kind);
    if (compiled || (locking !== undefined && lockedBy(locking))) {
      const lacking = read.declarations.filter((declaration) => declaration.staleLock).length;
      // What no lockfile pins by design (Hatch's environments) was not examined for want of a lockfile.
      const unlockable = read.declarations.filter((declaration) => declaration.unlockable).length;
      outOfDate ||= lacking > 0;
      withoutLockfile ||= unlockable > 0;
      if (lacking + unlockable < read.declarations.length) pinned++;
      if (lacking + unlockable > 0) unpinned++;
    } else {
      withoutLockfile = true;
      unpinned++;
    }
  }
  const examined = unpinned === 0 ? 'examined' : pinned === 0 ? 'not examined' : 'partly examined';
  const because = withoutLockfile && outOfDate ? 'no lockfile, or one out of date' : withoutLockfile ? 'no lockfile' : 'lockfile out of date';
  return examined === 'examined' ? { examined } : { examined, because };
}

function nothingToScan(given: readonly string[]): string {
  return (
    `no manifest found in ${given.join(', ')} (Sovereign Lint reads ${MANIFESTS_READ}, and skips node_modules, virtualenvs, ` +
    'build output, what Git ignores and what its config excludes)'
  );
}

/** The manifest each kind of lockfile pins, for a user who names the lockfile instead. */
const PINNED_BY: Record<LockfileKind, string> = {
  'package-lock': 'package.json',
  yarn: 'package.json',
  pnpm: 'package.json',
  bun: 'package.json',
  poetry: 'pyproject.toml',
  uv: 'pyproject.toml',
  pdm: 'pyproject.toml',
  rye: 'pyproject.toml',
  'rye-dev': 'pyproject.toml',
  'pipfile-lock': 'Pipfile',
  // Manifests themselves, read as such: never asked for here.
  pipfile: 'Pipfile',
  conda: 'environment.yml',
};

function notAManifest(input: string): string {
  const lockfile = lockfileKind(input.split(path.sep).join('/'));
  if (lockfile) return `${input} is a lockfile: it is read with the ${PINNED_BY[lockfile]} it pins (scan that, or its folder)`;
  return `${input} is not a manifest Sovereign Lint reads (${MANIFESTS_READ})`;
}

function inputsOf(input: string, root: string): { file: string; kind: ManifestKind }[] {
  if (!fs.existsSync(input)) throw new ScanInputError(`${input} does not exist`);
  if (isDirectory(input)) {
    return findManifests(input).map((file) => {
      const absolute = path.join(input, file);
      return { file: absolute, kind: manifestKind(relativeTo(root, absolute))! };
    });
  }
  const kind = manifestKind(input.split(path.sep).join('/'));
  if (!kind) throw new ScanInputError(notAManifest(input));
  return [{ file: input, kind }];
}

/** What linting one file gave: its report (none for a Markdown file that is no card) and its errors. */
export interface FileOutcome {
  file: string;
  report?: FileReport;
  errors: ScanError[];
}

/** One manifest read but not yet judged: what its reader found, or why it could not be read. */
export interface ReadOutcome {
  file: string;
  kind: ManifestKind | 'lockfile';
  read?: ReadResult;
  errors: ScanError[];
}

/** Where a manifest's include (`-r base.txt`, setup.cfg's `file:`) points: relative to the manifest, as pip reads it. */
export function includedPath(outcome: ReadOutcome, include: Include, root: string): string {
  return path.resolve(root, path.dirname(outcome.file), include.path);
}

/** What is said on a manifest whose include names no file: pip and setuptools would stop there. */
export function missingInclude(outcome: ReadOutcome, include: Include): ScanError {
  return { file: outcome.file, message: `included file ${include.path} does not exist`, range: include.range };
}

/** Reads one manifest from disk; never throws. */
export function readDiskFile(absolute: string, kind: ManifestKind, root: string): ReadOutcome {
  const file = relativeTo(root, absolute);
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(absolute);
  } catch (error) {
    return { file, kind, errors: [{ file, message: `could not be read: ${messageOf(error)}` }] };
  }
  const decoded = decodeManifest(bytes);
  if (!decoded.ok) {
    // A Markdown file we cannot decode is no card of ours; any other manifest is an error.
    return { file, kind, errors: kind === 'card' ? [] : [{ file, message: decoded.message }] };
  }
  return readSourceText(file, kind, decoded.text);
}

/** Reads one manifest's text (from disk or an editor buffer); never throws. */
export function readSourceText(file: string, kind: ManifestKind, text: string): ReadOutcome {
  // An editor's buffer is held to the limit a file on disk is: the editor and the CLI judge the same file alike.
  // (A UTF-16 unit is at most 3 UTF-8 bytes: a shorter text is within the limit without counting.)
  const oversize = text.length > MAX_MANIFEST_BYTES / 3 ? oversized(Buffer.byteLength(text)) : undefined;
  if (oversize) return { file, kind, errors: [{ file, message: oversize }] };
  try {
    // A byte-order mark a client keeps in its buffer (decoding drops the one of a file on disk) is a character of its
    // positions: a blank in its place keeps every range where the client counts it, and every reader takes a blank there.
    const source = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
    const read = readManifest(kind, source, path.posix.basename(file));
    if (!read) return { file, kind, errors: [] };
    return { file, kind, read, errors: read.problems.map((problem) => ({ file, message: problem.message, range: problem.range })) };
  } catch (error) {
    return { file, kind, errors: [internalError(file, error)] };
  }
}

/** Places, classifies and checks what was read; never throws. */
export function judge(outcome: ReadOutcome, options: LintOptions): FileOutcome {
  if (!outcome.read) return { file: outcome.file, errors: outcome.errors };
  try {
    return { file: outcome.file, report: assessRead(outcome.file, outcome.kind, outcome.read, options), errors: outcome.errors };
  } catch (error) {
    return { file: outcome.file, errors: [...outcome.errors, internalError(outcome.file, error)] };
  }
}

/**
 * The project's own packages, as component ids: the members of every workspace the scan meets — `workspace`, by default
 * the one its root sits in (a member scanned on its own), and each whose root it reads. A package merely named by a
 * manifest of the tree is none of them (SPEC §2): a project does not depend on itself, its examples install its published
 * release, and two projects side by side are two projects.
 */
export function firstPartyOf(reads: readonly ReadOutcome[], root: string, workspace = enclosingWorkspace(root)): Set<string> {
  const own = new Set(workspace === undefined ? [] : workspaceMembers(workspace));
  const manifests = reads.filter(({ kind, read }) => read?.ownName !== undefined && (kind === 'package-json' || kind === 'pyproject'));
  const folderOf = (file: string) => path.dirname(path.resolve(root, file));
  // A root lists its members in its manifest, or in a pnpm-workspace.yaml beside its package.json: only those are read again.
  const listing = reads.filter(({ file, kind, read }) => read?.listsMembers || (kind === 'package-json' && fs.existsSync(path.join(folderOf(file), 'pnpm-workspace.yaml'))));
  const roots = new Set(listing.map(({ file }) => folderOf(file)).filter((folder) => folder !== workspace && isWorkspaceRoot(folder)));
  if (roots.size === 0) return own;
  const workspaces = scanWorkspaces();
  for (const { file, kind, read } of manifests) {
    const folder = folderOf(file);
    // uv counts the workspace root a member too; npm, Yarn, pnpm and Bun only the folders their globs name.
    const family = kind === 'package-json' ? 'npm' : 'uv';
    const memberOf = (dir: string) => roots.has(dir) && ((family === 'uv' && dir === folder) || workspaces.isMember(dir, folder, family));
    if (ancestors(folder, root).some(memberOf)) own.add(componentId(family === 'npm' ? 'npm' : 'pypi', read!.ownName!));
  }
  return own;
}

/** A folder and the folders above it, up to `root` (absolute). */
function ancestors(folder: string, root: string): string[] {
  const found = [folder];
  for (let dir = folder; dir !== root && path.dirname(dir) !== dir; ) found.push((dir = path.dirname(dir)));
  return found;
}

/** An engine bug must cost one file, not the scan or the language server. */
function internalError(file: string, error: unknown): ScanError {
  return { file, message: `internal error while reading this file: ${messageOf(error)}` };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}


function isDirectory(p: string): boolean {
  return fs.statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
