// pyproject.toml: PEP 621, PEP 735 and Poetry dependencies, with the exact range of each name inside its
// string or key.
import { describe, expect, it } from 'vitest';
import type { Declaration, Relation } from '../../rules/src/types';
import { alternativeFixes } from '../../server/src/engine/fixes';
import { readHatchToml, readPyproject } from '../../server/src/readers/pyproject';
import { applyEdits } from '../helpers/edits';
import { lsp, rangeOf } from '../helpers/ranges';

function pep508(
  name: string,
  id: string,
  relation: Relation,
  group: string | undefined,
  range: Declaration['range'],
  rewrite: Declaration['range'],
  extra: Partial<Declaration> = {},
): Declaration {
  return {
    id,
    ecosystem: 'pypi',
    name,
    relation,
    ...(group ? { group } : {}),
    range,
    ...extra,
    rewrite: { syntax: 'pep508', range: rewrite, extraDeletions: [] },
  };
}

describe('readPyproject: PEP 621 and PEP 735', () => {
  const text = [
    '[project]', //                                                                      0
    'name = "demo"', //                                                                  1
    'license = "MIT"', //                                                                2
    'dependencies = ["requests>=2", \'Foo_Bar[extra]==1.0 ; python_version>"3.8"\']', // 3
    '', //                                                                               4
    '[project.optional-dependencies]', //                                                5
    'gpu = ["torch==2.1"]', //                                                           6
    'docs = [', //                                                                       7
    '  "sphinx (>=7)",', //                                                              8
    '  "furo",', //                                                                      9
    ']', //                                                                              10
    '', //                                                                               11
    '[dependency-groups]', //                                                            12
    'test = ["pytest>=8", {include-group = "lint"}]', //                                 13
    'lint = ["ruff"]', //                                                                14
  ].join('\n');
  const result = readPyproject(text);

  it('reads every requirement with its relation, group and exact ranges', () => {
    expect(result.declarations).toEqual([
      pep508('requests', 'pypi:requests', 'direct', undefined, lsp(3, 17, 25), lsp(3, 17, 28), { versionSpec: '>=2' }),
      pep508('Foo_Bar', 'pypi:foo-bar', 'direct', undefined, lsp(3, 32, 39), lsp(3, 32, 51), { versionSpec: '==1.0', extras: ['extra'], marker: 'python_version>"3.8"' }),
      pep508('torch', 'pypi:torch', 'optional', 'gpu', lsp(6, 8, 13), lsp(6, 8, 18), { versionSpec: '==2.1' }),
      pep508('sphinx', 'pypi:sphinx', 'optional', 'docs', lsp(8, 3, 9), lsp(8, 3, 15), { versionSpec: '>=7' }),
      pep508('furo', 'pypi:furo', 'optional', 'docs', lsp(9, 3, 7), lsp(9, 3, 7)),
      pep508('pytest', 'pypi:pytest', 'dev', 'test', lsp(13, 9, 15), lsp(13, 9, 18), { versionSpec: '>=8' }),
      pep508('ruff', 'pypi:ruff', 'dev', 'lint', lsp(14, 9, 13), lsp(14, 9, 13)),
    ]);
  });

  it('agrees with the independent helper for every name', () => {
    expect(result.declarations.map((d) => d.range)).toEqual(
      ['requests', 'Foo_Bar', 'torch', 'sphinx', 'furo', 'pytest', 'ruff'].map((name) => rangeOf(text, name)),
    );
  });

  it('reads the licence inside its quotes and raises no problem', () => {
    expect(result.licenses).toEqual([{ value: 'MIT', range: lsp(2, 11, 14), dialect: 'spdx' }]);
    expect(result.problems).toEqual([]);
  });
});

