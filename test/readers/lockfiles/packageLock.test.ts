// package-lock.json / npm-shrinkwrap.json, versions 1 to 3: every package with its path key, edges as
// Node resolves them (nested copies first), workspace members as importers, and exact entry ranges.
import { describe, expect, it } from 'vitest';
import { readPackageLock } from '../../../server/src/readers/lockfiles/packageLock';
import { lsp } from '../../helpers/ranges';
import { type Expected, fixture, keys, npm, withoutLocate } from './fixtures';

/** npm says of every package whether it is dev-only. */
const row = (name: string, version: string | undefined, extra: Partial<Expected> = {}) => npm(name, version, { dev: false, ...extra });

describe('readPackageLock: lockfileVersion 1 (nested dependencies)', () => {
  const text = fixture('package-lock-v1.json');
  const result = readPackageLock(text);

  it('reads every entry, nested ones under version-2 path keys, with no problem', () => {
    expect(result.problems).toEqual([]);
    expect(keys(result)).toEqual([
      'node_modules/debug',
      'node_modules/debug/node_modules/ms',
      'node_modules/left-pad',
      'node_modules/local-utils',
      'node_modules/ms',
      'node_modules/string-width-cjs',
    ]);
  });

  it.each<[string, Expected]>([
    ['node_modules/debug', row('debug', '2.6.9', { dependencies: ['node_modules/debug/node_modules/ms'] })],
    ['node_modules/debug/node_modules/ms', row('ms', '2.0.0')],
    [
      'node_modules/left-pad',
      row('left-pad', undefined, {
        hashes: false,
        source: { kind: 'vcs', target: 'git+https://github.com/acme/left-pad.git#2fca4e7b4a6b1e3c3f1e0f2d8f7a9b0c1d2e3f40' },
      }),
    ],
    ['node_modules/local-utils', row('local-utils', undefined, { hashes: false, source: { kind: 'path', target: '../local-utils' } })],
    ['node_modules/ms', row('ms', '2.1.3', { dev: true })],
    // An alias: installed as string-width-cjs, the package is string-width; `requires` resolves up the tree.
    ['node_modules/string-width-cjs', row('string-width', '4.2.3', { dependencies: ['node_modules/ms'] })],
  ])('%s', (key, expected) => {
    expect(withoutLocate(result.packages.get(key))).toEqual(expected);
  });

  it('records no importer dependencies: version 1 does not say which are direct (findKey maps them)', () => {
    expect(result.importers).toEqual(new Map([['', []]]));
  });

  it.each([
    ['node_modules/debug', lsp(6, 5, 10)],
    // The nested copy, not the `"ms": "2.0.0"` of `requires` two lines above it.
    ['node_modules/debug/node_modules/ms', lsp(14, 9, 11)],
    ['node_modules/ms', lsp(28, 5, 7)],
  ])('locates %s', (key, range) => {
    expect(result.packages.get(key)!.locate()).toEqual(range);
  });
});

describe('readPackageLock: lockfileVersion 2 (packages map, legacy tree ignored)', () => {
  const result = readPackageLock(fixture('package-lock-v2.json'));

  it.each<[string, Expected]>([
    ['node_modules/debug', row('debug', '2.6.9', { dependencies: ['node_modules/debug/node_modules/ms'] })],
    ['node_modules/debug/node_modules/ms', row('ms', '2.0.0')],
    ['node_modules/ms', row('ms', '2.1.3', { dev: true })],
  ])('%s', (key, expected) => {
    expect(withoutLocate(result.packages.get(key))).toEqual(expected);
  });

  it('reads the root entry as the importer: dependencies and devDependencies', () => {
    expect(result.problems).toEqual([]);
    expect(keys(result)).toHaveLength(3);
    expect(result.importers).toEqual(new Map([['', ['node_modules/debug', 'node_modules/ms']]]));
  });

  it('locates entries in `packages`, before the legacy `dependencies` repeat them', () => {
    expect(result.packages.get('node_modules/debug/node_modules/ms')!.locate()).toEqual(lsp(24, 5, 39));
    expect(result.packages.get('node_modules/ms')!.locate()).toEqual(lsp(29, 5, 20));
  });
});

