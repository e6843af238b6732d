// pnpm-lock.yaml 5.4, 6.0, 7.0 and 9.0: keys as pnpm writes them, edges through dependency paths (peer
// suffixes included), `link:` folders as packages, dev-only packages from the graph, importers, ranges.
import { describe, expect, it } from 'vitest';
import { readPnpmLock } from '../../../server/src/readers/lockfiles/pnpmLock';
import { lsp } from '../../helpers/ranges';
import { type Expected, fixture, keys, npm, withoutLocate } from './fixtures';

/** pnpm's graph says of every package whether it is dev-only. */
const row = (name: string, version: string | undefined, extra: Partial<Expected> = {}) => npm(name, version, { dev: false, ...extra });

describe('readPnpmLock: 5.4, a single project (sections at the top level)', () => {
  const result = readPnpmLock(fixture('pnpm-v5.yaml'));

  it.each<[string, Expected]>([
    ['/@babel/core/7.23.0_supports-color@8.1.1', row('@babel/core', '7.23.0', { dev: true, dependencies: ['/debug/4.3.4_supports-color@8.1.1'] })],
    ['/debug/4.3.4', row('debug', '4.3.4', { dependencies: ['/ms/2.1.2'] })],
    // The same version twice: once per set of resolved peers.
    ['/debug/4.3.4_supports-color@8.1.1', row('debug', '4.3.4', { dev: true, dependencies: ['/ms/2.1.2', '/supports-color/8.1.1'] })],
    ['/ms/2.1.2', row('ms', '2.1.2')],
    ['/string-width/4.2.3', row('string-width', '4.2.3')],
    ['/supports-color/8.1.1', row('supports-color', '8.1.1', { dev: true })],
  ])('%s', (key, expected) => {
    expect(withoutLocate(result.packages.get(key))).toEqual(expected);
  });

  it('reads the top-level sections as the root importer (an alias through its dependency path)', () => {
    expect(result.problems).toEqual([]);
    expect(keys(result)).toHaveLength(6);
    expect(result.importers).toEqual(new Map([['', ['/debug/4.3.4', '/string-width/4.2.3', '/@babel/core/7.23.0_supports-color@8.1.1']]]));
  });

  it('locates an entry by its key in `packages`', () => {
    expect(result.packages.get('/debug/4.3.4_supports-color@8.1.1')!.locate()).toEqual(lsp(35, 2, 35));
  });
});

describe('readPnpmLock: 6.0 with three importers', () => {
  const result = readPnpmLock(fixture('pnpm-v6-workspace.yaml'));
  const isNegative = 'github.com/kevva/is-negative/1d7e288222b53a0cab90a331f1865220ec29560c';

  it.each<[string, Expected]>([
    ['/loose-envify@1.4.0', row('loose-envify', '1.4.0', { dependencies: ['/js-tokens@4.0.0'] })],
    ['/react-dom@18.3.1(react@18.3.1)', row('react-dom', '18.3.1', { dependencies: ['/loose-envify@1.4.0', '/react@18.3.1', '/scheduler@0.23.2'] })],
    ['/typescript@5.4.5', row('typescript', '5.4.5', { dev: true })],
    // A git dependency: its name and version are fields of the entry, not parts of its key.
    [
      isNegative,
      row('is-negative', '1.0.0', {
        hashes: false,
        source: { kind: 'vcs', target: 'https://codeload.github.com/kevva/is-negative/tar.gz/1d7e288222b53a0cab90a331f1865220ec29560c' },
      }),
    ],
    // A workspace member linked from another: first-party, depending on what the member declares for run time.
    ['link:packages/core', row('@acme/core', undefined, { hashes: false, source: { kind: 'workspace', target: 'packages/core' }, dependencies: ['/lodash@4.17.21'] })],
  ])('%s', (key, expected) => {
    expect(withoutLocate(result.packages.get(key))).toEqual(expected);
  });

  it('gives each importer its direct dependencies', () => {
    expect(result.problems).toEqual([]);
    expect(result.importers).toEqual(
      new Map([
        ['', ['/typescript@5.4.5']],
        ['packages/core', ['/lodash@4.17.21', '/typescript@5.4.5']],
        ['packages/web', ['link:packages/core', isNegative, '/react-dom@18.3.1(react@18.3.1)']],
      ]),
    );
  });

  it.each([
    ['/react-dom@18.3.1(react@18.3.1)', lsp(53, 2, 33)],
    [isNegative, lsp(82, 2, 71)],
    // A link is where an importer names it.
    ['link:packages/core', lsp(28, 17, 29)],
  ])('locates %s', (key, range) => {
    expect(result.packages.get(key)!.locate()).toEqual(range);
  });
});

