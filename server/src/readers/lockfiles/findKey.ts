// From a manifest's declaration to the package a lockfile locked for it. Yarn lockfiles, npm's version 1,
// poetry.lock, pdm.lock, Rye's and Pipfile.lock do not record which packages their project depends on directly
// (importers '' → []), so the caller maps each package.json / pyproject / Pipfile declaration with this.
import { componentId, lookupKey } from '../../../../rules/src/ids';
import { append } from '../../../../rules/src/lists';
import type { LockResult } from './types';

const PYPI_KINDS = new Set<LockResult['kind']>(['poetry', 'uv', 'pdm', 'rye', 'rye-dev', 'pipfile', 'pipfile-lock', 'conda']);
const byId = new WeakMap<LockResult, Map<string, string[]>>();

/**
 * The key locked for `name` declared with `range`, as the lockfile's root project resolves it:
 * 1. yarn: the entry serving the descriptor `name@range` (or `name@npm:range`, Yarn 4's spelling);
 * 2. npm: the hoisted `node_modules/name`, which is what the root loads;
 * 3. otherwise the locked versions of that package (by id): the one equal to an exact `range`
 *    (`1.2.3`, `==1.2.3`), else the first. undefined when the lockfile holds none.
 */
export function findKey(result: LockResult, name: string, range?: string): string | undefined {
  if (range !== undefined && result.descriptors) {
    const key = result.descriptors.get(`${name}@${range}`) ?? result.descriptors.get(`${name}@npm:${range}`);
    if (key !== undefined) return key;
  }
  if (result.kind === 'package-lock' && result.packages.has(`node_modules/${name}`)) return `node_modules/${name}`;
  const candidates = keysById(result).get(lookupKey(componentId(PYPI_KINDS.has(result.kind) ? 'pypi' : 'npm', name))) ?? [];
  const exact = range?.trim().replace(/^(===?|v)\s*/, '');
  return candidates.find((key) => result.packages.get(key)!.version === exact) ?? candidates[0];
}

/** Keys by lookup id, built once per result: a project has hundreds of declarations, a lockfile many thousands of keys. */
function keysById(result: LockResult): Map<string, string[]> {
  let index = byId.get(result);
  if (index) return index;
  index = new Map();
  for (const [key, locked] of result.packages) append(index, lookupKey(locked.id), key);
  byId.set(result, index);
  return index;
}
