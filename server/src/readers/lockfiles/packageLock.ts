// package-lock.json and npm-shrinkwrap.json (https://docs.npmjs.com/cli/configuring-npm/package-lock-json).
// lockfileVersion 2 and 3 list every installed folder in `packages`, keyed by its path (`""` is the root,
// `node_modules/a/node_modules/b` a nested copy, `packages/foo` a workspace member, linked from
// `node_modules/@acme/foo`); version 1 nests the same tree in `dependencies`, which is read into the same
// path keys. Each dependency edge goes to the folder Node would load it from (see NodeResolution).
import { componentId } from '../../../../rules/src/ids';
import { EntryLocator, jsonKeyFinder } from './locate';
import { linkSource, npmSource } from './npmSource';
import { loadJson } from './parse';
import { emptyLockResult } from './result';
import type { LockedPackage, LockResult } from './types';
import { string, type Table, table } from './values';

const LABEL = 'npm lockfile';
/** The longest path Linux allows (PATH_MAX); Windows allows far less. */
const MAX_PATH = 4096;
const EDGE_FIELDS = ['dependencies', 'optionalDependencies', 'peerDependencies'] as const;
const IMPORTER_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;

export function readPackageLock(text: string): LockResult {
  const result = emptyLockResult('package-lock');
  const root = loadJson(text, LABEL, result.problems);
  if (!root) return result;
  const locator = new EntryLocator(text, jsonKeyFinder('{'));
  const packages = table(root.packages);
  if (packages) readPackages(packages, result, locator);
  else readDependencyTree(table(root.dependencies) ?? {}, result, locator);
  return result;
}

/** Versions 2 and 3: the flat `packages` map. */
function readPackages(packages: Table, result: LockResult, locator: EntryLocator<string>): void {
  const paths = Object.keys(packages);
  const entryAt = (path: string) => (Object.hasOwn(packages, path) ? table(packages[path]) : undefined);
  const resolution = new NodeResolution(paths);
  for (const path of paths) {
    const entry = table(packages[path]);
    if (!entry) continue;
    const at = path.lastIndexOf('node_modules/');
    // The root and folders outside node_modules (workspace members, `file:` targets) are reached through links.
    if (at < 0) continue;
    const link = entry.link === true ? (string(entry.resolved) ?? '') : undefined;
    // A link's version and dependencies are those of the folder it points to.
    const origin = link === undefined ? entry : entryAt(link);
    const name = string(entry.name) ?? path.slice(at + 'node_modules/'.length);
    const version = string(origin?.version);
    const source = link === undefined ? npmSource(string(entry.resolved)) : linkSource(link);
    result.packages.set(path, {
      id: componentId('npm', name),
      ecosystem: 'npm',
      name,
      version,
      dependencies: resolution.edges(origin, link ?? path, EDGE_FIELDS),
      hashes: isVerified(entry, 'inBundle'),
      source,
      dev: entry.dev === true,
      license: string(origin?.license),
      locate: locator.add(path),
    });
    if (source?.kind === 'workspace' && source.target !== '') result.importers.set(source.target, resolution.edges(origin, source.target, IMPORTER_FIELDS));
  }
  result.importers.set('', resolution.edges(entryAt(''), '', IMPORTER_FIELDS));
}

/** Version 1: `dependencies` nested as installed, read in text order into version-2 path keys. */
function readDependencyTree(top: Table, result: LockResult, locator: EntryLocator<string>): void {
  const found: { path: string; name: string; entry: Table; locate: LockedPackage['locate'] }[] = [];
  // An explicit stack: the tree is as deep as the file says, and recursion would overflow on a hostile one.
  const frames = [{ dir: '', children: Object.entries(top), next: 0 }];
  while (frames.length > 0) {
    const frame = frames.at(-1)!;
    if (frame.next === frame.children.length) {
      frames.pop();
      continue;
    }
    const [name, value] = frame.children[frame.next++]!;
    const entry = table(value);
    if (!entry) continue;
    const path = frame.dir === '' ? `node_modules/${name}` : `${frame.dir}/node_modules/${name}`;
    const locate = locator.add(name);
    found.push({ path, name, entry, locate });
    const nested = table(entry.dependencies);
    if (!nested) continue;
    if (path.length > MAX_PATH) {
      // Keys grow with depth: reading on would cost the square of the file's size, for folders no disk can hold.
      if (result.problems.length === 0) result.problems.push({ message: `${LABEL}: dependencies nested deeper than a file system path can go; not read`, range: locate() });
      continue;
    }
    frames.push({ dir: path, children: Object.entries(nested), next: 0 });
  }
  const resolution = new NodeResolution(found.map((f) => f.path));
  for (const { path, name, entry, locate } of found) {
    const pinned = pinnedVersion(name, string(entry.version));
    const source = pinned.source ?? npmSource(string(entry.resolved));
    result.packages.set(path, {
      id: componentId('npm', pinned.name),
      ecosystem: 'npm',
      name: pinned.name,
      version: pinned.version,
      dependencies: resolution.edges(entry, path, ['requires']),
      hashes: isVerified(entry, 'bundled'),
      source,
      dev: entry.dev === true,
      // Version 1 records no licences.
      license: undefined,
      locate,
    });
  }
}

