// setuptools projects: `setup.cfg` (its declarative `[options] install_requires` and `[options.extras_require]`, read as
// setuptools reads them: a value of several lines is one requirement a line, a one-line value is split at `;`, and
// `file:` names requirements files) and `setup.py`, where the same lists are Python literals, as assigned and as the
// file goes on to add to them (`REQUIRED.append("x")`, `extras["gpu"] = [...]`). What setup.py computes is not run: a
// list built or changed by other code is reported as unread, unless it is read from a requirements file (setupPyFiles).
import { normalisePypiName } from '../../../rules/src/ids';
import type { Range } from '../../../rules/src/types';
import { LineIndex } from '../text/lineIndex';
import { parsePep508 } from './pep508';
import { requirementDeclaration } from './pep508Declaration';
import { CLOSING, OPENING, type PythonToken, pythonTokens, skipValue, statementEnd } from './pythonTokens';
import { RequirementsFileFlow } from './setupPyFiles';
import { emptyResult, type ReadResult } from './types';

/**
 * More mentions of install_requires and extras_require than any real setup.py has: a generated or hostile file is
 * read no further (each mention can cost a pass over the rest of the file).
 */
const MAX_MENTIONS = 20;
/** More lists than a real setup.py appends requirements to. */
const MAX_APPEND_SEARCHES = 64;

/** A piece of a manifest's text holding one requirement: its text and where that starts in the file. */
interface Item {
  text: string;
  start: number;
  /** Where its source text ends (past `start + text.length` where escapes were decoded). */
  end: number;
  /** False where the text differs from the source (a Python string with escapes): placed, never rewritten. */
  exact: boolean;
}

export function readSetupCfg(text: string): ReadResult {
  const lines = new LineIndex(text);
  const result = emptyResult();
  const values = iniValues(text);
  const interpolate = interpolation(values);
  for (const value of values) {
    const { section, key } = value;
    const [first] = value.lines as [Item, ...Item[]];
    if (section === 'metadata' && key === 'name') {
      result.ownName = first.text.trim();
      continue;
    }
    const requirements = section === 'options' && key === 'install_requires';
    if (!requirements && section !== 'options.extras_require') continue;
    const relation = requirements ? 'direct' : 'optional';
    const group = requirements ? undefined : key;
    if (first.text.startsWith('file:')) {
      // `file: a.txt, b.txt`: setuptools reads those files as this value.
      for (const name of split({ ...first, text: first.text.slice('file:'.length), start: first.start + 'file:'.length }, ',')) {
        const path = name.text.trim();
        const start = name.start + name.text.length - name.text.trimStart().length;
        if (path) result.includes.push({ path, kind: 'requirements', range: lines.range(start, start + path.length), ...(group ? { extra: group } : {}) });
      }
      continue;
    }
    for (const item of interpolate(section, requirementItems(value))) addRequirement(result, lines, item, relation, group);
  }
  return result;
}

/** A value's requirements as setuptools splits them: a line each when it has several lines, else at `;`. */
function requirementItems({ lines }: IniValue): Item[] {
  return lines.length > 1 ? lines : split(lines[0]!, ';');
}

/** More steps from a `%(name)s` to the value it names than a real setup.cfg takes: a cycle, read no further. */
const MAX_INTERPOLATION_DEPTH = 10;

/**
 * configparser's interpolation, which setuptools reads setup.cfg with: an item that is a whole `%(name)s` stands for
 * the items of `name`'s value in the same section (`dev =` / `    %(test)s` / `    ruff`). They are placed on the
 * reference, where they are written for this value, and never rewritten there.
 */
