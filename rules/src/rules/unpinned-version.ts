import { valid as validPep440 } from '@renovatebot/pep440';
import semver from 'semver';
import { defineRule } from '../rule';
import type { Declaration } from '../types';

export default defineRule({
  meta: {
    id: 'unpinned-version',
    description:
      'A registry dependency with a version range or no version, and no lockfile pinning it: certification will ask for exact versions.',
    blocks: 'trusted',
    // Readiness, not the target: counted in the verdict's trusted readiness, shown once a team asks (sovereign-lint:trusted).
    severity: { sovereign: 'off', national: 'off' },
    fixable: true,
    messages: {
      range: '{{name}} — version "{{spec}}" is a range, not an exact pin, and no lockfile pins it: blocks trusted readiness',
      missing: '{{name}} — no version, and no lockfile pins it: blocks trusted readiness',
    },
  },
  checkComponent({ declaration }) {
    const { ecosystem, relation, directReference, locked, versionSpec, name } = declaration;
    if ((ecosystem !== 'npm' && ecosystem !== 'pypi') || relation === 'workspace' || directReference) return undefined;
    if (locked && !locked.version) return undefined;
    if (isExactPin(declaration)) return undefined;
    const fix = locked?.version ? { kind: 'pin-version' as const, version: locked.version } : undefined;
    return versionSpec
      ? { messageId: 'range', data: { name, spec: versionSpec }, fix }
      : { messageId: 'missing', data: { name }, fix };
  },
});

/** `1.2.3` for npm (and Poetry, where a bare version is exact); `==1.2.3` or `===1.2.3` for PEP 440. */
export function isExactPin(declaration: Declaration): boolean {
  const spec = declaration.versionSpec?.trim();
  if (!spec) return false;
  if (declaration.ecosystem === 'npm') return semver.valid(spec) !== null;
  if (declaration.rewrite?.syntax === 'poetry' && validPep440(spec)) return true;
  const exact = /^===?\s*([^\s,*;]+)$/.exec(spec);
  return exact !== null && validPep440(exact[1]!) !== null;
}