describe('readPyproject: Poetry', () => {
  const text = [
    '[tool.poetry]', //                                                                  0
    'name = "demo"', //                                                                  1
    '', //                                                                               2
    '[tool.poetry.dependencies]', //                                                     3
    'python = "^3.10"', //                                                               4
    'requests = "^2.31"', //                                                             5
    '"Quoted.Name" = { version = "1.0", extras = ["x"] }', //                             6
    'mylib = { git = "https://github.com/org/mylib.git", tag = "v1" }', //               7
    'local = { path = "../local", develop = true }', //                                  8
    'wheel = { url = "https://example.com/wheel-1.0-py3-none-any.whl" }', //             9
    '', //                                                                               10
    '[tool.poetry.group.dev.dependencies]', //                                           11
    'pytest = "^7"', //                                                                  12
    'python = "^3.11"', //                                                               13
    '', //                                                                               14
    '[tool.poetry.dev-dependencies]', //                                                 15
    'black = "*"', //                                                                    16
  ].join('\n');
  const result = readPyproject(text);

  it.each<{ name: string; expected: Declaration }>([
    {
      name: 'requests',
      expected: {
        id: 'pypi:requests',
        ecosystem: 'pypi',
        name: 'requests',
        relation: 'direct',
        range: lsp(5, 0, 8),
        versionSpec: '^2.31',
        rewrite: { syntax: 'poetry', range: lsp(5, 0, 18) },
      },
    },
    {
      name: 'Quoted.Name',
      expected: {
        id: 'pypi:quoted-name',
        ecosystem: 'pypi',
        name: 'Quoted.Name',
        relation: 'direct',
        range: lsp(6, 1, 12),
        versionSpec: '1.0',
        rewrite: { syntax: 'poetry', range: lsp(6, 0, 51) },
      },
    },
    {
      name: 'mylib',
      expected: {
        id: 'pypi:mylib',
        ecosystem: 'pypi',
        name: 'mylib',
        relation: 'direct',
        range: lsp(7, 0, 5),
        directReference: { kind: 'vcs', target: 'https://github.com/org/mylib.git' },
        rewrite: { syntax: 'poetry', range: lsp(7, 0, 64) },
      },
    },
    {
      name: 'local',
      expected: {
        id: 'pypi:local',
        ecosystem: 'pypi',
        name: 'local',
        relation: 'direct',
        range: lsp(8, 0, 5),
        directReference: { kind: 'path', target: '../local' },
        rewrite: { syntax: 'poetry', range: lsp(8, 0, 45) },
      },
    },
    {
      name: 'wheel',
      expected: {
        id: 'pypi:wheel',
        ecosystem: 'pypi',
        name: 'wheel',
        relation: 'direct',
        range: lsp(9, 0, 5),
        directReference: { kind: 'url', target: 'https://example.com/wheel-1.0-py3-none-any.whl' },
        rewrite: { syntax: 'poetry', range: lsp(9, 0, 66) },
      },
    },
    {
      name: 'pytest',
      expected: {
        id: 'pypi:pytest',
        ecosystem: 'pypi',
        name: 'pytest',
        relation: 'dev',
        group: 'dev',
        range: lsp(12, 0, 6),
        versionSpec: '^7',
        rewrite: { syntax: 'poetry', range: lsp(12, 0, 13) },
      },
    },
    {
      name: 'black',
      expected: {
        id: 'pypi:black',
        ecosystem: 'pypi',
        name: 'black',
        relation: 'dev',
        group: 'dev',
        range: lsp(16, 0, 5),
        versionSpec: '*',
        rewrite: { syntax: 'poetry', range: lsp(16, 0, 11) },
      },
    },
  ])('$name', ({ name, expected }) => {
    expect(result.declarations.filter((d) => d.name === name)).toEqual([expected]);
  });

  it('never declares python, and reads nothing else', () => {
    expect(result.declarations.map((d) => d.name)).toEqual(['requests', 'Quoted.Name', 'mylib', 'local', 'wheel', 'pytest', 'black']);
    expect(result.problems).toEqual([]);
  });

  it('an optional dependency is optional, in the group of the first extra that lists it, as PEP 621\'s are', () => {
    const text = [
      '[tool.poetry.dependencies]',
      'python = "^3.9"',
      'numpy = "*"',
      'fastembed = { version = "^0.8", optional = true }',
      'onnx = [{ version = "<1.16", python = "<3.9", optional = true }, { version = "^1.16", python = ">=3.9", optional = true }]',
      'orjson = { version = "^3", optional = true }',
      '[tool.poetry.group.dev.dependencies]',
      'pytest = { version = "^8", optional = true }',
      '[tool.poetry.extras]',
      'embed = ["fastembed", "onnx"]',
      'all = ["fastembed", "onnx"]',
    ].join('\n');
    expect(readPyproject(text).declarations.map((d) => [d.name, d.relation, d.group])).toEqual([
      ['numpy', 'direct', undefined],
      ['fastembed', 'optional', 'embed'],
      ['onnx', 'optional', 'embed'],
      // No extra lists it: nothing installs it.
      ['orjson', 'optional', undefined],
      // Poetry reads the flag in the main dependencies only.
      ['pytest', 'dev', 'dev'],
    ]);
  });

  it('the main group is a direct dependency', () => {
    const { declarations } = readPyproject('[tool.poetry.group.main.dependencies]\nhttpx = "0.27"');
    expect(declarations).toEqual([
      {
        id: 'pypi:httpx',
        ecosystem: 'pypi',
        name: 'httpx',
        relation: 'direct',
        group: 'main',
        range: lsp(1, 0, 5),
        versionSpec: '0.27',
        rewrite: { syntax: 'poetry', range: lsp(1, 0, 14) },
      },
    ]);
  });
});

