// Rye's requirements.lock / requirements-dev.lock: pip-compile's format with `# via` lines under each pin (another
// pin, or the project), `-e file:.` for the project itself, direct references, hashes, and the header's flags.
import { describe, expect, it } from 'vitest';
import { readRyeLock } from '../../../server/src/readers/lockfiles/ryeLock';
import { lsp } from '../../helpers/ranges';
import { type Expected, fixture, keys, pypi, withoutLocate } from './fixtures';

const row = (id: string, version: string, extra: Partial<Expected> = {}) => pypi(id, id, version, { hashes: false, dev: undefined, ...extra });

describe('readRyeLock', () => {
  const text = fixture('requirements-dev.lock');
  const result = readRyeLock(text);

  it('reads every pin, keyed by name and version; the project itself (`-e file:.`) is not one of them', () => {
    expect(result.problems).toEqual([]);
    expect(keys(result)).toEqual([
      'anyio@4.1.0',
      'certifi@2023.7.22',
      'distro@1.8.0',
      'h11@0.16.0',
      'httpcore@1.0.9',
      'httpx@0.28.1',
      'idna@3.4',
      'iniconfig@2.0.0',
      'pytest@8.3.3',
      'respx@0.22.0',
      'sniffio@1.3.0',
      'tokenizer-fork',
      'websockets@15.0.1',
    ]);
  });

  it.each<[string, Expected]>([
    // `# via` turned round: what each pin needs.
    ['httpx@0.28.1', row('httpx', '0.28.1', { dependencies: ['anyio@4.1.0', 'certifi@2023.7.22', 'httpcore@1.0.9', 'idna@3.4'] })],
    ['httpcore@1.0.9', row('httpcore', '1.0.9', { dependencies: ['certifi@2023.7.22', 'h11@0.16.0'] })],
    // A dev-dependency Rye writes without `# via`: it needs what names it.
    ['pytest@8.3.3', row('pytest', '8.3.3', { dependencies: ['iniconfig@2.0.0'] })],
    ['respx@0.22.0', row('respx', '0.22.0', { dependencies: ['httpx@0.28.1'] })],
    // A direct reference: where it comes from, and no version.
    [
      'tokenizer-fork',
      pypi('tokenizer-fork', 'tokenizer-fork', undefined, {
        hashes: false,
        dev: undefined,
        source: { kind: 'vcs', target: 'git+https://github.com/acme/tokenizer@5ab9e3b5a9bd6f9b7d0f6c7c0c4e1f8d2a3b4c5d' },
      }),
    ],
  ])('%s', (key, expected) => {
    expect(withoutLocate(result.packages.get(key))).toEqual(expected);
  });

  it('leaves the direct dependencies to pyproject.toml, as poetry.lock does', () => {
    expect(result.importers).toEqual(new Map([['', []]]));
  });

  it.each([
    ['anyio@4.1.0', lsp(12, 0, 5)],
    ['tokenizer-fork', lsp(37, 0, 14)],
  ])('locates %s at its name', (key, range) => {
    expect(result.packages.get(key)!.locate()).toEqual(range);
  });

  it('locks the dependencies, the dev-dependencies and the features the header names; not other extras', () => {
    expect(['default', 'dev', 'realtime', 'aiohttp'].map((group) => result.locksGroup!(group))).toEqual([true, true, true, false]);
    const all = readRyeLock(text.replace('all-features: false', 'all-features: true'));
    expect(all.locksGroup!('aiohttp')).toBe(true);
    // Another tool's file by this name records no flags: no group is known to be left out.
    expect(readRyeLock('httpx==0.28.1\n').locksGroup).toBeUndefined();
  });

  it('records the hashes `--generate-hashes` writes', () => {
    const hashed = readRyeLock('-e file:.\nidna==3.4 \\\n    --hash=sha256:814f528e8dead7d329833b91c5faa87d60bf71824cd12a7530b5526063d02cb4\n    # via httpx\n');
    expect(hashed.packages.get('idna@3.4')?.hashes).toBe(true);
  });

  it('a line pip could not read is one problem, named as the lockfile’s; the pins around it are still read', () => {
    const broken = readRyeLock('anyio==4.1.0\nnot a requirement ==\nidna==3.4\n');
    expect(keys(broken)).toEqual(['anyio@4.1.0', 'idna@3.4']);
    expect(broken.problems).toEqual([{ message: expect.stringMatching(/^Rye lockfile: /), range: lsp(1, expect.any(Number), expect.any(Number)) }]);
  });
});
