// The lockfile entry point: which reader a file name needs, one problem (never a throw) for malformed
// input of every kind, and ranges computed only when asked for.
import { describe, expect, it, vi } from 'vitest';
import { lockfileKind, readLockfile } from '../../../server/src/readers/lockfiles/index';
import type { LockfileKind } from '../../../server/src/readers/lockfiles/types';
import { lsp } from '../../helpers/ranges';
import { fixture } from './fixtures';

/** The texts line indexes are built over: reading a lockfile must index none of it, locating index it once. */
const indexed = vi.hoisted(() => [] as string[]);
vi.mock('../../../server/src/text/lineIndex', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../server/src/text/lineIndex')>();
  return {
    LineIndex: class extends original.LineIndex {
      constructor(text: string) {
        super(text);
        indexed.push(text);
      }
    },
  };
});

const FIXTURES: [string, LockfileKind][] = [
  ['package-lock-v1.json', 'package-lock'],
  ['package-lock-v2.json', 'package-lock'],
  ['package-lock-v3-workspaces.json', 'package-lock'],
  ['npm-shrinkwrap.json', 'package-lock'],
  ['yarn-v1.lock', 'yarn'],
  ['yarn-berry.lock', 'yarn'],
  ['yarn-berry-v6.lock', 'yarn'],
  ['pnpm-v5.yaml', 'pnpm'],
  ['pnpm-v6-workspace.yaml', 'pnpm'],
  ['pnpm-v9-workspace.yaml', 'pnpm'],
  ['poetry.lock', 'poetry'],
  ['poetry-legacy.lock', 'poetry'],
  ['uv.lock', 'uv'],
  ['pdm.lock', 'pdm'],
  ['Pipfile', 'pipfile'],
  ['Pipfile.lock', 'pipfile-lock'],
  ['environment.yml', 'conda'],
];

describe('lockfileKind', () => {
  it.each([
    ['package-lock.json', 'package-lock'],
    ['apps/web/npm-shrinkwrap.json', 'package-lock'],
    ['yarn.lock', 'yarn'],
    ['pnpm-lock.yaml', 'pnpm'],
    ['services/api/poetry.lock', 'poetry'],
    ['uv.lock', 'uv'],
    ['pdm.lock', 'pdm'],
    ['Pipfile', 'pipfile'],
    ['Pipfile.lock', 'pipfile-lock'],
    ['environment.yml', 'conda'],
    ['ml/environment.yaml', 'conda'],
  ] as const)('%s -> %s', (path, kind) => {
    expect(lockfileKind(path)).toBe(kind);
  });

  it.each(['package.json', 'pipfile', 'yarn.lock.bak', 'pnpm-lock.yml', 'constructor', 'toString', 'environment.json', 'locks/'])('%s -> none', (path) => {
    expect(lockfileKind(path)).toBeUndefined();
  });
});

describe('readLockfile: malformed input gives exactly one problem, never a throw', () => {
  it.each<[LockfileKind, string]>([
    ['package-lock', '{"lockfileVersion": 3, "packages": {'],
    ['package-lock', '"just a string"'],
    ['yarn', '# yarn lockfile v1\n\nlodash@^4.17.21:\n    version "4.17.21"\n'],
    ['yarn', '__metadata:\n  version: 8\n"a@npm:1": [\n'],
    ['pnpm', "lockfileVersion: '9.0'\nimporters: {\n"],
    ['pnpm', '- a list\n- not a mapping\n'],
    ['poetry', '[[package]\n'],
    ['uv', 'version = 1\n[[package]]\nname = "a"\nname = "b"\n'],
    ['uv', 'package = 1\n'],
    ['pdm', '[metadata]\ngroups = ["default"\n'],
    ['pdm', 'package = "not tables"\n'],
    ['pipfile', '[packages\n'],
    ['pipfile-lock', '{"default": }'],
    ['conda', 'dependencies: [numpy\n'],
  ])('%s: %j', (kind, text) => {
    expect(readLockfile(kind, text).problems).toHaveLength(1);
  });

  const hostile: [string, string][] = [
    ['empty', ''],
    ['binary', '\u0000\u0001\u0002\uFFFD\uFFFD PK\u0003\u0004'],
    ['deep brackets', '['.repeat(100_000)],
    ['deep braces', '{"a":'.repeat(50_000)],
    ['wrong shapes', '{"packages": {"node_modules/a": 1, "": []}, "dependencies": "x", "default": [1], "package": {"x": 1}}'],
  ];
  it.each(FIXTURES.map(([, kind]) => kind).filter((kind, i, all) => all.indexOf(kind) === i))('%s never throws', (kind) => {
    for (const [, text] of hostile) {
      const result = readLockfile(kind, text);
      expect(result.problems.length).toBeLessThanOrEqual(1);
      for (const locked of result.packages.values()) expect(() => locked.locate()).not.toThrow();
    }
  });
});

describe('readLockfile: ranges on request only', () => {
  it.each(FIXTURES)('%s: reading indexes no line of it; locating indexes it once', (name, kind) => {
    const text = fixture(name);
    indexed.length = 0;
    const result = readLockfile(kind, text);
    expect(result.problems).toEqual([]);
    // (environment.yml's pip lines go through the requirements reader, which indexes each line alone.)
    expect(indexed.filter((indexedText) => indexedText === text)).toHaveLength(0);
    const all = [...result.packages.values(), ...(result.condaPackages ?? [])];
    all.at(-1)!.locate();
    all[0]!.locate();
    expect(indexed.filter((indexedText) => indexedText === text)).toHaveLength(1);
  });

  it('locates entries out of order as exactly as in order', () => {
    const text = fixture('package-lock-v3-workspaces.json');
    const inOrder = readLockfile('package-lock', text);
    const ranges = [...inOrder.packages.values()].map((locked) => locked.locate());
    const reversed = readLockfile('package-lock', text);
    expect([...reversed.packages.values()].reverse().map((locked) => locked.locate())).toEqual(ranges.reverse());
  });

  it('finds an entry JavaScript enumerates out of text order (integer-like keys come first)', () => {
    const text = '{\n  "lockfileVersion": 1,\n  "dependencies": {\n    "b": { "version": "1.0.0" },\n    "7": { "version": "2.0.0" }\n  }\n}\n';
    const result = readLockfile('package-lock', text);
    expect(result.packages.get('node_modules/7')!.locate()).toEqual(lsp(4, 5, 6));
    expect(result.packages.get('node_modules/b')!.locate()).toEqual(lsp(3, 5, 6));
  });
});