/** An entry with its own integrity hash, or bundled inside its parent's tarball (verified with the parent). */
function isVerified(entry: Table, bundledFlag: 'inBundle' | 'bundled'): boolean {
  return typeof entry.integrity === 'string' || entry[bundledFlag] === true;
}

/** A version-1 `version`: a version, an alias (`npm:string-width@4.2.3`) or what a git/URL/path dependency resolved to. */
function pinnedVersion(name: string, version: string | undefined): { name: string; version?: string; source?: LockedPackage['source'] } {
  const alias = version && /^npm:((?:@[^/@]+\/)?[^@]+)@(.+)$/.exec(version);
  if (alias) return { name: alias[1]!, version: alias[2]! };
  if (version === undefined || !version.includes(':')) return { name, version };
  return { name, source: npmSource(version) };
}

/**
 * Node's module resolution over lockfile paths: from `node_modules/a/node_modules/b`, a dependency `c` is
 * `node_modules/a/node_modules/b/node_modules/c` if installed there, else `node_modules/a/node_modules/c`,
 * else `node_modules/c`; from a workspace member `packages/foo`, `packages/foo/node_modules/c`, …, `node_modules/c`.
 */
class NodeResolution {
  /**
   * Folder ('' for the root) → name → path of the package installed in its node_modules. The inner maps
   * are prototype-free objects: with a hundred thousand names they answer faster than a Map.
   */
  private readonly folders = new Map<string, Record<string, string>>();
  /** The lookup of a package with no node_modules of its own: the root's. */
  private readonly rootOnly: Record<string, string>[];

  constructor(paths: Iterable<string>) {
    for (const path of paths) {
      const nested = path.lastIndexOf('/node_modules/');
      const folder = nested >= 0 ? path.slice(0, nested) : path.startsWith('node_modules/') ? '' : undefined;
      if (folder === undefined) continue;
      let names = this.folders.get(folder);
      if (!names) this.folders.set(folder, (names = Object.create(null) as Record<string, string>));
      names[path.slice(nested >= 0 ? nested + '/node_modules/'.length : 'node_modules/'.length)] = path;
    }
    this.rootOnly = this.folders.has('') ? [this.folders.get('')!] : [];
  }

  /** The paths a package's dependency fields resolve to, each once; dependencies not installed are left out. */
  edges(entry: Table | undefined, from: string, fields: readonly string[]): string[] {
    const out: string[] = [];
    let sections = 0;
    let lookup: Record<string, string>[] | undefined;
    for (const field of fields) {
      const declared = table(entry?.[field]);
      if (!declared) continue;
      sections++;
      lookup ??= this.lookup(from);
      // An optional peer is used where something else installs it: it is not what this package pulls in.
      const optional = field === 'peerDependencies' ? table(entry?.peerDependenciesMeta) : undefined;
      // for…in rather than Object.keys: no array per package (JSON objects inherit nothing enumerable).
      for (const name in declared) {
        if (optional && table(optional[name])?.optional === true) continue;
        for (const folder of lookup) {
          const path = folder[name];
          if (path === undefined) continue;
          out.push(path);
          break;
        }
      }
    }
    // A name can be in two sections (a peer that is also a dependency); within one it is unique.
    return sections > 1 ? [...new Set(out)] : out;
  }

  /** The node_modules folders a lookup from `from` consults, nearest first: only those that exist. */
  private lookup(from: string): Record<string, string>[] {
    // Most packages sit in the root's node_modules with none of their own.
    if (!this.folders.has(from) && parentFolder(from) === '') return this.rootOnly;
    const folders: Record<string, string>[] = [];
    for (let dir = from; ; dir = parentFolder(dir)) {
      const names = this.folders.get(dir);
      if (names) folders.push(names);
      if (dir === '') return folders;
    }
  }
}

/** The folder a module lookup moves up to: out of the package's node_modules, or one folder up. */
function parentFolder(dir: string): string {
  const nested = dir.lastIndexOf('/node_modules/');
  if (nested >= 0) return dir.slice(0, nested);
  if (dir.startsWith('node_modules/')) return '';
  const slash = dir.lastIndexOf('/');
  return slash < 0 ? '' : dir.slice(0, slash);
}
