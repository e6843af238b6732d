// pdm.lock: runtime and dev groups, git/url/path packages, a package locked in two versions (edges to
// both), PEP 508 dependency lines with markers, hashes from `files`, exact name ranges.
import { describe, expect, it } from 'vitest';
import { readPdmLock } from '../../../server/src/readers/lockfiles/pdmLock';
import { lsp } from '../../helpers/ranges';
import { type Expected, fixture, keys, pypi, withoutLocate } from './fixtures';

const row = (id: string, version: string, extra: Partial<Expected> = {}) => pypi(id, id, version, { dev: false, ...extra });

describe('readPdmLock', () => {
  const text = fixture('pdm.lock');
  const result = readPdmLock(text);

  it('reads every package, keyed by name and version', () => {
    expect(result.problems).toEqual([]);
    expect(keys(result)).toEqual([
      'anyio@4.9.0',
      'exceptiongroup@1.3.0',
      'gigachat@0.1.39',
      'httpx@0.27.0',
      'idna@3.10',
      'iniconfig@2.1.0',
      'numpy@1.26.4',
      'numpy@2.1.0',
      'pydantic@2.11.7',
      'pytest@8.4.1',
      'sniffio@1.3.1',
      'vendored-tokenizer@0.3.0',
    ]);
  });

  it.each<[string, Expected]>([
    // A dependency line with a marker still names its package.
    ['anyio@4.9.0', row('anyio', '4.9.0', { dependencies: ['exceptiongroup@1.3.0', 'idna@3.10', 'sniffio@1.3.1'] })],
    // Needed by the runtime and by dev: production.
    ['exceptiongroup@1.3.0', row('exceptiongroup', '1.3.0')],
    // A git checkout at its locked revision; no files, so no hashes.
    [
      'httpx@0.27.0',
      row('httpx', '0.27.0', {
        hashes: false,
        source: { kind: 'vcs', target: 'git+https://github.com/encode/httpx@5ab9e3b5a9bd6f9b7d0f6c7c0c4e1f8d2a3b4c5d' },
        dependencies: ['anyio@4.9.0', 'idna@3.10', 'sniffio@1.3.1'],
      }),
    ],
    // Only the dev group needs these.
    ['iniconfig@2.1.0', row('iniconfig', '2.1.0', { dev: true })],
    ['pytest@8.4.1', row('pytest', '8.4.1', { dev: true, dependencies: ['exceptiongroup@1.3.0', 'iniconfig@2.1.0'] })],
    // A direct URL; a name locked in two versions is depended on in both.
    [
      'pydantic@2.11.7',
      row('pydantic', '2.11.7', {
        hashes: false,
        source: { kind: 'url', target: 'https://downloads.acme.example/pydantic-2.11.7-py3-none-any.whl' },
        dependencies: ['numpy@1.26.4', 'numpy@2.1.0'],
      }),
    ],
    // An empty `files` list records no hash.
    ['sniffio@1.3.1', row('sniffio', '1.3.1', { hashes: false })],
    ['vendored-tokenizer@0.3.0', row('vendored-tokenizer', '0.3.0', { hashes: false, source: { kind: 'path', target: '../vendor/tokenizer' } })],
  ])('%s', (key, expected) => {
    expect(withoutLocate(result.packages.get(key))).toEqual(expected);
  });

  it('leaves the direct dependencies to pyproject.toml, as poetry.lock does', () => {
    expect(result.importers).toEqual(new Map([['', []]]));
  });

  it.each([
    ['anyio@4.9.0', lsp(13, 8, 13)],
    ['numpy@2.1.0', lsp(100, 8, 13)],
    ['vendored-tokenizer@0.3.0', lsp(144, 8, 26)],
  ])('locates %s at its name', (key, range) => {
    expect(result.packages.get(key)!.locate()).toEqual(range);
  });

  it('a file that is not TOML is one problem and no packages', () => {
    const broken = readPdmLock('[[package]\nname = "x"\n');
    expect(broken.packages.size).toBe(0);
    expect(broken.problems).toEqual([{ message: expect.stringMatching(/^pdm\.lock is not valid TOML: /), range: expect.anything() }]);
  });
});
