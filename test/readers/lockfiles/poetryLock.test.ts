// poetry.lock, lock format 2.x (hashes in `files`) and 1.x (`[metadata.files]`, `category`): packages by
// normalised name and version, edges by name (to every locked version), sources, exact name ranges.
import { describe, expect, it } from 'vitest';
import { readPoetryLock } from '../../../server/src/readers/lockfiles/poetryLock';
import { lsp } from '../../helpers/ranges';
import { type Expected, fixture, keys, pypi, withoutLocate } from './fixtures';

describe('readPoetryLock: lock format 2.0', () => {
  const result = readPoetryLock(fixture('poetry.lock'));

  it('reads every package with no problem, and no importer dependencies (pyproject.toml says those)', () => {
    expect(result.problems).toEqual([]);
    expect(keys(result)).toEqual([
      'certifi@2024.7.4',
      'numpy@1.24.4',
      'numpy@1.26.4',
      'private-utils@0.4.0',
      'pyyaml-fork@6.0.1',
      'requests@2.32.3',
      'shared-lib@0.1.0',
      'urllib3@2.2.2',
    ]);
    expect(result.importers).toEqual(new Map([['', []]]));
  });

  it.each<[string, Expected]>([
    ['certifi@2024.7.4', pypi('certifi', 'certifi', '2024.7.4')],
    // A private index (`legacy`) serves registry releases.
    ['private-utils@0.4.0', pypi('private-utils', 'private-utils', '0.4.0')],
    [
      'pyyaml-fork@6.0.1',
      pypi('pyyaml-fork', 'pyyaml-fork', '6.0.1', {
        hashes: false,
        source: { kind: 'vcs', target: 'https://github.com/acme/pyyaml.git@b5d8b4c8d0a8f2e1c3b4a5d6e7f8091a2b3c4d5e' },
      }),
    ],
    // numpy is locked twice (for different Pythons): requests depends on both.
    ['requests@2.32.3', pypi('requests', 'requests', '2.32.3', { dependencies: ['certifi@2024.7.4', 'numpy@1.24.4', 'numpy@1.26.4', 'urllib3@2.2.2'] })],
    ['shared-lib@0.1.0', pypi('shared-lib', 'shared-lib', '0.1.0', { hashes: false, source: { kind: 'path', target: '../shared-lib' }, dependencies: ['requests@2.32.3'] })],
  ])('%s', (key, expected) => {
    expect(withoutLocate(result.packages.get(key))).toEqual(expected);
  });

  it.each([
    ['certifi@2024.7.4', lsp(3, 8, 15)],
    // The second numpy table, not the first.
    ['numpy@1.26.4', lsp(24, 8, 13)],
    ['urllib3@2.2.2', lsp(102, 8, 15)],
  ])('locates %s', (key, range) => {
    expect(result.packages.get(key)!.locate()).toEqual(range);
  });
});

describe('readPoetryLock: lock format 1.1', () => {
  const result = readPoetryLock(fixture('poetry-legacy.lock'));

  it.each<[string, Expected]>([
    ['attrs@21.4.0', pypi('attrs', 'attrs', '21.4.0', { dev: false })],
    // The name as written, hashes found under `[metadata.files]` by normalised name.
    ['pygments@2.11.2', pypi('pygments', 'Pygments', '2.11.2', { dev: true })],
    ['pytest@7.0.1', pypi('pytest', 'pytest', '7.0.1', { dev: true, hashes: false, dependencies: ['attrs@21.4.0', 'pygments@2.11.2'] })],
  ])('%s', (key, expected) => {
    expect(withoutLocate(result.packages.get(key))).toEqual(expected);
  });

  it('locates a package by the name as written', () => {
    expect(result.problems).toEqual([]);
    expect(result.packages.get('pygments@2.11.2')!.locate()).toEqual(lsp(9, 8, 16));
  });
});

describe('readPoetryLock: broken files', () => {
  it('reports TOML that does not parse, where it stops', () => {
    expect(readPoetryLock('[[package]]\nname = "a"\nversion = 1.0.0\n').problems).toEqual([
      { message: 'poetry.lock is not valid TOML: illegal character in numeric literal', range: lsp(2, 13, 2, 13) },
    ]);
  });

  it('reports `package` that is not an array of tables', () => {
    expect(readPoetryLock('package = "x"\n').problems).toEqual([{ message: 'poetry.lock: expected [[package]] tables', range: lsp(0, 0, 0) }]);
  });
});
