// Entry ranges on demand. The readers load lockfiles with plain JSON/YAML/TOML parsers, which keep no
// offsets, and register each entry in the order it appears in the text; the first locate() of an entry
// finds it, and every entry registered before it, by searching forward from the last entry found. So
// locating any number of entries costs one pass over the text, and reading none costs nothing.
import type { Range } from '../../../../rules/src/types';
import { LineIndex } from '../../text/lineIndex';

/** Start and end offsets of an entry's name in the text. */
export type Span = readonly [start: number, end: number];

/** Finds the entry for `key` at or after offset `from`. */
export type Finder<K> = (text: string, from: number, key: K) => Span | undefined;

/** A LineIndex built on first use: most lockfiles are read without a single entry being located. */
export class LazyLines {
  private index: LineIndex | undefined;

  constructor(private readonly text: string) {}

  range(start: number, end: number): Range {
    this.index ??= new LineIndex(this.text);
    return this.index.range(start, end);
  }
}

/** Searches from the top allowed per file when an entry is not where the order says (see `next`). */
const OUT_OF_ORDER_SEARCHES = 16;

export class EntryLocator<K> {
  private readonly keys: K[] = [];
  private readonly spans: (Span | undefined)[] = [];
  private cursor = 0;
  private outOfOrder = OUT_OF_ORDER_SEARCHES;

  /** `lines` is shared when a file has entries of several kinds, so that it is indexed once. */
  constructor(
    private readonly text: string,
    private readonly find: Finder<K>,
    private readonly lines = new LazyLines(text),
  ) {}

  /** Registers the next entry (in text order) and returns its locate(). */
  add(key: K): () => Range {
    const index = this.keys.push(key) - 1;
    return () => this.rangeOf(index);
  }

  private rangeOf(index: number): Range {
    while (this.spans.length <= index) this.spans.push(this.next(this.keys[this.spans.length]!));
    // An entry the text does not show (a key the loader unescaped differently) points at the file's start.
    const [start, end] = this.spans[index] ?? [0, 0];
    return this.lines.range(start, end);
  }

  private next(key: K): Span | undefined {
    const span = this.find(this.text, this.cursor, key);
    if (span) {
      this.cursor = span[1];
      return span;
    }
    // Out of order: JavaScript enumerates integer-like object keys first, and a hand-edited file may
    // repeat a key. Search from the top, a bounded number of times, so that no file makes locating quadratic.
    if (this.outOfOrder === 0) return undefined;
    this.outOfOrder--;
    return this.find(this.text, 0, key);
  }
}

/**
 * A JSON object key whose value opens with `opener` (`"key": {` for package-lock entries, `"key": [` for bun.lock's),
 * spanning the text between the quotes. The opener tells an entry from the same name among the dependencies of
 * the entry before it (`"color-name": "~1.1.4"`).
 */
export function jsonKeyFinder(opener: '{' | '['): Finder<string> {
  return (text, from, key) => {
    const needle = JSON.stringify(key);
    for (let at = text.indexOf(needle, from); at >= 0; at = text.indexOf(needle, at + 1)) {
      const colon = skipSpaces(text, at + needle.length);
      if (text[colon] !== ':' || text[skipSpaces(text, colon + 1)] !== opener) continue;
      return [at + 1, at + needle.length - 1];
    }
    return undefined;
  };
}

/**
 * A YAML mapping key at the start of a line with `indent` spaces, plain or quoted, after the top-level
 * `section:` line when one is given (pnpm repeats package keys as values in its `importers`).
 */
export function yamlKeyFinder(indent: number, section?: string): Finder<string> {
  const spaces = ' '.repeat(indent);
  let sectionStart: number | undefined;
  return (text, from, key) => {
    // An empty key would match everywhere (and `indexOf('')` never runs out).
    if (key === '') return undefined;
    sectionStart ??= section === undefined ? 0 : Math.max(0, text.search(new RegExp(`^${section}:`, 'm')));
    for (let at = text.indexOf(key, Math.max(from, sectionStart)); at >= 0; at = text.indexOf(key, at + 1)) {
      const quote = text[at - 1] === "'" || text[at - 1] === '"' ? text[at - 1]! : '';
      const lineStart = at - quote.length - indent;
      if (lineStart < 0 || (lineStart > 0 && text[lineStart - 1] !== '\n')) continue;
      if (text.slice(lineStart, lineStart + indent) !== spaces) continue;
      const after = at + key.length;
      if (text.slice(after, after + quote.length) !== quote || text[after + quote.length] !== ':') continue;
      return [at, after];
    }
    return undefined;
  };
}

/** The `name = "…"` value of the next `[[package]]` table naming `key` (poetry.lock, uv.lock, pdm.lock). */
export const tomlPackageFinder: Finder<string> = (text, from, key) => {
  const header = /^\[\[package\]\][ \t]*\r?$/gm;
  const name = /^[ \t]*name[ \t]*=[ \t]*(["'])(.*?)\1/gm;
  header.lastIndex = from;
  for (let match = header.exec(text); match; match = header.exec(text)) {
    name.lastIndex = header.lastIndex;
    const found = name.exec(text);
    if (!found) return undefined;
    if (found[2] !== key) continue;
    const start = found.index + found[0].length - 1 - found[2].length;
    return [start, start + found[2].length];
  }
  return undefined;
};

function skipSpaces(text: string, at: number): number {
  while (at < text.length && /\s/.test(text[at]!)) at++;
  return at;
}

/** A literal (a package name, a section) as a regular expression that matches it alone. */
export function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
