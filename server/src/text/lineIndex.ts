// Offsets ↔ LSP positions. Strings in JavaScript are UTF-16, so a string offset already counts the
// UTF-16 code units LSP positions are measured in; only line starts need finding.
import type { Position, Range } from '../../../rules/src/types';

export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    // Most files have no \r: the native search finds their line breaks many times faster than a loop.
    if (!text.includes('\r')) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      // LSP line breaks: \n, \r\n and a lone \r.
      if (ch === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.lineStarts.push(i + 1);
      } else if (ch === 10 /* \n */) {
        this.lineStarts.push(i + 1);
      }
    }
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    // The \n of a \r\n belongs to no line's text: it counts as the end of its line.
    return { line: low, character: Math.min(clamped, this.lineEnd(low)) - this.lineStarts[low]! };
  }

  /** LSP: a character past the end of its line means the end of the line, never a place on the next one. */
  offsetAt(position: Position): number {
    const start = this.lineStarts[position.line];
    if (start === undefined) return this.text.length;
    return Math.min(start + position.character, this.lineEnd(position.line));
  }

  /** Where a line's text ends: before its line break, or at the end of the file. */
  private lineEnd(line: number): number {
    const next = this.lineStarts[line + 1];
    if (next === undefined) return this.text.length;
    return next - (next >= 2 && this.text.charCodeAt(next - 2) === 13 /* \r */ && this.text.charCodeAt(next - 1) === 10 ? 2 : 1);
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}
