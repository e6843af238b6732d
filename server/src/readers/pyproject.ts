// pyproject.toml: PEP 621 `[project]` dependencies and optional-dependencies (or the requirements files setuptools or
// hatch-requirements-txt read them from, when `dynamic`), PEP 735 `[dependency-groups]` (and uv's older `[tool.uv]
// dev-dependencies`, PDM's `[tool.pdm.dev-dependencies]`, Hatch's environments, here or in hatch.toml), and Poetry's
// `[tool.poetry.dependencies]` and groups (never `python`). uv's `[tool.uv.sources]` says where a
// dependency named in those lists really comes from: a git repository, a URL, a folder, a workspace member.
import { parseTOML } from 'toml-eslint-parser';
import type { AST } from 'toml-eslint-parser';
import { componentId, normalisePypiName } from '../../../rules/src/ids';
import { append } from '../../../rules/src/lists';
import type { Declaration, Range, Relation } from '../../../rules/src/types';
import { LineIndex } from '../text/lineIndex';
import { parsePep508 } from './pep508';
import { requirementDeclaration } from './pep508Declaration';
import { emptyResult, type ReadResult } from './types';

/** A key/value pair with its full dotted path, through tables, dotted keys and inline tables. */
interface Entry {
  path: string[];
  key: AST.TOMLKey;
  value: AST.TOMLContentNode;
}

export function readPyproject(text: string): ReadResult {
  return readTomlManifest(text, 'pyproject.toml', []);
}

/** hatch.toml: Hatch's settings outside pyproject.toml, its keys those of `[tool.hatch]` (`[envs.test]` is `[tool.hatch.envs.test]`). */
export function readHatchToml(text: string): ReadResult {
  return readTomlManifest(text, 'hatch.toml', ['tool', 'hatch']);
}

