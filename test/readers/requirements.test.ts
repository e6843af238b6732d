// pip requirements files: every syntax variant, with the exact range of each name, include and problem.
import { describe, expect, it } from 'vitest';
import type { Declaration } from '../../rules/src/types';
import { readRequirements } from '../../server/src/readers/requirements';
import { lsp, rangeOf } from '../helpers/ranges';

/** A plain PEP 508 declaration on a line of its own (the common shape, spelled out once). */
function pep508(
  name: string,
  id: string,
  range: Declaration['range'],
  rewriteRange: Declaration['range'],
  extra: Partial<Declaration> = {},
  extraDeletions: Declaration['range'][] = [],
): Declaration {
  return {
    id,
    ecosystem: 'pypi',
    name,
    relation: 'direct',
    range,
    ...extra,
    rewrite: { syntax: 'pep508', range: rewriteRange, extraDeletions },
    hashes: extraDeletions.length > 0,
    hashesExpected: extra.hashesExpected ?? extraDeletions.length > 0,
  };
}

describe('readRequirements: PEP 508 lines', () => {
  it.each<{ title: string; text: string; expected: Declaration }>([
    {
      title: 'a name is PEP 503 normalised in the id and kept as written in name',
      text: 'Foo_Bar.baz==1.0',
      expected: pep508('Foo_Bar.baz', 'pypi:foo-bar-baz', lsp(0, 0, 11), lsp(0, 0, 16), { versionSpec: '==1.0' }),
    },
    {
      title: 'a bare name',
      text: 'numpy',
      expected: pep508('numpy', 'pypi:numpy', lsp(0, 0, 5), lsp(0, 0, 5)),
    },
    {
      title: 'extras without a version',
      text: 'uvicorn[standard]',
      expected: pep508('uvicorn', 'pypi:uvicorn', lsp(0, 0, 7), lsp(0, 0, 17), { extras: ['standard'] }),
    },
    {
      title: 'extras with a range of two clauses',
      text: 'uvicorn[standard]>=0.20,<1',
      expected: pep508('uvicorn', 'pypi:uvicorn', lsp(0, 0, 7), lsp(0, 0, 26), { versionSpec: '>=0.20,<1', extras: ['standard'] }),
    },
    {
      title: 'several extras with spaces and a spaced specifier',
      text: 'requests[security, socks] == 2.31.0',
      expected: pep508('requests', 'pypi:requests', lsp(0, 0, 8), lsp(0, 0, 35), { versionSpec: '== 2.31.0', extras: ['security', 'socks'] }),
    },
    {
      title: 'a compatible-release specifier',
      text: 'attrs~=23.1',
      expected: pep508('attrs', 'pypi:attrs', lsp(0, 0, 5), lsp(0, 0, 11), { versionSpec: '~=23.1' }),
    },
    {
      title: 'a parenthesised specifier (parentheses dropped from versionSpec, kept in the rewrite range)',
      text: 'requests (>=2.0,<3)',
      expected: pep508('requests', 'pypi:requests', lsp(0, 0, 8), lsp(0, 0, 19), { versionSpec: '>=2.0,<3' }),
    },
    {
      title: 'an environment marker stays out of the rewrite range',
      text: 'attrs~=23.1 ; python_version >= "3.9"',
      expected: pep508('attrs', 'pypi:attrs', lsp(0, 0, 5), lsp(0, 0, 11), { versionSpec: '~=23.1', marker: 'python_version >= "3.9"' }),
    },
    {
      title: 'a marker glued to the specifier',
      text: 'tomli>=2;python_version<"3.11"',
      expected: pep508('tomli', 'pypi:tomli', lsp(0, 0, 5), lsp(0, 0, 8), { versionSpec: '>=2', marker: 'python_version<"3.11"' }),
    },
    {
      title: 'a trailing comment',
      text: 'numpy  # the array library',
      expected: pep508('numpy', 'pypi:numpy', lsp(0, 0, 5), lsp(0, 0, 5)),
    },
    {
      title: 'a trailing comment after a tab',
      text: 'name==1.0\t# pinned',
      expected: pep508('name', 'pypi:name', lsp(0, 0, 4), lsp(0, 0, 9), { versionSpec: '==1.0' }),
    },
    {
      title: 'leading whitespace moves the name',
      text: '   torch==2.1.0',
      expected: pep508('torch', 'pypi:torch', lsp(0, 3, 8), lsp(0, 3, 15), { versionSpec: '==2.1.0' }),
    },
    {
      title: '`name @ url` is a direct reference by URL with the name token as range',
      text: 'pkg @ https://example.com/pkg-1.0.tar.gz#sha256=abc',
      expected: pep508('pkg', 'pypi:pkg', lsp(0, 0, 3), lsp(0, 0, 51), {
        directReference: { kind: 'url', target: 'https://example.com/pkg-1.0.tar.gz#sha256=abc' },
      }),
    },
    {
      title: '`name@url` without spaces is still PEP 508, not a local archive',
      text: 'pkg@https://x.example/pkg-1.0-py3-none-any.whl',
      expected: pep508('pkg', 'pypi:pkg', lsp(0, 0, 3), lsp(0, 0, 46), {
        directReference: { kind: 'url', target: 'https://x.example/pkg-1.0-py3-none-any.whl' },
      }),
    },
    {
      title: '`name @ git+...` is a VCS reference; the marker after whitespace stays out',
      text: 'mylib @ git+https://github.com/org/mylib.git@v1 ; python_version >= "3.9"',
      expected: pep508('mylib', 'pypi:mylib', lsp(0, 0, 5), lsp(0, 0, 47), {
        directReference: { kind: 'vcs', target: 'git+https://github.com/org/mylib.git@v1' },
        marker: 'python_version >= "3.9"',
      }),
    },
    {
      title: '`name @ url` followed by a trailing comment',
      text: 'pkg @ https://example.com/pkg-1.0.tar.gz#sha256=abc  # pinned by hash',
      expected: pep508('pkg', 'pypi:pkg', lsp(0, 0, 3), lsp(0, 0, 51), {
        directReference: { kind: 'url', target: 'https://example.com/pkg-1.0.tar.gz#sha256=abc' },
      }),
    },
  ])('$title: $text', ({ text, expected }) => {
    expect(readRequirements(text)).toEqual({ declarations: [expected], licenses: [], problems: [], includes: [] });
  });
});

