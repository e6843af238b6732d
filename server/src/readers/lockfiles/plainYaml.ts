// A fast path for the YAML that package managers write. yarn.lock (Berry) and pnpm-lock.yaml are
// generated in a narrow subset of YAML: block mappings indented by spaces, scalars plain or quoted on one
// line, short flow collections of scalars (`{integrity: sha512-…}`, `[x64]`), and block sequences of
// scalars (pnpm's `transitivePeerDependencies:` lists). Reading that subset line by line is several times
// faster than a full YAML parser, which is what a large monorepo's lockfiles cost. Yarn does the same (its
// lockfile parser tries a fast grammar before js-yaml). Anything outside the subset — sequences of
// mappings or of sequences, multi-line scalars, anchors, tags, escapes JSON does not share — gives
// `undefined`, and the caller parses the file with the full parser instead. Every scalar is a string, as
// with js-yaml's FAILSAFE schema; a repeated key keeps its last value, as with its `json` option.

/** A mapping as read: string keys, values that are strings, mappings, lists or null (an empty value). */
type Value = string | Mapping | Value[] | null;
interface Mapping {
  [key: string]: Value;
}

/** Thrown inside the reader when the text leaves the subset; never escapes it. */
class OutsideSubset extends Error {}

/** Characters that may not start a plain scalar in block context (YAML 1.2 §7.3.3, plus `-`/`?` cases below). */
const INDICATORS = new Set(['&', '*', '!', '|', '>', '%', '@', '`', '#', '[', ']', '{', '}', ',']);

export function loadPlainYaml(text: string): Mapping | undefined {
  try {
    return readDocument(text);
  } catch (error) {
    if (error instanceof OutsideSubset) return undefined;
    throw error;
  }
}

interface Open {
  indent: number;
  mapping: Mapping;
}

/**
 * Block mappings are made without a prototype, which V8 keeps as hash tables from the start. A lockfile's
 * mappings are keyed by thousands of different package names: as ordinary objects, each new key would grow
 * V8's tree of object shapes, and that cost a third of the reading time.
 */
function newMapping(): Mapping {
  return Object.create(null) as Mapping;
}

function readDocument(text: string): Mapping {
  // A byte-order mark, or nothing but comments: what the full parser makes of those is what counts.
  if (text.charCodeAt(0) === 0xfeff) throw new OutsideSubset();
  const root = newMapping();
  const stack: Open[] = [];
  /** The key whose value is on the lines below it (`dependencies:`), waiting for its first child. */
  let pending: { mapping: Mapping; key: string; indent: number } | undefined;
  /** The block sequence being read (`- item` lines at one indent), if the lines above opened one. */
  let sequence: { list: Value[]; indent: number } | undefined;
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.charCodeAt(lineEnd - 1) === 13 ? text.slice(lineStart, lineEnd - 1) : text.slice(lineStart, lineEnd);
    lineStart = lineEnd + 1;

    let indent = 0;
    while (line.charCodeAt(indent) === 32) indent++;
    if (indent === line.length || line[indent] === '#') continue;
    if (line[indent] === '\t') throw new OutsideSubset();
    if (indent === 0 && (line.startsWith('---') || line.startsWith('...') || line[0] === '%')) throw new OutsideSubset();

    if (line[indent] === '-' && (indent + 1 === line.length || line[indent + 1] === ' ')) {
      // A sequence is the value of the key above it, indented as much as the key or more (YAML allows both).
      if (pending && indent >= pending.indent) {
        sequence = { list: [], indent };
        pending.mapping[pending.key] = sequence.list;
        pending = undefined;
      } else if (sequence?.indent !== indent) {
        throw new OutsideSubset();
      }
      const item = line.slice(indent + 1).trim();
      // An empty item is null to js-yaml; `- a: b` and `- - a` are collections, which readValue leaves to it.
      if (item === '' || item[0] === '#') throw new OutsideSubset();
      sequence.list.push(readValue(item));
      continue;
    }
    sequence = undefined;
    if (pending) {
      // The first line below `key:` decides: more indented opens its mapping, anything else leaves it null.
      if (indent > pending.indent) {
        const child = newMapping();
        pending.mapping[pending.key] = child;
        stack.push({ indent, mapping: child });
      }
      pending = undefined;
    }
    if (stack.length === 0) stack.push({ indent, mapping: root });
    while (stack.length > 1 && stack[stack.length - 1]!.indent > indent) stack.pop();
    const open = stack[stack.length - 1]!;
    if (open.indent !== indent) throw new OutsideSubset();

    const { key, end } = readKey(line, indent);
    if (key === '__proto__') throw new OutsideSubset();
    const rest = line.slice(end).trim();
    if (rest === '' || rest[0] === '#') {
      open.mapping[key] = null;
      pending = { mapping: open.mapping, key, indent };
    } else {
      open.mapping[key] = readValue(rest);
    }
  }
  if (stack.length === 0) throw new OutsideSubset();
  return root;
}