/** A TOML manifest named `label`, its keys read as pyproject.toml's below `prefix`. */
function readTomlManifest(text: string, label: string, prefix: readonly string[]): ReadResult {
  const lines = new LineIndex(text);
  const result = emptyResult();
  let program: AST.TOMLProgram;
  try {
    program = parseTOML(text);
  } catch (error) {
    const { message, index } = error as { message: string; index?: number };
    const at = index ?? 0;
    result.problems.push({ message: `${label} is not valid TOML: ${message}`, range: lines.range(at, at) });
    const recovered = withoutLineAt(text, at);
    if (!recovered) return result;
    program = recovered;
  }

  const reader = new Pep508Strings(text, lines, result);
  const sources = new UvSources(text, lines);
  /** Where `[tool.poetry.extras]` names each package (by normalised name): a replacement renames it there too. */
  const inExtras = new Map<string, Range[]>();
  /** The first extra `[tool.poetry.extras]` lists each package in (by normalised name): an optional dependency's group. */
  const extraOf = new Map<string, string>();
  /** The fields `[project] dynamic` leaves to the build backend, and the requirements files the backend is told to read for them. */
  const dynamic = new Set<string>();
  const dynamicFiles: { field: DynamicField; extra?: string; value: AST.TOMLContentNode }[] = [];
  for (const entry of entries(program)) {
    const { key, value } = entry;
    const path = [...prefix, ...entry.path];
    const dotted = path.join('.');
    const fromFiles = dynamicFilesAt(path);
    if (path[0] === 'tool' && (path[1] === 'uv' || path[1] === 'rye') && path[2] === 'workspace') result.listsMembers = true;
    if (fromFiles) {
      dynamicFiles.push({ ...fromFiles, value });
    } else if (dotted === 'project.dynamic' && value.type === 'TOMLArray') {
      for (const element of value.elements) if (isString(element)) dynamic.add(element.value);
    } else if (path.length === 5 && dotted.startsWith('tool.hatch.envs.') && (path[4] === 'dependencies' || path[4] === 'extra-dependencies')) {
      // Hatch's environments (test, lint, docs, …): what `hatch run` installs beside the project, which no lockfile pins.
      reader.readArray(value, 'dev', path[3], { unlockable: true });
    } else if (path[0] === 'tool' && path[1] === 'uv' && path[2] === 'sources') {
      sources.add(path.slice(3), key, value);
    } else if (dotted === 'tool.uv.dev-dependencies' || dotted === 'tool.rye.dev-dependencies') {
      // uv's development dependencies before PEP 735, and Rye's, which requirements-dev.lock locks.
      reader.readArray(value, 'dev', 'dev');
    } else if (dotted === 'project.dependencies') {
      reader.readArray(value, 'direct');
    } else if (path.length === 3 && dotted.startsWith('project.optional-dependencies.')) {
      reader.readArray(value, 'optional', path[2]);
    } else if (path.length === 2 && path[0] === 'dependency-groups') {
      reader.readArray(value, 'dev', path[1]);
    } else if (path.length === 4 && dotted.startsWith('tool.pdm.dev-dependencies.')) {
      // PDM's development groups before PEP 735, which pdm.lock locks like any other group.
      reader.readArray(value, 'dev', path[3]);
    } else if (path.length === 4 && dotted.startsWith('tool.poetry.extras.') && value.type === 'TOMLArray') {
      for (const element of value.elements) {
        if (!isString(element)) continue;
        const name = normalisePypiName(element.value);
        if (!extraOf.has(name)) extraOf.set(name, path[3]!);
        if (innerStart(text, element) !== undefined) append(inExtras, name, stringRange(text, element, lines));
      }
    } else if ((dotted === 'project.name' || dotted === 'tool.poetry.name') && isString(value)) {
      result.ownName = value.value;
    } else if ((dotted === 'project.license' || dotted === 'tool.poetry.license') && isString(value)) {
      result.licenses.push({ value: value.value, range: stringRange(text, value, lines), dialect: 'spdx' });
    } else {
      const poetry = poetrySection(path);
      if (poetry && path.at(-1) !== 'python') {
        result.declarations.push(poetryDependency(path.at(-1)!, key, value, poetry, text, lines));
      }
    }
  }
  // A backend fills in a field from files only where `dynamic` lists it (setuptools and Hatch ignore them otherwise).
  for (const { field, extra, value } of dynamicFiles) {
    if (!dynamic.has(field)) continue;
    for (const file of value.type === 'TOMLArray' ? value.elements : [value]) {
      if (isString(file)) result.includes.push({ path: file.value, kind: 'requirements', range: stringRange(text, file, lines), ...(extra === undefined ? {} : { extra }) });
    }
  }
  // uv reads its sources for the PEP 508 lists only, never for Poetry's tables.
  for (const declaration of reader.declared) sources.apply(declaration, reader.declared);
  for (const declaration of result.declarations) {
    if (declaration.rewrite?.syntax !== 'poetry') continue;
    const extras = inExtras.get(normalisePypiName(declaration.name));
    if (extras) declaration.rewrite.extras = extras;
    // An optional dependency is installed by the extras that list it, as PEP 621's optional-dependencies are.
    const extra = extraOf.get(normalisePypiName(declaration.name));
    if (declaration.relation === 'optional' && extra !== undefined) declaration.group = extra;
  }
  // Rye's workspace may be an empty table, which makes every project below it a member.
  if (/^[ \t]*\[[ \t]*tool[ \t]*\.[ \t]*rye[ \t]*\.[ \t]*workspace[ \t]*\]/m.test(text)) result.listsMembers = true;
  return result;
}

type DynamicField = 'dependencies' | 'optional-dependencies';

/**
 * The requirements files a build backend reads a dynamic field from, by the key that lists them: setuptools'
 * `[tool.setuptools.dynamic] dependencies = { file = […] }` and `optional-dependencies.EXTRA = { file = […] }`, and the
 * hatch-requirements-txt plugin's `[tool.hatch.metadata.hooks.requirements_txt] files = […]` and
 * `optional-dependencies.EXTRA = […]`.
 */
function dynamicFilesAt(path: readonly string[]): { field: DynamicField; extra?: string } | undefined {
  const [tool, backend] = path;
  if (tool !== 'tool') return undefined;
  if (backend === 'setuptools' && path[2] === 'dynamic' && path.at(-1) === 'file') {
    if (path.length === 5 && path[3] === 'dependencies') return { field: 'dependencies' };
    if (path.length === 6 && path[3] === 'optional-dependencies') return { field: 'optional-dependencies', extra: path[4]! };
  }
  if (backend === 'hatch' && path[2] === 'metadata' && path[3] === 'hooks' && path[4] === 'requirements_txt') {
    if (path.length === 6 && path[5] === 'files') return { field: 'dependencies' };
    if (path.length === 7 && path[5] === 'optional-dependencies') return { field: 'optional-dependencies', extra: path[6]! };
  }
  return undefined;
}

