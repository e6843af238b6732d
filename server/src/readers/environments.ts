// Pipfile and conda environment.yml as manifests: their entries are the project's direct dependencies.
// Their syntax is read by the lockfile readers (they share TOML/YAML loading and on-demand locating);
// here each entry becomes a declaration at the range of its name. Conda packages get their own
// ecosystem (`conda:NAME`): a conda-forge build is placed by what the knowledge base or the team says
// about conda packages, never assumed to be the PyPI project of the same name.
import { componentId } from '../../../rules/src/ids';
import type { Declaration, Range, RewriteSite } from '../../../rules/src/types';
import { LineIndex } from '../text/lineIndex';
import { readCondaEnvironment } from './lockfiles/conda';
import { readPipfile } from './lockfiles/pipfile';
import type { LockedPackage, LockResult } from './lockfiles/types';
import { readRequirements } from './requirements';
import type { ReadResult } from './types';

export function readPipfileManifest(text: string): ReadResult {
  const result = resultOf(readPipfile(text), []);
  const lines = new LineIndex(text);
  for (const declaration of result.declarations) {
    const site = pipfileEntrySite(text, lines, declaration.range);
    if (site) declaration.rewrite = site;
  }
  return result;
}

/**
 * An entry's key, bare or quoted. A bare key with a dot is a dotted key (`requests.version = "*"`), one of several lines
 * of the package's table: no entry a fix may rewrite whole.
 */
const ENTRY_KEY = String.raw`("[^"\n]+"|'[^'\n]+'|[^"'=\s.]+)`;
/** `name = "spec"` on one line: a fix rewrites it whole. */
const STRING_ENTRY = new RegExp(String.raw`^${ENTRY_KEY}\s*=\s*("[^"\\]*"|'[^']*')`);
/** `name = { key = value, … }` on one line, with no nested table. */
const TABLE_ENTRY = new RegExp(String.raw`^${ENTRY_KEY}\s*=\s*\{([^{}\n]*)\}`);
const TABLE_VERSION = /(^|[{,]\s*)version\s*=\s*("[^"\\\n]*"|'[^'\n]*')/;

/** Where a fix can rewrite a Pipfile entry: a string entry whole, a table entry whole or just its version. */
function pipfileEntrySite(text: string, lines: LineIndex, name: Range): RewriteSite | undefined {
  const nameStart = lines.offsetAt(name.start);
  const quoted = text[nameStart - 1] === '"' || text[nameStart - 1] === "'";
  const start = quoted ? nameStart - 1 : nameStart;
  const line = lineFrom(text, start);
  const entry = STRING_ENTRY.exec(line);
  if (entry) return { syntax: 'pipfile', range: lines.range(start, start + entry[0].length) };
  const table = TABLE_ENTRY.exec(line);
  if (!table) return undefined;
  const body = table[2]!;
  const bodyStart = start + table[0].length - 1 - body.length;
  const site: RewriteSite = { syntax: 'pipfile-table', range: lines.range(start, start + table[0].length) };
  const version = TABLE_VERSION.exec(`{${body}`);
  if (version) {
    // Offsets in `{body}`: one more than in the body.
    const valueStart = bodyStart - 1 + version.index + version[0].length - version[2]!.length;
    site.version = lines.range(valueStart, valueStart + version[2]!.length);
  } else if (body.trim() !== '') {
    const first = bodyStart + (body.length - body.trimStart().length);
    site.versionAt = lines.range(first, first);
  }
  return site;
}

/**
 * Reads a conda environment file. Undefined for a file of another name that turns out to be no environment (no
 * `dependencies`): `environment-*.yml` and `conda*.yaml` may be any tool's.
 */
export function readCondaManifest(text: string, fileName = 'environment.yml'): ReadResult | undefined {
  const environment = readCondaEnvironment(text);
  const named = /^environment\.ya?ml$/i.test(fileName);
  if (!named && environment.problems.length === 0 && !environment.declaresDependencies) return undefined;
  const conda = (environment.condaPackages ?? []).map((locked): Declaration => {
    const declaration: Declaration = { id: componentId('conda', locked.name), ecosystem: 'conda', name: locked.name, relation: 'direct', range: locked.locate() };
    if (locked.versionSpec) declaration.versionSpec = locked.versionSpec;
    return declaration;
  });
  const result = resultOf(environment, conda);
  result.includes = environment.pipIncludes ?? [];
  const lines = new LineIndex(text);
  for (const declaration of result.declarations) {
    const site = declaration.ecosystem === 'pypi' ? pipItemRewrite(text, lines, declaration.range) : undefined;
    if (site) declaration.rewrite = site;
  }
  return result;
}

/** `- requirement` or `- "requirement"` on one line, the requirement starting after the quote. */
const PIP_ITEM = /^[ \t]*-[ \t]+(["']?)/;

/**
 * A `pip:` item is a requirements line inside a YAML scalar: a fix rewrites its requirement as in a
 * requirements file, at the same place within the item. Not when it carries hashes (their options would be
 * left behind) or escapes (the item's text is then not the requirement's).
 */
function pipItemRewrite(text: string, lines: LineIndex, name: Range): RewriteSite | undefined {
  const lineStart = lines.offsetAt({ line: name.start.line, character: 0 });
  const line = lineFrom(text, lineStart);
  const item = PIP_ITEM.exec(line);
  if (!item) return undefined;
  const quote = item[1]!;
  const closing = quote ? line.indexOf(quote, item[0].length) : line.search(/\s+#|\s*$/);
  if (closing < 0) return undefined;
  const requirement = line.slice(item[0].length, closing);
  if ((quote === '"' && requirement.includes('\\')) || (quote === "'" && line[closing + 1] === "'")) return undefined;
  const site = readRequirements(requirement).declarations[0]?.rewrite;
  if (site?.syntax !== 'pep508' || site.extraDeletions.length > 0) return undefined;
  const start = lineStart + item[0].length;
  return { syntax: 'pep508', range: lines.range(start + site.range.start.character, start + site.range.end.character), extraDeletions: [] };
}

/** The text from `start` to the end of its line, without the line break. */
function lineFrom(text: string, start: number): string {
  const newline = text.indexOf('\n', start);
  return text.slice(start, newline < 0 ? text.length : newline).replace(/\r$/, '');
}

/** The direct dependencies of the single importer, in the file's order, before `extra` ones. */
function resultOf(read: LockResult, extra: Declaration[]): ReadResult {
  const direct = (read.importers.get('') ?? []).map((key) => declarationOf(read.packages.get(key)!));
  // In the file's order: an environment's `pip:` list sits among its conda entries.
  const declarations = [...extra, ...direct].sort(byPosition);
  return { declarations, licenses: [], problems: read.problems, includes: [] };
}

function declarationOf(locked: LockedPackage): Declaration {
  const declaration: Declaration = {
    id: locked.id,
    ecosystem: locked.ecosystem,
    name: locked.name,
    // A custom Pipfile category is installed only when asked for (`pipenv install --categories docs`), as an extra is.
    relation: locked.category !== undefined ? 'optional' : locked.dev ? 'dev' : 'direct',
    ...(locked.category !== undefined ? { group: locked.category } : {}),
    range: locked.locate(),
  };
  if (locked.specifier) declaration.versionSpec = locked.specifier;
  if (locked.extras?.length) declaration.extras = locked.extras;
  const source = locked.source;
  if (source && source.kind !== 'workspace') declaration.directReference = { kind: source.kind, target: source.target };
  return declaration;
}

function byPosition(a: Declaration, b: Declaration): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}