describe('readPyproject: syntax variants', () => {
  it.each<{ title: string; text: string; expected: [string, Relation, string | undefined, Declaration['range']][] }>([
    {
      title: 'dotted keys at the top level',
      text: 'project.dependencies = ["numpy"]\nproject.optional-dependencies.cli = ["click>=8"]\ntool.poetry.dependencies.flask = "^2"',
      expected: [
        ['numpy', 'direct', undefined, lsp(0, 25, 30)],
        ['click', 'optional', 'cli', lsp(1, 38, 43)],
        ['flask', 'direct', undefined, lsp(2, 25, 30)],
      ],
    },
    {
      title: 'dotted keys inside a table',
      text: '[project]\noptional-dependencies.gpu = ["cupy"]\n[tool]\npoetry.dependencies.rich = "*"',
      expected: [
        ['cupy', 'optional', 'gpu', lsp(1, 30, 34)],
        ['rich', 'direct', undefined, lsp(3, 20, 24)],
      ],
    },
    {
      title: 'inline tables',
      text: 'project = { name = "x", dependencies = ["attrs"] }\ndependency-groups = { dev = ["mypy"] }',
      expected: [
        ['attrs', 'direct', undefined, lsp(0, 41, 46)],
        ['mypy', 'dev', 'dev', lsp(1, 30, 34)],
      ],
    },
    {
      title: 'a multi-line array with comments and a trailing comma',
      text: '[project]\ndependencies = [\n  # web\n  "fastapi>=0.110",  # api\n\n    "uvicorn[standard]",\n]',
      expected: [
        ['fastapi', 'direct', undefined, lsp(3, 3, 10)],
        ['uvicorn', 'direct', undefined, lsp(5, 5, 12)],
      ],
    },
    {
      title: 'multi-line strings: the newline after the opening quotes is dropped',
      text: '[project]\ndependencies = [\n  """scipy>=1""",\n  """\npandas""",\n  \'\'\'\n  polars\'\'\',\n]',
      expected: [
        ['scipy', 'direct', undefined, lsp(2, 5, 10)],
        ['pandas', 'direct', undefined, lsp(4, 0, 6)],
        ['polars', 'direct', undefined, lsp(6, 2, 8)],
      ],
    },
    {
      title: 'literal strings keep backslashes as written',
      text: "[project]\ndependencies = ['pkg @ file:///C:\\\\wheels\\\\pkg.whl', 'six']",
      expected: [
        ['pkg', 'direct', undefined, lsp(1, 17, 20)],
        ['six', 'direct', undefined, lsp(1, 54, 57)],
      ],
    },
    {
      title: 'CRLF line endings',
      text: '[project]\r\ndependencies = [\r\n  "numpy>=1",\r\n  "scipy",\r\n]\r\n',
      expected: [
        ['numpy', 'direct', undefined, lsp(2, 3, 8)],
        ['scipy', 'direct', undefined, lsp(3, 3, 8)],
      ],
    },
    {
      title: 'non-ASCII text on an earlier line',
      text: '[project]\ndescription = "Модель 😀"\ndependencies = ["einops"]',
      expected: [['einops', 'direct', undefined, lsp(2, 17, 23)]],
    },
  ])('$title', ({ text, expected }) => {
    const result = readPyproject(text);
    expect(result.problems).toEqual([]);
    expect(result.declarations.map((d) => [d.name, d.relation, d.group, d.range])).toEqual(expected);
    // Every literal range is where the independent helper finds the name.
    expect(result.declarations.map((d) => d.range)).toEqual(expected.map(([name]) => rangeOf(text, name)));
  });

  it('a name after an emoji on the same line is counted in UTF-16 code units', () => {
    const text = 'project = { description = "😀", dependencies = ["einops"] }';
    const [declaration] = readPyproject(text).declarations;
    expect(declaration?.range).toEqual(lsp(0, 49, 55));
    expect(declaration?.range).toEqual(rangeOf(text, 'einops'));
  });

  it('a string with an escape is placed as a whole, quotes included, and offers no rewrite', () => {
    const text = '[project]\ndependencies = ["req\\u0075ests>=2", "idna"]';
    expect(readPyproject(text)).toEqual({
      declarations: [
        { id: 'pypi:requests', ecosystem: 'pypi', name: 'requests', relation: 'direct', range: lsp(1, 16, 34), versionSpec: '>=2' },
        pep508('idna', 'pypi:idna', 'direct', undefined, lsp(1, 37, 41), lsp(1, 37, 41)),
      ],
      licenses: [],
      problems: [],
      includes: [],
    });
  });

  it('a name and specifier before an escape in the marker are placed exactly, and rewritten there', () => {
    const text = '[project]\ndependencies = [\n    "async-timeout>=4; python_version < \\"3.11\\"",\n]';
    const [declaration] = readPyproject(text).declarations;
    expect(declaration).toMatchObject({ name: 'async-timeout', range: lsp(2, 5, 18), marker: 'python_version < "3.11"' });
    expect(declaration?.rewrite).toEqual({ syntax: 'pep508', range: lsp(2, 5, 21), extraDeletions: [] });
  });

  it('a bad requirement in a string with an escape is a problem on the whole string', () => {
    const text = '[project]\ndependencies = ["caf\\u00e9-lib", "ok"]';
    const result = readPyproject(text);
    expect(result.problems).toEqual([{ message: expect.stringMatching(/not a valid version specifier/), range: lsp(1, 16, 31) }]);
    expect(result.declarations.map((d) => d.name)).toEqual(['ok']);
  });

  it('bad requirements are problems inside their strings, and the good ones are still read', () => {
    const text = '[project]\ndependencies = ["numpy>=", "!!!", "scipy"]';
    const result = readPyproject(text);
    expect(result.problems).toEqual([
      { message: expect.stringMatching(/not a valid version specifier/), range: lsp(1, 22, 24) },
      { message: expect.stringMatching(/must start with a package name/), range: lsp(1, 28, 31) },
    ]);
    expect(result.declarations.map((d) => [d.name, d.range])).toEqual([['scipy', lsp(1, 35, 40)]]);
  });

  it('reads a PEP 508 URL requirement as a VCS direct reference', () => {
    const text = "[project]\ndependencies = ['x @ git+https://github.com/a/b.git']";
    expect(readPyproject(text).declarations).toEqual([
      pep508('x', 'pypi:x', 'direct', undefined, lsp(1, 17, 18), lsp(1, 17, 51), {
        directReference: { kind: 'vcs', target: 'git+https://github.com/a/b.git' },
      }),
    ]);
  });

  it('ignores dependencies under unrelated tables', () => {
    const text = '[tool.other]\ndependencies = ["numpy"]\n[project.urls]\ndependencies = "https://x"';
    expect(readPyproject(text)).toEqual({ declarations: [], licenses: [], problems: [], includes: [] });
  });
});

