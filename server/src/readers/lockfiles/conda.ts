// conda environment.yml (https://docs.conda.io/projects/conda/en/stable/user-guide/tasks/manage-environments.html):
// `dependencies` lists conda match specs (`numpy>=1.26`, `conda-forge::pytorch`, `pytorch::torch=2.1`,
// `cudatoolkit 11.8.* h123_0`) and may hold a `pip:` list of requirement lines. A manifest, not a lock:
// everything it names is a direct dependency. Conda packages are returned apart (`condaPackages`) as
// there is no conda ecosystem yet; the pip entries are PyPI packages, read as requirements files read them.
import { componentId } from '../../../../rules/src/ids';
import type { DirectReference, Range } from '../../../../rules/src/types';
import { readRequirements } from '../requirements';
import { type DependencyPlace, dependencyPlaces, type ItemPlace } from './condaPlaces';
import { escapeRegExp, LazyLines } from './locate';
import { loadYaml } from './parse';
import { emptyLockResult, pinnedBy, pypiKey, UniqueKeys } from './result';
import type { CondaPackage, LockedPackage, LockResult } from './types';
import { list, string, table } from './values';

const LABEL = 'environment.yml';
/** More misshapen keys than a real environment file has: the rest go unsaid. */
const MAX_SHAPE_PROBLEMS = 20;
/**
 * `channel::name` then the version and build, in any of conda's spellings (`=1.2`, `>=1.2`, ` 1.2 build`,
 * `[version='>=1.2']`); the channel may be a URL (`https://conda.anaconda.org/nvidia::cudatoolkit`).
 */
const MATCH_SPEC = /^(?:(\S*?)::)?([A-Za-z0-9_][A-Za-z0-9_.+-]*)\s*(.*)$/;

/** Finds the range of `[nameStart, nameEnd)` of an item's text, where the item is written (the file's start if nowhere). */
type Locate = (place: ItemPlace | undefined, nameStart: number, nameEnd: number) => () => Range;

export function readCondaEnvironment(text: string): LockResult {
  const result = emptyLockResult('conda');
  result.condaPackages = [];
  const root = loadYaml(text, LABEL, result.problems);
  if (!root) return result;
  result.declaresDependencies = Object.hasOwn(root, 'dependencies');
  const lines = new LazyLines(text);
  const places = dependencyPlaces(text);
  const locate: Locate = (place, nameStart, nameEnd) => () => {
    if (!place) return lines.range(0, 0);
    return place.exact ? lines.range(place.start + nameStart, place.start + nameEnd) : lines.range(place.start, place.end);
  };
  const unique = new UniqueKeys();
  // Each item is a line of its own: one bad item says nothing of the next.
  const report = (place: ItemPlace | undefined, item: string, message: string) => {
    result.problems.push({ message: `${LABEL}: ${message}`, range: locate(place, 0, item.length)() });
  };

  // A shape conda would refuse or pass over hides what it lists: said where it is (its first place), once, rather than
  // read as nothing.
  const said = new Set<string>();
  const misshapen = (key: string, message: string) => {
    // Each is searched for from the file's start: a hostile file's thousands of them are not all placed.
    if (said.has(key) || said.size >= MAX_SHAPE_PROBLEMS) return;
    said.add(key);
    result.problems.push({ message: `${LABEL}: ${message}`, range: keyRange(text, key, lines) });
  };
  if (root.dependencies !== undefined && root.dependencies !== null && !Array.isArray(root.dependencies)) {
    misshapen('dependencies', 'dependencies must be a list of package specs; not read');
  }
  for (const [index, dependency] of list(root.dependencies).entries()) {
    const place: DependencyPlace = places[index];
    const installers = table(dependency);
    for (const installer of Object.keys(installers ?? {})) {
      if (installer !== 'pip') misshapen(installer, `"${installer}:" is no installer conda knows (only pip: is); not read`);
    }
    if (installers?.pip !== undefined && installers.pip !== null && !Array.isArray(installers.pip)) misshapen('pip', 'pip: must be a list of requirements; not read');
    const pipPlaces = place && 'pip' in place ? place.pip : [];
    for (const [at, line] of list(installers?.pip).entries()) {
      if (typeof line === 'string') readPipLine(line, pipPlaces[at], { result, locate, unique, report });
    }
    const spec = string(dependency);
    if (spec === undefined) continue;
    const specPlace = place && !('pip' in place) ? place : undefined;
    const match = MATCH_SPEC.exec(spec.trim());
    if (!match) {
      report(specPlace, spec, `"${spec}" is not a conda package spec`);
      continue;
    }
    const [, channel, name, versionSpec] = match;
    const nameStart = spec.indexOf(name!, channel ? spec.indexOf('::') + 2 : 0);
    // The interpreter is the environment, not a dependency of it.
    if (name === 'python') continue;
    result.condaPackages.push({
      name: name!,
      versionSpec: versionSpec || undefined,
      channel,
      locate: locate(specPlace, nameStart, nameStart + name!.length),
    } satisfies CondaPackage);
  }
  return result;
}

/** What reading a `pip:` line adds to: the result, and how its items are placed and their problems said. */
interface PipContext {
  result: LockResult;
  locate: Locate;
  unique: UniqueKeys;
  report: (place: ItemPlace | undefined, item: string, message: string) => void;
}

/** One `pip:` line, read by the requirements reader; option lines (`-r`, `--index-url`) name no package. */
function readPipLine(line: string, place: ItemPlace | undefined, { result, locate, unique, report }: PipContext): void {
  const read = readRequirements(line);
  const [problem] = read.problems;
  if (problem) report(place, line, problem.message);
  // A single line: its characters are offsets into the item.
  for (const include of read.includes) {
    // pip runs from the environment file's folder: a file it includes is relative to it, as a requirements file's are.
    const range = locate(place, include.range.start.character, include.range.end.character)();
    (result.pipIncludes ??= []).push({ ...include, range });
  }
  const [declaration] = read.declarations;
  if (!declaration) return;
  const exact = pinnedBy(declaration.versionSpec);
  const key = unique.take(pypiKey(declaration.name, exact));
  result.packages.set(key, {
    id: componentId('pypi', declaration.name),
    ecosystem: 'pypi',
    name: declaration.name,
    version: exact,
    specifier: declaration.versionSpec,
    dependencies: [],
    hashes: /--hash[=\s]/.test(line),
    source: declaration.directReference && sourceOf(declaration.directReference),
    dev: false,
    locate: locate(place, declaration.range.start.character, declaration.range.end.character),
  });
  result.importers.get('')!.push(key);
}

/** `-e` names a folder or a VCS/URL checkout; either way it is where the package comes from. */
function sourceOf(reference: DirectReference): NonNullable<LockedPackage['source']> {
  if (reference.kind !== 'editable') return { kind: reference.kind, target: reference.target };
  const kind = /^(git|hg|svn|bzr)\+/.test(reference.target) ? 'vcs' : /^[a-z][\w+.-]*:\/\//i.test(reference.target) ? 'url' : 'path';
  return { kind, target: reference.target };
}

/** Where a mapping key is written (`dependencies:`, `- pip:`), for a problem with its value; the file's start if nowhere. */
function keyRange(text: string, key: string, lines: LazyLines): Range {
  const found = new RegExp(`^[ \\t]*(?:-[ \\t]+)?(["']?)${escapeRegExp(key)}\\1[ \\t]*:`, 'm').exec(text);
  if (!found) return lines.range(0, 0);
  const start = found.index + found[0].indexOf(key);
  return lines.range(start, start + key.length);
}
