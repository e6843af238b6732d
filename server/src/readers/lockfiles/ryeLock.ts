// Rye's lockfiles (https://rye.astral.sh/guide/sync/): `rye lock` writes `requirements.lock` (the project's
// dependencies) and `requirements-dev.lock` (its dev-dependencies too) in pip-compile's format: a `name==version`
// pin per line, `--hash` options with `--generate-hashes`, `-e file:.` for the project itself, and under each pin
// `# via` lines naming what needs it: another pin, or the project (Rye before 0.20 wrote none). Its header records
// the flags it was locked with: extras (`features`) are locked only when asked for, and without `universal` for the
// one interpreter that ran it. `uv export -o requirements-dev.lock` writes the same format under its own header,
// naming its command. Like poetry.lock, the file does not list the project's direct dependencies apart: the caller
// takes those from pyproject.toml (findKey).
import { normalisePypiName } from '../../../../rules/src/ids';
import { append } from '../../../../rules/src/lists';
import type { Declaration } from '../../../../rules/src/types';
import { viaAnnotations } from '../pipCompileVia';
import { readRequirements } from '../requirements';
import { emptyLockResult, linkByName, pinnedBy, pypiKey, UniqueKeys } from './result';
import type { LockedPackage, LockResult } from './types';

const LABEL = 'Rye lockfile';

/** `dev`: requirements-dev.lock, which locks the dev-dependencies too. */
export function readRyeLock(text: string, dev: boolean): LockResult {
  const result = emptyLockResult(dev ? 'rye-dev' : 'rye');
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
  // Without `# via` lines the file says what is locked, not what needs what: everything it pins beyond the direct
  // dependencies is pulled in by them, by an unknown path (as with Pipfile.lock).
  if (pinned.length > 0 && needs.size === 0) result.withoutEdges = true;
  Object.assign(result, headerFacts(text, dev));
  return result;
}

/** What a header says of how the file was locked: the groups locked, for which environments, by which command. */
function headerFacts(text: string, dev: boolean): Pick<LockResult, 'locksGroup' | 'lockedForOneEnvironment' | 'updateCommand'> {
  const exported = /^#\s+(uv export\b.*)$/m.exec(text)?.[1]?.trim();
  if (exported !== undefined) {
    const asked = [...exported.matchAll(/--extra[=\s]+(\S+)/g)].map((match) => match[1]!);
    const allExtras = /--all-extras\b/.test(exported);
    const withDev = !/--no-dev\b|--only-group\b|--no-default-groups\b/.test(exported);
    return { locksGroup: groupsLocked(withDev, allExtras, asked), updateCommand: `\`${exported}\`` };
  }
  const features = /^#\s+features:\s*\[([^\]\r\n]*)\]/m.exec(text);
  const asked = (features?.[1] ?? '').split(',').map((feature) => feature.trim().replace(/^["']|["']$/g, '')).filter(Boolean);
  return {
    locksGroup: groupsLocked(dev, /^#\s+all-features:\s*true\b/m.test(text), asked),
    // A file without Rye's header (written by hand, or by an older Rye) is taken as Rye's default: not universal.
    lockedForOneEnvironment: !/^#\s+universal:\s*true\b/m.test(text),
  };
}

/** The project's dependencies always; its dev-dependencies in a dev lock; its extras only when asked for. */
function groupsLocked(dev: boolean, allExtras: boolean, extras: readonly string[]): (group: string) => boolean {
  return (group) => group === 'default' || (group === 'dev' ? dev : allExtras || extras.includes(group));
}

function sourceOf(declaration: Declaration): LockedPackage['source'] {
  const reference = declaration.directReference;
  if (!reference || reference.kind === 'editable') return undefined;
  return { kind: reference.kind, target: reference.target };
}