function interpolation(values: readonly IniValue[]): (section: string, items: Item[]) => Item[] {
  const bySection = new Map<string, Map<string, Item[]>>();
  for (const value of values) {
    if (!bySection.has(value.section)) bySection.set(value.section, new Map());
    bySection.get(value.section)!.set(value.key, requirementItems(value));
  }
  const expand = (section: string, items: Item[], depth: number): Item[] =>
    items.flatMap((item) => {
      const reference = /^(\s*)%\(([^)]+)\)s\s*$/.exec(item.text);
      const named = reference && bySection.get(section)?.get(reference[2]!.toLowerCase());
      if (!reference || !named || depth >= MAX_INTERPOLATION_DEPTH) return [item];
      const start = item.start + reference[1]!.length;
      const end = start + reference[0].trim().length;
      return expand(section, named, depth + 1).map((target) => ({ text: target.text, start, end, exact: false }));
    });
  return (section, items) => expand(section, items, 0);
}

export function readSetupPy(text: string): ReadResult {
  const lines = new LineIndex(text);
  const result = emptyResult();
  const tokens = pythonTokens(text);
  const assigned = moduleAssignments(tokens);
  const resolveName = (at: number) => resolvedValue(tokens, assigned, at);
  const flow = new RequirementsFileFlow(tokens, text);
  let requirementsTable: RequirementsTable | undefined;
  /** Where each name looked up in the file's list of requirements is: each is read once, however many values reach it. */
  const lookedUp = new Set<number>();
  /** The names whose appended strings have been read. */
  const appendsRead = new Set<string>();
  /** Where each included file is named: a file read into a list once is included once, however many values name the list. */
  const included = new Set<number>();
  // `install_requires = [...]` at the top and `install_requires=install_requires` in setup() name one list: read once.
  const read = new Set<number>();
  const reassignmentsFollowed = new Set<string>();
  /** Where each bracket closes: found once, and only for a file that names its lists. */
  let closing: number[] | undefined;
  let mentions = 0;
  for (let i = 0; i < tokens.length && mentions < MAX_MENTIONS; i++) {
    const token = tokens[i]!;
    if (token.kind !== 'name' || (token.text !== 'install_requires' && token.text !== 'extras_require')) continue;
    if (tokens[i + 1]?.text !== '=') continue;
    mentions++;
    const value = resolveName(i + 2);
    if (read.has(value)) continue;
    read.add(value);
    // The name holding the list (`install_requires=REQUIRED`, or `install_requires = […]` at the top) may be added to later.
    // (An attribute such as `spec.install_requires` is read where it is assigned, and followed no further.)
    const named = value !== i + 2 ? bareName(tokens, i + 2) : token.lineStart ? token.text : undefined;
    const holder = named?.includes('.') ? undefined : named;
    const changes = holder === undefined ? NO_CHANGES : changesOf(tokens, text, (closing ??= closingBrackets(tokens)), holder, value, resolveName);
    // What is appended to the holder itself is read with its changes.
    if (holder !== undefined) appendsRead.add(holder);
    if (token.text === 'install_requires') {
      readList(value, 'direct', undefined, 'install_requires');
      for (const added of changes.appended) {
        const item = tokens[added]!;
        // `.append("x")` adds one string; `.extend([…])` and `+= […]` a list.
        if (item.kind === 'string') addRequirement(result, lines, stringItem(item), 'direct', undefined);
        else readList(added, 'direct', undefined, 'install_requires');
      }
      // A list assigned anew from a requirements file (`with open(…) as f:` / `REQUIRED = f.read().splitlines()`) reads it.
      // Followed once for each name, however many mentions of the list lead to it.
      const reassigned = holder === undefined || reassignmentsFollowed.has(holder) ? [] : changes.reassigned;
      if (holder !== undefined) reassignmentsFollowed.add(holder);
      const computed = reassigned.filter(({ value: assigned }) => {
        const end = statementEnd(tokens, text, assigned);
        if (!includeFilesRead(assigned, end, undefined)) return true;
        readAppended(assigned, end, 'direct', undefined, 'install_requires');
        return false;
      });
      const unreadable = first(changes.unreadable, computed[0]?.name);
      if (changes.entries.length || unreadable !== undefined) unread(changes.entries[0]?.value ?? unreadable!, 'install_requires');
    } else {
      if (tokens[value]?.text === '{') readExtras(value);
      else unread(value, 'extras_require');
      for (const { key, value: entry, end } of changes.entries) readSum(entry, end, key.value);
      const unreadable = first(changes.unreadable, changes.reassigned[0]?.name);
      if (changes.appended.length || unreadable !== undefined) unread(changes.appended[0] ?? unreadable!, 'extras_require');
    }
  }
  const name = setupArgument(tokens, 'name');
  if (name?.kind === 'string' && !name.formatted) result.ownName = name.value;
  return result;

  /** Reads the value at `at`, up to `end` where the caller knows it (a term of a sum), else its `,`, bracket or line's end. */
  function readList(at: number, relation: 'direct' | 'optional', group: string | undefined, what: string, end = valueEnd(at)): void {
    const strings = literalList(tokens, at);
    if (strings) {
      for (const string of strings) addRequirement(result, lines, string, relation, group);
      return;
    }
    // Built by code: a requirements file it reads is read in its place, and the names it looks up in the file's own
    // list of requirements those requirements; anything else cannot be.
    if (!includeFilesRead(at, end, group) && !readLookups(at, end, relation, group)) return unread(at, what);
    readAppended(at, end, relation, group, what);
  }

  /**
   * What the file appends to the lists a computed value is built from (`extra.append("cupy")`, DeepSpeed's
   * `onebit_adam_requires.append(f"cupy-cuda{…}")`): a string is a requirement too, a formatted one is computed. Other
   * arguments (`lines.append(line.strip())` in a function reading a file) are the file's lines, read with it.
   */
  function readAppended(at: number, end: number, relation: 'direct' | 'optional', group: string | undefined, what: string): void {
    for (const name of flow.namesFollowed(at, end)) {
      // Each name's appends are searched for over the whole file: a hostile file's thousands of names are not all.
      if (appendsRead.has(name) || appendsRead.size >= MAX_APPEND_SEARCHES) continue;
      appendsRead.add(name);
      for (const at of appendsTo(tokens, name)) {
        const appended = tokens[at] as StringToken;
        if (appended.formatted) unread(at, what);
        else addRequirement(result, lines, stringItem(appended), relation, group);
      }
    }
  }

  /**
   * The requirements of a module-level list of requirement strings (transformers' `_deps = ["torch>=2.2", …]`) that the
   * value from `at` to `end` names by their package's name (`deps["torch"]`, `deps_list("torch", "accelerate")`), each
   * placed on the name that picks it; false when it names none.
   */
  function readLookups(at: number, end: number, relation: 'direct' | 'optional', group: string | undefined): boolean {
    const listed = (requirementsTable ??= requirementsListed(tokens, assigned));
    const picked = flow.stringsRead(at, end).flatMap((string) => {
      // `deps_list("ray[tune]")`: the table is keyed by the name as written, extras and all.
      const requirement = listed.byName.get(normalisePypiName(string.path.replace(/\[.*$/, '')));
      // A string of the list itself (followed through a name bound to it) is no lookup.
      return requirement && !listed.items.has(string.start) ? [{ ...string, requirement }] : [];
    });
    for (const { requirement, start, end: stringEnd } of picked.filter(({ start }) => !lookedUp.has(start))) {
      lookedUp.add(start);
      addRequirement(result, lines, { text: requirement.text, start, end: stringEnd, exact: false }, relation, group);
    }
    return picked.length > 0;
  }

  /** Where a value ends: at its `,` or closing bracket in a call or a literal, at its line's end in a statement of its own. */
  function valueEnd(at: number): number {
    return Math.min(skipValue(tokens, at), statementEnd(tokens, text, at));
  }

  /** Includes the requirements files the value from `at` to `end` is read from, as `group`'s when it is an extra's; false when it reads none. */
  function includeFilesRead(at: number, end: number, group: string | undefined): boolean {
    const files = flow.filesRead(at, end);
    for (const file of files.filter(({ start }) => !included.has(start))) {
      included.add(file.start);
      result.includes.push({ path: file.path, kind: 'requirements', range: lines.range(file.start, file.end), ...(group ? { extra: group } : {}) });
    }
    return files.length > 0;
  }

  /**
   * An extra added as `extras["all"] = extras["a"] + extras["b"] + ["x"]`: the lists it names are read where they are
   * assigned, its literal lists here; anything else is computed.
   */
  function readSum(at: number, end: number, extra: string): void {
    // A sum written over several lines in parentheses (`(extras["all"]\n + extras["testing"])`) is its inside.
    if (tokens[at]?.text === '(' && (closing ??= closingBrackets(tokens))[at] === end - 1) return readSum(at + 1, end - 1, extra);
    for (const term of termsOf(tokens, at, end)) {
      if (!isEntryReference(tokens, term)) readList(term.start, 'optional', extra, `the "${extra}" extra`, term.end);
    }
  }

  function readExtras(at: number): void {
    // Entry by entry up to the dict's own closing brace: what follows it (`package_data={…}`) is no extra.
    for (let i = at + 1; i < tokens.length && tokens[i]!.text !== '}'; i++) {
      const key = tokens[i]!;
      if (key.kind !== 'string' || tokens[i + 1]?.text !== ':') continue;
      readList(resolveName(i + 2), 'optional', key.value, `the "${key.value}" extra`);
      // At the `,` after the entry, or at the closing brace, which ends the loop.
      i = skipValue(tokens, i + 2);
      if (tokens[i]?.text === '}') break;
    }
  }

  function unread(at: number, what: string): void {
    const where = tokens[at] ?? tokens.at(-1)!;
    result.problems.push({
      message: `setup.py computes ${what}, which is not read: list the requirements as strings, or in pyproject.toml or a requirements file`,
      range: lines.range(where.start, where.end),
    });
  }
}

function addRequirement(result: ReadResult, lines: LineIndex, item: Item, relation: 'direct' | 'optional', group: string | undefined): void {
  const body = withoutComment(item.text);
  if (!body.trim()) return;
  const parsed = parsePep508(body, 0);
  const rangeOf = (start: number, end: number): Range =>
    item.exact ? lines.range(item.start + start, item.start + end) : lines.range(item.start, item.end);
  if (!parsed.ok) {
    result.problems.push({ message: parsed.message, range: rangeOf(parsed.offset, body.trimEnd().length) });
    return;
  }
  result.declarations.push(requirementDeclaration(parsed.requirement, relation, group, rangeOf, item.exact));
}

/** A requirement has no `#`; setup.cfg values keep what follows one, but no requirement can. */
function withoutComment(text: string): string {
  const hash = text.search(/(^|\s)#/);
  return hash < 0 ? text : text.slice(0, hash);
}

/** One value of a setup.cfg: the rest of its key's line, then each continuation line, each with where it starts. */
interface IniValue {
  section: string;
  key: string;
  lines: Item[];
}

/**
 * Key/value pairs as configparser reads them: `[section]` headers, `key = value` or `key: value` at the start of a
 * line, continuation lines indented, whole-line comments (`#`, `;`) skipped. Keys are lower-cased, as configparser does.
 */
function iniValues(text: string): IniValue[] {
  const values: IniValue[] = [];
  let section = '';
  let current: IniValue | undefined;
  let offset = 0;
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const start = offset;
    offset += raw.length + 1;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) continue;
    if (/^\s/.test(line) && current) {
      current.lines.push({ text: line, start, end: start + line.length, exact: true });
      continue;
    }
    // (Blanks before a header are a continuation's only after a key: a file's first line may carry them, as a buffer's
    // byte-order mark read as a blank does.)
    const header = /^\s*\[([^\]]+)\]/.exec(line);
    const pair = header ? undefined : /^([^=:]+?)\s*[=:]\s*/.exec(line);
    if (header) section = header[1]!.trim();
    current = pair ? { section, key: pair[1]!.trim().toLowerCase(), lines: [{ text: line.slice(pair[0].length), start: start + pair[0].length, end: start + line.length, exact: true }] } : undefined;
    if (current) values.push(current);
  }
  return values;
}

