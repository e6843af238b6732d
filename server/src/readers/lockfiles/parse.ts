// Loading a lockfile's structure with the fastest plain parser for its syntax, or saying why it cannot
// be loaded: one problem, placed where the parser stopped (offsets are computed on this path only).
import { FAILSAFE_SCHEMA, load, YAMLException } from 'js-yaml';
import { type ParseError, type ParseOptions, parse as parseJsonc, printParseErrorCode } from 'jsonc-parser';
import { parse as parseToml, TomlError } from 'smol-toml';
import { componentId } from '../../../../rules/src/ids';
import { LineIndex } from '../../text/lineIndex';
import type { Problem } from '../types';
import { loadPlainYaml } from './plainYaml';
import { pypiKey, type UniqueKeys } from './result';
import { list, string, type Table, table } from './values';

/**
 * The top-level object, or undefined with the reason in `problems`. A syntax error still gives what
 * precedes it: jsonc-parser recovers the entries before the error, so a truncated lockfile yields what it
 * holds (JSON.parse, many times faster, reads every file that has no error).
 */
export function loadJson(text: string, label: string, problems: Problem[]): Table | undefined {
  try {
    return rootTable(JSON.parse(text), label, 'a JSON object', problems);
  } catch (error) {
    // JSON.parse names no position for some errors; jsonc-parser always does.
    return recoverJson(text, label, problems, { disallowComments: true, allowTrailingComma: false }, (error as Error).message);
  }
}

/** JSON with trailing commas and comments (bun.lock): jsonc-parser alone. */
export function loadJsonc(text: string, label: string, problems: Problem[]): Table | undefined {
  return recoverJson(text, label, problems, { allowTrailingComma: true });
}

/**
 * What jsonc-parser reads of a file: all of it, or what precedes its first error, which becomes the file's problem
 * (`refusal`: why a stricter parser refused a file it finds no error in).
 */
function recoverJson(text: string, label: string, problems: Problem[], options: ParseOptions, refusal?: string): Table | undefined {
  const errors: ParseError[] = [];
  let value: unknown;
  try {
    value = parseJsonc(text, errors, options);
  } catch {
    problems.push(problemAt(text, 0, 0, `${label} is nested too deeply to read`));
    return undefined;
  }
  const [first] = errors;
  if (!first && refusal === undefined) return rootTable(value, label, 'a JSON object', problems);
  const at = first?.offset ?? 0;
  problems.push(problemAt(text, at, at + (first?.length ?? 0), `${label} is not valid JSON: ${first ? describeJsonError(first) : refusal}`));
  return table(value);
}

export function loadYaml(text: string, label: string, problems: Problem[]): Table | undefined {
  // Lockfiles as package managers write them take the fast path; anything else the full parser.
  const plain = loadPlainYaml(text);
  if (plain) return plain;
  let value: unknown;
  try {
    // Every scalar a string (`version: 1.10` stays "1.10"), as Yarn itself reads its lockfile; `json`
    // lets a repeated key win instead of failing, as JSON.parse does.
    value = load(text, { schema: FAILSAFE_SCHEMA, json: true });
  } catch (error) {
    const at = error instanceof YAMLException ? ((error.mark as YAMLException['mark'] | undefined)?.position ?? secondDocumentAt(text)) : 0;
    const reason = error instanceof YAMLException ? error.reason : (error as Error).message;
    problems.push(problemAt(text, at, at, `${label} is not valid YAML: ${reason}`));
    return undefined;
  }
  return rootTable(value, label, 'a YAML mapping', problems);
}

/** A TOML document is always a table. */
export function loadToml(text: string, label: string, problems: Problem[]): Table | undefined {
  try {
    return parseToml(text);
  } catch (error) {
    if (!(error instanceof TomlError)) {
      problems.push(problemAt(text, 0, 0, `${label} is not valid TOML: ${(error as Error).message}`));
      return undefined;
    }
    // "Invalid TOML document: invalid value\n\n<code block>": the first line is the reason.
    const reason = error.message.split('\n', 1)[0]!.replace(/^Invalid TOML document: /, '');
    const lines = new LineIndex(text);
    const at = lines.offsetAt({ line: error.line - 1, character: error.column - 1 });
    problems.push({ message: `${label} is not valid TOML: ${reason}`, range: lines.range(at, at) });
    return undefined;
  }
}

/** A TOML lockfile built of `[[package]]` tables (poetry.lock, uv.lock, pdm.lock); undefined, with its problem, when it is not one. */
export function loadPackageLock(text: string, label: string, problems: Problem[]): Table | undefined {
  const root = loadToml(text, label, problems);
  if (root && !Array.isArray(root.package) && root.package !== undefined) {
    problems.push(shapeProblem(label, '[[package]] tables'));
    return undefined;
  }
  return root;
}

/** One `[[package]]` table of a TOML lockfile that names its package, and the key it is stored under. */
export interface PackageTable {
  body: Table;
  name: string;
  id: string;
  version?: string;
  key: string;
}

export function* packageTables(root: Table, unique: UniqueKeys): Generator<PackageTable> {
  for (const value of list(root.package)) {
    const body = table(value);
    const name = string(body?.name);
    if (!body || name === undefined) continue;
    const version = string(body.version);
    yield { body, name, id: componentId('pypi', name), version, key: unique.take(pypiKey(name, version)) };
  }
}

/** Whether a list of files or wheels (`[{ file, hash }, …]`) records a hash for any of them. */
export function hasHash(files: unknown): boolean {
  return list(files).some((file) => typeof table(file)?.hash === 'string');
}

/** A file that parses but is not the shape its kind has (a JSON array, a YAML scalar). */
export function shapeProblem(label: string, expected: string): Problem {
  const start = { line: 0, character: 0 };
  return { message: `${label}: expected ${expected}`, range: { start, end: start } };
}

function rootTable(value: unknown, label: string, expected: string, problems: Problem[]): Table | undefined {
  const root = table(value);
  if (!root) problems.push(shapeProblem(label, expected));
  return root;
}

/** js-yaml names no place when a file holds two documents: the `---` that starts the second, after some content. */
function secondDocumentAt(text: string): number {
  const marker = /^---(?=\s|$)/gm;
  for (let found = marker.exec(text); found; found = marker.exec(text)) {
    if (text.slice(0, found.index).replace(/#.*$/gm, '').trim() !== '') return found.index;
  }
  return 0;
}

function problemAt(text: string, start: number, end: number, message: string): Problem {
  return { message, range: new LineIndex(text).range(start, end) };
}

function describeJsonError(error: ParseError): string {
  // "PropertyNameExpected" → "property name expected"
  return printParseErrorCode(error.error)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}
