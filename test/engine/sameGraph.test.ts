// One dependency set, locked by ten releases of five package managers (test/fixtures/same-graph, see its README):
// whichever lockfile a project keeps, the scan must find the same locked versions, the same transitive
// packages and the same shortest chains to them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeJsonReport } from '../../server/src/cli/json';
import { scan } from '../../server/src/engine/scan';
import { fixtureKb } from '../fixtures/kb';
import { misplacedEntries } from '../helpers/placement';

const fixtures = path.join(__dirname, '../fixtures/same-graph');
const LOCKFILES = {
  'npm 11 (package-lock.json v3)': ['package-lock.json', 'package-lock.json'],
  'npm 8 (package-lock.json v2)': ['package-lock-v2.json', 'package-lock.json'],
  'npm 6 (package-lock.json v1)': ['package-lock-v1.json', 'package-lock.json'],
  'pnpm 9 (pnpm-lock.yaml v9)': ['pnpm-lock.yaml', 'pnpm-lock.yaml'],
  'pnpm 8 (pnpm-lock.yaml v6)': ['pnpm-lock-v6.yaml', 'pnpm-lock.yaml'],
  'pnpm 7 (pnpm-lock.yaml v5.4)': ['pnpm-lock-v5.4.yaml', 'pnpm-lock.yaml'],
  'yarn 1.22 (yarn.lock v1)': ['yarn-v1.lock', 'yarn.lock'],
  'yarn 4 (Berry lockfile v10)': ['yarn-berry-v10.lock', 'yarn.lock'],
  'yarn 3 (Berry lockfile v6)': ['yarn-berry-v6.lock', 'yarn.lock'],
  'bun 1.4 (bun.lock v2)': ['bun.lock', 'bun.lock'],
} as const;

interface Traced {
  /** Direct dependency → its locked version. */
  locked: Record<string, string | undefined>;
  /** `name@version` → the chains that reach it (npm installs some twice, in nested node_modules). */
  chains: Map<string, string[][]>;
}

/** The project with this lockfile, in a folder of its own; `lineEnd` rewrites every line break (a Windows checkout). */
function project(fixture: string, lockfileName: string, lineEnd = '\n'): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-same-graph-'));
  for (const [from, to] of [['package.json', 'package.json'], [fixture, lockfileName]] as const) {
    fs.writeFileSync(path.join(root, to), fs.readFileSync(path.join(fixtures, from), 'utf8').replace(/\n/g, lineEnd));
  }
  return root;
}

const scanOf = (root: string) => scan([root], { kb: fixtureKb, cwd: root, today: '2026-11-22' });

function traced(fixture: string, lockfileName: string): Traced {
  const result = scanOf(project(fixture, lockfileName));
  expect(result.errors).toEqual([]);
  // The lockfile is complete: it locks every dependency package.json declares.
  expect(result.findings.filter((finding) => finding.rule === 'unlocked-dependency')).toEqual([]);
  expect(result.verdict.transitive).toBe('examined');
  const manifest = result.files.find((file) => file.file === 'package.json')!;
  const locked = Object.fromEntries(manifest.assessments.map(({ declaration }) => [declaration.name, declaration.locked?.version]));
  const chains = new Map<string, string[][]>();
  for (const { declaration } of result.files.find((file) => file.file === lockfileName)!.assessments) {
    const key = `${declaration.name}@${declaration.versionSpec}`;
    chains.set(key, [...(chains.get(key) ?? []), declaration.via!]);
  }
  return { locked, chains };
}

/** Breadth-first, every chain is a shortest one: its length does not depend on how the lockfile orders edges. */
const shortest = (chains: Map<string, string[][]>) => new Map([...chains].map(([key, found]) => [key, Math.min(...found.map((chain) => chain.length))]));

function shortestChains({ chains }: Traced, key: string): string[][] {
  const found = chains.get(key) ?? [];
  const length = Math.min(...found.map((chain) => chain.length));
  return found.filter((chain) => chain.length === length);
}

const npm = traced(...LOCKFILES['npm 11 (package-lock.json v3)']);

describe('the same dependency graph, from each package manager’s lockfile', () => {
  it('npm: every direct dependency locked, 108 packages pulled in', () => {
    expect(npm.locked).toEqual({ '@langchain/core': '0.3.80', axios: '1.21.1', express: '4.22.3', zod: '3.25.76' });
    expect(npm.chains.size).toBe(108);
  });

  it.each(Object.entries(LOCKFILES).slice(1))('%s: the same locked versions, packages and shortest chains as npm', (_manager, [fixture, lockfileName]) => {
    const other = traced(fixture, lockfileName);
    expect(other.locked).toEqual(npm.locked);
    expect([...other.chains.keys()].sort()).toEqual([...npm.chains.keys()].sort());
    expect(shortest(other.chains)).toEqual(shortest(npm.chains));
    // A shortest chain without a tie is the same names, hop for hop (npm 6 installs ms@2.0.0 four times over).
    for (const key of ['ms@2.0.0', 'color-name@1.1.4', 'dunder-proto@1.0.1']) expect(shortestChains(other, key)).toEqual(shortestChains(npm, key));
    expect(shortestChains(other, 'ms@2.0.0')).toEqual([['express', 'debug']]);
    expect(shortestChains(other, 'color-name@1.1.4')).toEqual([['@langchain/core', 'langsmith', 'chalk', 'ansi-styles', 'color-convert']]);
  });

  it.each(Object.entries(LOCKFILES))('%s with CRLF line ends (a Windows checkout): the same report, ranges included', (_manager, [fixture, lockfileName]) => {
    const report = (root: string) => {
      let written = '';
      writeJsonReport(scanOf(root), (text) => (written += text));
      return written;
    };
    expect(report(project(fixture, lockfileName, '\r\n'))).toBe(report(project(fixture, lockfileName)));
  });

  it.each(Object.entries(LOCKFILES))('%s: each package placed on its own entry, the key that starts the line', (_manager, [fixture, lockfileName]) => {
    const root = project(fixture, lockfileName);
    const lockfile = scanOf(root).files.find((file) => file.kind === 'lockfile')!;
    expect(misplacedEntries(fs.readFileSync(path.join(root, lockfileName), 'utf8'), lockfile.assessments)).toEqual([]);
  });

  it.each(Object.entries(LOCKFILES))('%s: under the trusted preset, each range in package.json gets the pin to its locked version', (_manager, [fixture, lockfileName]) => {
    const root = project(fixture, lockfileName);
    fs.writeFileSync(path.join(root, 'sovereign-lint.json'), '{ "extends": ["sovereign-lint:trusted"] }\n');
    const result = scanOf(root);
    const pins = result.findings.filter((finding) => finding.rule === 'unpinned-version').map((finding) => finding.fixes[0]?.edits[0]?.newText);
    expect(pins).toEqual(['"@langchain/core": "0.3.80"', '"axios": "1.21.1"', '"express": "4.22.3"', '"zod": "3.25.76"']);
    // Every entry records its integrity: nothing is unhashed.
    expect(result.findings.filter((finding) => finding.rule === 'unhashed-requirement')).toEqual([]);
  });
});