function split(value: Item, separator: string): Item[] {
  const items: Item[] = [];
  let at = value.start;
  for (const part of value.text.split(separator)) {
    items.push({ text: part, start: at, end: at + part.length, exact: true });
    at += part.length + separator.length;
  }
  return items;
}

/** The value of a keyword argument of the `setup(…)` call (`name="bot"`), when it has one. */
function setupArgument(tokens: readonly PythonToken[], keyword: string): PythonToken | undefined {
  const call = tokens.findIndex((token, i) => token.kind === 'name' && token.text === 'setup' && tokens[i + 1]?.text === '(');
  if (call < 0) return undefined;
  for (let i = call + 2; i < tokens.length && tokens[i]!.text !== ')'; i = skipValue(tokens, i) + 1) {
    if (tokens[i]!.text === keyword && tokens[i + 1]?.text === '=') return tokens[i + 2];
  }
  return undefined;
}

/** Where each name is first assigned at the top of the file (`REQUIRED = [...]`): the index of its value. */
function moduleAssignments(tokens: readonly PythonToken[]): Map<string, number> {
  const assigned = new Map<string, number>();
  const assign = (name: string, value: number) => {
    if (!assigned.has(name)) assigned.set(name, value);
  };
  tokens.forEach((token, i) => {
    if (token.kind !== 'name' || !token.lineStart) return;
    if (tokens[i + 1]?.text === '=') assign(token.text, i + 2);
    // An attribute of an object the file builds its arguments on (`spec.install_requires = [...]`).
    else if (tokens[i + 1]?.text === '.' && tokens[i + 2]?.kind === 'name' && tokens[i + 3]?.text === '=') assign(`${token.text}.${tokens[i + 2]!.text}`, i + 4);
  });
  return assigned;
}

