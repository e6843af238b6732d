import { valid as validPep440 } from '@renovatebot/pep440';
import semver from 'semver';
import { defineRule } from '../rule';
import type { Declaration } from '../types';

export default defineRule({
  meta: {
    id: 'unpinned-version',
    description:
      'A registry dependency declared with a version range or no version: certification asks for exact versions (a lockfile shows which one to pin).',
    blocks: 'trusted',
    // Readiness, not the target: counted in the verdict's trusted readiness, shown once a team asks (sovereign-lint:trusted).
    severity: { sovereign: 'off', national: 'off' },
    fixable: true,
    messages: {
      range: '{{name}} — version "{{spec}}" is a range, not an exact pin: blocks trusted readiness',
      rangeLocked: '{{name}} — version "{{spec}}" is a range; the lockfile resolves {{version}}: pin it for trusted readiness',
      missing: '{{name}} — no version: blocks trusted readiness',
    },
  },
  checkComponent({ declaration }) {
    const { ecosystem, relation, directReference, locked, versionSpec, name } = declaration;
    if ((ecosystem !== 'npm' && ecosystem !== 'pypi') || relation === 'workspace' || directReference) return undefined;
    // A lockfile entry is the exact version the lock resolved, though PEP 440 would read a bare `4.9.0` as no pin.
    if (relation === 'transitive' && versionSpec) return undefined;
    if (isExactPin(declaration)) return undefined;
    const version = locked?.version;
    const fix = version ? { kind: 'pin-version' as const, version } : undefined;
    if (!versionSpec) return { messageId: 'missing', data: { name }, fix };
    return version
      ? { messageId: 'rangeLocked', data: { name, spec: versionSpec, version }, fix }
      : { messageId: 'range', data: { name, spec: versionSpec } };
  },
});

const PLAIN_VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const MAY_BE_VERSION = /^[v=\s]*\d/;

/** `1.2.3` for npm (and Poetry, where a bare version is exact); `==1.2.3` or `===1.2.3` for PEP 440. */
export function isExactPin(declaration: Declaration): boolean {
  const spec = declaration.versionSpec?.trim();
  if (!spec) return false;
  // semver.valid throws and catches on every range: plain x.y.z (most specs) and anything that cannot
  // start a version (`^`, `~`, `>=`, a tag) are told apart before it.
  if (declaration.ecosystem === 'npm') return PLAIN_VERSION.test(spec) || (MAY_BE_VERSION.test(spec) && semver.valid(spec) !== null);
  if (declaration.rewrite?.syntax === 'poetry' && validPep440(spec)) return true;
  const exact = /^===?\s*([^\s,*;]+)$/.exec(spec);
  return exact !== null && validPep440(exact[1]!) !== null;
}