describe('readRequirements: URLs, VCS links, paths and editables', () => {
  it.each<{ title: string; text: string; name: string; id: string; kind: 'vcs' | 'url' | 'path' | 'editable'; target: string; range: Declaration['range'] }>([
    {
      title: 'a wheel URL (name from the wheel file name)',
      text: 'https://files.example.com/pkg-1.0-py3-none-any.whl',
      name: 'pkg',
      id: 'pypi:pkg',
      kind: 'url',
      target: 'https://files.example.com/pkg-1.0-py3-none-any.whl',
      range: lsp(0, 0, 50),
    },
    {
      title: 'an sdist URL whose # fragment (no whitespace before it) is not a comment',
      text: 'https://example.com/dist/Some_Pkg-2.0.tar.gz#sha256=abc',
      name: 'Some_Pkg',
      id: 'pypi:some-pkg',
      kind: 'url',
      target: 'https://example.com/dist/Some_Pkg-2.0.tar.gz#sha256=abc',
      range: lsp(0, 0, 55),
    },
    {
      title: 'a git link with a tag and #egg=',
      text: 'git+https://github.com/org/repo.git@v1#egg=pkg',
      name: 'pkg',
      id: 'pypi:pkg',
      kind: 'vcs',
      target: 'git+https://github.com/org/repo.git@v1#egg=pkg',
      range: lsp(0, 0, 46),
    },
    {
      title: 'a git link without #egg= (name from the repository)',
      text: 'git+https://github.com/org/my-repo.git',
      name: 'my-repo',
      id: 'pypi:my-repo',
      kind: 'vcs',
      target: 'git+https://github.com/org/my-repo.git',
      range: lsp(0, 0, 38),
    },
    {
      title: 'a local sdist path',
      text: './vendor/pkg-1.0.tar.gz',
      name: 'pkg',
      id: 'pypi:pkg',
      kind: 'path',
      target: './vendor/pkg-1.0.tar.gz',
      range: lsp(0, 0, 23),
    },
    {
      title: 'a wheel file name without a directory',
      text: 'pkg-1.0-py3-none-any.whl',
      name: 'pkg',
      id: 'pypi:pkg',
      kind: 'path',
      target: 'pkg-1.0-py3-none-any.whl',
      range: lsp(0, 0, 24),
    },
    {
      title: 'a parent-directory path',
      text: '../libs/shared',
      name: 'shared',
      id: 'pypi:shared',
      kind: 'path',
      target: '../libs/shared',
      range: lsp(0, 0, 14),
    },
    {
      title: '-e ./pkg (range on the path)',
      text: '-e ./pkg',
      name: 'pkg',
      id: 'pypi:pkg',
      kind: 'editable',
      target: './pkg',
      range: lsp(0, 3, 8),
    },
    {
      title: '-e with a git link and #egg=',
      text: '-e git+https://github.com/org/repo.git#egg=name',
      name: 'name',
      id: 'pypi:name',
      kind: 'editable',
      target: 'git+https://github.com/org/repo.git#egg=name',
      range: lsp(0, 3, 47),
    },
    {
      title: '--editable=path',
      text: '--editable=./tools/cli/',
      name: 'cli',
      id: 'pypi:cli',
      kind: 'editable',
      target: './tools/cli/',
      range: lsp(0, 11, 23),
    },
    {
      title: '--editable path, indented, with a trailing comment',
      text: '  --editable ./plugin  # local',
      name: 'plugin',
      id: 'pypi:plugin',
      kind: 'editable',
      target: './plugin',
      range: lsp(0, 13, 21),
    },
  ])('$title: $text', ({ text, name, id, kind, target, range }) => {
    const result = readRequirements(text);
    expect(result.problems).toEqual([]);
    expect(result.declarations).toEqual([{ id, ecosystem: 'pypi', name, relation: 'direct', range, directReference: { kind, target } }]);
  });

  it('-e . is an editable reference to the project itself, placed on the dot', () => {
    const [declaration, ...rest] = readRequirements('-e .').declarations;
    expect(rest).toEqual([]);
    expect(declaration).toMatchObject({
      ecosystem: 'pypi',
      name: '.',
      relation: 'direct',
      range: lsp(0, 3, 4),
      directReference: { kind: 'editable', target: '.' },
    });
  });

  it('splits a URL or path requirement from its marker as pip does: a URL at "; ", a path at ";"', () => {
    const wheel = 'https://github.com/kingbri1/flash-attention/releases/download/v2.8.3/flash_attn-2.8.3+cu128torch2.9.0cxx11abiFALSE-cp313-cp313-linux_x86_64.whl';
    const text = [`${wheel}; platform_system == "Linux"`, './vendor/pkg-1.0.tar.gz;python_version < "3.12"', 'https://example.com/a;b/pkg-1.0.tar.gz'].join('\n');
    const result = readRequirements(text);
    expect(result.problems).toEqual([]);
    expect(result.declarations.map(({ id, range, marker, directReference }) => ({ id, range, marker, directReference }))).toEqual([
      { id: 'pypi:flash-attn', range: rangeOf(text, wheel), marker: 'platform_system == "Linux"', directReference: { kind: 'url', target: wheel } },
      { id: 'pypi:pkg', range: rangeOf(text, './vendor/pkg-1.0.tar.gz'), marker: 'python_version < "3.12"', directReference: { kind: 'path', target: './vendor/pkg-1.0.tar.gz' } },
      // A `;` inside a URL is the URL's.
      { id: 'pypi:pkg', range: rangeOf(text, 'https://example.com/a;b/pkg-1.0.tar.gz'), marker: undefined, directReference: { kind: 'url', target: 'https://example.com/a;b/pkg-1.0.tar.gz' } },
    ]);
  });

  it('reads a name with a path separator as pip does, a path (`submodules/simple-knn`)', () => {
    const text = 'submodules/simple-knn\nsubmodules\\win-knn\n';
    expect(readRequirements(text).problems).toEqual([]);
    expect(readRequirements(text).declarations.map((d) => [d.name, d.directReference])).toEqual([
      ['simple-knn', { kind: 'path', target: 'submodules/simple-knn' }],
      ['win-knn', { kind: 'path', target: 'submodules\\win-knn' }],
    ]);
  });

  it('places each direct reference of a mixed file on its own line', () => {
    const text = [
      '# direct references',
      '-e .',
      '-e ./pkg',
      'https://files.example.com/wheel-1.0-py3-none-any.whl',
      'git+https://github.com/org/repo.git@v1#egg=pkg',
      './vendor/pkg-1.0.tar.gz',
    ].join('\n');
    const result = readRequirements(text);
    expect(result.problems).toEqual([]);
    expect(result.declarations.map((d) => [d.directReference?.kind, d.range])).toEqual([
      ['editable', lsp(1, 3, 4)],
      ['editable', rangeOf(text, './pkg')],
      ['url', rangeOf(text, 'https://files.example.com/wheel-1.0-py3-none-any.whl')],
      ['vcs', rangeOf(text, 'git+https://github.com/org/repo.git@v1#egg=pkg')],
      ['path', rangeOf(text, './vendor/pkg-1.0.tar.gz')],
    ]);
  });
});