/**
 * The file read without the line a syntax error is on (a dependency half typed), that line blanked so that every other
 * offset stays where it is: the rest of the file is still judged, as a half-typed package.json is. Undefined when the
 * file does not parse even so.
 */
function withoutLineAt(text: string, at: number): AST.TOMLProgram | undefined {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const newline = text.indexOf('\n', at);
  const end = newline < 0 ? text.length : newline;
  try {
    return parseTOML(text.slice(0, start) + ' '.repeat(end - start) + text.slice(end));
  } catch {
    return undefined;
  }
}

/** `[tool.uv.sources]`: per package, the keys of its source table (`git`, `rev`, `path`, `workspace`, …). */
class UvSources {
  private readonly byName = new Map<string, Map<string, string | boolean>>();
  /** The whole line of a one-line `name = { … }` entry: a replaced package's source goes with it. */
  private readonly lineOf = new Map<string, Range>();

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
  ) {}

  /** One entry under `tool.uv.sources`: `name = { … }`, `name = [{ … }, …]`, or a key of `[tool.uv.sources.name]`. */
  add(path: string[], key: AST.TOMLKey, value: AST.TOMLContentNode): void {
    const [name, field] = path;
    if (name === undefined) return;
    if (field === undefined) {
      // Several sources chosen by markers: the first that names a place stands for them all.
      const table = value.type === 'TOMLArray' ? value.elements.find((element) => element.type === 'TOMLInlineTable') : value;
      if (table?.type !== 'TOMLInlineTable') return;
      this.byName.set(normalisePypiName(name), inlineTable(table));
      const line = wholeLines(this.text, key.range[0], value.range[1]);
      if (line) this.lineOf.set(normalisePypiName(name), this.lines.range(line[0], line[1]));
    } else if (path.length === 2) {
      const scalar = scalarOf(value);
      if (scalar === undefined) return;
      const fields = this.byName.get(normalisePypiName(name)) ?? new Map<string, string | boolean>();
      fields.set(field, scalar);
      this.byName.set(normalisePypiName(name), fields);
    }
  }

  /** A declaration learns where its source points; an index (`index = "pytorch"`) is still a registry. */
  apply(declaration: Declaration, declared: readonly Declaration[]): void {
    const name = normalisePypiName(declaration.name);
    const source = this.byName.get(name);
    if (!source || declaration.directReference) return;
    const [git, url, path] = [stringAt(source, 'git'), stringAt(source, 'url'), stringAt(source, 'path')];
    const ref = stringAt(source, 'rev') ?? stringAt(source, 'tag') ?? stringAt(source, 'branch');
    if (source.get('workspace') === true) declaration.relation = 'workspace';
    else if (git) declaration.directReference = { kind: 'vcs', target: `git+${git}${ref ? `@${ref}` : ''}` };
    else if (url) declaration.directReference = { kind: 'url', target: url };
    else if (path) declaration.directReference = { kind: source.get('editable') === true ? 'editable' : 'path', target: path };
    // Replaced, the package's source entry would name a package no list declares: it goes too, unless another list still declares it.
    const line = this.lineOf.get(name);
    const declaredOnce = declared.filter((other) => normalisePypiName(other.name) === name).length === 1;
    if (line && declaredOnce && declaration.rewrite?.syntax === 'pep508') declaration.rewrite.extraDeletions.push(line);
  }
}

/** From the start of the line holding `start` to just past the line break after `end`, when nothing else shares those lines. */
function wholeLines(text: string, start: number, end: number): [number, number] | undefined {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (text.slice(lineStart, start).trim() !== '') return undefined;
  const newline = text.indexOf('\n', end);
  const lineEnd = newline < 0 ? text.length : newline + 1;
  const rest = text.slice(end, lineEnd).trim();
  return rest === '' || rest.startsWith('#') ? [lineStart, lineEnd] : undefined;
}