type StringToken = Extract<PythonToken, { kind: 'string' }>;

/** What the file does to a name after its first assignment. */
interface NameChanges {
  /** What it adds to a list: `NAME.append("x")` (the string's token), `NAME.extend([…])` and `NAME += […]` (the list's). */
  appended: number[];
  /** What it adds to a dict: `NAME["key"] = value`, with where the value starts and its statement ends. */
  entries: { key: StringToken; value: number; end: number }[];
  /** Where it assigns the name again, or adds a computed list to it (`name`), and the value it assigns or adds. */
  reassigned: { name: number; value: number }[];
  /** Where it changes the name in any other way (`.update(…)`, `.pop()`, `+= load()`), if it does. */
  unreadable?: number;
}

const NO_CHANGES: NameChanges = { appended: [], entries: [], reassigned: [] };
/** The methods that change a list, dict or set in place. */
const MUTATORS = new Set(['append', 'extend', 'insert', 'update', 'setdefault', 'pop', 'popitem', 'remove', 'clear', 'add', 'discard']);
/** `+=` and its kin, as the tokenizer leaves them: an operator and an `=` right after it. */
const AUGMENTING = new Set(['+', '-', '*', '|', '&']);

/**
 * How the file changes `name` after assigning it the value at `firstValue`, in statements of its own (a name at the
 * top level of a statement, not inside a call's brackets, which is where keyword arguments are). A name of the same
 * spelling inside a function counts too: without running the file, it cannot be told apart. `closing`: closingBrackets;
 * `resolveName`: the value a name stands for (`.extend(OTHER)`).
 */