describe('readRequirements: -r / -c includes', () => {
  it.each<{ text: string; path: string; kind: 'requirements' | 'constraints'; range: Declaration['range'] }>([
    { text: '-r base.txt', path: 'base.txt', kind: 'requirements', range: lsp(0, 3, 11) },
    { text: '-rbase.txt', path: 'base.txt', kind: 'requirements', range: lsp(0, 2, 10) },
    { text: '-r   ../common/base.txt  # shared', path: '../common/base.txt', kind: 'requirements', range: lsp(0, 5, 23) },
    { text: '--requirement=dev.txt', path: 'dev.txt', kind: 'requirements', range: lsp(0, 14, 21) },
    { text: '--requirement dev.txt', path: 'dev.txt', kind: 'requirements', range: lsp(0, 14, 21) },
    { text: '-c constraints.txt', path: 'constraints.txt', kind: 'constraints', range: lsp(0, 3, 18) },
    { text: '-cconstraints.txt', path: 'constraints.txt', kind: 'constraints', range: lsp(0, 2, 17) },
    { text: '--constraint=c.txt', path: 'c.txt', kind: 'constraints', range: lsp(0, 13, 18) },
    { text: '--constraint c.txt', path: 'c.txt', kind: 'constraints', range: lsp(0, 13, 18) },
    { text: 'numpy\n  -r requirements/base.txt', path: 'requirements/base.txt', kind: 'requirements', range: lsp(1, 5, 26) },
  ])('$text', ({ text, path, kind, range }) => {
    expect(readRequirements(text)).toEqual({
      declarations: text.startsWith('numpy') ? [pep508('numpy', 'pypi:numpy', lsp(0, 0, 5), lsp(0, 0, 5))] : [],
      licenses: [],
      problems: [],
      includes: [{ path, kind, range }],
    });
  });

  it.each([
    { text: '-r', range: lsp(0, 0, 2) },
    { text: '--requirement', range: lsp(0, 0, 13) },
    { text: '  -c  # nothing', range: lsp(0, 2, 4) },
  ])('"$text" without a file is a problem on the option', ({ text, range }) => {
    const result = readRequirements(text);
    expect(result.includes).toEqual([]);
    expect(result.problems).toEqual([{ message: expect.stringMatching(/needs a file name/), range }]);
  });
});