/** `tool.poetry.dependencies.X` → direct; `tool.poetry.dev-dependencies.X` and `tool.poetry.group.G.dependencies.X` → dev. */
function poetrySection(path: string[]): { relation: Relation; group?: string } | undefined {
  if (path[0] !== 'tool' || path[1] !== 'poetry') return undefined;
  if (path.length === 4 && path[2] === 'dependencies') return { relation: 'direct' };
  if (path.length === 4 && path[2] === 'dev-dependencies') return { relation: 'dev', group: 'dev' };
  if (path.length === 6 && path[2] === 'group' && path[4] === 'dependencies') {
    return { relation: path[3] === 'main' ? 'direct' : 'dev', group: path[3]! };
  }
  return undefined;
}

function poetryDependency(
  name: string,
  key: AST.TOMLKey,
  value: AST.TOMLContentNode,
  section: { relation: Relation; group?: string },
  text: string,
  lines: LineIndex,
): Declaration {
  const nameNode = key.keys.at(-1)!;
  const nameStart = nameNode.range[0] + (nameNode.type === 'TOMLQuoted' ? 1 : 0);
  const table = value.type === 'TOMLInlineTable' ? inlineTable(value) : undefined;
  const version = isString(value) ? value.value : stringAt(table, 'version');
  // `optional = true`: only an extra installs it (Poetry reads the flag in the main dependencies alone). Several
  // constraints (`[{ version = …, python = … }, …]`) are optional when one is.
  const constraints = value.type === 'TOMLArray' ? value.elements.flatMap((element) => (element.type === 'TOMLInlineTable' ? [inlineTable(element)] : [])) : table ? [table] : [];
  const optional = section.relation === 'direct' && constraints.some((constraint) => constraint.get('optional') === true);
  const [git, path, url] = [stringAt(table, 'git'), stringAt(table, 'path'), stringAt(table, 'url')];
  const reference = git
    ? ({ kind: 'vcs', target: git } as const)
    : path
      ? ({ kind: 'path', target: path } as const)
      : url
        ? ({ kind: 'url', target: url } as const)
        : undefined;
  return {
    id: componentId('pypi', name),
    ecosystem: 'pypi',
    name,
    relation: optional ? 'optional' : section.relation,
    ...(section.group && !optional ? { group: section.group } : {}),
    range: lines.range(nameStart, nameStart + name.length),
    ...(version !== undefined ? { versionSpec: version } : {}),
    ...(reference ? { directReference: reference } : {}),
    rewrite: { syntax: 'poetry', range: lines.range(key.range[0], value.range[1]), ...keptBy(value, text) },
  };
}

/** What an inline table says of how the project uses a dependency, not of which package it is or where it comes from. */
const USE_KEYS = new Set(['optional', 'python', 'markers', 'allow-prereleases']);

/** The entries of a Poetry inline table (`optional = true`) that stay when the dependency is replaced by another, as written. */
function keptBy(value: AST.TOMLContentNode, text: string): { kept?: string[] } {
  if (value.type !== 'TOMLInlineTable') return {};
  const kept = value.body.filter((pair) => pair.key.keys.length === 1 && USE_KEYS.has(keyName(pair.key.keys[0]!))).map((pair) => text.slice(pair.range[0], pair.range[1]));
  return kept.length > 0 ? { kept } : {};
}

/** Reads arrays of PEP 508 strings, placing each part at its exact offset inside the string. */
class Pep508Strings {
  /** What this reader declared (uv's sources apply to these). */
  readonly declared: Declaration[] = [];

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly result: ReadResult,
  ) {}

  readArray(value: AST.TOMLContentNode, relation: Relation, group?: string, extra: Pick<Declaration, 'unlockable'> = {}): void {
    if (value.type !== 'TOMLArray') return;
    for (const element of value.elements) {
      // PEP 735 `{ include-group = "test" }` entries name other groups, not packages.
      if (isString(element)) this.readString(element, relation, group, extra);
    }
  }

  private readString(node: AST.TOMLStringValue, relation: Relation, group: string | undefined, extra: Pick<Declaration, 'unlockable'>): void {
    const base = valueStart(this.text, node);
    // An escape makes the value differ from the source text from there on: a part of the value before it is placed
    // exactly (a name before the `\"3.11\"` of its marker), any other the whole string, quotes included.
    const exactUpTo = sameUpTo(node.value, this.text, base);
    const rangeOf = (start: number, end: number) => (end <= exactUpTo ? this.lines.range(base + start, base + end) : this.lines.range(node.range[0], node.range[1]));
    const parsed = parsePep508(node.value, 0);
    if (!parsed.ok) {
      this.result.problems.push({ message: parsed.message, range: rangeOf(parsed.offset, node.value.length) });
      return;
    }
    // The rewrite replaces the name and its specifier: exact where those are.
    const rewritable = parsed.requirement.end <= exactUpTo;
    const declaration = requirementDeclaration(parsed.requirement, relation, group, rangeOf, rewritable);
    const local = hatchRootPath(declaration.directReference?.target);
    if (local !== undefined) declaration.directReference = { kind: 'path', target: local };
    Object.assign(declaration, extra);
    this.result.declarations.push(declaration);
    this.declared.push(declaration);
  }
}

