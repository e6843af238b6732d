// package.json: the four dependency sections, aliases, direct references, the licence, and tolerance of
// half-typed files, with exact ranges (names inside their quotes).
import { describe, expect, it } from 'vitest';
import type { Declaration, DirectReference, Relation } from '../../rules/src/types';
import { readPackageJson } from '../../server/src/readers/packageJson';
import { lsp, rangeOf } from '../helpers/ranges';

const MANIFEST = [
  '{', //                                                             0
  '  "name": "demo",', //                                             1
  '  "license": "MIT",', //                                           2
  '  "dependencies": {', //                                           3
  '    "react": "^18.2.0",', //                                     4
  '    "@scope/pkg": "1.0.0"', //                                   5
  '  },', //                                                          6
  '  "devDependencies": { "typescript": "~5.4.0" },', //            7
  '  "peerDependencies": { "vue": ">=3" },', //                     8
  '  "optionalDependencies": {', //                                 9
  '    "fsevents": "2.3.3"', //                                     10
  '  },', //                                                          11
  '  "scripts": { "dependencies": "not a section" }', //           12
  '}',
].join('\n');

describe('readPackageJson: dependency sections', () => {
  const result = readPackageJson(MANIFEST);

  it('reads no problem and no include', () => {
    expect(result.problems).toEqual([]);
    expect(result.includes).toEqual([]);
  });

  it.each<{ name: string; relation: Relation; group: string; range: Declaration['range']; rewrite: Declaration['range']; versionSpec: string }>([
    { name: 'react', relation: 'direct', group: 'dependencies', range: lsp(4, 5, 10), rewrite: lsp(4, 4, 22), versionSpec: '^18.2.0' },
    { name: '@scope/pkg', relation: 'direct', group: 'dependencies', range: lsp(5, 5, 15), rewrite: lsp(5, 4, 25), versionSpec: '1.0.0' },
    { name: 'typescript', relation: 'dev', group: 'devDependencies', range: lsp(7, 24, 34), rewrite: lsp(7, 23, 45), versionSpec: '~5.4.0' },
    { name: 'vue', relation: 'peer', group: 'peerDependencies', range: lsp(8, 25, 28), rewrite: lsp(8, 24, 36), versionSpec: '>=3' },
    { name: 'fsevents', relation: 'optional', group: 'optionalDependencies', range: lsp(10, 5, 13), rewrite: lsp(10, 4, 23), versionSpec: '2.3.3' },
  ])('$group: $name', ({ name, relation, group, range, rewrite, versionSpec }) => {
    expect(result.declarations.filter((d) => d.name === name)).toEqual([
      {
        id: `npm:${name}`,
        ecosystem: 'npm',
        name,
        relation,
        group,
        range,
        versionSpec,
        rewrite: { syntax: 'package-json', range: rewrite, hasVersion: true },
      },
    ]);
    // The literal range and the independently computed one agree.
    expect(range).toEqual(shrink(rangeOf(MANIFEST, `"${name}"`)));
  });

  it('reads exactly the five dependencies, in file order, and nothing from scripts', () => {
    expect(result.declarations.map((d) => d.id)).toEqual(['npm:react', 'npm:@scope/pkg', 'npm:typescript', 'npm:vue', 'npm:fsevents']);
  });

  it('reads the licence with the range inside its quotes', () => {
    expect(result.licenses).toEqual([{ value: 'MIT', range: lsp(2, 14, 17), dialect: 'spdx' }]);
  });
});

/** A quoted token's range without its quotes (same line). */
function shrink(range: Declaration['range']): Declaration['range'] {
  return { start: { ...range.start, character: range.start.character + 1 }, end: { ...range.end, character: range.end.character - 1 } };
}

