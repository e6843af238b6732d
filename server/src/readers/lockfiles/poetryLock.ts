// poetry.lock: one `[[package]]` table per locked version (name, version, `files` with hashes,
// `[package.dependencies]`, `[package.source]` for git/url/file/directory/legacy-index packages).
// Lock format 1.x kept the hashes apart, in `[metadata.files]`, and a `category` ("main"/"dev").
// It does not say which packages are direct: the caller takes those from pyproject.toml (findKey).
import { normalisePypiName } from '../../../../rules/src/ids';
import { EntryLocator, tomlPackageFinder } from './locate';
import { hasHash, loadPackageLock, packageTables } from './parse';
import { emptyLockResult, linkByName, UniqueKeys } from './result';
import type { LockedPackage, LockResult } from './types';
import { keysOf, string, type Table, table } from './values';

const LABEL = 'poetry.lock';

export function readPoetryLock(text: string): LockResult {
  const result = emptyLockResult('poetry');
  const root = loadPackageLock(text, LABEL, result.problems);
  if (!root) return result;
  const legacyFiles = table(table(root.metadata)?.files) ?? {};
  const legacyHashed = new Set(Object.entries(legacyFiles).filter(([, files]) => hasHash(files)).map(([name]) => normalisePypiName(name)));
  const locator = new EntryLocator(text, tomlPackageFinder);
  const unique = new UniqueKeys();
  const read: { key: string; body: Table }[] = [];

  for (const { body, name, id, version, key } of packageTables(root, unique)) {
    const source = poetrySource(table(body.source));
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
  linkByName(result.packages, read, (body) => keysOf(body.dependencies));
  return result;
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
