// bun.lock, Bun's text lockfile (Bun 1.2+; https://bun.sh/docs/install/lockfile): JSON with trailing commas.
// `workspaces` gives each member folder ('' the root) its dependency sections; `packages` is keyed like a
// hoisted node_modules tree: `name` for a hoisted package, `parent/name` for a copy nested under the
// package (or workspace member) that needs another version. Each value is an array led by `name@resolution`:
//
//   npm         [ "name@1.2.3", registry, { dependencies, … }, "sha512-…" ]
//   workspace   [ "name@workspace:packages/x" ]
//   file / link [ "name@file:../lib", { … } ]
//   git         [ "name@github:user/repo#ref", { … }, "tag" ]     tarball [ "name@https://…/x.tgz", { … } ]
//
// The binary bun.lockb of older Bun versions is not read (`bun install --save-text-lockfile` writes bun.lock).
import { componentId } from '../../../../rules/src/ids';
import { EntryLocator, jsonKeyFinder } from './locate';
import { linkSource, npmSource } from './npmSource';
import { loadJsonc } from './parse';
import { emptyLockResult } from './result';
import type { LockedPackage, LockResult } from './types';
import { string, type Table, table } from './values';

const LABEL = 'bun.lock';
const EDGE_FIELDS = ['dependencies', 'optionalDependencies', 'peerDependencies'] as const;
const IMPORTER_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;

export function readBunLock(text: string): LockResult {
  const result = emptyLockResult('bun');
  const root = loadJsonc(text, LABEL, result.problems);
  const packages = table(root?.packages);
  if (!root || !packages) return result;
  const locator = new EntryLocator(text, jsonKeyFinder('['));
  for (const key of Object.keys(packages)) {
    const value = packages[key];
    const ident = Array.isArray(value) ? string(value[0]) : undefined;
    const resolved = ident ? splitIdent(ident) : undefined;
    if (!Array.isArray(value) || !resolved) continue;
    const { name, resolution } = resolved;
    const info = table(value.find((item, index) => index > 0 && table(item)));
    const source = sourceOf(resolution);
    result.packages.set(key, {
      id: componentId('npm', name),
      ecosystem: 'npm',
      name,
      version: source ? undefined : resolution,
      dependencies: edges(packages, key, info, EDGE_FIELDS),
      // Registry packages carry their integrity last.
      hashes: !source && typeof value[3] === 'string' && value[3] !== '',
      source,
      // Bun does not record which packages only development needs.
      dev: undefined,
      locate: locator.add(key),
    });
  }
  for (const [folder, member] of Object.entries(table(root.workspaces) ?? {})) {
    const workspace = table(member);
    if (!workspace) continue;
    // A member's own copies of a package are nested under its name, as a package's are under its key.
    const prefix = folder === '' ? '' : (string(workspace.name) ?? '');
    result.importers.set(folder, edges(packages, prefix, workspace, IMPORTER_FIELDS));
    // A member another one depends on pulls in what it needs at run time: its entry in `packages` lists nothing.
    const linked = prefix === '' ? undefined : result.packages.get(prefix);
    if (linked?.source?.kind === 'workspace' && linked.source.target === folder) linked.dependencies = edges(packages, prefix, workspace, EDGE_FIELDS);
  }
  return result;
}

/** `@scope/name@1.2.3` → name and resolution; undefined for an ident without a resolution. */
function splitIdent(ident: string): { name: string; resolution: string } | undefined {
  const at = ident.indexOf('@', 1);
  return at < 0 ? undefined : { name: ident.slice(0, at), resolution: ident.slice(at + 1) };
}

/** undefined for a registry version; the workspace, folder, git or tarball a resolution names otherwise. */
function sourceOf(resolution: string): LockedPackage['source'] {
  if (resolution.startsWith('workspace:')) return { kind: 'workspace', target: resolution.slice('workspace:'.length) };
  if (/^(file|link):/.test(resolution)) return linkSource(resolution.replace(/^(file|link):/, ''));
  return /^[a-z+]+:/.test(resolution) ? npmSource(resolution) : undefined;
}

/**
 * The keys a package's (or member's) dependency sections resolve to, as Node resolves in the tree the keys
 * describe: `from/name` if a copy is nested there, else under each parent of `from` in turn, else `name`.
 */
function edges(packages: Table, from: string, declared: Table | undefined, fields: readonly string[]): string[] {
  const out = new Set<string>();
  const parents = from === '' ? [''] : parentsOf(from);
  // An optional peer is used where something else installs it: it is not what this package pulls in.
  const optionalPeers = new Set(Array.isArray(declared?.optionalPeers) ? declared.optionalPeers : []);
  for (const field of fields) {
    for (const name in table(declared?.[field]) ?? {}) {
      if (field === 'peerDependencies' && optionalPeers.has(name)) continue;
      const key = parents.map((parent) => (parent === '' ? name : `${parent}/${name}`)).find((candidate) => Object.hasOwn(packages, candidate));
      if (key !== undefined) out.add(key);
    }
  }
  return [...out];
}

/** `a/@s/b/c` → [`a/@s/b/c`, `a/@s/b`, `a`, ``]: the key and every key it is nested under, nearest first. */
function parentsOf(key: string): string[] {
  const segments: string[] = [];
  for (const part of key.split('/')) {
    const last = segments.at(-1);
    // `@scope/name` is one package name: its scope joins the part after it.
    if (last?.startsWith('@') && !last.includes('/')) segments[segments.length - 1] = `${last}/${part}`;
    else segments.push(part);
  }
  return segments.map((_, index) => segments.slice(0, segments.length - index).join('/')).concat('');
}