describe('readPyproject: uv', () => {
  const text = [
    '[project]', //                                                                        0
    'name = "app"', //                                                                     1
    'dependencies = ["torch", "mylib", "shared", "tool", "wheel-only", "fork"]', //         2
    '', //                                                                                 3
    '[tool.uv]', //                                                                        4
    'dev-dependencies = ["pytest>=8"]', //                                                 5
    '', //                                                                                 6
    '[tool.uv.sources]', //                                                                7
    'torch = [{ index = "pytorch-cu121", marker = "sys_platform == \'linux\'" }]', //       8
    'mylib = { path = "../mylib", editable = true }', //                                   9
    'shared = { workspace = true }', //                                                    10
    'tool = { git = "https://github.com/acme/tool", tag = "v1.2" }', //                    11
    'wheel-only = { url = "https://example.com/wheel_only-1.0-py3-none-any.whl" }', //     12
    '', //                                                                                 13
    '[tool.uv.sources.Fork]', //                                                           14
    'git = "https://github.com/acme/fork"', //                                             15
  ].join('\n');
  const read = readPyproject(text);
  const byName = new Map(read.declarations.map((d) => [d.name, d]));

  it('reads the legacy dev-dependencies as the dev group', () => {
    expect(byName.get('pytest')).toEqual(pep508('pytest', 'pypi:pytest', 'dev', 'dev', lsp(5, 21, 27), lsp(5, 21, 30), { versionSpec: '>=8' }));
  });

  it('a source that is an index leaves the package a registry release', () => {
    expect(byName.get('torch')?.directReference).toBeUndefined();
    expect(byName.get('torch')?.relation).toBe('direct');
  });

  it('git, URL and path sources become direct references; a workspace source makes the package first-party', () => {
    expect(byName.get('mylib')?.directReference).toEqual({ kind: 'editable', target: '../mylib' });
    expect(byName.get('shared')?.relation).toBe('workspace');
    expect(byName.get('tool')?.directReference).toEqual({ kind: 'vcs', target: 'git+https://github.com/acme/tool@v1.2' });
    expect(byName.get('wheel-only')?.directReference).toEqual({ kind: 'url', target: 'https://example.com/wheel_only-1.0-py3-none-any.whl' });
  });

  it('a source written as its own table is matched by normalised name', () => {
    expect(byName.get('fork')?.directReference).toEqual({ kind: 'vcs', target: 'git+https://github.com/acme/fork' });
  });

  it('a replaced package takes its one-line source entry with it; a source table of its own is left alone', () => {
    const [replace] = alternativeFixes(byName.get('tool')!, [{ id: 'pypi:gigachat', reason: 'domestic', reaches: 'national', version: '0.1.33' }]);
    const fixed = applyEdits(text, replace!.edits);
    expect(fixed).toBe(text.replace('"tool"', '"gigachat>=0.1.33"').replace('tool = { git = "https://github.com/acme/tool", tag = "v1.2" }\n', ''));
    expect(readPyproject(fixed).problems).toEqual([]);
    expect(byName.get('fork')?.rewrite).toEqual({ syntax: 'pep508', range: lsp(2, 67, 71), extraDeletions: [] });
  });

  it('keeps a source another list still declares the package in', () => {
    const twice = readPyproject('[project]\ndependencies = ["tool"]\n[dependency-groups]\ndev = ["tool"]\n[tool.uv.sources]\ntool = { git = "https://github.com/acme/tool" }\n');
    expect(twice.declarations.map((d) => d.rewrite?.syntax === 'pep508' && d.rewrite.extraDeletions)).toEqual([[], []]);
  });

  it('never applies to Poetry tables, which uv does not read', () => {
    const poetry = readPyproject('[tool.poetry.dependencies]\ntool = "^1"\n[tool.uv.sources]\ntool = { git = "https://github.com/acme/tool" }\n');
    expect(poetry.declarations.map((d) => [d.name, d.directReference])).toEqual([['tool', undefined]]);
  });
});

