// The test helper is checked on its own, against hand-counted positions, before any reader test trusts it.
import { describe, expect, it } from 'vitest';
import { lsp, positionOf, rangeOf } from '../helpers/ranges';

describe('rangeOf (test helper)', () => {
  it.each([
    { text: 'numpy==1', needle: 'numpy', occurrence: 0, expected: lsp(0, 0, 5) },
    { text: 'a\nbb\nnumpy', needle: 'numpy', occurrence: 0, expected: lsp(2, 0, 5) },
    { text: 'a\r\nb\r\n  numpy', needle: 'numpy', occurrence: 0, expected: lsp(2, 2, 7) },
    { text: 'a\rb\r  numpy', needle: 'numpy', occurrence: 0, expected: lsp(2, 2, 7) },
    { text: 'x x x', needle: 'x', occurrence: 2, expected: lsp(0, 4, 5) },
    // 😀 is two UTF-16 code units; Cyrillic letters are one each.
    { text: '"😀", "a"', needle: 'a', occurrence: 0, expected: lsp(0, 7, 8) },
    { text: 'Привет a', needle: 'a', occurrence: 0, expected: lsp(0, 7, 8) },
    { text: 'ab\ncd', needle: 'b\nc', occurrence: 0, expected: lsp(0, 1, 1, 1) },
  ])('finds $needle (#$occurrence) in $text', ({ text, needle, occurrence, expected }) => {
    expect(rangeOf(text, needle, occurrence)).toEqual(expected);
  });

  it('throws when the needle is missing or occurs too few times', () => {
    expect(() => rangeOf('numpy', 'scipy')).toThrow(/0 time/);
    expect(() => rangeOf('x x', 'x', 2)).toThrow(/2 time/);
  });

  it('places an offset between \\r and \\n on the line the \\r ends', () => {
    expect(positionOf('ab\r\ncd', 3)).toEqual({ line: 0, character: 3 });
    expect(positionOf('ab\r\ncd', 4)).toEqual({ line: 1, character: 0 });
  });

  it('builds literal ranges', () => {
    expect(lsp(3, 1, 4)).toEqual({ start: { line: 3, character: 1 }, end: { line: 3, character: 4 } });
    expect(lsp(1, 2, 3, 4)).toEqual({ start: { line: 1, character: 2 }, end: { line: 3, character: 4 } });
  });
});