describe('readPackageJson: npm aliases', () => {
  it.each([
    { key: 'my-react', spec: 'npm:react@^18', id: 'npm:react', versionSpec: '^18' },
    { key: 'types-node', spec: 'npm:@types/node@^20.1', id: 'npm:@types/node', versionSpec: '^20.1' },
    { key: '@me/lodash', spec: 'npm:lodash', id: 'npm:lodash', versionSpec: '' },
    { key: 'old-vue', spec: 'npm:vue@2.7.16', id: 'npm:vue', versionSpec: '2.7.16' },
  ])('"$key": "$spec" -> $id', ({ key, spec, id, versionSpec }) => {
    const text = `{\n  "dependencies": {\n    "${key}": "${spec}"\n  }\n}`;
    const { declarations, problems } = readPackageJson(text);
    expect(problems).toEqual([]);
    expect(declarations).toEqual([
      {
        id,
        ecosystem: 'npm',
        name: key,
        relation: 'direct',
        group: 'dependencies',
        range: lsp(2, 5, 5 + key.length),
        versionSpec,
        rewrite: { syntax: 'package-json', range: lsp(2, 4, 4 + key.length + spec.length + 6), hasVersion: true },
      },
    ]);
  });

  it.each([
    // Yarn's patch protocol: the registry release the patch applies to, at its exact version.
    { key: 'lodash', spec: 'patch:lodash@npm%3A4.17.21#~/.yarn/patches/lodash-npm-4.17.21-6382451519.patch', id: 'npm:lodash', versionSpec: '4.17.21' },
    { key: 'patched', spec: 'patch:@scope/pkg@npm%3A^1.2.0#./fix.patch', id: 'npm:@scope/pkg', versionSpec: '^1.2.0' },
    // JSR packages, as the npm-compatible registry names them: by the key, or by the name the spec gives.
    { key: '@std/path', spec: 'jsr:^1.0.8', id: 'npm:@jsr/std__path', versionSpec: '^1.0.8' },
    { key: 'path', spec: 'jsr:@std/path@^1.0.8', id: 'npm:@jsr/std__path', versionSpec: '^1.0.8' },
  ])('"$key": "$spec" -> $id, which no fix rewrites (it would drop the protocol)', ({ key, spec, id, versionSpec }) => {
    const [declaration] = readPackageJson(`{"dependencies": {"${key}": "${spec}"}}`).declarations;
    expect([declaration?.id, declaration?.versionSpec, declaration?.rewrite]).toEqual([id, versionSpec, undefined]);
  });
});

describe('readPackageJson: git, URL, path and workspace specs are direct references', () => {
  it.each<{ spec: string; kind: DirectReference['kind'] | undefined; relation: Relation }>([
    { spec: 'git+https://github.com/vuejs/core.git#v3.4.0', kind: 'vcs', relation: 'direct' },
    { spec: 'git+ssh://git@github.com/org/repo.git', kind: 'vcs', relation: 'direct' },
    { spec: 'git://github.com/org/repo.git', kind: 'vcs', relation: 'direct' },
    { spec: 'github:org/repo', kind: 'vcs', relation: 'direct' },
    { spec: 'gitlab:org/repo', kind: 'vcs', relation: 'direct' },
    { spec: 'org/repo#main', kind: 'vcs', relation: 'direct' },
    { spec: 'https://example.com/pkg-1.0.0.tgz', kind: 'url', relation: 'direct' },
    { spec: 'file:../local-pkg', kind: 'path', relation: 'direct' },
    { spec: 'link:../linked', kind: 'path', relation: 'direct' },
    // Yarn's portal: a linked folder whose own dependencies are installed too.
    { spec: 'portal:../shared', kind: 'path', relation: 'direct' },
    { spec: './vendor/pkg', kind: 'path', relation: 'direct' },
    { spec: 'workspace:*', kind: 'path', relation: 'workspace' },
    { spec: 'workspace:^1.0.0', kind: 'path', relation: 'workspace' },
    { spec: '^1.2.3', kind: undefined, relation: 'direct' },
    { spec: 'latest', kind: undefined, relation: 'direct' },
    { spec: '1.x || >=2.5.0', kind: undefined, relation: 'direct' },
  ])('$spec', ({ spec, kind, relation }) => {
    const text = `{"dependencies": {"dep": "${spec}"}}`;
    const { declarations, problems } = readPackageJson(text);
    expect(problems).toEqual([]);
    expect(declarations).toEqual([
      {
        id: 'npm:dep',
        ecosystem: 'npm',
        name: 'dep',
        relation,
        group: 'dependencies',
        range: lsp(0, 19, 22),
        versionSpec: spec,
        ...(kind ? { directReference: { kind, target: spec } } : {}),
        rewrite: { syntax: 'package-json', range: lsp(0, 18, 27 + spec.length), hasVersion: true },
      },
    ]);
  });
});

