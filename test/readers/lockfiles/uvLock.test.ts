// uv.lock: a workspace (root project and a member), git/url/directory sources, a package locked in two
// versions, hashes on sdist/wheels, dev-only packages from the dev groups, importers, exact name ranges.
import { describe, expect, it } from 'vitest';
import { readUvLock } from '../../../server/src/readers/lockfiles/uvLock';
import { lsp } from '../../helpers/ranges';
import { type Expected, fixture, keys, pypi, withoutLocate } from './fixtures';

/** uv's graph says of every package whether it is dev-only. */
const row = (id: string, version: string | undefined, extra: Partial<Expected> = {}) => pypi(id, id, version, { dev: false, ...extra });

describe('readUvLock: a workspace', () => {
  const result = readUvLock(fixture('uv.lock'));

  it('reads every package but the root project, which is the project itself', () => {
    expect(result.problems).toEqual([]);
    expect(keys(result)).toEqual([
      'acme-core@0.2.0',
      'httpx@0.27.0',
      'iniconfig@2.0.0',
      'numpy@1.26.4',
      'numpy@2.1.0',
      'pytest@8.3.2',
      'rich@13.7.1',
      'vendored-tokenizer@0.3.0',
    ]);
  });

  it.each<[string, Expected]>([
    // A member, depending on the exact versions it names.
    ['acme-core@0.2.0', row('acme-core', '0.2.0', { hashes: false, source: { kind: 'workspace', target: 'packages/core' }, dependencies: ['numpy@1.26.4', 'numpy@2.1.0'] })],
    [
      'httpx@0.27.0',
      row('httpx', '0.27.0', { hashes: false, source: { kind: 'vcs', target: 'https://github.com/encode/httpx?rev=0.27.0#5ab9e3b5a9bd6f9b7d0f6c7c0c4e1f8d2a3b4c5d' } }),
    ],
    // Reached only through pytest, a dev dependency.
    ['iniconfig@2.0.0', row('iniconfig', '2.0.0', { dev: true })],
    // Hashes on the sdist, or on a wheel.
    ['numpy@1.26.4', row('numpy', '1.26.4')],
    ['numpy@2.1.0', row('numpy', '2.1.0')],
    ['pytest@8.3.2', row('pytest', '8.3.2', { dev: true, dependencies: ['iniconfig@2.0.0'] })],
    // An optional dependency (extra `cli`) of the project is a runtime one.
    ['rich@13.7.1', row('rich', '13.7.1', { source: { kind: 'url', target: 'https://downloads.acme.example/rich-13.7.1-py3-none-any.whl' } })],
    ['vendored-tokenizer@0.3.0', row('vendored-tokenizer', '0.3.0', { hashes: false, source: { kind: 'path', target: '../vendor/tokenizer' } })],
  ])('%s', (key, expected) => {
    expect(withoutLocate(result.packages.get(key))).toEqual(expected);
  });

  it('gives the root and the member their direct dependencies: runtime, optional and dev groups', () => {
    expect(result.importers).toEqual(
      new Map([
        ['', ['acme-core@0.2.0', 'httpx@0.27.0', 'vendored-tokenizer@0.3.0', 'rich@13.7.1', 'pytest@8.3.2']],
        ['packages/core', ['numpy@1.26.4', 'numpy@2.1.0']],
      ]),
    );
  });

  it.each([
    ['acme-core@0.2.0', lsp(43, 8, 17)],
    ['numpy@2.1.0', lsp(72, 8, 13)],
    ['vendored-tokenizer@0.3.0', lsp(97, 8, 26)],
  ])('locates %s', (key, range) => {
    expect(result.packages.get(key)!.locate()).toEqual(range);
  });
});

describe('readUvLock: a single project without [manifest]', () => {
  it('takes the package at "." as the root importer', () => {
    const text = [
      'version = 1',
      'requires-python = ">=3.12"',
      '',
      '[[package]]',
      'name = "demo"',
      'version = "0.1.0"',
      'source = { virtual = "." }',
      'dependencies = [{ name = "idna" }]',
      '',
      '[[package]]',
      'name = "idna"',
      'version = "3.7"',
      'source = { registry = "https://pypi.org/simple" }',
      'sdist = { url = "https://files.pythonhosted.org/packages/idna-3.7.tar.gz", hash = "sha256:028ff3aadf0609c1fd278d8ea3089299412a7a8b9bd005dd08b9f8285bcb5cfc" }',
      '',
    ].join('\n');
    const result = readUvLock(text);
    expect(result.problems).toEqual([]);
    expect(keys(result)).toEqual(['idna@3.7']);
    expect(result.importers).toEqual(new Map([['', ['idna@3.7']]]));
    expect(result.packages.get('idna@3.7')!.locate()).toEqual(lsp(10, 8, 12));
  });
});

describe('readUvLock: broken files', () => {
  it('reports TOML that does not parse, where it stops', () => {
    expect(readUvLock('version = 1\n[[package]\nname = "a"\n').problems).toEqual([
      { message: 'uv.lock is not valid TOML: expected end of table array declaration', range: lsp(1, 10, 1, 10) },
    ]);
  });
});