/** The key at `indent` and the offset just after its `:`. */
function readKey(line: string, indent: number): { key: string; end: number } {
  const first = line[indent]!;
  if (first === '"' || first === "'") {
    const { value, end } = readQuoted(line, indent);
    if (line[end] !== ':' || (end + 1 < line.length && line[end + 1] !== ' ')) throw new OutsideSubset();
    return { key: value, end: end + 1 };
  }
  if (INDICATORS.has(first) || ((first === '-' || first === '?') && (line[indent + 1] ?? ' ') === ' ')) throw new OutsideSubset();
  let colon = line.indexOf(':', indent);
  while (colon >= 0 && colon + 1 < line.length && line[colon + 1] !== ' ') colon = line.indexOf(':', colon + 1);
  if (colon < 0) throw new OutsideSubset();
  const key = line.slice(indent, colon).trimEnd();
  if (key.includes(' #')) throw new OutsideSubset();
  return { key, end: colon + 1 };
}

/** A value on the key's own line: quoted, a one-line flow collection, or plain. */
function readValue(rest: string): Value {
  const first = rest[0]!;
  if (first === '"' || first === "'") {
    const { value, end } = readQuoted(rest, 0);
    if (!isComment(rest, end)) throw new OutsideSubset();
    return value;
  }
  if (first === '{' || first === '[') {
    const { value, end } = readFlow(rest, 0);
    if (!isComment(rest, end)) throw new OutsideSubset();
    return value;
  }
  if (INDICATORS.has(first) || ((first === '-' || first === '?') && (rest[1] ?? ' ') === ' ')) throw new OutsideSubset();
  const comment = rest.indexOf(' #');
  const value = (comment < 0 ? rest : rest.slice(0, comment)).trimEnd();
  // `a: b: c` is not YAML; a value that looks like a mapping is left to the full parser.
  if (value.includes(': ') || value.endsWith(':')) throw new OutsideSubset();
  return value;
}

/** Only spaces, or a comment, from `at` to the end of the line. */
function isComment(line: string, at: number): boolean {
  const rest = line.slice(at).trimStart();
  return rest === '' || rest[0] === '#';
}

/** A quoted scalar starting at `start`; `end` is just past its closing quote. */
function readQuoted(line: string, start: number): { value: string; end: number } {
  const quote = line[start]!;
  if (quote === "'") {
    let value = '';
    let at = start + 1;
    for (;;) {
      const close = line.indexOf("'", at);
      if (close < 0) throw new OutsideSubset();
      value += line.slice(at, close);
      if (line[close + 1] !== "'") return { value, end: close + 1 };
      value += "'";
      at = close + 2;
    }
  }
  let close = start + 1;
  let escaped = false;
  for (; close < line.length; close++) {
    const char = line[close];
    if (char === '\\') {
      escaped = true;
      close++;
    } else if (char === '"') break;
  }
  if (close >= line.length) throw new OutsideSubset();
  const body = line.slice(start, close + 1);
  if (!escaped) return { value: body.slice(1, -1), end: close + 1 };
  // YAML's double-quoted escapes include JSON's; the others (\x, \e, \N, …) are left to the full parser.
  try {
    return { value: JSON.parse(body) as string, end: close + 1 };
  } catch {
    throw new OutsideSubset();
  }
}

/** A flow mapping or sequence of scalars on one line (no nesting). */
function readFlow(line: string, start: number): { value: Value; end: number } {
  const isMapping = line[start] === '{';
  const closer = isMapping ? '}' : ']';
  const mapping: Mapping = {};
  const list: Value[] = [];
  let at = skipSpaces(line, start + 1);
  if (line[at] === closer) return { value: isMapping ? mapping : list, end: at + 1 };
  for (;;) {
    const item = readFlowScalar(line, at, isMapping);
    at = skipSpaces(line, item.end);
    if (isMapping) {
      if (line[at] !== ':') throw new OutsideSubset();
      const value = readFlowScalar(line, skipSpaces(line, at + 1), false);
      if (item.value === '__proto__') throw new OutsideSubset();
      mapping[item.value] = value.value;
      at = skipSpaces(line, value.end);
    } else {
      list.push(item.value);
    }
    if (line[at] === closer) return { value: isMapping ? mapping : list, end: at + 1 };
    if (line[at] !== ',') throw new OutsideSubset();
    at = skipSpaces(line, at + 1);
  }
}

/** A scalar inside a flow collection: quoted, or plain up to `,`, the closer, or (for a key) `: `. */
function readFlowScalar(line: string, start: number, isKey: boolean): { value: string; end: number } {
  const first = line[start];
  if (first === undefined) throw new OutsideSubset();
  if (first === '"' || first === "'") return readQuoted(line, start);
  if (INDICATORS.has(first) || first === '-' || first === '?' || first === ':') {
    // `-1` is a plain scalar, `- x` is not; anything else starting with an indicator goes to the full parser.
    if (!(first === '-' && line[start + 1] !== ' ' && line[start + 1] !== undefined)) throw new OutsideSubset();
  }
  let end = start;
  for (; end < line.length; end++) {
    const char = line[end];
    if (char === ',' || char === '}' || char === ']' || char === '[' || char === '{') break;
    if (char === ':' && (isKey || line[end + 1] === ' ' || line[end + 1] === ',' || line[end + 1] === '}')) break;
    if (char === '#' && line[end - 1] === ' ') throw new OutsideSubset();
  }
  if (end >= line.length || line[end] === '[' || line[end] === '{') throw new OutsideSubset();
  const value = line.slice(start, end).trimEnd();
  if (value === '') throw new OutsideSubset();
  return { value, end };
}

function skipSpaces(line: string, at: number): number {
  while (line[at] === ' ') at++;
  return at;
}