describe('readRequirements: options that configure pip are accepted silently', () => {
  it.each([
    '--index-url https://pypi.example.com/simple',
    '-i https://pypi.example.com/simple',
    '--extra-index-url https://mirror.example.com/simple',
    '--extra-index-url=https://mirror.example.com/simple',
    '--pre',
    '--trusted-host pypi.example.com',
    '-f https://download.example.com/wheels',
    '--find-links ./wheels',
    '--only-binary :all:',
    '--no-binary=:all:',
    '--prefer-binary',
    '--no-index',
  ])('%s', (text) => {
    expect(readRequirements(`${text}\nnumpy`)).toEqual({
      declarations: [pep508('numpy', 'pypi:numpy', lsp(1, 0, 5), lsp(1, 0, 5))],
      licenses: [],
      problems: [],
      includes: [],
    });
  });
});

describe('readRequirements: comments, continuations, hashes and line endings', () => {
  it('skips full-line comments and blank lines', () => {
    const text = '# a comment\n\n   # an indented comment\n\t\nflask==3.0\n';
    expect(readRequirements(text).declarations).toEqual([
      pep508('flask', 'pypi:flask', lsp(4, 0, 5), lsp(4, 0, 10), { versionSpec: '==3.0' }),
    ]);
  });

  it('a name on the line after a bare continuation lands on that line', () => {
    const text = '\\\nrequests==2';
    expect(readRequirements(text).declarations).toEqual([
      pep508('requests', 'pypi:requests', lsp(1, 0, 8), lsp(1, 0, 11), { versionSpec: '==2' }),
    ]);
  });

  it('a name right before a continuation ends before the `\\`, not on the next line (LF and CRLF)', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = ['numpy\\', '  >=1.0', 'torch \\', '  >=2', ''].join(eol);
      expect(readRequirements(text).declarations.map((d) => [d.name, d.range])).toEqual([
        ['numpy', lsp(0, 0, 5)],
        ['torch', lsp(2, 0, 5)],
      ]);
    }
  });

  it('a name after an indented continuation keeps its own indentation', () => {
    const text = '  \\\n    flask>=3';
    expect(readRequirements(text).declarations).toEqual([
      pep508('flask', 'pypi:flask', lsp(1, 4, 9), lsp(1, 4, 12), { versionSpec: '>=3' }),
    ]);
  });

  it('name on one line, specifier and hashes on the next ones; the hashes are recorded for deletion', () => {
    const text = [
      'numpy \\', //            line 0
      '    ==1.26.4 \\', //     line 1: the specifier ends at character 12
      '    --hash=sha256:aaa \\',
      '    --hash=sha256:bbb', // line 3: ends at character 21
      'scipy==1.11.0',
    ].join('\n');
    expect(readRequirements(text)).toEqual({
      declarations: [
        pep508('numpy', 'pypi:numpy', lsp(0, 0, 5), lsp(0, 0, 1, 12), { versionSpec: '==1.26.4' }, [lsp(1, 12, 3, 21)]),
        pep508('scipy', 'pypi:scipy', lsp(4, 0, 5), lsp(4, 0, 13), { versionSpec: '==1.11.0', hashesExpected: true }),
      ],
      licenses: [],
      problems: [],
      includes: [],
    });
  });

  it('--require-hashes turns on hash checking for every requirement of the file', () => {
    expect(readRequirements('--require-hashes\nnumpy==1.0\n').declarations).toEqual([
      pep508('numpy', 'pypi:numpy', lsp(1, 0, 5), lsp(1, 0, 10), { versionSpec: '==1.0', hashesExpected: true }),
    ]);
  });

  it('hashes on the same line are one deletion, starting at the whitespace before the first option', () => {
    const text = 'foo==1.0 --hash=sha256:abc --hash=sha256:def';
    expect(readRequirements(text).declarations).toEqual([
      pep508('foo', 'pypi:foo', lsp(0, 0, 3), lsp(0, 0, 8), { versionSpec: '==1.0' }, [lsp(0, 8, 44)]),
    ]);
  });

  it('a hash after a marker is deleted without the marker', () => {
    const text = 'foo ==1.0 ; python_version<"3.8" --hash=sha256:a';
    expect(readRequirements(text).declarations).toEqual([
      pep508('foo', 'pypi:foo', lsp(0, 0, 3), lsp(0, 0, 9), { versionSpec: '==1.0', marker: 'python_version<"3.8"' }, [lsp(0, 32, 48)]),
    ]);
  });

  it('a comment line ending in a backslash does not continue', () => {
    const text = '# see below \\\nnumpy';
    expect(readRequirements(text).declarations).toEqual([pep508('numpy', 'pypi:numpy', lsp(1, 0, 5), lsp(1, 0, 5))]);
  });

  it('reads CRLF files, continuations included, with the same ranges as LF', () => {
    const text = 'a==1\r\nb>=2\r\n# c\r\n  c\r\nd \\\r\n  ==4 \\\r\n  --hash=sha256:dd\r\n';
    expect(readRequirements(text)).toEqual({
      declarations: [
        pep508('a', 'pypi:a', lsp(0, 0, 1), lsp(0, 0, 4), { versionSpec: '==1', hashesExpected: true }),
        pep508('b', 'pypi:b', lsp(1, 0, 1), lsp(1, 0, 4), { versionSpec: '>=2', hashesExpected: true }),
        pep508('c', 'pypi:c', lsp(3, 2, 3), lsp(3, 2, 3), { hashesExpected: true }),
        pep508('d', 'pypi:d', lsp(4, 0, 1), lsp(4, 0, 5, 5), { versionSpec: '==4' }, [lsp(5, 5, 6, 18)]),
      ],
      licenses: [],
      problems: [],
      includes: [],
    });
  });

  it('non-ASCII and astral characters on earlier lines do not shift a later name (ranges are per line)', () => {
    const text = '# Привет, мир 😀😀\nnumpy==1.26  # комментарий 🐍\n  scipy';
    expect(readRequirements(text).declarations).toEqual([
      pep508('numpy', 'pypi:numpy', lsp(1, 0, 5), lsp(1, 0, 11), { versionSpec: '==1.26' }),
      pep508('scipy', 'pypi:scipy', lsp(2, 2, 7), lsp(2, 2, 7)),
    ]);
  });

  it('agrees with the independent helper on a realistic file', () => {
    const text = [
      '# Core',
      '-r base.txt',
      '--index-url https://pypi.example.com/simple',
      'Django>=4.2,<5  # web',
      'celery[redis]==5.3.4 ; sys_platform != "win32"',
      'torch @ https://download.example.com/torch-2.1.0-cp311-linux_x86_64.whl',
      'psycopg2-binary \\',
      '    ==2.9.9',
    ].join('\n');
    const result = readRequirements(text);
    expect(result.problems).toEqual([]);
    expect(result.includes).toEqual([{ path: 'base.txt', kind: 'requirements', range: rangeOf(text, 'base.txt') }]);
    expect(result.declarations.map((d) => [d.id, d.name, d.range, d.versionSpec])).toEqual([
      ['pypi:django', 'Django', rangeOf(text, 'Django'), '>=4.2,<5'],
      ['pypi:celery', 'celery', rangeOf(text, 'celery'), '==5.3.4'],
      ['pypi:torch', 'torch', rangeOf(text, 'torch'), undefined],
      ['pypi:psycopg2-binary', 'psycopg2-binary', rangeOf(text, 'psycopg2-binary'), '==2.9.9'],
    ]);
  });
});

