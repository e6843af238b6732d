// conda environment.yml (https://docs.conda.io/projects/conda/en/stable/user-guide/tasks/manage-environments.html):
// `dependencies` lists conda match specs (`numpy>=1.26`, `conda-forge::pytorch`, `pytorch::torch=2.1`,
// `cudatoolkit 11.8.* h123_0`) and may hold a `pip:` list of requirement lines. A manifest, not a lock:
// everything it names is a direct dependency. Conda packages are returned apart (`condaPackages`) as
// there is no conda ecosystem yet; the pip entries are PyPI packages, read as requirements files read them.
import { componentId } from '../../../../rules/src/ids';
import type { DirectReference, Range } from '../../../../rules/src/types';
import { LineIndex } from '../../text/lineIndex';
import { readRequirements } from '../requirements';
import { EntryLocator, escapeRegExp, type Finder } from './locate';
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

/** A list item's text; the span it resolves to is `[nameStart, nameEnd)` within that text. */
interface Item {
  text: string;
  nameStart: number;
  nameEnd: number;
}

export function readCondaEnvironment(text: string): LockResult {
  const result = emptyLockResult('conda');
  result.condaPackages = [];
  const root = loadYaml(text, LABEL, result.problems);
  if (!root) return result;
  result.declaresDependencies = Object.hasOwn(root, 'dependencies');
  const locator = new EntryLocator(text, listItemFinder);
  const unique = new UniqueKeys();
  const report = (item: string, message: string) => {
    // Problems need their range now; there are few, and only in broken files. Each item is a line of its own: one bad
    // item says nothing of the next.
    result.problems.push({ message: `${LABEL}: ${message}`, range: locator.add({ text: item, nameStart: 0, nameEnd: item.length })() });
  };

  // A shape conda would refuse or pass over hides what it lists: said where it is (its first place), once, rather than
  // read as nothing.
  const said = new Set<string>();
  let lines: LineIndex | undefined;
  const misshapen = (key: string, message: string) => {
    // Each is searched for from the file's start: a hostile file's thousands of them are not all placed.
    if (said.has(key) || said.size >= MAX_SHAPE_PROBLEMS) return;
    said.add(key);
    result.problems.push({ message: `${LABEL}: ${message}`, range: keyRange(text, key, (lines ??= new LineIndex(text))) });
  };
  if (root.dependencies !== undefined && root.dependencies !== null && !Array.isArray(root.dependencies)) {
    misshapen('dependencies', 'dependencies must be a list of package specs; not read');
  }
  for (const dependency of list(root.dependencies)) {
    const installers = table(dependency);
    for (const installer of Object.keys(installers ?? {})) {
      if (installer !== 'pip') misshapen(installer, `"${installer}:" is no installer conda knows (only pip: is); not read`);
    }
    if (installers?.pip !== undefined && installers.pip !== null && !Array.isArray(installers.pip)) misshapen('pip', 'pip: must be a list of requirements; not read');
    const pip = list(installers?.pip);
    for (const line of pip) {
      if (typeof line === 'string') readPipLine(line, result, locator, unique, report);
    }
    const spec = string(dependency);
    if (spec === undefined) continue;
    const match = MATCH_SPEC.exec(spec.trim());
    if (!match) {
      report(spec, `"${spec}" is not a conda package spec`);
      continue;
    }
    const [, channel, name, versionSpec] = match;
    const nameStart = spec.indexOf(name!, channel ? spec.indexOf('::') + 2 : 0);
    const locate = locator.add({ text: spec, nameStart, nameEnd: nameStart + name!.length });
    // The interpreter is the environment, not a dependency of it.
    if (name === 'python') continue;
    result.condaPackages.push({
      name: name!,
      versionSpec: versionSpec || undefined,
      channel,
      locate,
    } satisfies CondaPackage);
  }
  return result;
}

/** One `pip:` line, read by the requirements reader; option lines (`-r`, `--index-url`) name no package. */
function readPipLine(
  line: string,
  result: LockResult,
  locator: EntryLocator<Item>,
  unique: UniqueKeys,
  report: (item: string, message: string) => void,
): void {
  const read = readRequirements(line);
  const [problem] = read.problems;
  if (problem) report(line, problem.message);
  for (const include of read.includes) {
    // pip runs from the environment file's folder: a file it includes is relative to it, as a requirements file's are.
    const range = locator.add({ text: line, nameStart: include.range.start.character, nameEnd: include.range.end.character })();
    (result.pipIncludes ??= []).push({ ...include, range });
  }
  const [declaration] = read.declarations;
  if (!declaration) return;
  // A single line: its characters are offsets into the item.
  const locate = locator.add({ text: line, nameStart: declaration.range.start.character, nameEnd: declaration.range.end.character });
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
    locate,
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
function keyRange(text: string, key: string, lines: LineIndex): Range {
  const found = new RegExp(`^[ \\t]*(?:-[ \\t]+)?(["']?)${escapeRegExp(key)}\\1[ \\t]*:`, 'm').exec(text);
  if (!found) return lines.range(0, 0);
  const start = found.index + found[0].indexOf(key);
  return lines.range(start, start + key.length);
}

/** A YAML list item whose value is `item.text`, plain or quoted: `- numpy>=1.26`, `  - "torch==2.1"`. */
const listItemFinder: Finder<Item> = (text, from, item) => {
  if (item.text === '') return undefined;
  for (let at = text.indexOf(item.text, from); at >= 0; at = text.indexOf(item.text, at + 1)) {
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    if (!/^[ \t]*-[ \t]+["']?$/.test(text.slice(lineStart, at))) continue;
    return [at + item.nameStart, at + item.nameEnd];
  }
  return undefined;
};
