// Enough of Python's tokenizer to read literals out of a setup.py without running it: names, string literals (with
// where their text starts, and whether it is the source text itself), numbers and operators; comments are skipped.

interface TokenBase {
  text: string;
  start: number;
  end: number;
  /** At the start of a line, unindented: a module-level statement begins here. */
  lineStart: boolean;
}

export type PythonToken =
  | (TokenBase & { kind: 'name' | 'op' })
  | (TokenBase & {
      kind: 'string';
      /** The string's value (escapes decoded). */
      value: string;
      /** Where the value's text starts and ends in the file (inside the quotes). */
      valueStart: number;
      valueEnd: number;
      /** The value is the source text between the quotes (no escape sequences), so offsets in it are offsets in the file. */
      exact: boolean;
      /** An f-string: its value is computed. */
      formatted: boolean;
    });

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER = /[0-9][0-9A-Za-z_.]*/y;
const STRING_PREFIX = /^(r|u|b|f|br|rb|fr|rf)$/i;
const TWO_CHAR_OPS = new Set(['==', '!=', '<=', '>=', ':=', '->', '**', '//']);
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' };
/** `\xHH`, `\uHHHH`, `\UHHHHHHHH`: how many hex digits follow. */
const HEX_ESCAPES: Record<string, number> = { x: 2, u: 4, U: 8 };

export function pythonTokens(text: string): PythonToken[] {
  const tokens: PythonToken[] = [];
  let pos = 0;
  while (pos < text.length) {
    const ch = text[pos]!;
    if (ch === '#') {
      const end = text.indexOf('\n', pos);
      pos = end < 0 ? text.length : end;
      continue;
    }
    if (/\s/.test(ch) || ch === '\\') {
      pos++;
      continue;
    }
    const lineStart = pos === 0 || text[pos - 1] === '\n';
    NAME.lastIndex = pos;
    const name = NAME.exec(text)?.[0];
    const quoteAt = pos + (name && STRING_PREFIX.test(name) ? name.length : 0);
    if (text[quoteAt] === '"' || text[quoteAt] === "'") {
      const token = stringAt(text, pos, quoteAt, lineStart);
      tokens.push(token);
      pos = token.end;
      continue;
    }
    if (name) {
      tokens.push({ kind: 'name', text: name, start: pos, end: pos + name.length, lineStart });
      pos += name.length;
      continue;
    }
    NUMBER.lastIndex = pos;
    const number = NUMBER.exec(text)?.[0];
    const op = number ?? (TWO_CHAR_OPS.has(text.slice(pos, pos + 2)) ? text.slice(pos, pos + 2) : ch);
    tokens.push({ kind: 'op', text: op, start: pos, end: pos + op.length, lineStart });
    pos += op.length;
  }
  return tokens;
}

/** The string literal whose prefix starts at `start` and whose quotes start at `quoteAt`; an unterminated one ends with its line (or the file). */
function stringAt(text: string, start: number, quoteAt: number, lineStart: boolean): PythonToken {
  const prefix = text.slice(start, quoteAt).toLowerCase();
  const raw = prefix.includes('r');
  const triple = text.startsWith(text[quoteAt]!.repeat(3), quoteAt);
  const quote = text[quoteAt]!.repeat(triple ? 3 : 1);
  const valueStart = quoteAt + quote.length;
  let pos = valueStart;
  let value = '';
  let escaped = false;
  while (pos < text.length && !text.startsWith(quote, pos) && (triple || text[pos] !== '\n')) {
    if (text[pos] === '\\' && pos + 1 < text.length) {
      escaped = true;
      const [decoded, length] = raw ? [text.slice(pos, pos + 2), 2] : escapeAt(text, pos);
      value += decoded;
      pos += length;
      continue;
    }
    value += text[pos];
    pos++;
  }
  const end = text.startsWith(quote, pos) ? pos + quote.length : pos;
  return {
    kind: 'string',
    text: text.slice(start, end),
    start,
    end,
    lineStart,
    value,
    valueStart,
    valueEnd: pos,
    exact: !escaped || raw,
    formatted: prefix.includes('f'),
  };
}

/** The character an escape sequence at `at` stands for, and how long the sequence is; one Python does not know stays as written. */
function escapeAt(text: string, at: number): [string, number] {
  const next = text[at + 1]!;
  const digits = HEX_ESCAPES[next];
  if (digits !== undefined) {
    const hex = text.slice(at + 2, at + 2 + digits);
    if (/^[0-9a-fA-F]+$/.test(hex) && hex.length === digits) return [String.fromCodePoint(Number.parseInt(hex, 16)), 2 + digits];
  }
  return [ESCAPES[next] ?? `\\${next}`, 2];
}

export const OPENING = new Set(['(', '[', '{']);
export const CLOSING = new Set([')', ']', '}']);

/** Where the statement whose value starts at `at` ends: at a line break or `;` outside brackets. */
export function statementEnd(tokens: readonly PythonToken[], text: string, at: number): number {
  let depth = 0;
  for (let i = at; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (i > at && depth === 0 && (token.text === ';' || startsLine(tokens, text, i))) return i;
    if (OPENING.has(token.text)) depth++;
    else if (CLOSING.has(token.text)) depth = Math.max(0, depth - 1);
  }
  return tokens.length;
}

/** Whether the token at `at` is the first of its line (a line a `\` continues is one line). */
export function startsLine(tokens: readonly PythonToken[], text: string, at: number): boolean {
  if (at === 0) return true;
  const gap = text.slice(tokens[at - 1]!.end, tokens[at]!.start);
  return gap.includes('\n') && !gap.includes('\\');
}

/** Where the value starting at `at` ends: at the first `,`, `)` or `}` outside brackets. */
export function skipValue(tokens: readonly PythonToken[], at: number): number {
  let depth = 0;
  for (let i = at; i < tokens.length; i++) {
    const text = tokens[i]!.text;
    if (text === '(' || text === '[' || text === '{') depth++;
    else if (text === ')' || text === ']' || text === '}') {
      if (depth === 0) return i;
      depth--;
    } else if (text === ',' && depth === 0) return i;
  }
  return tokens.length;
}