describe('readRequirements: lines that are none of these are problems, and reading goes on', () => {
  it.each([
    { text: 'numpy>=', range: lsp(0, 5, 7), message: /not a valid version specifier/ },
    { text: '!!!', range: lsp(0, 0, 3), message: /must start with a package name/ },
    { text: 'requests==2.0 extra garbage', range: lsp(0, 8, 27), message: /not a valid version specifier/ },
    { text: 'requests==2.0;', range: lsp(0, 13, 14), message: /environment marker/ },
    { text: 'uvicorn[standard', range: lsp(0, 7, 16), message: /unclosed "\["/ },
    { text: 'pkg @', range: lsp(0, 4, 5), message: /followed by a URL/ },
    // `#` glued to a name is not a comment (pip needs whitespace before it), so this is not a requirement.
    { text: 'numpy#egg', range: lsp(0, 5, 9), message: /not a valid version specifier/ },
    { text: '-e', range: lsp(0, 0, 2), message: /needs a path or URL/ },
    // A dash that starts no option (a YAML separator pasted in, a negative number): pip stops there, we go on.
    { text: '---', range: lsp(0, 0, 3), message: /^"---" is not a pip option$/ },
    { text: '  -1 numpy', range: lsp(0, 2, 4), message: /^"-1" is not a pip option$/ },
  ])('$text', ({ text, range, message }) => {
    const result = readRequirements(`${text}\nok==1`);
    expect(result.problems).toEqual([{ message: expect.stringMatching(message), range }]);
    expect(result.declarations).toEqual([pep508('ok', 'pypi:ok', lsp(1, 0, 2), lsp(1, 0, 5), { versionSpec: '==1' })]);
  });

  it('reports each bad line at its own place and keeps every good one', () => {
    const text = 'numpy>=\n!!!\nscipy\nrequests==2.0 extra garbage\npandas==2';
    const result = readRequirements(text);
    expect(result.problems.map((p) => p.range)).toEqual([lsp(0, 5, 7), lsp(1, 0, 3), lsp(3, 8, 27)]);
    expect(result.declarations.map((d) => [d.name, d.range])).toEqual([
      ['scipy', lsp(2, 0, 5)],
      ['pandas', lsp(4, 0, 6)],
    ]);
  });

  it('a problem after a continuation lands on the continued line', () => {
    const result = readRequirements('x \\\nrequests==2');
    expect(result.declarations).toEqual([]);
    expect(result.problems).toEqual([{ message: expect.stringMatching(/not a valid version specifier/), range: lsp(1, 0, 11) }]);
  });

  it('an empty file and a comment-only file hold nothing', () => {
    expect(readRequirements('')).toEqual({ declarations: [], licenses: [], problems: [], includes: [] });
    expect(readRequirements('# nothing\n\n')).toEqual({ declarations: [], licenses: [], problems: [], includes: [] });
  });
});

