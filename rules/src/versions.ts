// Whether a version a lockfile locked is one the manifest's declaration allows: npm ranges by semver, PyPI
// specifiers by PEP 440. A spec neither reads (a dist-tag, an alias, a git URL, Poetry's caret) allows anything:
// only a version the spec clearly rules out makes a lockfile out of date.
import { satisfies as satisfiesPep440, valid as validPep440, validRange as validPep440Range } from '@renovatebot/pep440';
import semver from 'semver';
import type { Ecosystem } from './types';

export function allowsVersion(ecosystem: Ecosystem, spec: string | undefined, version: string): boolean {
  const range = spec?.trim();
  if (!range) return true;
  if (ecosystem === 'npm') {
    // A prerelease in the lock is the package manager's choice to explain, not ours to call stale.
    return semver.validRange(range) === null || semver.valid(version) === null || semver.satisfies(version, range, { includePrerelease: true });
  }
  if (ecosystem === 'pypi') {
    return !validPep440Range(range) || validPep440(version) === null || satisfiesPep440(version, range, { prereleases: true });
  }
  return true;
}
