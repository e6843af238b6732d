// Whether a version a lockfile locked is one the manifest's declaration allows: npm ranges by semver, PyPI
// specifiers by PEP 440. A spec neither reads (a dist-tag, an alias, a git URL, Poetry's caret) allows anything:
// only a version the spec clearly rules out makes a lockfile out of date.
import { satisfies as satisfiesPep440, valid as validPep440, validRange as validPep440Range } from '@renovatebot/pep440';
import semver from 'semver';
import type { Ecosystem } from './types';

/**
 * Answers already worked out, by ecosystem, spec and version: a monorepo's members declare the same few thousand
 * specs tens of thousands of times, and parsing a range costs far more than looking the answer up.
 */
const known = new Map<string, boolean>();

export function allowsVersion(ecosystem: Ecosystem, spec: string | undefined, version: string): boolean {
  const range = spec?.trim();
  if (!range || range === version || (ecosystem !== 'npm' && ecosystem !== 'pypi')) return true;
  const key = `${ecosystem}\0${range}\0${version}`;
  let allowed = known.get(key);
  if (allowed === undefined) known.set(key, (allowed = ecosystem === 'npm' ? allowsNpm(range, version) : allowsPypi(range, version)));
  return allowed;
}

/** Each npm range parsed once (null: not a range semver reads). */
const npmRanges = new Map<string, semver.Range | null>();

function allowsNpm(range: string, version: string): boolean {
  const simple = simpleNpmAllows(range, version);
  if (simple !== undefined) return simple;
  let parsed = npmRanges.get(range);
  if (parsed === undefined) npmRanges.set(range, (parsed = parseNpmRange(range)));
  return parsed === null || semver.valid(version) === null || parsed.test(version);
}

const PLAIN_VERSION = /^(\d+)\.(\d+)\.(\d+)$/;
const SIMPLE_RANGE = /^(\^|~|>=)?(\d+)\.(\d+)\.(\d+)$/;

/**
 * `^1.2.3`, `~1.2.3`, `>=1.2.3` or `1.2.3` against a plain version, read as semver reads them, without parsing a
 * Range: nearly every spec a manifest declares, each often distinct. undefined for any other spec or version.
 */
function simpleNpmAllows(range: string, version: string): boolean | undefined {
  const spec = SIMPLE_RANGE.exec(range);
  const locked = spec && PLAIN_VERSION.exec(version);
  if (!spec || !locked) return undefined;
  const [major, minor, patch] = [Number(spec[2]), Number(spec[3]), Number(spec[4])];
  const [x, y, z] = [Number(locked[1]), Number(locked[2]), Number(locked[3])];
  const order = x - major || y - minor || z - patch;
  if (order < 0) return false;
  switch (spec[1]) {
    case undefined:
      return order === 0;
    case '>=':
      return true;
    case '~':
      return x === major && y === minor;
    default:
      // A caret allows changes right of the first non-zero part.
      return major > 0 ? x === major : minor > 0 ? x === 0 && y === minor : x === 0 && y === 0 && z === patch;
  }
}

function parseNpmRange(range: string): semver.Range | null {
  try {
    // A prerelease in the lock is the package manager's choice to explain, not ours to call stale.
    return new semver.Range(range, { includePrerelease: true });
  } catch {
    return null;
  }
}

function allowsPypi(range: string, version: string): boolean {
  return !validPep440Range(range) || validPep440(version) === null || satisfiesPep440(version, range, { prereleases: true });
}
