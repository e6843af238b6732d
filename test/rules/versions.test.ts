// Whether a locked version is one the declared spec allows: semver's reading for npm, PEP 440's for PyPI, and
// anything allowed for a spec neither reads.
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { allowsVersion } from '../../rules/src/versions';

describe('allowsVersion', () => {
  it('reads npm specs exactly as semver does, on every common shape (seeded cases)', () => {
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const triple = () => `${next(3)}.${next(3)}.${next(3)}`;
    for (let i = 0; i < 5000; i++) {
      const range = `${['', '^', '~', '>=', '<', '1.x || ^', '>=0.1.0 <'][next(7)]}${triple()}`;
      const version = next(10) === 0 ? `${triple()}-beta.${next(3)}` : triple();
      expect([range, version, allowsVersion('npm', range, version)]).toEqual([range, version, semver.satisfies(version, range, { includePrerelease: true })]);
    }
  });

  it('flags only what a spec clearly rules out', () => {
    expect(allowsVersion('npm', '^5.0.0', '4.77.0')).toBe(false);
    expect(allowsVersion('npm', '^0.2.3', '0.3.0')).toBe(false);
    expect(allowsVersion('npm', '^0.0.3', '0.0.3')).toBe(true);
    // Tags, aliases, git URLs, workspace and catalog specs are no ranges: no judgement.
    for (const spec of ['latest', 'npm:bar@^1', 'github:a/b', 'workspace:*', 'catalog:', '*', '']) expect(allowsVersion('npm', spec, '1.0.0')).toBe(true);
    expect(allowsVersion('pypi', '>=1.26', '1.24.4')).toBe(false);
    expect(allowsVersion('pypi', '~=6.4', '6.9')).toBe(true);
    expect(allowsVersion('pypi', '==4.2.*', '4.2.14')).toBe(true);
    // Poetry's caret is not PEP 440.
    expect(allowsVersion('pypi', '^3.4', '9.0')).toBe(true);
    expect(allowsVersion('pypi', '>=1.0', 'not-a-version')).toBe(true);
  });
});