/**
 * The folder a Hatch context field names (`my-lib @ {root:uri}/libs/my-lib`, `{root:parent:uri}/…`), relative to the
 * project: Hatch formats it as the file URL of the project's root, or of a folder above it.
 */
function hatchRootPath(target: string | undefined): string | undefined {
  const field = target === undefined ? undefined : /^\{root((?::parent)*):uri\}\/?(.*)$/.exec(target);
  if (!field) return undefined;
  const up = field[1]!.split(':parent').length - 1;
  return [...(up ? Array<string>(up).fill('..') : ['.']), ...(field[2] ? [field[2]] : [])].join('/');
}

function entries(program: AST.TOMLProgram): Entry[] {
  const out: Entry[] = [];
  const visit = (body: (AST.TOMLKeyValue | AST.TOMLTable)[], prefix: string[]) => {
    for (const node of body) {
      if (node.type === 'TOMLTable') {
        visit(node.body, node.resolvedKey.map(String));
        continue;
      }
      const path = [...prefix, ...node.key.keys.map(keyName)];
      out.push({ path, key: node.key, value: node.value });
      if (node.value.type === 'TOMLInlineTable') visit(node.value.body, path);
    }
  };
  for (const top of program.body) visit(top.body, []);
  return out;
}

function keyName(key: AST.TOMLBare | AST.TOMLQuoted): string {
  return key.type === 'TOMLBare' ? key.name : key.value;
}

/** The string and boolean values of an inline table's own keys (`{ version = "^2", optional = true }`). */
function inlineTable(table: AST.TOMLInlineTable): Map<string, string | boolean> {
  const values = new Map<string, string | boolean>();
  for (const pair of table.body) {
    const value = scalarOf(pair.value);
    if (pair.key.keys.length === 1 && value !== undefined) values.set(keyName(pair.key.keys[0]!), value);
  }
  return values;
}

/** A string or boolean value; undefined for numbers, dates, arrays and tables. */
function scalarOf(node: AST.TOMLContentNode): string | boolean | undefined {
  return node.type === 'TOMLValue' && (node.kind === 'string' || node.kind === 'boolean') ? (node.value as string | boolean) : undefined;
}

function stringAt(values: ReadonlyMap<string, string | boolean> | undefined, key: string): string | undefined {
  const value = values?.get(key);
  return typeof value === 'string' ? value : undefined;
}

function isString(node: AST.TOMLNode): node is AST.TOMLStringValue {
  return node.type === 'TOMLValue' && node.kind === 'string';
}

/** Where the characters of a string's value start in the file. */
function valueStart(text: string, node: AST.TOMLStringValue): number {
  const quote = node.multiline ? 3 : 1;
  let start = node.range[0] + quote;
  // A multi-line string drops a newline right after its opening quotes.
  if (node.multiline && text[start] === '\r') start++;
  if (node.multiline && text[start] === '\n') start++;
  return start;
}

/** Where the characters of a string's value start, when they equal its source text (no escapes). */
function innerStart(text: string, node: AST.TOMLStringValue): number | undefined {
  const start = valueStart(text, node);
  return sameUpTo(node.value, text, start) === node.value.length ? start : undefined;
}

/** How many of `value`'s characters the source text repeats from `start`: up to its first escape. */
function sameUpTo(value: string, text: string, start: number): number {
  let same = 0;
  while (same < value.length && text.charCodeAt(start + same) === value.charCodeAt(same)) same++;
  return same;
}

function stringRange(text: string, node: AST.TOMLStringValue, lines: LineIndex) {
  const start = innerStart(text, node);
  return start === undefined ? lines.range(node.range[0], node.range[1]) : lines.range(start, start + node.value.length);
}
