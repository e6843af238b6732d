// LSP ranges for tests, computed straight from the text (never through the engine's LineIndex), so that a
// bug in the readers' offset arithmetic cannot hide behind the same bug in the expectation.
import type { Range } from '../../rules/src/types';

/** The zero-based line and UTF-16 character of a string offset; `\r\n`, `\n` and a lone `\r` end a line. */
export function positionOf(text: string, offset: number): { line: number; character: number } {
  if (offset < 0 || offset > text.length) throw new Error(`offset ${offset} is outside the text (length ${text.length})`);
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const ch = text[i];
    if (ch === '\r' && text[i + 1] === '\n') {
      // The pair is one break; the line starts after the `\n`.
      if (i + 1 < offset) {
        i++;
        line++;
        lineStart = i + 1;
      }
    } else if (ch === '\n' || ch === '\r') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

/**
 * The range of the `occurrence`-th (zero-based) appearance of `needle` in `text`.
 * Throws when the needle is not there, so a typo in a test fails loudly instead of matching nothing.
 */
export function rangeOf(text: string, needle: string, occurrence = 0): Range {
  if (needle === '') throw new Error('rangeOf needs a non-empty needle');
  let at = -1;
  for (let seen = 0; seen <= occurrence; seen++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" occurs ${seen} time(s) in the text, not ${occurrence + 1}`);
  }
  return { start: positionOf(text, at), end: positionOf(text, at + needle.length) };
}

/** A literal range, for tables: `lsp(line, startCharacter, endCharacter)` or `lsp(l1, c1, l2, c2)`. */
export function lsp(line: number, start: number, endLineOrCharacter: number, endCharacter?: number): Range {
  return endCharacter === undefined
    ? { start: { line, character: start }, end: { line, character: endLineOrCharacter } }
    : { start: { line, character: start }, end: { line: endLineOrCharacter, character: endCharacter } };
}
