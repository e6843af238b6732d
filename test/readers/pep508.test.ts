// PEP 508 specifiers on their own: offsets relative to `base`, every part that a reader relies on.
import { describe, expect, it } from 'vitest';
import { parsePep508, type Requirement } from '../../server/src/readers/pep508';

describe('parsePep508: valid requirements', () => {
  it.each<{ text: string; base: number; expected: Requirement }>([
    { text: 'numpy', base: 0, expected: { name: 'numpy', nameStart: 0, nameEnd: 5, extras: [], specifier: '', end: 5 } },
    { text: 'numpy', base: 100, expected: { name: 'numpy', nameStart: 100, nameEnd: 105, extras: [], specifier: '', end: 105 } },
    { text: '  A.B-c_d >= 1.0', base: 0, expected: { name: 'A.B-c_d', nameStart: 2, nameEnd: 9, extras: [], specifier: '>= 1.0', end: 16 } },
    {
      text: 'uvicorn[standard, dev]>=0.20,<1',
      base: 10,
      expected: { name: 'uvicorn', nameStart: 10, nameEnd: 17, extras: ['standard', 'dev'], specifier: '>=0.20,<1', end: 41 },
    },
    { text: 'requests (>=2.0, <3)', base: 0, expected: { name: 'requests', nameStart: 0, nameEnd: 8, extras: [], specifier: '>=2.0, <3', end: 20 } },
    { text: 'pkg===1.0+local', base: 0, expected: { name: 'pkg', nameStart: 0, nameEnd: 3, extras: [], specifier: '===1.0+local', end: 15 } },
    { text: 'pkg!=1.*', base: 0, expected: { name: 'pkg', nameStart: 0, nameEnd: 3, extras: [], specifier: '!=1.*', end: 8 } },
    {
      text: 'attrs~=23.1 ; python_version >= "3.9"',
      base: 0,
      expected: { name: 'attrs', nameStart: 0, nameEnd: 5, extras: [], specifier: '~=23.1', marker: 'python_version >= "3.9"', end: 11 },
    },
    {
      text: 'pkg @ https://x.example/p.whl ; os_name == "nt"',
      base: 0,
      expected: { name: 'pkg', nameStart: 0, nameEnd: 3, extras: [], specifier: '', url: 'https://x.example/p.whl', marker: 'os_name == "nt"', end: 29 },
    },
    {
      // After a URL a `;` needs whitespace before it to start a marker.
      text: 'pkg @ https://x.example/p;v=1.whl',
      base: 0,
      expected: { name: 'pkg', nameStart: 0, nameEnd: 3, extras: [], specifier: '', url: 'https://x.example/p;v=1.whl', end: 33 },
    },
  ])('$text (base $base)', ({ text, base, expected }) => {
    expect(parsePep508(text, base)).toEqual({ ok: true, requirement: expected });
  });
});

describe('parsePep508: invalid requirements fail at the offending offset', () => {
  it.each([
    { text: '', base: 0, offset: 0, message: /must start with a package name/ },
    { text: '  -numpy', base: 5, offset: 7, message: /must start with a package name/ },
    { text: 'numpy>=', base: 0, offset: 5, message: /not a valid version specifier/ },
    { text: 'numpy >= 1 2', base: 0, offset: 6, message: /not a valid version specifier/ },
    { text: 'numpy[a b]', base: 0, offset: 5, message: /not a valid extra name/ },
    { text: 'numpy[a', base: 3, offset: 8, message: /unclosed "\["/ },
    { text: 'numpy @', base: 0, offset: 6, message: /followed by a URL/ },
    { text: 'numpy==1 ;', base: 0, offset: 9, message: /environment marker/ },
  ])('$text', ({ text, base, offset, message }) => {
    const result = parsePep508(text, base);
    expect(result).toEqual({ ok: false, message: expect.stringMatching(message), offset });
  });
});
