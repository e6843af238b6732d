// pdm.lock (https://pdm-project.org/en/latest/usage/lockfile/): one `[[package]]` table per locked version
// with `groups` (the dependency groups that need it: "default" is the runtime), `dependencies` as PEP 508
// strings, `files` with hashes, and `git`/`url`/`path` for packages not from an index. Like poetry.lock it
// does not say which packages are direct: the caller takes those from pyproject.toml (findKey).
import { parsePep508 } from '../pep508';
import { EntryLocator, tomlPackageFinder } from './locate';
import { hasHash, loadPackageLock, packageTables } from './parse';
import { emptyLockResult, linkByName, UniqueKeys } from './result';
import type { LockedPackage, LockResult } from './types';
import { list, string, type Table, table } from './values';

const LABEL = 'pdm.lock';

export function readPdmLock(text: string): LockResult {
  const result = emptyLockResult('pdm');
  const root = loadPackageLock(text, LABEL, result.problems);
  if (!root) return result;
  const lockedGroups = list(table(root.metadata)?.groups).filter((group): group is string => typeof group === 'string');
  if (lockedGroups.length > 0) result.locksGroup = (group) => lockedGroups.includes(group);
  const locator = new EntryLocator(text, tomlPackageFinder);
  const unique = new UniqueKeys();
  const read: { key: string; body: Table }[] = [];

  for (const { body, name, id, version, key } of packageTables(root, unique)) {
    read.push({ key, body });
    const groups = list(body.groups).filter((group): group is string => typeof group === 'string');
    result.packages.set(key, {
      id,
      ecosystem: 'pypi',
      name,
      version,
      dependencies: [],
      hashes: hasHash(body.files),
      source: pdmSource(body),
      // Only the dev groups need it when "default" is not among its groups.
      dev: groups.length > 0 ? !groups.includes('default') : undefined,
      locate: locator.add(name),
    });
  }
  linkByName(result.packages, read, (body) =>
    list(body.dependencies).flatMap((line) => {
      const parsed = typeof line === 'string' ? parsePep508(line) : undefined;
      return parsed?.ok ? [parsed.requirement.name] : [];
    }),
  );
  return result;
}

/** Where a package not from an index comes from: a git checkout at its revision, a URL, a local path. */
function pdmSource(body: Table): LockedPackage['source'] {
  const git = string(body.git);
  if (git !== undefined) {
    const revision = string(body.revision) ?? string(body.ref);
    return { kind: 'vcs', target: revision ? `git+${git}@${revision}` : `git+${git}` };
  }
  const url = string(body.url);
  if (url !== undefined) return { kind: 'url', target: url };
  const path = string(body.path);
  return path !== undefined ? { kind: 'path', target: path } : undefined;
}
