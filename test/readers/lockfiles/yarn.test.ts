// yarn.lock, v1 and Berry: entries keyed by their locked version, the descriptors each serves, edges
// through those descriptors, Berry's workspaces as importers, and exact header ranges.
import { describe, expect, it } from 'vitest';
import { readYarnLock } from '../../../server/src/readers/lockfiles/yarn';
import { lsp } from '../../helpers/ranges';
import { type Expected, fixture, keys, npm, withoutLocate } from './fixtures';

describe('readYarnLock: v1', () => {
  const text = fixture('yarn-v1.lock');
  const result = readYarnLock(text);

  it('reads every entry with no problem', () => {
    expect(result.problems).toEqual([]);
    expect(keys(result)).toEqual([
      '@babel/code-frame@7.22.13',
      'fsevents@2.3.3',
      'js-tokens@4.0.0',
      'left-pad@1.3.0',
      'local-utils@0.1.0',
      'lodash@4.17.21',
      'my-fork@1.2.0',
      'string-width@4.2.3',
      'watcher@1.0.0',
      'web-tarball@2.0.0',
    ]);
  });

  it.each<[string, Expected]>([
    ['@babel/code-frame@7.22.13', npm('@babel/code-frame', '7.22.13', { dependencies: ['js-tokens@4.0.0'] })],
    ['js-tokens@4.0.0', npm('js-tokens', '4.0.0')],
    // `github:` shorthands are locked as a codeload tarball of one commit.
    [
      'left-pad@1.3.0',
      npm('left-pad', '1.3.0', {
        hashes: false,
        source: { kind: 'vcs', target: 'https://codeload.github.com/acme/left-pad/tar.gz/2fca4e7b4a6b1e3c3f1e0f2d8f7a9b0c1d2e3f40' },
      }),
    ],
    ['local-utils@0.1.0', npm('local-utils', '0.1.0', { hashes: false, source: { kind: 'path', target: '../local-utils' }, dependencies: ['lodash@4.17.21'] })],
    [
      'my-fork@1.2.0',
      npm('my-fork', '1.2.0', { hashes: false, source: { kind: 'vcs', target: 'git+https://github.com/acme/my-fork.git#4b825dc642cb6eb9a060e54bf8d69288fbee4904' } }),
    ],
    // An alias: `string-width-cjs@npm:string-width@^4.2.0` installs string-width.
    ['string-width@4.2.3', npm('string-width', '4.2.3')],
    // dependencies and optionalDependencies, each through the descriptor it names.
    ['watcher@1.0.0', npm('watcher', '1.0.0', { dependencies: ['@babel/code-frame@7.22.13', 'lodash@4.17.21', 'fsevents@2.3.3'] })],
    [
      'web-tarball@2.0.0',
      npm('web-tarball', '2.0.0', { hashes: false, source: { kind: 'url', target: 'https://files.example.com/web-tarball-2.0.0.tgz#0123456789abcdef0123456789abcdef01234567' } }),
    ],
  ])('%s', (key, expected) => {
    expect(withoutLocate(result.packages.get(key))).toEqual(expected);
  });

  it('maps every descriptor to its entry, and records no importer dependencies (v1 has none)', () => {
    expect(result.descriptors?.get('@babel/code-frame@^7.0.0')).toBe('@babel/code-frame@7.22.13');
    expect(result.descriptors?.get('@babel/code-frame@^7.22.13')).toBe('@babel/code-frame@7.22.13');
    expect(result.descriptors?.get('lodash@~4.17.0')).toBe('lodash@4.17.21');
    expect(result.descriptors?.get('string-width-cjs@npm:string-width@^4.2.0')).toBe('string-width@4.2.3');
    expect(result.descriptors?.size).toBe(12);
    expect(result.importers).toEqual(new Map([['', []]]));
  });

  it.each([
    // The whole header without its colon, and without the quotes at its ends (as JSON and YAML keys are placed).
    ['@babel/code-frame@7.22.13', lsp(4, 1, 55)],
    ['lodash@4.17.21', lsp(30, 0, 31)],
    ['web-tarball@2.0.0', lsp(54, 0, 59)],
  ])('locates %s', (key, range) => {
    expect(result.packages.get(key)!.locate()).toEqual(range);
  });

  it('reads CRLF line endings alike', () => {
    const crlf = readYarnLock(text.replace(/\n/g, '\r\n'));
    expect(crlf.problems).toEqual([]);
    expect([...crlf.packages.values()].map(withoutLocate)).toEqual([...result.packages.values()].map(withoutLocate));
    expect(crlf.packages.get('lodash@4.17.21')!.locate()).toEqual(lsp(30, 0, 31));
  });
});