describe('readPackageJson: positions', () => {
  it('counts an emoji earlier on the same line as two UTF-16 code units', () => {
    const text = '{ "description": "smile 😀", "dependencies": { "left-pad": "1.3.0" } }';
    const [declaration] = readPackageJson(text).declarations;
    // 48 in UTF-16 code units (47 code points, 50 UTF-8 bytes).
    expect(declaration?.range).toEqual(lsp(0, 48, 56));
    expect(declaration?.range).toEqual(shrink(rangeOf(text, '"left-pad"')));
  });

  it('counts Cyrillic text before a key as one unit per letter', () => {
    const text = '{"description": "Привет", "license": "Apache-2.0", "dependencies": {"axios": "1"}}';
    const { declarations, licenses } = readPackageJson(text);
    expect(licenses).toEqual([{ value: 'Apache-2.0', range: lsp(0, 38, 48), dialect: 'spdx' }]);
    expect(declarations.map((d) => d.range)).toEqual([lsp(0, 69, 74)]);
    expect(declarations.map((d) => d.range)).toEqual([shrink(rangeOf(text, '"axios"'))]);
  });

  it('reads CRLF files with the same ranges as LF', () => {
    const text = '{\r\n  "dependencies": {\r\n    "a": "1",\r\n    "bb": "2"\r\n  }\r\n}\r\n';
    expect(readPackageJson(text).declarations.map((d) => [d.name, d.range])).toEqual([
      ['a', lsp(2, 5, 6)],
      ['bb', lsp(3, 5, 7)],
    ]);
  });

  it('a dependency without a string spec has no versionSpec and hasVersion false', () => {
    const [declaration] = readPackageJson('{"dependencies": {"a": null}}').declarations;
    expect(declaration).toEqual({
      id: 'npm:a',
      ecosystem: 'npm',
      name: 'a',
      relation: 'direct',
      group: 'dependencies',
      range: lsp(0, 19, 20),
      rewrite: { syntax: 'package-json', range: lsp(0, 18, 27), hasVersion: false },
    });
  });

  it('a licence that is not a string is not read', () => {
    expect(readPackageJson('{"license": {"type": "MIT"}}').licenses).toEqual([]);
  });
});

