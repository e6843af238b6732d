// pnpm-lock.yaml (https://github.com/pnpm/spec/tree/master/lockfile), every layout since 5.x:
// - `importers` ('.' and member folders; v5/v6 single projects put the root's sections at the top
//   level) → dependencies / devDependencies / optionalDependencies, each a version (v5) or
//   `{ specifier, version }` (v6+);
// - `packages`, keyed `/name/1.0.0_peer` (v5), `/name@1.0.0(peer@1)` (v6) or `name@1.0.0` (v9): the
//   resolution (integrity, tarball, git, directory) and, before v9, dependencies and the dev flag;
// - `snapshots` (v9, and the late 7.0 previews): the installed instances, keyed by dependency path
//   (`name@1.0.0(peer@1)`), with their dependencies.
// A dependency's version is either a version (`4.17.21`, `4.3.4(supports-color@8.0.0)`), a dependency
// path of its own (aliases, git), or `link:../folder` for a workspace member or a local folder.
import type { Range } from '../../../../rules/src/types';
import { componentId } from '../../../../rules/src/ids';
import { append } from '../../../../rules/src/lists';
import { splitDescriptor } from './descriptor';
import { EntryLocator, LazyLines, yamlKeyFinder } from './locate';
import { linkSource, npmSource } from './npmSource';
import { loadYaml } from './parse';
import { pnpmPinEdits, pnpmSpecifierFinder } from './pnpmSpecifiers';
import { emptyLockResult, markDevOnly } from './result';
import type { LockedPackage, LockResult } from './types';
import { string, type Table, table } from './values';

const LABEL = 'pnpm-lock.yaml';
const IMPORTER_SECTIONS = ['dependencies', 'optionalDependencies', 'devDependencies'] as const;

export function readPnpmLock(text: string): LockResult {
  const result = emptyLockResult('pnpm');
  const root = loadYaml(text, LABEL, result.problems);
  if (!root) return result;
  const metadata = tablesOf(root.packages);
  const snapshots = table(root.snapshots) ? tablesOf(root.snapshots) : undefined;
  const instances = snapshots ?? metadata;
  const lines = new LazyLines(text);
  const links = new Links(text, lines);

  /** The key a dependency's version points to; `from` is the folder asking, for `link:` versions. */
  const resolve = (name: string, ref: string, from: string): string | undefined => {
    if (ref.startsWith('link:')) return links.key(name, from, ref);
    // Newest layout first: v9, v6, v5, then the version as a dependency path of its own (aliases, git).
    const listed = (path: string) => (instances.has(path) ? path : undefined);
    return listed(`${name}@${ref}`) ?? listed(`/${name}@${ref}`) ?? listed(`/${name}/${ref}`) ?? listed(ref) ?? listed(`/${ref}`);
  };

  // Ranges point at the `packages` entry, where the resolution (and so any finding about it) is.
  const locator = new EntryLocator(text, yamlKeyFinder(2, 'packages'), lines);
  const located = new Map<string, () => Range>();
  for (const key of metadata.keys()) located.set(key, locator.add(key));
  const unlisted = new EntryLocator(text, yamlKeyFinder(2, 'snapshots'), lines);

  for (const [key, body] of instances) {
    const base = snapshots ? key.replace(/\(.*$/, '') : key;
    const meta = metadata.get(base) ?? body;
    const parsed = parseKey(key);
    const name = string(meta.name) ?? parsed.name;
    const version = string(meta.version) ?? parsed.version;
    const source = pnpmSource(table(meta.resolution));
    const dependencies: string[] = [];
    for (const section of ['dependencies', 'optionalDependencies']) {
      for (const [dependency, ref] of Object.entries(table(body[section]) ?? {})) {
        const target = typeof ref === 'string' ? resolve(dependency, ref, '') : undefined;
        if (target !== undefined) dependencies.push(target);
      }
    }
    result.packages.set(key, {
      id: componentId('npm', name),
      ecosystem: 'npm',
      name,
      version,
      dependencies,
      hashes: typeof table(meta.resolution)?.integrity === 'string',
      source,
      dev: false,
      locate: located.get(base) ?? unlisted.add(key),
    });
  }

  const runtime: string[] = [];
  const dev: string[] = [];
  /** Each importer's dependencies but its devDependencies: what a package linking to it pulls in. */
  const runtimeOf = new Map<string, string[]>();
  result.specifiers = new Map();
  result.specifierAt = pnpmSpecifierFinder(text, lines);
  result.pinEdits = pnpmPinEdits(result.specifierAt);
  result.overrides = overridesOf(table(root.overrides));
  for (const [path, importer] of importersOf(root)) {
    const direct: string[] = [];
    const needed: string[] = [];
    // v5 lists the specs apart (`specifiers`), v6+ beside each version.
    const specifiers = new Map(Object.entries(table(importer.specifiers) ?? {}).flatMap(([name, spec]) => (typeof spec === 'string' ? [[name, spec] as const] : [])));
    result.specifiers.set(path, specifiers);
    for (const section of IMPORTER_SECTIONS) {
      for (const [dependency, spec] of Object.entries(table(importer[section]) ?? {})) {
        const specifier = string(table(spec)?.specifier);
        if (specifier !== undefined) specifiers.set(dependency, specifier);
        // v5 writes the version itself, v6+ `{ specifier, version }`.
        const ref = string(spec) ?? string(table(spec)?.version);
        const target = ref === undefined ? undefined : resolve(dependency, ref, path);
        if (target === undefined) continue;
        direct.push(target);
        if (section === 'devDependencies') {
          dev.push(target);
        } else {
          runtime.push(target);
          needed.push(target);
        }
      }
    }
    result.importers.set(path, direct);
    runtimeOf.set(path, needed);
  }
  links.addTo(result, runtimeOf);
  // From the graph rather than v5/v6's `dev` flags: v9 has none, and linked folders never had one.
  markDevOnly(result.packages, runtime, dev);
  return result;
}

/**
 * `overrides` by the name of the dependency each replaces: `foo` and `foo@<2` (for some of foo's ranges) name it; an
 * override for a dependency of another package only (`bar>foo`) is no direct dependency's.
 */
function overridesOf(overrides: Table | undefined): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  for (const [selector, spec] of Object.entries(overrides ?? {})) {
    if (typeof spec === 'string' && !selector.includes('>')) append(byName, splitDescriptor(selector).name, spec);
  }
  return byName;
}

