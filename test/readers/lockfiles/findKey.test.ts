// findKey: from a manifest's `name range` to the key a lockfile locked for it, for every kind, and above
// all for those that do not record their importers' direct dependencies.
import { describe, expect, it } from 'vitest';
import { findKey, readLockfile } from '../../../server/src/readers/lockfiles/index';
import type { LockfileKind } from '../../../server/src/readers/lockfiles/types';
import { fixture } from './fixtures';

const read = (name: string, kind: LockfileKind) => readLockfile(kind, fixture(name));

describe('findKey', () => {
  const yarnV1 = read('yarn-v1.lock', 'yarn');
  const berry = read('yarn-berry.lock', 'yarn');
  const berry3 = read('yarn-berry-v6.lock', 'yarn');
  const npmV1 = read('package-lock-v1.json', 'package-lock');
  const poetry = read('poetry.lock', 'poetry');
  const pipenv = read('Pipfile.lock', 'pipfile-lock');

  it.each([
    // yarn: by descriptor, as package.json writes the range; Yarn 4 adds `npm:`.
    ['yarn v1', yarnV1, 'lodash', '~4.17.0', 'lodash@4.17.21'],
    ['yarn v1 alias', yarnV1, 'string-width-cjs', 'npm:string-width@^4.2.0', 'string-width@4.2.3'],
    ['yarn v1 git', yarnV1, 'my-fork', 'git+https://github.com/acme/my-fork.git#v1.2.0', 'my-fork@1.2.0'],
    ['yarn 4', berry, 'react', '^18.3.1', 'react@npm:18.3.1'],
    ['yarn 3', berry3, 'ms', '^2.1.3', 'ms@npm:2.1.3'],
    // npm: the hoisted copy the root loads, even with a nested one elsewhere; aliases by installed name.
    ['npm v1', npmV1, 'ms', '^2.1.3', 'node_modules/ms'],
    ['npm v1 alias', npmV1, 'string-width-cjs', 'npm:string-width@^4.2.3', 'node_modules/string-width-cjs'],
    // PyPI: by normalised name; an exact pin picks among several locked versions.
    ['poetry pin', poetry, 'NumPy', '==1.24.4', 'numpy@1.24.4'],
    ['poetry range', poetry, 'numpy', '>=1.24', 'numpy@1.24.4'],
    ['poetry no range', poetry, 'Requests', undefined, 'requests@2.32.3'],
    ['Pipfile.lock', pipenv, 'Flask', '*', 'flask'],
  ])('%s: %s %s', (_title, result, name, range, key) => {
    expect(findKey(result, name, range)).toBe(key);
  });

  it('falls back to the name when a yarn range is not among the descriptors', () => {
    expect(findKey(yarnV1, 'lodash', '^4.0.0')).toBe('lodash@4.17.21');
  });

  it('says undefined for a package the lockfile does not hold', () => {
    expect(findKey(yarnV1, 'left-padding', '^1.0.0')).toBeUndefined();
    expect(findKey(poetry, 'torch', '==2.4.0')).toBeUndefined();
  });
});