describe('readPackageJson: half-typed and broken files', () => {
  const head = ['{', '  "license": "MIT",', '  "dependencies": {', '    "a": "1",', '    "b": "2",'];

  const before = [
    ['npm:a', lsp(3, 5, 6), '1'],
    ['npm:b', lsp(4, 5, 6), '2'],
  ];

  it.each([
    // The dependency being typed is not a component yet: its name or spec is incomplete.
    { title: 'cut inside a version string', tail: '    "c": "^', problem: lsp(5, 9, 11), expected: before },
    { title: 'cut inside a name', tail: '    "chal', problem: lsp(5, 4, 9), expected: before },
    { title: 'cut after a comma', tail: '    ', problem: lsp(5, 4, 4), expected: before },
    // A complete name before the error is a component (without a version yet).
    { title: 'cut after the colon', tail: '    "c":', problem: lsp(5, 8, 8), expected: [...before, ['npm:c', lsp(5, 5, 6), undefined]] },
    { title: 'cut after a complete dependency', tail: '    "c": "3"', problem: lsp(5, 12, 12), expected: [...before, ['npm:c', lsp(5, 5, 6), '3']] },
  ])('$title: the components before the error and exactly one problem at it', ({ tail, problem, expected }) => {
    const text = [...head, tail].join('\n');
    const result = readPackageJson(text);
    expect(result.declarations.map((d) => [d.id, d.range, d.versionSpec])).toEqual(expected);
    expect(result.licenses).toEqual([{ value: 'MIT', range: lsp(1, 14, 17), dialect: 'spdx' }]);
    expect(result.problems).toEqual([{ message: expect.stringMatching(/^package\.json is not valid JSON: /), range: problem }]);
  });

  it('a string broken by a newline does not turn the rest of the line into a component', () => {
    const text = '{"dependencies": {"a": "1", "c": "1\n", "e": "2"}}';
    const result = readPackageJson(text);
    expect(result.declarations.map((d) => d.id)).toEqual(['npm:a']);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.range).toEqual(lsp(0, 33, 35));
  });

  it('a trailing comma is one problem and loses no component', () => {
    const text = '{\n  "scripts": { "build": "tsc", },\n  "dependencies": { "a": "1", "b": "2" }\n}';
    const result = readPackageJson(text);
    expect(result.declarations.map((d) => [d.id, d.range])).toEqual([
      ['npm:a', lsp(2, 21, 22)],
      ['npm:b', lsp(2, 31, 32)],
    ]);
    expect(result.problems).toEqual([{ message: 'package.json is not valid JSON: property name expected', range: lsp(1, 31, 32) }]);
  });

  it.each([
    { text: '[1, 2]', range: lsp(0, 0, 6), found: 'array' },
    { text: '"react"', range: lsp(0, 0, 7), found: 'string' },
    { text: '\n  42\n', range: lsp(1, 2, 4), found: 'number' },
    { text: 'null', range: lsp(0, 0, 4), found: 'null' },
  ])('a non-object root ($found) is a problem and yields nothing', ({ text, range, found }) => {
    expect(readPackageJson(text)).toEqual({
      declarations: [],
      licenses: [],
      problems: [{ message: `package.json must hold a JSON object (found ${found})`, range }],
      includes: [],
    });
  });

  it.each([
    { text: '', range: lsp(0, 0, 0) },
    { text: '[{"dependencies": {"a": "1"}}', range: lsp(0, 29, 29) },
    { text: '// comment\n{"dependencies": {"a": "1"}}', range: lsp(0, 0, 10) },
  ])('invalid JSON $text is exactly one problem', ({ text, range }) => {
    const result = readPackageJson(text);
    expect(result.problems).toEqual([{ message: expect.stringMatching(/^package\.json is not valid JSON: /), range }]);
  });
});

describe('readPackageJson: what npm would not read as written', () => {
  it('says that a dependency section that is a list or a string is not read, rather than reading it as none', () => {
    const result = readPackageJson('{\n  "dependencies": ["openai@^4.0.0", "telegraf"],\n  "devDependencies": "vitest"\n}\n');
    expect(result.declarations).toEqual([]);
    expect(result.problems).toEqual([
      { message: '"dependencies" must map package names to versions (it is a list): not read', range: lsp(1, 3, 15) },
      { message: '"devDependencies" must map package names to versions (it is a string): not read', range: lsp(2, 3, 18) },
    ]);
  });

  it('takes keys named like built-in properties (constructor, toString) for what they are: no dependency sections', () => {
    const result = readPackageJson('{"constructor": {"a": "1"}, "toString": {"b": "2"}, "dependencies": {"c": "1"}}');
    expect(result.declarations.map((d) => [d.id, d.relation])).toEqual([['npm:c', 'direct']]);
    expect(result.problems).toEqual([]);
  });

  it('reads the last of a section or a dependency given twice, as JSON.parse (and so npm) does, and says so', () => {
    const text = '{\n  "dependencies": {"openai": "^3.0.0"},\n  "dependencies": {"zod": "^3.0.0", "zod": "^3.23.0"}\n}\n';
    const result = readPackageJson(text);
    expect(result.declarations.map((d) => [d.id, d.versionSpec, d.range])).toEqual([['npm:zod', '^3.23.0', lsp(2, 37, 40)]]);
    expect(result.problems).toEqual([
      { message: '"dependencies" is given more than once: npm reads the last one', range: lsp(1, 3, 15) },
      { message: '"zod" is given more than once: npm reads the last one', range: lsp(2, 20, 23) },
    ]);
  });
});