describe('readYarnLock: Berry (Yarn 4, lockfile version 8) with workspaces', () => {
  const result = readYarnLock(fixture('yarn-berry.lock'));
  const patched = 'typescript@patch:typescript@npm%3A5.4.5#optional!builtin<compat/typescript>::version=5.4.5&hash=5adc0c';
  const myFork = 'my-fork@https://github.com/acme/my-fork.git#commit=4b825dc642cb6eb9a060e54bf8d69288fbee4904';
  const localUtils = 'local-utils@portal:../local-utils::locator=acme-monorepo%40workspace%3A.';

  it('keys entries by resolution; the root workspace is an importer, not a package', () => {
    expect(result.problems).toEqual([]);
    expect(keys(result)).toEqual([
      '@acme/core@workspace:packages/core',
      '@acme/web@workspace:packages/web',
      'js-tokens@npm:4.0.0',
      localUtils,
      'lodash@npm:4.17.21',
      'loose-envify@npm:1.4.0',
      myFork,
      'react@npm:18.3.1',
      'typescript@npm:5.4.5',
      patched,
    ]);
  });

  it.each<[string, Expected]>([
    [
      '@acme/core@workspace:packages/core',
      npm('@acme/core', undefined, { hashes: false, source: { kind: 'workspace', target: 'packages/core' }, dependencies: ['lodash@npm:4.17.21'] }),
    ],
    [
      '@acme/web@workspace:packages/web',
      npm('@acme/web', undefined, {
        hashes: false,
        source: { kind: 'workspace', target: 'packages/web' },
        // `workspace:^` names the member by its package name.
        dependencies: ['@acme/core@workspace:packages/core', myFork, 'react@npm:18.3.1', patched],
      }),
    ],
    [localUtils, npm('local-utils', undefined, { hashes: false, source: { kind: 'path', target: '../local-utils' } })],
    ['loose-envify@npm:1.4.0', npm('loose-envify', '1.4.0', { dependencies: ['js-tokens@npm:4.0.0'] })],
    [myFork, npm('my-fork', '1.2.0', { source: { kind: 'vcs', target: 'https://github.com/acme/my-fork.git#commit=4b825dc642cb6eb9a060e54bf8d69288fbee4904' } })],
    // A patched release is still the registry release.
    [patched, npm('typescript', '5.4.5')],
  ])('%s', (key, expected) => {
    expect(withoutLocate(result.packages.get(key))).toEqual(expected);
  });

  it('gives each workspace its direct dependencies', () => {
    expect(result.importers).toEqual(
      new Map([
        ['', [localUtils, 'lodash@npm:4.17.21']],
        ['packages/core', ['lodash@npm:4.17.21']],
        ['packages/web', ['@acme/core@workspace:packages/core', myFork, 'react@npm:18.3.1', patched]],
      ]),
    );
  });

  it.each([
    // The key between its quotes: every descriptor the entry serves.
    ['@acme/core@workspace:packages/core', lsp(7, 1, 59)],
    ['js-tokens@npm:4.0.0', lsp(35, 1, 31)],
    [patched, lsp(92, 1, 77)],
  ])('locates %s', (key, range) => {
    expect(result.packages.get(key)!.locate()).toEqual(range);
  });
});

describe('readYarnLock: Berry (Yarn 3, lockfile version 6)', () => {
  it('resolves dependency ranges written without the npm: protocol', () => {
    const result = readYarnLock(fixture('yarn-berry-v6.lock'));
    expect(result.problems).toEqual([]);
    expect(withoutLocate(result.packages.get('ms@npm:2.1.3'))).toEqual(npm('ms', '2.1.3'));
    expect(result.importers).toEqual(new Map([['', ['ms@npm:2.1.3']]]));
  });
});

describe('readYarnLock: broken files', () => {
  it.each([
    ['a v1 line that is no entry header', '# yarn lockfile v1\n\nlodash@^4.17.21\n  version "4.17.21"\n', 'yarn.lock: expected an entry header ending in ":", found "lodash@^4.17.21"', lsp(2, 0, 15)],
    ['a v1 field without a value', '# yarn lockfile v1\n\nlodash@^4.17.21:\n  version\n', 'yarn.lock: expected "key value", found "version"', lsp(3, 2, 9)],
    ['a v1 header with an open quote', '# yarn lockfile v1\n\n"lodash@^4.17.21:\n', 'yarn.lock: expected an entry header ending in ":", found ""lodash@^4.17.21:"', lsp(2, 0, 17)],
    ['Berry YAML that does not parse', '__metadata:\n  version: 8\n\n"lodash@npm:^4.17.21":\n  version: [4.17.21\n', 'yarn.lock is not valid YAML: unexpected end of the stream within a flow collection', lsp(5, 0, 5, 0)],
  ])('%s: one problem, where it is', (_title, text, message, range) => {
    expect(readYarnLock(text).problems).toEqual([{ message, range }]);
  });

  it('keeps reading v1 entries after a malformed line', () => {
    const result = readYarnLock('# yarn lockfile v1\n\nbroken\n\nms@^2.1.3:\n  version "2.1.3"\n');
    expect(result.problems).toHaveLength(1);
    expect(keys(result)).toEqual(['ms@2.1.3']);
  });
});