/** Importer folder ('' for the root) → its sections. */
function importersOf(root: Table): [string, Table][] {
  const importers = table(root.importers);
  if (!importers) return [['', root]];
  return Object.entries(importers).flatMap(([path, value]) => {
    const importer = table(value);
    return importer ? [[path === '.' ? '' : path, importer] as [string, Table]] : [];
  });
}

/** `link:` dependencies: folders, not packages in the lockfile; each becomes a package keyed `link:<folder>`. */
class Links {
  private readonly found = new Map<string, { name: string; folder: string; ref: string }>();

  constructor(
    private readonly text: string,
    private readonly lines: LazyLines,
  ) {}

  key(name: string, from: string, ref: string): string {
    const folder = joinPath(from, ref.slice('link:'.length));
    const key = `link:${folder}`;
    if (!this.found.has(key)) this.found.set(key, { name, folder, ref });
    return key;
  }

  /** Adds the linked folders as packages; a linked importer depends on what it declares for run time (`runtimeOf`). */
  addTo(result: LockResult, runtimeOf: ReadonlyMap<string, string[]>): void {
    for (const [key, { name, folder, ref }] of this.found) {
      result.packages.set(key, {
        id: componentId('npm', name),
        ecosystem: 'npm',
        name,
        dependencies: runtimeOf.get(folder) ?? [],
        hashes: false,
        source: linkSource(folder),
        dev: false,
        // A link is declared where an importer names it: its first mention.
        locate: () => {
          const at = this.text.indexOf(ref);
          return at < 0 ? this.lines.range(0, 0) : this.lines.range(at, at + ref.length);
        },
      });
    }
  }
}

/** `apps/web` + `../core` → `apps/core` ('' is the lockfile's folder; a path above it keeps its `..`). */
function joinPath(base: string, relative: string): string {
  const parts = base === '' ? [] : base.split('/');
  for (const part of relative.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts.at(-1) !== '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

/** Name and version from a key: `/@babel/core/7.0.0_peer` (v5), `/@babel/core@7.0.0(peer)` (v6), `@babel/core@7.0.0` (v9). */
function parseKey(key: string): { name: string; version?: string } {
  const path = key.startsWith('/') ? key.slice(1) : key;
  const nameStart = path.startsWith('@') ? path.indexOf('/') + 1 : 0;
  const separator = path.slice(nameStart).search(/[@/]/);
  if (separator < 0) return { name: path };
  const at = nameStart + separator;
  const raw = path.slice(at + 1);
  // v5 appends peers after `_`, v6+ in parentheses.
  const version = path[at] === '/' ? raw.replace(/_.*$/, '') : raw.replace(/\(.*$/, '');
  return { name: path.slice(0, at), version: /^\d[^:/]*$/.test(version) ? version : undefined };
}

function pnpmSource(resolution: Table | undefined): LockedPackage['source'] {
  if (!resolution) return undefined;
  const type = string(resolution.type);
  if (type === 'git') return { kind: 'vcs', target: `${string(resolution.repo) ?? ''}#${string(resolution.commit) ?? ''}` };
  if (type === 'directory') return linkSource(string(resolution.directory) ?? '');
  return npmSource(string(resolution.tarball));
}

/** The entries of a mapping, as a Map (no prototype keys); a value that is not a mapping counts as an empty entry. */
function tablesOf(value: unknown): Map<string, Table> {
  const out = new Map<string, Table>();
  for (const [key, entry] of Object.entries(table(value) ?? {})) out.set(key, table(entry) ?? {});
  return out;
}