describe('readRequirements: pip-compile output', () => {
  const relations = (text: string) => readRequirements(text).declarations.map((d) => [d.name, d.relation, d.via ?? null]);

  it('makes what only other packages bring in transitive, with the shortest chain from a package the input asks for', () => {
    const text = [
      '# This file is autogenerated by pip-compile with Python 3.11',
      'anyio==4.4.0',
      '    # via httpx',
      'certifi==2024.7.4',
      '    # via',
      '    #   httpx',
      '    #   requests',
      'GigaChat==0.1.33',
      '    # via -r requirements.in',
      'httpx==0.27.0',
      '    # via gigachat',
      'requests==2.32.3',
      '    # via',
      '    #   -r requirements.in',
      '    #   httpx',
      '',
    ].join('\n');
    expect(relations(text)).toEqual([
      ['anyio', 'transitive', ['GigaChat', 'httpx']],
      ['certifi', 'transitive', ['requests']],
      ['GigaChat', 'direct', null],
      ['httpx', 'transitive', ['GigaChat']],
      // Named by the input file: direct, whatever else also needs it.
      ['requests', 'direct', null],
    ]);
    expect(readRequirements(text).compiled).toBe(true);
  });

  it('keeps a package a constraints file only pins transitive', () => {
    const text = 'requests==2.32.3\n    # via -r requirements.in\nidna==3.7\n    # via\n    #   -c constraints.txt\n    #   requests\n';
    expect(relations(text)).toEqual([
      ['requests', 'direct', null],
      ['idna', 'transitive', ['requests']],
    ]);
  });

  it('reads the one-line annotation style', () => {
    const text = 'httpx==0.27.0  # via -r requirements.in\nidna==3.7  # via anyio, httpx\nanyio==4.4.0  # via httpx\n';
    expect(relations(text)).toEqual([
      ['httpx', 'direct', null],
      ['idna', 'transitive', ['httpx']],
      ['anyio', 'transitive', ['httpx']],
    ]);
  });

  it('leaves a file without annotations, and a package whose parents lead to no input, as written', () => {
    expect(relations('numpy==2.0.1\n')).toEqual([['numpy', 'direct', null]]);
    expect(relations('a==1\n    # via b\nb==1\n    # via a\n')).toEqual([
      ['a', 'direct', null],
      ['b', 'direct', null],
    ]);
  });
});