describe('readPackageLock: lockfileVersion 3 with workspaces (each package with the licence its package.json declares)', () => {
  const result = readPackageLock(fixture('package-lock-v3-workspaces.json'));

  it('reads installed packages; workspace folders and link targets are not packages themselves', () => {
    expect(result.problems).toEqual([]);
    expect(keys(result)).toEqual([
      'node_modules/@acme/core',
      'node_modules/@acme/web',
      'node_modules/js-tokens',
      'node_modules/lodash',
      'node_modules/loose-envify',
      'node_modules/my-fork',
      'node_modules/react',
      'node_modules/shared-lib',
      'node_modules/tiny-tarball',
      'node_modules/typescript',
      'packages/core/node_modules/lodash',
    ]);
  });

  it.each<[string, Expected]>([
    // Workspace links: first-party, with the member's version and dependencies, resolved from its folder.
    [
      'node_modules/@acme/core',
      row('@acme/core', '0.2.0', {
        hashes: false,
        source: { kind: 'workspace', target: 'packages/core' },
        dependencies: ['packages/core/node_modules/lodash', 'node_modules/tiny-tarball'],
      }),
    ],
    [
      'node_modules/@acme/web',
      row('@acme/web', '0.2.0', {
        hashes: false,
        source: { kind: 'workspace', target: 'packages/web' },
        dependencies: ['node_modules/@acme/core', 'node_modules/my-fork', 'node_modules/react'],
      }),
    ],
    ['node_modules/js-tokens', row('js-tokens', '4.0.0', { license: 'MIT' })],
    ['node_modules/lodash', row('lodash', '4.17.21', { license: 'MIT' })],
    ['node_modules/loose-envify', row('loose-envify', '1.4.0', { license: 'MIT', dependencies: ['node_modules/js-tokens'] })],
    [
      'node_modules/my-fork',
      row('my-fork', '1.2.0', { license: 'MIT', hashes: false, source: { kind: 'vcs', target: 'git+ssh://git@github.com/acme/my-fork.git#4b825dc642cb6eb9a060e54bf8d69288fbee4904' } }),
    ],
    ['node_modules/react', row('react', '18.3.1', { license: 'MIT', dependencies: ['node_modules/loose-envify'] })],
    // A `file:` folder outside the lockfile's folder is a path dependency, not the project's own code.
    [
      'node_modules/shared-lib',
      row('shared-lib', '0.1.0', { hashes: false, source: { kind: 'path', target: '../shared-lib' }, dependencies: ['node_modules/lodash'] }),
    ],
    // Not a registry tarball (`…/name/-/name-version.tgz`): a URL dependency.
    ['node_modules/tiny-tarball', row('tiny-tarball', '1.0.0', { license: 'ISC', source: { kind: 'url', target: 'https://files.example.com/tiny-tarball-1.0.0.tgz' } })],
    ['node_modules/typescript', row('typescript', '5.4.5', { dev: true, license: 'Apache-2.0' })],
    ['packages/core/node_modules/lodash', row('lodash', '3.10.1', { license: 'MIT' })],
  ])('%s', (key, expected) => {
    expect(withoutLocate(result.packages.get(key))).toEqual(expected);
  });

  it('gives each importer its direct dependencies (runtime and dev), resolved from its own folder', () => {
    expect(result.importers).toEqual(
      new Map([
        ['', ['node_modules/lodash', 'node_modules/shared-lib', 'node_modules/typescript']],
        ['packages/core', ['packages/core/node_modules/lodash', 'node_modules/tiny-tarball']],
        ['packages/web', ['node_modules/@acme/core', 'node_modules/my-fork', 'node_modules/react', 'node_modules/typescript']],
      ]),
    );
  });

  it.each([
    ['node_modules/@acme/core', lsp(27, 5, 28)],
    ['node_modules/typescript', lsp(86, 5, 28)],
    ['packages/core/node_modules/lodash', lsp(108, 5, 38)],
  ])('locates %s', (key, range) => {
    expect(result.packages.get(key)!.locate()).toEqual(range);
  });
});

describe('readPackageLock: npm-shrinkwrap.json', () => {
  it('is read as a package-lock', () => {
    const result = readPackageLock(fixture('npm-shrinkwrap.json'));
    expect(withoutLocate(result.packages.get('node_modules/picocolors'))).toEqual(row('picocolors', '1.1.1', { license: 'ISC' }));
    expect(result.importers).toEqual(new Map([['', ['node_modules/picocolors']]]));
    expect(result.packages.get('node_modules/picocolors')!.locate()).toEqual(lsp(16, 5, 28));
  });
});

describe('readPackageLock: broken files', () => {
  it('keeps the entries before a syntax error, and reports the error where it is', () => {
    const text = '{\n  "lockfileVersion": 3,\n  "packages": {\n    "node_modules/a": { "version": "1.0.0" },\n    "node_modules/b": { "version": ';
    const result = readPackageLock(text);
    expect(result.problems).toEqual([{ message: 'npm lockfile is not valid JSON: value expected', range: lsp(4, 35, 4, 35) }]);
    expect(withoutLocate(result.packages.get('node_modules/a'))).toEqual(row('a', '1.0.0', { hashes: false }));
  });

  it('says so when the JSON is not an object', () => {
    expect(readPackageLock('[1, 2]').problems).toEqual([{ message: 'npm lockfile: expected a JSON object', range: lsp(0, 0, 0) }]);
  });

  it('stops a version-1 tree nested deeper than a file system path can go, with one problem at the last entry read', () => {
    const depth = 20_000;
    const text = `{"lockfileVersion":1,"dependencies":${'{"a":{"version":"1.0.0","dependencies":'.repeat(depth)}{}${'}}'.repeat(depth)}}`;
    const result = readPackageLock(text);
    // The path of level k is k × `node_modules/a` joined by `/`: 15k − 1 characters, past 4,096 at k = 274.
    expect(result.packages.size).toBe(274);
    // Its key `"a"`: after the 36-character preamble and 273 levels of 39 characters, past `{"`.
    const at = 36 + 273 * 39 + 2;
    expect(result.problems).toEqual([
      { message: 'npm lockfile: dependencies nested deeper than a file system path can go; not read', range: lsp(0, at, at + 1) },
    ]);
  });
});