function changesOf(
  tokens: readonly PythonToken[],
  text: string,
  closing: readonly number[],
  name: string,
  firstValue: number,
  resolveName: (at: number) => number,
): NameChanges {
  const changes: NameChanges = { appended: [], entries: [], reassigned: [] };
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (OPENING.has(token.text)) depth++;
    else if (CLOSING.has(token.text)) depth = Math.max(0, depth - 1);
    if (depth > 0 || token.kind !== 'name' || token.text !== name || tokens[i - 1]?.text === '.') continue;
    const next = tokens[i + 1];
    if (next?.text === '=') {
      if (i + 2 !== firstValue) changes.reassigned.push({ name: i, value: i + 2 });
    } else if (next && AUGMENTING.has(next.text) && tokens[i + 2]?.text === '=' && tokens[i + 2]!.start === next.end) {
      const terms = termsOf(tokens, i + 3, statementEnd(tokens, text, i + 3));
      if (next.text === '+' && terms.length === 1 && isLiteralList(tokens, terms[0]!)) changes.appended.push(i + 3);
      // `REQUIRED += dev_requires`: what it adds is followed as a list assigned anew is (to the files it reads).
      else if (next.text === '+') changes.reassigned.push({ name: i, value: i + 3 });
      else changes.unreadable ??= i;
    } else if (next?.text === '[') {
      const close = closing[i + 1]!;
      if (tokens[close + 1]?.text !== '=') continue; // read, not assigned
      const key = tokens[i + 2]!;
      if (key.kind === 'string' && !key.formatted && close === i + 3) changes.entries.push({ key, value: close + 2, end: statementEnd(tokens, text, close + 2) });
      else changes.unreadable ??= i;
    } else if (next?.text === '.' && MUTATORS.has(tokens[i + 2]?.text ?? '')) {
      const method = tokens[i + 2]!.text;
      const argument = tokens[i + 4];
      const call = tokens[i + 3]?.text === '(' ? closing[i + 3]! : -1;
      if (method === 'append' && argument?.kind === 'string' && !argument.formatted && call === i + 5) changes.appended.push(i + 4);
      else if (method === 'extend' && call > i + 4 && isLiteralList(tokens, { start: i + 4, end: call })) changes.appended.push(i + 4);
      else if (method === 'extend' && call === i + 5 && literalList(tokens, resolveName(i + 4)) !== undefined) {
        // `.extend(OTHER)`, a list of strings assigned at the top.
        changes.appended.push(resolveName(i + 4));
      } else changes.unreadable ??= i;
    }
  }
  return changes;
}


