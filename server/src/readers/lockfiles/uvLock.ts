// uv.lock (https://docs.astral.sh/uv/concepts/projects/layout/#the-lockfile): `[[package]]` tables with
// name, version, `source` (registry, git, url, path, directory, editable, virtual), `dependencies`,
// `[package.optional-dependencies]` and `[package.dev-dependencies]` as lists of `{ name = … }`, and
// hashes on `sdist`/`wheels`. The project's own packages (`editable`/`virtual` sources that the
// `[manifest]` names as workspace members, or the one at "." without a manifest) are the importers.
import { componentId } from '../../../../rules/src/ids';
import { EntryLocator, tomlPackageFinder } from './locate';
import { hasHash, loadPackageLock, packageTables } from './parse';
import { append } from '../../../../rules/src/lists';
import { emptyLockResult, markDevOnly, pypiKey, UniqueKeys } from './result';
import type { LockedPackage, LockResult } from './types';
import { list, string, type Table, table } from './values';

const LABEL = 'uv.lock';

interface Read {
  key: string;
  body: Table;
  /** The member folder ('' for the root) when this package is one of the project's own. */
  importer?: string;
}

export function readUvLock(text: string): LockResult {
  const result = emptyLockResult('uv');
  const root = loadPackageLock(text, LABEL, result.problems);
  if (!root) return result;
  const manifest = table(root.manifest);
  const members = new Set(list(manifest?.members).flatMap((member) => (typeof member === 'string' ? [componentId('pypi', member)] : [])));
  const locator = new EntryLocator(text, tomlPackageFinder);
  const unique = new UniqueKeys();
  const byName = new Map<string, string[]>();
  const read: Read[] = [];

  for (const { body, name, id, version, key } of packageTables(root, unique)) {
    const sourceTable = table(body.source);
    const folder = string(sourceTable?.editable) ?? string(sourceTable?.virtual);
    const isMember = folder !== undefined && (manifest ? members.has(id) : folder === '.');
    const importer = isMember ? (folder === '.' ? '' : folder) : undefined;
    read.push({ key, body, importer });
    // The root project is the project itself: an importer, not a dependency.
    if (importer === '') continue;
    append(byName, id, key);
    const source = importer !== undefined ? ({ kind: 'workspace', target: importer } as const) : uvSource(sourceTable);
    result.packages.set(key, {
      id,
      ecosystem: 'pypi',
      name,
      version,
      dependencies: [],
      hashes: typeof table(body.sdist)?.hash === 'string' || hasHash(body.wheels),
      source,
      dev: false,
      locate: locator.add(name),
    });
  }

  /** `{ name = "numpy", version = "1.26.4" }` pins one of several locked versions; without a version, any. */
  const resolve = (dependency: unknown): string[] => {
    const name = string(table(dependency)?.name);
    if (name === undefined) return [];
    const keys = byName.get(componentId('pypi', name)) ?? [];
    const version = string(table(dependency)?.version);
    return version === undefined ? keys : keys.filter((key) => key === pypiKey(name, version));
  };
  const groups = (value: unknown) => Object.values(table(value) ?? {}).flatMap((group) => list(group).flatMap(resolve));
  const runtime: string[][] = [];
  const dev: string[][] = [];
  for (const { key, body, importer } of read) {
    const dependencies = [...list(body.dependencies).flatMap(resolve), ...groups(body['optional-dependencies'])];
    const found = result.packages.get(key);
    if (found) found.dependencies = dependencies;
    if (importer === undefined) continue;
    // Development groups belong to the member being worked on, not to what depends on it.
    const devDependencies = groups(body['dev-dependencies']);
    result.importers.set(importer, [...dependencies, ...devDependencies]);
    runtime.push(dependencies);
    dev.push(devDependencies);
  }
  markDevOnly(result.packages, runtime.flat(), dev.flat());
  return result;
}

function uvSource(source: Table | undefined): LockedPackage['source'] {
  const git = string(source?.git);
  if (git !== undefined) return { kind: 'vcs', target: git };
  const url = string(source?.url);
  if (url !== undefined) return { kind: 'url', target: url };
  const path = string(source?.path) ?? string(source?.directory) ?? string(source?.editable) ?? string(source?.virtual);
  return path === undefined ? undefined : { kind: 'path', target: path };
}
