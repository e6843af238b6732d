import { valid as validPep440 } from '@renovatebot/pep440';
import semver from 'semver';
import { npmAlias } from '../npmSpecs';
import { defineRule } from '../rule';
import type { CatalogReference, Declaration } from '../types';

type PinFix = { kind: 'pin-version'; version: string };

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
      missingLocked: '{{name}} — no version; the lockfile resolves {{version}}: pin it for trusted readiness',
      catalogRange: '{{name}} — version "{{spec}}" in the {{catalog}} catalog of {{file}} is a range, not an exact pin: blocks trusted readiness',
      catalogRangeLocked:
        '{{name}} — version "{{spec}}" in the {{catalog}} catalog of {{file}} is a range; the lockfile resolves {{version}}: pin it in the catalog for trusted readiness',
      catalogMissing: '{{name}} — "{{written}}" names the {{catalog}} catalog, which has no entry for {{name}}: blocks trusted readiness',
    },
  },
  checkComponent({ declaration }) {
    const { ecosystem, relation, directReference, locked, versionSpec, name } = declaration;
    // A peer range is what the package accepts from whoever installs it, not what gets installed: ranges by design.
    if ((ecosystem !== 'npm' && ecosystem !== 'pypi' && ecosystem !== 'conda') || relation === 'workspace' || relation === 'peer' || directReference) return undefined;
    // A lockfile entry is the exact version the lock resolved, though PEP 440 would read a bare `4.9.0` as no pin.
    if (relation === 'transitive' && versionSpec) return undefined;
    const version = locked?.version;
    const fix = version ? { kind: 'pin-version' as const, version } : undefined;
    if (declaration.catalog) return checkCatalog(declaration, declaration.catalog, version, fix);
    if (isExactPin(declaration)) return undefined;
    if (!versionSpec) return version ? { messageId: 'missingLocked', data: { name, version }, fix } : { messageId: 'missing', data: { name } };
    return version
      ? { messageId: 'rangeLocked', data: { name, spec: versionSpec, version }, fix }
      : { messageId: 'range', data: { name, spec: versionSpec } };
  },
});

/** A `catalog:` spec is as exact as the catalog entry it names; a pin belongs there. */
function checkCatalog(declaration: Declaration, { catalog, entry }: CatalogReference, version: string | undefined, fix: PinFix | undefined) {
  const { name } = declaration;
  if (!entry) return { messageId: 'catalogMissing', data: { name, written: declaration.versionSpec ?? '', catalog } };
  // An alias (`npm:openai@4.20.0`) is as exact as its range.
  if (isExactPin({ ...declaration, versionSpec: npmAlias(entry.spec, name)?.range ?? entry.spec })) return undefined;
  const data = { name, spec: entry.spec, catalog, file: entry.file };
  return version ? { messageId: 'catalogRangeLocked', data: { ...data, version }, fix } : { messageId: 'catalogRange', data };
}

const PLAIN_VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
/** conda's `=1.2` is 1.2.*, and `=1.2.3` matches 1.2.3.post1 too: only `==` names one version. */
const CONDA_EXACT = /^==\s*[^\s=*,|<>!]+$/;
/** A version and its build string, without a wildcard: one build of one version. */
const CONDA_WITH_BUILD = /^(?:==?)?\s*[^\s=*,|<>!]+(?:=|\s+)[^\s=*,|<>!]+$/;
const MAY_BE_VERSION = /^[v=\s]*\d/;

/**
 * `1.2.3` for npm (and Poetry, where a bare version is exact); `==1.2.3` or `===1.2.3` for PEP 440; for a conda match
 * spec, `==1.2.3`, or a version with its build (`=1.2.3=py311_0`, `1.2.3 py311_0`, as `conda env export` writes).
 */
export function isExactPin(declaration: Declaration): boolean {
  const spec = declaration.versionSpec?.trim();
  if (!spec) return false;
  if (declaration.ecosystem === 'conda') return CONDA_EXACT.test(spec) || CONDA_WITH_BUILD.test(spec);
  // semver.valid throws and catches on every range: plain x.y.z (most specs) and anything that cannot
  // start a version (`^`, `~`, `>=`, a tag) are told apart before it.
  // `=1.2.3` and `v1.2.3` name one version as `1.2.3` does (semver.clean takes either off; semver.valid only the `v`).
  if (declaration.ecosystem === 'npm') return PLAIN_VERSION.test(spec) || (MAY_BE_VERSION.test(spec) && semver.clean(spec) !== null);
  if (declaration.rewrite?.syntax === 'poetry' && validPep440(spec)) return true;
  const exact = /^===?\s*([^\s,*;]+)$/.exec(spec);
  return exact !== null && validPep440(exact[1]!) !== null;
}
