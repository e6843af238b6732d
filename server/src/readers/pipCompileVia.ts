// pip-compile's `# via` annotations (https://pip-tools.readthedocs.io): a compiled requirements file pins
// the whole dependency graph and says, under each pin, what brought it in — an input file (`-r
// requirements.in`) or other pinned packages. Packages that only other packages bring are transitive,
// and the annotations give the chain back to a package the input file asked for.
import { normalisePypiName } from '../../../rules/src/ids';
import type { Declaration } from '../../../rules/src/types';

/** `# via -r requirements.in, httpx` on the requirement's own line (`--annotation-style=line`). */
const INLINE_VIA = /\s#\s*via\s+(.+)$/;
/** `    # via requests` under the requirement, or `    # via` opening a list of `    #   name` lines. */
const VIA_LINE = /^\s*#\s*via(?:\s+(.*\S))?\s*$/;
const VIA_ITEM = /^\s*#\s{2,}(\S.*?)\s*$/;
/** A requirement line starts with a project name (option lines start with `-`, comments with `#`). */
const REQUIREMENT_NAME = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/;

/** What brought each pinned package in, by normalised name, as written (`-r requirements.in`, `requests`). */
export function viaAnnotations(text: string): Map<string, string[]> {
  const parents = new Map<string, string[]>();
  let current: string[] | undefined;
  let listing = false;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const via = VIA_LINE.exec(line);
    if (via && current) {
      if (via[1] !== undefined) current.push(via[1]);
      listing = via[1] === undefined;
      continue;
    }
    const item = listing ? VIA_ITEM.exec(line) : null;
    if (item && current) {
      current.push(item[1]!);
      continue;
    }
    listing = false;
    if (/^\s*(#|-|$)/.test(line)) continue;
    const name = REQUIREMENT_NAME.exec(line)?.[1];
    if (name === undefined) continue;
    current = [];
    parents.set(normalisePypiName(name), current);
    const inline = INLINE_VIA.exec(line);
    if (inline) current.push(...inline[1]!.split(',').map((parent) => parent.trim()).filter(Boolean));
  }
  return parents;
}

/**
 * Marks the declarations only other packages bring in as transitive, each with the shortest chain from
 * a package the input files ask for (`via`, as for lockfiles). A package an input file names stays
 * direct, whatever else also needs it; one without annotations is left as written.
 */
export function applyVia(declarations: readonly Declaration[], parents: ReadonlyMap<string, readonly string[]>): void {
  // `-r file` asked for it; `-c file` only constrained its version, so a constrained package may still be transitive.
  const isFile = (parent: string) => /^(-r|-c|--requirement|--constraint)\b/.test(parent);
  const isRequired = (parent: string) => /^(-r|--requirement)\b/.test(parent);
  const packageParents = (name: string) => (parents.get(name) ?? []).filter((parent) => !isFile(parent)).map(normalisePypiName);
  const direct = new Set([...parents].filter(([, list]) => list.some(isRequired)).map(([name]) => name));
  const named = new Map<string, string>();
  for (const declaration of declarations) named.set(normalisePypiName(declaration.name), declaration.name);
  for (const declaration of declarations) {
    const name = normalisePypiName(declaration.name);
    if (declaration.ecosystem !== 'pypi' || direct.has(name) || packageParents(name).length === 0) continue;
    const chain = chainTo(name, direct, packageParents);
    if (!chain) continue;
    declaration.relation = 'transitive';
    declaration.via = chain.map((step) => named.get(step) ?? step);
  }
}

/** The shortest chain of names from a direct package down to a parent of `name`, breadth-first. */
function chainTo(name: string, direct: ReadonlySet<string>, parentsOf: (name: string) => string[]): string[] | undefined {
  const seen = new Set([name]);
  let frontier: string[][] = parentsOf(name).map((parent) => [parent]);
  while (frontier.length > 0) {
    const next: string[][] = [];
    for (const chain of frontier) {
      const top = chain[0]!;
      if (seen.has(top)) continue;
      seen.add(top);
      if (direct.has(top)) return chain;
      for (const parent of parentsOf(top)) next.push([parent, ...chain]);
    }
    frontier = next;
  }
  return undefined;
}