describe('readPnpmLock: 9.0 (packages + snapshots) with three importers', () => {
  const result = readPnpmLock(fixture('pnpm-v9-workspace.yaml'));
  const myFork = 'my-fork@https://codeload.github.com/acme/my-fork/tar.gz/4b825dc642cb6eb9a060e54bf8d69288fbee4904';

  it('keys packages by snapshot (peer suffix included)', () => {
    expect(result.problems).toEqual([]);
    expect(keys(result)).toEqual([
      '@types/prop-types@15.7.12',
      '@types/react@18.3.3',
      'js-tokens@4.0.0',
      'local-lib@file:vendor/local-lib',
      'loose-envify@1.4.0',
      myFork,
      'react-dom@18.3.1(react@18.3.1)',
      'react@18.3.1',
      'scheduler@0.23.2',
      'string-width@4.2.3',
      'typescript@5.4.5',
      'link:packages/core',
    ]);
  });

  it.each<[string, Expected]>([
    // Only a dev dependency leads to them.
    ['@types/prop-types@15.7.12', row('@types/prop-types', '15.7.12', { dev: true })],
    ['@types/react@18.3.3', row('@types/react', '18.3.3', { dev: true, dependencies: ['@types/prop-types@15.7.12'] })],
    // A `file:` folder inside the lockfile's folder is the project's own code.
    ['local-lib@file:vendor/local-lib', row('local-lib', undefined, { hashes: false, source: { kind: 'workspace', target: 'vendor/local-lib' } })],
    [myFork, row('my-fork', '1.2.0', { hashes: false, source: { kind: 'vcs', target: 'https://codeload.github.com/acme/my-fork/tar.gz/4b825dc642cb6eb9a060e54bf8d69288fbee4904' } })],
    // Metadata from `packages` (react-dom@18.3.1), edges from the snapshot.
    ['react-dom@18.3.1(react@18.3.1)', row('react-dom', '18.3.1', { dependencies: ['loose-envify@1.4.0', 'react@18.3.1', 'scheduler@0.23.2'] })],
    ['typescript@5.4.5', row('typescript', '5.4.5', { dev: true })],
    ['link:packages/core', row('@acme/core', undefined, { hashes: false, source: { kind: 'workspace', target: 'packages/core' } })],
  ])('%s', (key, expected) => {
    expect(withoutLocate(result.packages.get(key))).toEqual(expected);
  });

  it('gives each importer its direct dependencies; an alias resolves to the package it installs', () => {
    expect(result.importers).toEqual(
      new Map([
        ['', ['string-width@4.2.3', 'typescript@5.4.5']],
        ['packages/core', []],
        ['packages/web', ['link:packages/core', 'local-lib@file:vendor/local-lib', myFork, 'react-dom@18.3.1(react@18.3.1)', '@types/react@18.3.3']],
      ]),
    );
  });

  it.each([
    ['@types/react@18.3.3', lsp(44, 3, 22)],
    // A snapshot is located at its `packages` entry, where the resolution is.
    ['react-dom@18.3.1(react@18.3.1)', lsp(61, 2, 18)],
    ['typescript@5.4.5', lsp(77, 2, 18)],
  ])('locates %s', (key, range) => {
    expect(result.packages.get(key)!.locate()).toEqual(range);
  });
});

