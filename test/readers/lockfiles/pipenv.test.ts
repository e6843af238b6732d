// Pipfile (a manifest: direct dependencies with their specifiers) and Pipfile.lock (the lock: exact
// versions and hashes, no edges), with their sources and exact name ranges.
import { describe, expect, it } from 'vitest';
import { readPipfile } from '../../../server/src/readers/lockfiles/pipfile';
import { readPipfileLock } from '../../../server/src/readers/lockfiles/pipfileLock';
import { lsp } from '../../helpers/ranges';
import { type Expected, fixture, keys, pypi, withoutLocate } from './fixtures';

/** A Pipfile entry: no hashes, and dev only under [dev-packages]. */
const entry = (id: string, name: string, extra: Partial<Expected> = {}) => pypi(id, name, undefined, { hashes: false, dev: false, ...extra });

describe('readPipfile', () => {
  const result = readPipfile(fixture('Pipfile'));

  it.each<[string, Expected]>([
    // "*" asks for nothing.
    ['requests', entry('requests', 'requests')],
    // `==` pins: the version is known.
    ['django', entry('django', 'Django', { version: '4.2.14', specifier: '==4.2.14' })],
    ['numpy', entry('numpy', 'numpy', { specifier: '>=1.26' })],
    ['zope-interface', entry('zope-interface', 'zope.interface', { specifier: '~=6.4' })],
    ['mylib', entry('mylib', 'mylib', { source: { kind: 'path', target: './libs/mylib' } })],
    ['flask', entry('flask', 'flask', { source: { kind: 'vcs', target: 'https://github.com/pallets/flask.git@3.0.3' } })],
    ['pytest', entry('pytest', 'pytest', { specifier: '>=8', dev: true })],
  ])('%s', (key, expected) => {
    expect(withoutLocate(result.packages.get(key))).toEqual(expected);
  });

  it('makes every entry a direct dependency of the one importer', () => {
    expect(result.problems).toEqual([]);
    expect(result.importers).toEqual(new Map([['', ['requests', 'django', 'numpy', 'zope-interface', 'mylib', 'flask', 'pytest']]]));
  });

  it.each([
    ['django', lsp(7, 0, 6)],
    // A quoted key: the name between the quotes.
    ['zope-interface', lsp(9, 1, 15)],
    ['pytest', lsp(14, 0, 6)],
  ])('locates %s', (key, range) => {
    expect(result.packages.get(key)!.locate()).toEqual(range);
  });

  it('reports TOML that does not parse', () => {
    expect(readPipfile('[packages]\nrequests = \n').problems).toEqual([{ message: 'Pipfile is not valid TOML: invalid value', range: lsp(1, 11, 1, 11) }]);
  });
});

describe('readPipfile: custom categories and keys with extras', () => {
  const text = ['[packages]', 'numpy = "*"', '', '[dev-packages]', '"dvc[gs]" = "==3.0"', '', '[torch_cu121]', 'torch = {version="*", index="pytorch_cu121"}', '', '[requires]', 'python_version = "3.11"'].join('\n');
  const result = readPipfile(text);

  it('reads every category, a custom one as such, and a key\'s extras apart from its name', () => {
    expect(result.problems).toEqual([]);
    expect([...result.packages.values()].map(({ id, name, dev, category, extras, locate }) => ({ id, name, dev, category, extras, range: locate() }))).toEqual([
      { id: 'pypi:numpy', name: 'numpy', dev: false, category: undefined, extras: undefined, range: lsp(1, 0, 5) },
      { id: 'pypi:dvc', name: 'dvc', dev: true, category: undefined, extras: ['gs'], range: lsp(4, 1, 4) },
      { id: 'pypi:torch', name: 'torch', dev: false, category: 'torch_cu121', extras: undefined, range: lsp(7, 0, 5) },
    ]);
  });

  it('places a package written as a dotted key or as a table of its own, wherever its section is', () => {
    const pipfile = [
      '[packages.flask]',
      'version = "*"',
      '[packages]',
      'requests.version = ">=2"',
      'requests.extras = ["socks"]',
      '"zope.interface" = "*"',
      '[dev-packages . "pytest"]',
      'version = "*"',
    ].join('\n');
    const read = readPipfile(pipfile);
    expect(read.problems).toEqual([]);
    expect([...read.packages.values()].map(({ name, dev, locate }) => [name, dev, locate()])).toEqual([
      ['flask', false, lsp(0, 10, 15)],
      ['requests', false, lsp(3, 0, 8)],
      ['zope.interface', false, lsp(5, 1, 15)],
      ['pytest', true, lsp(6, 17, 23)],
    ]);
  });

  it('reads a Pipfile.lock\'s custom categories', () => {
    const lock = readPipfileLock(JSON.stringify({ _meta: {}, default: { numpy: { version: '==2.1.0' } }, docs: { sphinx: { version: '==8.0.2' } } }));
    expect(keys(lock)).toEqual(['numpy@2.1.0', 'sphinx@8.0.2']);
  });
});

describe('readPipfileLock', () => {
  const result = readPipfileLock(fixture('Pipfile.lock'));

  it('reads both sections; a package in both is a runtime one, listed once', () => {
    expect(result.problems).toEqual([]);
    expect(keys(result)).toEqual(['certifi@2024.7.4', 'flask', 'mylib', 'requests@2.32.3', 'tarball-pkg', 'pytest@8.3.2']);
    expect(result.importers).toEqual(new Map([['', []]]));
  });

  it.each<[string, Expected]>([
    ['certifi@2024.7.4', pypi('certifi', 'certifi', '2024.7.4', { dev: false })],
    ['flask', pypi('flask', 'flask', undefined, { hashes: false, dev: false, source: { kind: 'vcs', target: 'https://github.com/pallets/flask.git@0c0b31a789f8bfeadcbcf49d1fb38a00624b3065' } })],
    ['mylib', pypi('mylib', 'mylib', undefined, { hashes: false, dev: false, source: { kind: 'path', target: './libs/mylib' } })],
    ['tarball-pkg', pypi('tarball-pkg', 'tarball-pkg', undefined, { hashes: false, dev: false, source: { kind: 'url', target: 'https://files.example.com/tarball_pkg-1.0.tar.gz' } })],
    // An empty hash list is no hash.
    ['pytest@8.3.2', pypi('pytest', 'pytest', '8.3.2', { hashes: false, dev: true })],
  ])('%s', (key, expected) => {
    expect(withoutLocate(result.packages.get(key))).toEqual(expected);
  });

  it.each([
    ['certifi@2024.7.4', lsp(18, 9, 16)],
    ['pytest@8.3.2', lsp(56, 9, 15)],
  ])('locates %s', (key, range) => {
    expect(result.packages.get(key)!.locate()).toEqual(range);
  });

  it('reports JSON that does not parse', () => {
    expect(readPipfileLock('{"default": {"requests": {"version": "==2.32.3",}}}').problems).toEqual([
      { message: 'Pipfile.lock is not valid JSON: property name expected', range: lsp(0, 48, 0, 49) },
    ]);
  });
});
