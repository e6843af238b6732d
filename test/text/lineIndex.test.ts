import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../server/src/text/lineIndex';

describe('LineIndex', () => {
  it.each([
    ['\\n', 'a\nbc\n\nd'],
    ['\\r\\n', 'a\r\nbc\r\n\r\nd'],
    ['a lone \\r', 'a\rbc\r\rd'],
  ])('places offsets on lines broken by %s', (_, text) => {
    const lines = new LineIndex(text);
    expect(lines.positionAt(text.indexOf('c'))).toEqual({ line: 1, character: 1 });
    expect(lines.positionAt(text.indexOf('d'))).toEqual({ line: 3, character: 0 });
    expect(lines.offsetAt({ line: 3, character: 0 })).toBe(text.indexOf('d'));
  });
});

describe('LineIndex: positions past the end of a line', () => {
  it('the \n of a \r\n is the end of its line, not one character past it', () => {
    const text = 'ab\r\ncd';
    const lines = new LineIndex(text);
    expect(lines.positionAt(text.indexOf('\r'))).toEqual({ line: 0, character: 2 });
    expect(lines.positionAt(text.indexOf('\n'))).toEqual({ line: 0, character: 2 });
    expect(lines.range(2, 4)).toEqual({ start: { line: 0, character: 2 }, end: { line: 1, character: 0 } });
  });

  it.each([
    ['\\n', 'ab\ncd'],
    ['\\r\\n', 'ab\r\ncd'],
    ['a lone \\r', 'ab\rcd'],
  ])('a character past the end of its line (%s) means the end of that line, as LSP says', (_, text) => {
    const lines = new LineIndex(text);
    expect(lines.offsetAt({ line: 0, character: 99 })).toBe(2);
    expect(lines.offsetAt({ line: 1, character: 99 })).toBe(text.length);
    expect(lines.offsetAt({ line: 5, character: 0 })).toBe(text.length);
  });
});
