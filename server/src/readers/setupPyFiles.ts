// The requirements files a value setup.py computes is read from, found without running the file: the files its own
// string literals name (`open("requirements.txt")`), and those named where the names it uses are bound, followed
// from one binding to the next. setup.py files mostly read their requirements in one of these shapes:
//
//   with open("requirements.txt") as f:        ← `f` is bound to the `open(…)` call
//       required = f.read().splitlines()       ← `required` to a value that uses `f`
//   setup(install_requires=required)
//
//   def read_requirements():                   ← `read_requirements` to its body
//       with open(REQUIREMENTS) as f: …        ← `REQUIREMENTS = "requirements.txt"` above
//   setup(install_requires=read_requirements())
import { manifestKind } from './manifestKind';
import { CLOSING, OPENING, type PythonToken, startsLine, statementEnd } from './pythonTokens';

/** A requirements file a string literal names, and where its name is in the file. */
export interface NamedFile {
  path: string;
  start: number;
  end: number;
}

/** A span of tokens: `start` included, `end` not. */
interface Span {
  start: number;
  end: number;
}

/** Longer chains of names than a real setup.py has between a file and its setup() call: a hostile file is followed no further. */
const MAX_DEPTH = 32;
/** More names than a real setup.py builds one list from. */
const MAX_NAMES = 64;
/** More strings than one value of a real setup.py is built from (transformers' `_deps` has about 100). */
const MAX_STRINGS = 1024;

export class RequirementsFileFlow {
  /** Where each name is bound (assigned, `with … as` it, defined as a function): built on the first computed value. */
  private bindings?: Map<string, Span[]>;
  /** The strings each name followed so far reaches: each binding is followed once, however many values use the name. */
  private readonly byName = new Map<string, NamedFile[]>();

  constructor(
    private readonly tokens: readonly PythonToken[],
    private readonly text: string,
  ) {}

  /** The requirements files the tokens from `start` to `end` (not included) are read from, in file order. */
  filesRead(start: number, end: number): NamedFile[] {
    return this.stringsRead(start, end).filter((string) => manifestKind(string.path) === 'requirements');
  }

  /**
   * Every string literal the tokens from `start` to `end` are built from, there or where the names they use are bound,
   * in file order (as NamedFile: its text, and where it is).
   */
  stringsRead(start: number, end: number): NamedFile[] {
    return this.collect([{ start, end }], 0);
  }

  /** The names the tokens from `start` to `end` use, and those their bindings use in turn: the nearest MAX_NAMES. */
  namesFollowed(start: number, end: number): Set<string> {
    const { tokens } = this;
    const bindings = (this.bindings ??= bindingsOf(tokens, this.text));
    const names = new Set<string>();
    const pending: Span[] = [{ start, end }];
    for (let span = pending.shift(); span && names.size < MAX_NAMES; span = pending.shift()) {
      for (let i = span.start; i < span.end && names.size < MAX_NAMES; i++) {
        const name = tokens[i]!.text;
        if (!isReference(tokens, i) || names.has(name)) continue;
        names.add(name);
        pending.push(...(bindings.get(name) ?? []));
      }
    }
    return names;
  }

  private collect(spans: readonly Span[], depth: number): NamedFile[] {
    const { tokens } = this;
    const strings = new Map<number, NamedFile>();
    for (const { start, end } of spans) {
      for (let i = start; i < end; i++) {
        const token = tokens[i]!;
        if (token.kind === 'string') {
          if (token.exact && !token.formatted) strings.set(token.valueStart, { path: token.value, start: token.valueStart, end: token.valueEnd });
        } else if (isReference(tokens, i)) {
          for (const string of this.stringsOfName(token.text, depth + 1)) strings.set(string.start, string);
        }
      }
    }
    // The nearest strings of a name reached through thousands of others (a hostile file) are enough.
    return [...strings.values()].sort((a, b) => a.start - b.start).slice(0, MAX_STRINGS);
  }

