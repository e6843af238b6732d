// Rye's lockfiles (https://rye.astral.sh/guide/sync/): `rye lock` writes `requirements.lock` (the project's
// dependencies) and `requirements-dev.lock` (its dev-dependencies too) in pip-compile's format: a `name==version`
// pin per line, `--hash` options with `--generate-hashes`, `-e file:.` for the project itself, and under each pin
// `# via` lines naming what needs it: another pin, or the project. Its header records the flags it was locked with:
// extras (`features`) are locked only when asked for. Like poetry.lock, the file does not list the project's direct
// dependencies apart: the caller takes those from pyproject.toml (findKey).
import { normalisePypiName } from '../../../../rules/src/ids';
import { append } from '../../../../rules/src/lists';
import type { Declaration } from '../../../../rules/src/types';
import { viaAnnotations } from '../pipCompileVia';
import { readRequirements } from '../requirements';
import { emptyLockResult, linkByName, pinnedBy, pypiKey, UniqueKeys } from './result';
import type { LockedPackage, LockResult } from './types';

const LABEL = 'Rye lockfile';

export function readRyeLock(text: string): LockResult {
  const result = emptyLockResult('rye');
  const read = readRequirements(text);
  for (const problem of read.problems) result.problems.push({ ...problem, message: `${LABEL}: ${problem.message}` });
  const unique = new UniqueKeys();
  const pinned: { key: string; body: string }[] = [];
  for (const declaration of read.declarations) {
    // `-e file:.` is the project being locked, not a package it depends on.
    if (declaration.ecosystem !== 'pypi' || declaration.directReference?.kind === 'editable') continue;
    const version = pinnedBy(declaration.versionSpec);
    const key = unique.take(pypiKey(declaration.name, version));
    result.packages.set(key, {
      id: declaration.id,
      ecosystem: 'pypi',
      name: declaration.name,
      version,
      dependencies: [],
      hashes: declaration.hashes === true,
      source: sourceOf(declaration),
      // requirements-dev.lock does not mark what only the dev-dependencies need.
      dev: undefined,
      locate: () => declaration.range,
    });
    pinned.push({ key, body: normalisePypiName(declaration.name) });
  }
  // `# via` names what each pin is needed by: turned round, what each pin needs.
  const needs = new Map<string, string[]>();
  for (const [name, parents] of viaAnnotations(text)) {
    for (const parent of parents) append(needs, normalisePypiName(parent), name);
  }
  linkByName(result.packages, pinned, (name) => needs.get(name) ?? []);
  result.locksGroup = lockedGroups(text);
  return result;
}

/**
 * The groups `rye lock` was asked to lock, from the flags its header records (`#   features: [voice, realtime]`,
 * `#   all-features: true`): the project's dependencies and dev-dependencies always, its extras only when asked.
 * Without the header (another tool's file by this name), no group is known to be left out.
 */
function lockedGroups(text: string): ((group: string) => boolean) | undefined {
  const features = /^#\s+features:\s*\[([^\]\r\n]*)\]/m.exec(text);
  if (!features) return undefined;
  if (/^#\s+all-features:\s*true\b/m.test(text)) return () => true;
  const asked = features[1]!.split(',').map((feature) => feature.trim().replace(/^["']|["']$/g, '')).filter(Boolean);
  return (group) => group === 'default' || group === 'dev' || asked.includes(group);
}

function sourceOf(declaration: Declaration): LockedPackage['source'] {
  const reference = declaration.directReference;
  if (!reference || reference.kind === 'editable') return undefined;
  return { kind: reference.kind, target: reference.target };
}