describe('readPyproject: requirements files and Hatch environments', () => {
  const includes = (text: string) => readPyproject(text).includes.map(({ path, range, extra }) => ({ path, range, extra }));

  it('includes the files setuptools reads a dynamic field from, an extra\'s as that extra\'s', () => {
    const text = [
      '[project]',
      'name = "app"',
      'dynamic = ["dependencies", "optional-dependencies", "version"]',
      '[tool.setuptools.dynamic]',
      'dependencies = { file = "requirements.txt" }',
      'version = { attr = "app.__version__" }',
      '[tool.setuptools.dynamic.optional-dependencies]',
      'gpu = { file = ["requirements/gpu.txt", "requirements/cuda.txt"] }',
    ].join('\n');
    expect(readPyproject(text).problems).toEqual([]);
    expect(includes(text)).toEqual([
      { path: 'requirements.txt', range: rangeOf(text, 'requirements.txt'), extra: undefined },
      { path: 'requirements/gpu.txt', range: rangeOf(text, 'requirements/gpu.txt'), extra: 'gpu' },
      { path: 'requirements/cuda.txt', range: rangeOf(text, 'requirements/cuda.txt'), extra: 'gpu' },
    ]);
    // The table form of the same key.
    const table = ['[project]', 'dynamic = ["dependencies"]', '[tool.setuptools.dynamic.dependencies]', 'file = ["requirements/base.txt"]'].join('\n');
    expect(includes(table)).toEqual([{ path: 'requirements/base.txt', range: rangeOf(table, 'requirements/base.txt'), extra: undefined }]);
  });

  it('includes the files hatch-requirements-txt reads', () => {
    const text = [
      '[project]',
      'dynamic = ["dependencies", "optional-dependencies"]',
      '[tool.hatch.metadata.hooks.requirements_txt]',
      'files = ["requirements.txt"]',
      '[tool.hatch.metadata.hooks.requirements_txt.optional-dependencies]',
      'crypto = ["requirements-crypto.txt"]',
    ].join('\n');
    expect(includes(text)).toEqual([
      { path: 'requirements.txt', range: rangeOf(text, 'requirements.txt'), extra: undefined },
      { path: 'requirements-crypto.txt', range: rangeOf(text, 'requirements-crypto.txt'), extra: 'crypto' },
    ]);
  });

  it('leaves the files of a field `dynamic` does not list unread, as the backend does', () => {
    const text = ['[project]', 'dependencies = ["numpy"]', '[tool.setuptools.dynamic]', 'dependencies = { file = "requirements.txt" }'].join('\n');
    expect(includes(text)).toEqual([]);
  });

  it('reads each Hatch environment\'s dependencies as a development group of its name', () => {
    const text = [
      '[tool.hatch.envs.default]', //                                          0
      'dependencies = ["pytest>=8", "my-lib @ {root:uri}/libs/my-lib"]', //     1
      '[tool.hatch.envs.lint]', //                                             2
      'detached = true', //                                                    3
      'extra-dependencies = ["ruff"]', //                                      4
      '[tool.hatch.envs.docs.scripts]', //                                     5
      'build = "mkdocs build"', //                                             6
    ].join('\n');
    const read = readPyproject(text);
    expect(read.problems).toEqual([]);
    expect(read.declarations.map(({ name, relation, group, range, directReference }) => ({ name, relation, group, range, directReference }))).toEqual([
      { name: 'pytest', relation: 'dev', group: 'default', range: lsp(1, 17, 23), directReference: undefined },
      // Hatch formats `{root:uri}` as the project's own folder.
      { name: 'my-lib', relation: 'dev', group: 'default', range: lsp(1, 30, 36), directReference: { kind: 'path', target: './libs/my-lib' } },
      { name: 'ruff', relation: 'dev', group: 'lint', range: lsp(4, 23, 27), directReference: undefined },
    ]);
    const above = readPyproject('[project]\ndependencies = ["shared @ {root:parent:uri}/shared"]\n');
    expect(above.declarations[0]?.directReference).toEqual({ kind: 'path', target: '../shared' });
  });
});