  private stringsOfName(name: string, depth: number): readonly NamedFile[] {
    const known = this.byName.get(name);
    if (known || depth > MAX_DEPTH) return known ?? [];
    // A name bound through itself (`REQUIRED = REQUIRED + more`) adds nothing by that; nor does one in a cycle of names
    // (`a = b`, `b = a + […]`), which gets the strings found before the cycle closes.
    this.byName.set(name, []);
    const strings = this.collect((this.bindings ??= bindingsOf(this.tokens, this.text)).get(name) ?? [], depth);
    this.byName.set(name, strings);
    return strings;
  }
}

/** A name used for its value: not an attribute (`f.read`), not a keyword argument or an assignment's target. */
function isReference(tokens: readonly PythonToken[], at: number): boolean {
  return tokens[at]!.kind === 'name' && tokens[at - 1]?.text !== '.' && tokens[at + 1]?.text !== '=';
}

/**
 * Every statement-level binding of a name, at any indentation (inside `with`, `if __name__ == "__main__":`, a function):
 * `NAME = value`, `NAME, OTHER = value`, `with value as NAME`, and `def NAME(…): body`. Keyword arguments are inside
 * brackets, and left out.
 */
function bindingsOf(tokens: readonly PythonToken[], text: string): Map<string, Span[]> {
  const bindings = new Map<string, Span[]>();
  const bind = (name: string, span: Span) => {
    const spans = bindings.get(name);
    if (spans) spans.push(span);
    else bindings.set(name, [span]);
  };
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (OPENING.has(token.text)) depth++;
    else if (CLOSING.has(token.text)) depth = Math.max(0, depth - 1);
    if (depth > 0 || token.kind !== 'name' || tokens[i - 1]?.text === '.') continue;
    const next = tokens[i + 1];
    if (next?.text === '=') bind(token.text, { start: i + 2, end: statementEnd(tokens, text, i + 2) });
    else if (next?.text === ',' && startsLine(tokens, text, i)) {
      // `requires, links = parse_requirements()`: each name of the target is bound to the value.
      const targets = [token.text];
      let at = i + 1;
      while (tokens[at]?.text === ',' && tokens[at + 1]?.kind === 'name') {
        targets.push(tokens[at + 1]!.text);
        at += 2;
      }
      if (tokens[at]?.text === '=') for (const target of targets) bind(target, { start: at + 1, end: statementEnd(tokens, text, at + 1) });
    }
    else if (token.text === 'as' && next?.kind === 'name') bind(next.text, { start: withItemStart(tokens, text, i), end: i });
    else if (token.text === 'def' && next?.kind === 'name') bind(next.text, { start: i + 2, end: blockEnd(tokens, text, i) });
  }
  return bindings;
}

/** Where the item of a `with` (or `import`, `except`) statement that ends at the `as` at `as` starts. */
function withItemStart(tokens: readonly PythonToken[], text: string, as: number): number {
  let depth = 0;
  for (let i = as - 1; i >= 0; i--) {
    const token = tokens[i]!;
    if (CLOSING.has(token.text)) depth++;
    else if (OPENING.has(token.text)) depth--;
    if (depth > 0) continue;
    if (token.text === ',' || token.text === 'with' || startsLine(tokens, text, i)) return token.text === ',' || token.text === 'with' ? i + 1 : i;
  }
  return 0;
}

/** Where the block of the statement at `at` (a `def`) ends: at the first line indented no further than its own. */
function blockEnd(tokens: readonly PythonToken[], text: string, at: number): number {
  const indent = columnOf(text, tokens[at]!.start);
  let depth = 0;
  for (let i = at + 1; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (depth === 0 && startsLine(tokens, text, i) && columnOf(text, token.start) <= indent) return i;
    if (OPENING.has(token.text)) depth++;
    else if (CLOSING.has(token.text)) depth = Math.max(0, depth - 1);
  }
  return tokens.length;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}