/** For each opening bracket, the index of the bracket that closes it (or the end of the tokens when none does). */
function closingBrackets(tokens: readonly PythonToken[]): number[] {
  const closing: number[] = [];
  const open: number[] = [];
  tokens.forEach((token, i) => {
    if (OPENING.has(token.text)) open.push(i);
    else if (CLOSING.has(token.text) && open.length) closing[open.pop()!] = i;
  });
  for (const unclosed of open) closing[unclosed] = tokens.length;
  return closing;
}

/** A span of tokens: `start` included, `end` not. */
interface Span {
  start: number;
  end: number;
}

/** The terms of a sum (`a + ["b"] + c`) between `at` and `end`. */
function termsOf(tokens: readonly PythonToken[], at: number, end: number): Span[] {
  const terms: Span[] = [];
  let depth = 0;
  let start = at;
  for (let i = at; i < end; i++) {
    const text = tokens[i]!.text;
    if (OPENING.has(text)) depth++;
    else if (CLOSING.has(text)) depth = Math.max(0, depth - 1);
    else if (text === '+' && depth === 0) {
      terms.push({ start, end: i });
      start = i + 1;
    }
  }
  terms.push({ start, end });
  return terms;
}

/** `extras["test"]`: another entry of a dict, read where it is assigned. */
function isEntryReference(tokens: readonly PythonToken[], { start, end }: Span): boolean {
  return end === start + 4 && tokens[start]?.kind === 'name' && tokens[start + 1]?.text === '[' && tokens[start + 2]?.kind === 'string' && tokens[start + 3]?.text === ']';
}

/** A list or tuple of string literals that is the whole span. */
function isLiteralList(tokens: readonly PythonToken[], { start, end }: Span): boolean {
  // Such a list holds nothing but strings and commas: the first closing bracket is its own.
  let close = start + 1;
  while (close < end && !CLOSING.has(tokens[close]!.text)) close++;
  return close === end - 1 && literalList(tokens, start) !== undefined;
}

/** A bare name as a value (`install_requires=REQUIRED`) stands for the value assigned to it at the top of the file. */
function resolvedValue(tokens: readonly PythonToken[], assigned: ReadonlyMap<string, number>, at: number): number {
  const name = bareName(tokens, at);
  return name === undefined ? at : (assigned.get(name) ?? at);
}