describe('readHatchToml', () => {
  it('reads each environment as pyproject.toml\'s [tool.hatch.envs] are read, and nothing else', () => {
    const text = [
      '[envs.default]', //                                      0
      'python = "3.11"', //                                     1
      'dependencies = [', //                                    2
      '  "coverage[toml]>=6.5",', //                            3
      ']', //                                                   4
      '[envs.lint]', //                                         5
      'detached = true', //                                     6
      'dependencies = ["ruff>=0.4"]', //                        7
      '[project]', //                                           8
      'dependencies = ["numpy"]', //                            9
    ].join('\n');
    const read = readHatchToml(text);
    expect(read.problems).toEqual([]);
    expect(read.declarations.map(({ name, relation, group, range }) => ({ name, relation, group, range }))).toEqual([
      { name: 'coverage', relation: 'dev', group: 'default', range: lsp(3, 3, 11) },
      { name: 'ruff', relation: 'dev', group: 'lint', range: lsp(7, 17, 21) },
    ]);
  });

  it('names itself in a syntax error', () => {
    expect(readHatchToml('[envs.test\n').problems.map((problem) => problem.message)).toEqual([expect.stringMatching(/^hatch\.toml is not valid TOML: /)]);
  });
});

describe('readPyproject: invalid TOML', () => {
  it.each([
    { title: 'an unclosed table header', text: '[project\ndependencies = []', at: lsp(1, 0, 0) },
    { title: 'a missing comma in an array', text: '[project]\ndependencies = ["a" "b"]', at: lsp(1, 20, 20) },
    { title: 'a key defined twice', text: '[project]\nname = "a"\nname = "b"', at: lsp(2, 0, 0) },
    { title: 'an unterminated string (reported where it should have closed)', text: '[project]\ndependencies = ["numpy', at: lsp(1, 22, 22) },
  ])('$title is one problem at its position, and no declaration', ({ text, at }) => {
    const result = readPyproject(text);
    expect(result.declarations).toEqual([]);
    expect(result.problems).toEqual([{ message: expect.stringMatching(/^pyproject\.toml is not valid TOML: /), range: at }]);
  });

  it('a line half typed is the problem; the rest of the file is still read, each declaration where it was', () => {
    const text = '[project]\ndependencies = [\n  "numpy",\n  "openai>=1.5\n]\n\n[dependency-groups]\ndev = ["pytest"]\n';
    const result = readPyproject(text);
    expect(result.problems).toEqual([{ message: 'pyproject.toml is not valid TOML: Unterminated string constant', range: lsp(3, 14, 14) }]);
    expect(result.declarations.map((d) => [d.name, d.range])).toEqual([
      ['numpy', lsp(2, 3, 8)],
      ['pytest', lsp(7, 8, 14)],
    ]);
  });

  it('does not crash on binary-looking or deeply nested input', () => {
    expect(() => readPyproject('\u0000\u0001\u0002')).not.toThrow();
    expect(readPyproject(`x = ${'['.repeat(5000)}`).problems).toHaveLength(1);
  });
});