describe('readPnpmLock: 7.0 (pnpm 9 previews, v6-style keys)', () => {
  it('is read by its shape, like the others', () => {
    const text = [
      "lockfileVersion: '7.0'",
      'importers:',
      '  .:',
      '    dependencies:',
      '      ms:',
      '        specifier: ^2.1.3',
      '        version: 2.1.3',
      'packages:',
      '  /ms@2.1.3:',
      '    resolution: {integrity: sha512-6FlzubTLZG3J2a/NVCAleEhjzq5oxgHyaCU9yYXvcLsvoVaHJq/s5xXI6/XXP6tz7R9xAOtHnSO/tXtF3WRTlA==}',
      '',
    ].join('\n');
    const result = readPnpmLock(text);
    expect(result.problems).toEqual([]);
    expect(withoutLocate(result.packages.get('/ms@2.1.3'))).toEqual(row('ms', '2.1.3'));
    expect(result.importers).toEqual(new Map([['', ['/ms@2.1.3']]]));
    expect(result.packages.get('/ms@2.1.3')!.locate()).toEqual(lsp(8, 2, 11));
  });
});

describe('readPnpmLock: broken files', () => {
  it('reports YAML that does not parse, where it stops', () => {
    expect(readPnpmLock("lockfileVersion: '9.0'\npackages:\n  a@1.0.0: {resolution: {integrity: x}\n").problems).toEqual([
      { message: 'pnpm-lock.yaml is not valid YAML: unexpected end of the stream within a flow collection', range: lsp(3, 0, 3, 0) },
    ]);
  });

  it('reports a document that is not a mapping', () => {
    expect(readPnpmLock('just text\n').problems).toEqual([{ message: 'pnpm-lock.yaml: expected a YAML mapping', range: lsp(0, 0, 0) }]);
  });

  it('survives an alias bomb without expanding it', () => {
    // Ten levels of nine references each: a billion leaves if anything walked it.
    const levels = 'abcdefghij'.split('');
    const bomb = [
      'a: &a {x: 1.0.0}',
      ...levels.slice(1).map((name, i) => `${name}: &${name} {${[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `${name}${n}: *${levels[i]}`).join(', ')}}`),
      'packages:',
      '  x@1.0.0:',
      '    dependencies: *j',
      '',
    ].join('\n');
    const result = readPnpmLock(bomb);
    expect(result.problems).toEqual([]);
    expect(keys(result)).toEqual(['x@1.0.0']);
  });
});

describe('readPnpmLock: where each importer’s spec is recorded (a pin changes it there too)', () => {
  /** The text at the range the lockfile gives for `name` in `importer`. */
  const specText = (file: string, importer: string, name: string) => {
    const text = fixture(file);
    const range = readPnpmLock(text).specifierAt!(importer, name);
    if (!range) return undefined;
    const line = text.split('\n')[range.start.line]!;
    expect(range.end.line).toBe(range.start.line);
    return line.slice(range.start.character, range.end.character);
  };

  it.each([
    // 5.4: `specifiers` at the top level, apart from the versions.
    ['pnpm-v5.yaml', '', '@babel/core', '^7.23.0'],
    ['pnpm-v5.yaml', '', 'string-width-cjs', 'npm:string-width@^4.2.0'],
    // 6.0 and 9.0: `{ specifier, version }` under each importer ('' for the lockfile's own folder).
    ['pnpm-v6-workspace.yaml', '', 'typescript', '^5.4.5'],
    ['pnpm-v6-workspace.yaml', 'packages/core', 'lodash', '^4.17.21'],
    ['pnpm-v9-workspace.yaml', '', 'string-width-cjs', 'npm:string-width@^4.2.0'],
    ['pnpm-v9-workspace.yaml', 'packages/web', '@acme/core', 'workspace:*'],
    ['pnpm-v9-workspace.yaml', 'packages/web', 'my-fork', 'github:acme/my-fork#v1.2.0'],
  ])('%s: %s %s is recorded as %s', (file, importer, name, spec) => {
    expect(specText(file, importer, name)).toBe(spec);
  });

  it('has no spec for a name an importer does not declare, nor for another importer’s', () => {
    expect(specText('pnpm-v9-workspace.yaml', 'packages/core', 'typescript')).toBeUndefined();
    expect(specText('pnpm-v9-workspace.yaml', '', 'my-fork')).toBeUndefined();
  });

  it('gives the exact range of the value', () => {
    expect(readPnpmLock(fixture('pnpm-v9-workspace.yaml')).specifierAt!('', 'typescript')).toEqual(lsp(15, 19, 25));
  });
});