/** A name (`REQUIRED`) or one attribute of a name (`spec.install_requires`) that is a whole value, as the file spells it. */
function bareName(tokens: readonly PythonToken[], at: number): string | undefined {
  const token = tokens[at];
  if (token?.kind !== 'name') return undefined;
  const attribute = tokens[at + 1]?.text === '.' && tokens[at + 2]?.kind === 'name';
  const after = tokens[at + (attribute ? 3 : 1)]?.text;
  if (after !== ',' && after !== ')' && after !== '}' && after !== undefined) return undefined;
  return attribute ? `${token.text}.${tokens[at + 2]!.text}` : token.text;
}

/** The strings of a list or tuple literal of strings at `at`, or undefined when the value is anything else. */
function literalList(tokens: readonly PythonToken[], at: number): Item[] | undefined {
  const open = tokens[at]?.text;
  const close = open === '[' ? ']' : open === '(' ? ')' : undefined;
  if (!close) return undefined;
  const items: Item[] = [];
  for (let i = at + 1; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.text === close) return items;
    if (token.kind !== 'string' || token.formatted) {
      if (token.text !== ',') return undefined;
      continue;
    }
    const previous = tokens[i - 1]!;
    const joined = previous.kind === 'string' ? items.pop() : undefined;
    // Adjacent literals are one string ("torch" ">=2.1"): placed whole, as its text is not the source's.
    items.push(
      joined
        ? { text: joined.text + token.value, start: joined.start, end: token.valueEnd, exact: false }
        : stringItem(token),
    );
  }
  return undefined;
}

/** A string literal as an item: its value, placed inside its quotes. */
function stringItem(token: StringToken): Item {
  return { text: token.value, start: token.valueStart, end: token.valueEnd, exact: token.exact };
}

/** The requirement strings of the file's module-level lists (`_deps = ["torch>=2.2", …]`), by their package's name. */
interface RequirementsTable {
  byName: Map<string, Item>;
  /** Where each of those strings is: they are the table, not lookups into it. */
  items: Set<number>;
}

/** The module-level lists whose every string is a requirement, read into one table (the first of a name wins). */
function requirementsListed(tokens: readonly PythonToken[], assigned: ReadonlyMap<string, number>): RequirementsTable {
  const table: RequirementsTable = { byName: new Map(), items: new Set() };
  for (const value of assigned.values()) {
    const items = literalList(tokens, value);
    const parsed = items?.map((item) => ({ item, requirement: parsePep508(withoutComment(item.text).trim(), 0) }));
    if (!parsed?.length || !parsed.every(({ requirement }) => requirement.ok)) continue;
    for (const { item, requirement } of parsed) {
      table.items.add(item.start);
      const name = normalisePypiName(requirement.ok ? requirement.requirement.name : '');
      if (!table.byName.has(name)) table.byName.set(name, item);
    }
  }
  return table;
}

/** Where the string literals the file appends to `name` are (`name.append("x")`, `name.insert(0, "x")`), in file order. */
function appendsTo(tokens: readonly PythonToken[], name: string): number[] {
  const appended: number[] = [];
  for (let i = 0; i + 5 < tokens.length; i++) {
    if (tokens[i]!.text !== name || tokens[i]!.kind !== 'name' || tokens[i - 1]?.text === '.' || tokens[i + 1]!.text !== '.') continue;
    const method = tokens[i + 2]!.text;
    if ((method !== 'append' && method !== 'insert') || tokens[i + 3]!.text !== '(') continue;
    // The value is the call's only argument (append) or its second (insert): a string alone, then the closing bracket.
    const at = method === 'append' ? i + 4 : tokens[i + 5]?.text === ',' ? i + 6 : -1;
    if (tokens[at]?.kind === 'string' && tokens[at + 1]?.text === ')') appended.push(at);
  }
  return appended;
}

/** The earlier of two token positions, either of which may be absent. */
function first(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}
