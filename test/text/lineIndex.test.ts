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
