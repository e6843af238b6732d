// poetry.lock: one `[[package]]` table per locked version (name, version, `files` with hashes,
// `[package.dependencies]`, `[package.source]` for git/url/file/directory/legacy-index packages).
// Lock format 1.x kept the hashes apart, in `[metadata.files]`, and a `category` ("main"/"dev").
// It does not say which packages are direct: the caller takes those from pyproject.toml (findKey).
import { componentId, normalisePypiName } from '../../../../rules/src/ids';
import { EntryLocator, tomlPackageFinder } from './locate';
import { loadPackageLock, packageTables } from './parse';
import { append, emptyLockResult, UniqueKeys } from './result';
import type { LockedPackage, LockResult } from './types';
import { keysOf, list, string, type Table, table } from './values';

const LABEL = 'poetry.lock';

export function readPoetryLock(text: string): LockResult {
  const result = emptyLockResult('poetry');
  const root = loadPackageLock(text, LABEL, result.problems);
  if (!root) return result;
  const legacyFiles = table(table(root.metadata)?.files) ?? {};
  const legacyHashed = new Set(Object.entries(legacyFiles).filter(([, files]) => hasHash(files)).map(([name]) => normalisePypiName(name)));
  const locator = new EntryLocator(text, tomlPackageFinder);
  const unique = new UniqueKeys();
  const byName = new Map<string, string[]>();
  const read: { key: string; body: Table }[] = [];

  for (const { body, name, id, version, key } of packageTables(root, unique)) {
    const source = poetrySource(table(body.source));
    append(byName, id, key);
    read.push({ key, body });
    result.packages.set(key, {
      id,
      ecosystem: 'pypi',
      name,
      version,
      dependencies: [],
      hashes: hasHash(body.files) || legacyHashed.has(normalisePypiName(name)),
      source,
      // Lock format 1.x only; 2.x does not say.
      dev: body.category === 'dev' ? true : body.category === 'main' ? false : undefined,
      locate: locator.add(name),
    });
  }
  // Edges by name: a package locked in two versions (for different markers) is depended on in both.
  for (const { key, body } of read) {
    result.packages.get(key)!.dependencies = keysOf(body.dependencies).flatMap((name) => byName.get(componentId('pypi', name)) ?? []);
  }
  return result;
}

function hasHash(files: unknown): boolean {
  return list(files).some((file) => typeof table(file)?.hash === 'string');
}

/** `[package.source]`: git, url, file and directory packages; `legacy` (a private index) is a registry. */
function poetrySource(source: Table | undefined): LockedPackage['source'] {
  const url = string(source?.url);
  if (!source || url === undefined) return undefined;
  switch (source.type) {
    case 'git': {
      const commit = string(source.resolved_reference) ?? string(source.reference);
      return { kind: 'vcs', target: commit ? `${url}@${commit}` : url };
    }
    case 'url':
      return { kind: 'url', target: url };
    case 'file':
    case 'directory':
      return { kind: 'path', target: url };
    default:
      return undefined;
  }
}
