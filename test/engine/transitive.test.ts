// What dependencies pull in: lockfiles put every transitive component on the verdict, with the chain
// that brings it, and give each declaration its locked version.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { writeJsonReport } from '../../server/src/cli/json';
import { pinFix } from '../../server/src/engine/fixes';
import { editsByFile } from '../../server/src/engine/lint';
import { scan } from '../../server/src/engine/scan';
import { readPipfile } from '../../server/src/readers/lockfiles/pipfile';
import { fixtureKb } from '../fixtures/kb';
import { applyEdits } from '../helpers/edits';
import { writeFile } from '../helpers/files';

let root: string;
const write = (file: string, content: string | object) => writeFile(root, file, content);
const scanRoot = () => scan([root], { kb: fixtureKb, cwd: root, today: '2026-11-22' });

const lock = {
  name: 'bot',
  lockfileVersion: 3,
  requires: true,
  packages: {
    '': { name: 'bot', dependencies: { openai: '^4.77.0', gigachat: '^0.0.20' } },
    'node_modules/openai': { version: '4.77.0', integrity: 'sha512-a', dependencies: { 'node-fetch': '^2.6.7' } },
    'node_modules/node-fetch': { version: '2.7.0', integrity: 'sha512-b', dependencies: { 'whatwg-url': '^5.0.0' } },
    'node_modules/whatwg-url': { version: '5.0.0', integrity: 'sha512-c' },
    'node_modules/gigachat': { version: '0.0.20', integrity: 'sha512-d', dependencies: { numpy: '*' } },
    'node_modules/numpy': { version: '1.0.0', integrity: 'sha512-e' },
  },
};

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-transitive-'));
});

describe('transitive components', () => {
  it('lists every package the direct dependencies pull in, with the chain back to them', () => {
    write('package.json', { name: 'bot', dependencies: { openai: '^4.77.0', gigachat: '^0.0.20' } });
    write('package-lock.json', lock);
    const result = scanRoot();
    const lockReport = result.files.find((f) => f.file === 'package-lock.json')!;
    expect(lockReport.assessments.map((a) => [a.declaration.id, a.declaration.relation, a.declaration.via, a.declaration.versionSpec])).toEqual([
      ['npm:node-fetch', 'transitive', ['openai'], '2.7.0'],
      ['npm:numpy', 'transitive', ['gigachat'], '1.0.0'],
      ['npm:whatwg-url', 'transitive', ['openai', 'node-fetch'], '5.0.0'],
    ]);
    const lockLines = fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8').split('\n');
    const line = lockLines.findIndex((l) => l.includes('"node_modules/numpy"'));
    const character = lockLines[line]!.indexOf('node_modules/numpy');
    expect(lockReport.assessments[1]!.declaration.range).toEqual({ start: { line, character }, end: { line, character: character + 18 } });
    expect(result.verdict.transitive).toBe('examined');
    let written = '';
    writeJsonReport(result, (text) => (written += text));
    const json = JSON.parse(written) as { components: { id: string; relation: string; via?: string[]; file: string }[]; verdict: { transitive: string } };
    expect(json.verdict.transitive).toBe('examined');
    expect(json.components.find((c) => c.id === 'npm:whatwg-url')).toMatchObject({ relation: 'transitive', via: ['openai', 'node-fetch'], file: 'package-lock.json', lockedVersion: '5.0.0' });
    expect(json.components.find((c) => c.id === 'npm:openai')).toMatchObject({ relation: 'direct', versionSpec: '^4.77.0', lockedVersion: '4.77.0' });
    expect(result.verdict.summary).toBe('none — 1 component blocks national (openai)');
    expect(result.verdict.blockedBy).toEqual(['npm:openai']);
  });

  it('names on each direct dependency what it pulls in, each a related location in the lockfile', () => {
    write('package.json', '{\n  "name": "bot",\n  "dependencies": { "openai": "^4.77.0", "gigachat": "^0.0.20" }\n}\n');
    write('package-lock.json', lock);
    const result = scanRoot();
    const pulls = result.findings.filter((f) => f.rule === 'foreign-transitive');
    expect(pulls.map((f) => [f.componentId, f.file, f.range.start, f.message, f.severity])).toEqual([
      ['npm:openai', 'package.json', { line: 2, character: 21 }, 'openai pulls 2 non-domestic packages: node-fetch (unknown), whatwg-url (unknown)', 'warning'],
      ['npm:gigachat', 'package.json', { line: 2, character: 42 }, 'gigachat pulls 1 non-domestic package: numpy (unknown)', 'warning'],
    ]);
    expect(pulls[0]!.related!.map((r) => [r.file, r.message])).toEqual([
      ['package-lock.json', 'node-fetch@2.7.0 — provenance unknown, via openai'],
      ['package-lock.json', 'whatwg-url@5.0.0 — provenance unknown, via openai → node-fetch'],
    ]);
    // It restates what the pulled-in packages already count: openai blocks national on its own account only.
    expect(result.verdict.blockedBy).toEqual(['npm:openai']);
  });

  it('a domestic SDK that pulls in a foreign package is not enough for sovereign', () => {
    write('package.json', { name: 'bot', dependencies: { gigachat: '^0.0.20' } });
    write('package-lock.json', { ...lock, packages: { '': { dependencies: { gigachat: '^0.0.20' } }, 'node_modules/gigachat': lock.packages['node_modules/gigachat'], 'node_modules/numpy': lock.packages['node_modules/numpy'] } });
    const result = scanRoot();
    expect(result.verdict).toMatchObject({ tier: 'national', blockedBy: ['npm:numpy'] });
    const numpy = result.findings.find((f) => f.componentId === 'npm:numpy')!;
    expect(numpy).toMatchObject({ rule: 'unknown-provenance', file: 'package-lock.json' });
  });

  it('offers to pin a range to the version the lockfile resolved', () => {
    write('package.json', '{\n  "name": "bot",\n  "dependencies": { "openai": "^4.77.0" }\n}\n');
    write('package-lock.json', { ...lock, packages: { '': { dependencies: { openai: '^4.77.0' } }, 'node_modules/openai': { version: '4.77.0', integrity: 'sha512-a' } } });
    write('sovereign-lint.json', { rules: { 'unpinned-version': 'error' } });
    const unpinned = scanRoot().findings.find((f) => f.rule === 'unpinned-version')!;
    expect(unpinned.message).toBe('openai — version "^4.77.0" is a range; the lockfile resolves 4.77.0: pin it for trusted readiness');
    expect(unpinned.fixes).toEqual([
      {
        title: 'Pin openai to 4.77.0, the version the lockfile resolves',
        isPreferred: true,
        edits: [{ file: 'package.json', range: { start: { line: 2, character: 20 }, end: { line: 2, character: 39 } }, newText: '"openai": "4.77.0"' }],
      },
    ]);
  });

  it('pins a pnpm project’s range in package.json and where pnpm-lock.yaml records it, as `pnpm install` would', () => {
    write('package.json', '{\n  "name": "bot",\n  "dependencies": { "ms": "^2.1.0", "@types/ms": "^0.7.0" }\n}\n');
    // As pnpm 9.15 writes it for this package.json.
    write(
      'pnpm-lock.yaml',
      "lockfileVersion: '9.0'\n\nsettings:\n  autoInstallPeers: true\n  excludeLinksFromLockfile: false\n\nimporters:\n\n  .:\n    dependencies:\n" +
        "      '@types/ms':\n        specifier: ^0.7.0\n        version: 0.7.34\n      ms:\n        specifier: ^2.1.0\n        version: 2.1.3\n\n" +
        "packages:\n\n  '@types/ms@0.7.34':\n    resolution: {integrity: sha512-a}\n\n  ms@2.1.3:\n    resolution: {integrity: sha512-b}\n\n" +
        "snapshots:\n\n  '@types/ms@0.7.34': {}\n\n  ms@2.1.3: {}\n",
    );
    write('sovereign-lint.json', { rules: { 'unpinned-version': 'error' } });
    const pin = scanRoot().findings.find((f) => f.rule === 'unpinned-version' && f.componentId === 'npm:ms')!.fixes[0]!;
    expect(pin).toEqual({
      title: 'Pin ms to 2.1.3, the version the lockfile resolves',
      isPreferred: true,
      edits: [
        { file: 'package.json', range: { start: { line: 2, character: 20 }, end: { line: 2, character: 34 } }, newText: '"ms": "2.1.3"' },
        { file: 'pnpm-lock.yaml', range: { start: { line: 14, character: 19 }, end: { line: 14, character: 25 } }, newText: '2.1.3' },
      ],
    });
    for (const [file, edits] of editsByFile(pin)) write(file, applyEdits(fs.readFileSync(path.join(root, file), 'utf8'), edits));
    // What pnpm 9.15 wrote after the same change to package.json: the spec, and nothing else.
    expect(fs.readFileSync(path.join(root, 'pnpm-lock.yaml'), 'utf8')).toContain("      ms:\n        specifier: 2.1.3\n        version: 2.1.3\n");
    const after = scanRoot();
    expect(after.findings.filter((f) => f.componentId === 'npm:ms' && (f.rule === 'unpinned-version' || f.rule === 'unlocked-dependency'))).toEqual([]);
    expect(after.files.find((f) => f.file === 'package.json')!.assessments.find((a) => a.declaration.name === 'ms')!.declaration.locked).toEqual({ version: '2.1.3' });
  });

  describe('Yarn 2+: a pin changes yarn.lock as `yarn install` would (fixtures written by Yarn 4.5.3)', () => {
    const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../fixtures/yarn-berry-pin', name), 'utf8');
    /** Applies the first unpinned-version fix, scanning again after each, until there is none: as a user would. */
    const pinAll = () => {
      for (let pinned = 0; pinned < 10; pinned++) {
        const finding = scanRoot().findings.find((f) => f.rule === 'unpinned-version' && f.fixes.length > 0);
        if (!finding) return;
        for (const [file, edits] of editsByFile(finding.fixes[0]!)) write(file, applyEdits(fs.readFileSync(path.join(root, file), 'utf8'), edits));
      }
    };

    it('one package.json: the workspace entry records the pinned spec, and the entry serving the range serves the version', () => {
      write('package.json', fixture('package.json'));
      write('yarn.lock', fixture('yarn.lock'));
      write('sovereign-lint.json', { rules: { 'unpinned-version': 'error' } });
      const pin = scanRoot().findings.find((f) => f.rule === 'unpinned-version' && f.componentId === 'npm:ms')!.fixes[0]!;
      expect(pin.edits.filter((edit) => edit.file === 'yarn.lock').map((edit) => edit.newText)).toEqual(['"ms@npm:2.1.3, ms@npm:^2.1.3"', '"npm:2.1.3"']);
      pinAll();
      expect(fs.readFileSync(path.join(root, 'yarn.lock'), 'utf8')).toBe(fixture('yarn.lock.pinned'));
      const after = scanRoot();
      expect(after.findings.filter((f) => f.rule === 'unpinned-version' || f.rule === 'unlocked-dependency')).toEqual([]);
    });

    it('workspace members sharing an entry: the range stays in its key while another member asks for it', () => {
      write('package.json', '{ "name": "root", "private": true, "packageManager": "yarn@4.5.3", "workspaces": ["packages/*"] }\n');
      write('packages/a/package.json', '{ "name": "a", "dependencies": { "ms": "^2.1.2", "@types/ms": "^0.7.34" } }\n');
      write('packages/b/package.json', '{ "name": "b", "dependencies": { "ms": "^2.1.2" } }\n');
      write('yarn.lock', fixture('workspace.yarn.lock'));
      write('sovereign-lint.json', { rules: { 'unpinned-version': 'error' } });
      const first = scanRoot().findings.find((f) => f.rule === 'unpinned-version' && f.file === 'packages/a/package.json' && f.componentId === 'npm:ms')!;
      expect(first.fixes[0]!.edits.filter((edit) => edit.file === 'yarn.lock').map((edit) => edit.newText)).toEqual(['"ms@npm:2.1.3, ms@npm:^2.1.2"', '"npm:2.1.3"']);
      pinAll();
      expect(fs.readFileSync(path.join(root, 'yarn.lock'), 'utf8')).toBe(fixture('workspace.yarn.lock.pinned'));
    });

    it('a catalog’s pin renames the key alone, keeping a range another package asks for (Yarn 4.12)', () => {
      write('package.json', '{\n  "name": "app",\n  "packageManager": "yarn@4.12.0",\n  "dependencies": {\n    "debug": "4.3.7",\n    "ms": "catalog:tools"\n  }\n}\n');
      write('.yarnrc.yml', 'nodeLinker: node-modules\n\ncatalogs:\n  tools:\n    ms: ^2.1.2\n');
      write('yarn.lock', fixture('catalog.yarn.lock'));
      write('sovereign-lint.json', { rules: { 'unpinned-version': 'error' } });
      const pin = scanRoot().findings.find((f) => f.rule === 'unpinned-version' && f.componentId === 'npm:ms')!.fixes[0]!;
      expect(pin.edits.map((edit) => [edit.file, edit.newText])).toEqual([
        ['.yarnrc.yml', '2.1.3'],
        ['yarn.lock', '"ms@npm:2.1.3, ms@npm:^2.1.3"'],
      ]);
      pinAll();
      expect(fs.readFileSync(path.join(root, 'yarn.lock'), 'utf8')).toBe(fixture('catalog.yarn.lock.pinned'));
      expect(scanRoot().findings.filter((f) => f.rule === 'unpinned-version' || f.rule === 'unlocked-dependency')).toEqual([]);
    });

    it('leaves yarn.lock to `yarn install` where a patch of the package is locked too (its key names the range again)', () => {
      write('package.json', '{ "name": "app", "dependencies": { "typescript": "^5.4.3" } }\n');
      write(
        'yarn.lock',
        '__metadata:\n  version: 8\n  cacheKey: 10c0\n\n"app@workspace:.":\n  version: 0.0.0-use.local\n  resolution: "app@workspace:."\n  dependencies:\n    typescript: "npm:^5.4.3"\n  languageName: unknown\n  linkType: soft\n\n' +
          '"typescript@npm:^5.4.3":\n  version: 5.8.3\n  resolution: "typescript@npm:5.8.3"\n  checksum: 10c0/a\n  languageName: node\n  linkType: hard\n\n' +
          '"typescript@patch:typescript@npm%3A^5.4.3#optional!builtin<compat/typescript>":\n  version: 5.8.3\n  resolution: "typescript@patch:typescript@npm%3A5.8.3#optional!builtin<compat/typescript>::version=5.8.3&hash=5786d5"\n  checksum: 10c0/b\n  languageName: node\n  linkType: hard\n',
      );
      write('sovereign-lint.json', { rules: { 'unpinned-version': 'error' } });
      const pin = scanRoot().findings.find((f) => f.rule === 'unpinned-version')!.fixes[0]!;
      expect(pin.edits.map((edit) => edit.file)).toEqual(['package.json']);
    });
  });

  it('pins an npm alias as the alias of the package it installs', () => {
    write('package.json', '{\n  "name": "bot",\n  "dependencies": { "fetch-v2": "npm:node-fetch@^2.6.7" }\n}\n');
    write('package-lock.json', {
      ...lock,
      packages: { '': { dependencies: { 'fetch-v2': 'npm:node-fetch@^2.6.7' } }, 'node_modules/fetch-v2': { name: 'node-fetch', version: '2.7.0', integrity: 'sha512-f' } },
    });
    write('sovereign-lint.json', { rules: { 'unpinned-version': 'error' } });
    const pin = scanRoot().findings.find((f) => f.rule === 'unpinned-version')!.fixes[0]!;
    expect(pin.edits.map((edit) => edit.newText)).toEqual(['"fetch-v2": "npm:node-fetch@2.7.0"']);
  });

  it('says when transitive dependencies were not examined', () => {
    write('package.json', { name: 'bot', dependencies: { gigachat: '^0.0.20' } });
    write('requirements.txt', 'catboost==1.2.7\n');
    expect(scanRoot().verdict).toMatchObject({ transitive: 'not examined', summary: 'sovereign; transitive dependencies not examined (no lockfile)' });
  });

  it('flags each dependency the lockfile lacks (it is out of date): its version is unpinned and what it pulls in unexamined', () => {
    write('package.json', '{\n  "name": "bot",\n  "dependencies": { "openai": "^4.77.0", "gigachat": "^0.0.20", "left-pad": "^1.3.0" }\n}\n');
    write('package-lock.json', lock);
    const result = scanRoot();
    const unlocked = result.findings.filter((f) => f.rule === 'unlocked-dependency');
    expect(unlocked).toEqual([
      {
        rule: 'unlocked-dependency',
        severity: 'warning',
        blocks: 'trusted',
        componentId: 'npm:left-pad',
        file: 'package.json',
        range: { start: { line: 2, character: 65 }, end: { line: 2, character: 73 } },
        message:
          'left-pad is not in package-lock.json: the lockfile is out of date (run `npm install`), so what left-pad pulls in was not examined; blocks trusted readiness',
        fixes: [],
      },
    ]);
    expect(result.verdict).toMatchObject({
      transitive: 'partly examined',
      summary: 'none — 1 component blocks national (openai); transitive dependencies partly examined (lockfile out of date)',
    });
    expect(result.verdict.trusted.blockers).toContain('npm:left-pad');
    let written = '';
    writeJsonReport(result, (text) => (written += text));
    const leftPad = (JSON.parse(written) as { components: { id: string }[] }).components.find((c) => c.id === 'npm:left-pad');
    expect(leftPad).toMatchObject({ versionSpec: '^1.3.0', staleLock: { lockfile: 'package-lock.json' } });
    expect(leftPad).not.toHaveProperty('lockedVersion');
  });

  it('where the lockfile records the manifest’s own dependencies, a name it locks only as another’s dependency is not locked for it', () => {
    // node-fetch is in the lockfile, as openai's dependency: package.json gained it after the install.
    write('package.json', { name: 'bot', dependencies: { openai: '^4.77.0', gigachat: '^0.0.20', 'node-fetch': '^2.6.7' } });
    write('package-lock.json', lock);
    expect(scanRoot().findings.filter((f) => f.rule === 'unlocked-dependency').map((f) => [f.componentId, f.message])).toEqual([
      [
        'npm:node-fetch',
        'node-fetch — package-lock.json locks 2.7.0 only for other packages, not for this one: the lockfile is out of date (run `npm install`), so what node-fetch pulls in was not examined; blocks trusted readiness',
      ],
    ]);
    // An alias is recorded under the real name of the package it installs, and is found by its folder.
    const aliased: { packages: Record<string, object> } = structuredClone(lock);
    aliased.packages[''] = { name: 'bot', dependencies: { openai: '^4.77.0', gigachat: '^0.0.20', 'fetch-v2': 'npm:node-fetch@^2.6.7' } };
    aliased.packages['node_modules/fetch-v2'] = { name: 'node-fetch', version: '2.7.0', integrity: 'sha512-f' };
    write('package.json', { name: 'bot', dependencies: { openai: '^4.77.0', gigachat: '^0.0.20', 'fetch-v2': 'npm:node-fetch@^2.6.7' } });
    write('package-lock.json', aliased);
    const result = scanRoot();
    expect(result.findings.filter((f) => f.rule === 'unlocked-dependency')).toEqual([]);
    const manifest = result.files.find((f) => f.file === 'package.json')!;
    expect(manifest.assessments.find((a) => a.declaration.name === 'fetch-v2')!.declaration.locked).toEqual({ version: '2.7.0' });
  });

  it('in a pnpm workspace, a member’s dependency locked only for another member is not locked for it', () => {
    write('pnpm-workspace.yaml', 'packages:\n  - apps/*\n');
    write('apps/web/package.json', { name: 'web', dependencies: { ms: '^2.1.3' } });
    write('apps/api/package.json', { name: 'api', dependencies: { ms: '^2.1.3', 'left-pad': '^1.3.0' } });
    write(
      'pnpm-lock.yaml',
      "lockfileVersion: '9.0'\n\nimporters:\n\n  .: {}\n\n  apps/api:\n    dependencies:\n      left-pad:\n        specifier: ^1.3.0\n        version: 1.3.0\n\n" +
        '  apps/web:\n    dependencies:\n      ms:\n        specifier: ^2.1.3\n        version: 2.1.3\n\npackages:\n\n  left-pad@1.3.0:\n    resolution: {integrity: sha512-a}\n\n' +
        '  ms@2.1.3:\n    resolution: {integrity: sha512-b}\n\nsnapshots:\n\n  left-pad@1.3.0: {}\n\n  ms@2.1.3: {}\n',
    );
    expect(scanRoot().findings.filter((f) => f.rule === 'unlocked-dependency').map((f) => [f.file, f.componentId, f.message])).toEqual([
      [
        'apps/api/package.json',
        'npm:ms',
        'ms — pnpm-lock.yaml locks 2.1.3 only for other packages, not for this one: the lockfile is out of date (run `pnpm install`), so what ms pulls in was not examined; blocks trusted readiness',
      ],
    ]);
  });

  it('flags a dependency locked outside its declared range: no pin to the stale version, nothing traced from it', () => {
    write('sovereign-lint.json', '{ "extends": ["sovereign-lint:trusted"] }');
    write('package.json', '{\n  "name": "bot",\n  "dependencies": { "openai": "^5.0.0", "gigachat": "^0.0.20" }\n}\n');
    write('package-lock.json', lock);
    const result = scanRoot();
    const openai = result.findings.filter((f) => f.componentId === 'npm:openai').map((f) => [f.rule, f.severity, f.message, f.fixes]);
    expect(openai).toEqual([
      ['foreign-proprietary', 'error', expect.any(String), expect.any(Array)],
      // Still a range, and no version to pin it to.
      ['unpinned-version', 'error', 'openai — version "^5.0.0" is a range, not an exact pin: blocks trusted readiness', []],
      [
        'unlocked-dependency',
        'error',
        'openai — package-lock.json locks 4.77.0, outside the declared "^5.0.0": the lockfile is out of date (run `npm install`), so what openai pulls in was not examined; blocks trusted readiness',
        [],
      ],
    ]);
    const lockReport = result.files.find((f) => f.file === 'package-lock.json')!;
    expect(lockReport.assessments.map((a) => [a.declaration.name, a.declaration.via])).toEqual([['numpy', ['gigachat']]]);
    expect(result.verdict.transitive).toBe('partly examined');
  });

  it('in a yarn.lock, a range edited since the install names no entry: the old one locks a version outside it', () => {
    write('package.json', { name: 'bot', dependencies: { 'left-pad': '^2.0.0', ms: '^2.1.0' } });
    write(
      'yarn.lock',
      '# yarn lockfile v1\n\n\nleft-pad@^1.3.0:\n  version "1.3.0"\n  integrity sha512-a\n\nms@^2.1.0:\n  version "2.1.3"\n  integrity sha512-b\n',
    );
    expect(scanRoot().findings.filter((f) => f.rule === 'unlocked-dependency').map((f) => f.message)).toEqual([
      'left-pad — yarn.lock locks 1.3.0, outside the declared "^2.0.0": the lockfile is out of date (run `yarn install`), so what left-pad pulls in was not examined; blocks trusted readiness',
    ]);
  });

  it('trusts the spec a Yarn or pnpm lockfile records, resolutions and overrides included; a spec it does not record is out of date', () => {
    // `resolutions` (Yarn) and `pnpm.overrides` lock a direct dependency outside its range on purpose.
    write('yarn/package.json', { name: 'y', dependencies: { 'left-pad': '^1.0.0' }, resolutions: { 'left-pad': '2.0.0' } });
    write('yarn/yarn.lock', '# yarn lockfile v1\n\n\nleft-pad@^1.0.0, left-pad@2.0.0:\n  version "2.0.0"\n  integrity sha512-a\n');
    // pnpm records an overridden dependency's spec as the override's (as pnpm 9.15 writes it).
    const pnpmLock = (specifier: string, overrides = '') =>
      `lockfileVersion: '9.0'\n\n${overrides}importers:\n\n  .:\n    dependencies:\n      ms:\n        specifier: ${specifier}\n        version: 3.0.0\n\n` +
      'packages:\n\n  ms@3.0.0:\n    resolution: {integrity: sha512-b}\n\nsnapshots:\n\n  ms@3.0.0: {}\n';
    write('pnpm/package.json', '{\n  "name": "p",\n  "dependencies": { "ms": "^2.1.0" },\n  "pnpm": { "overrides": { "ms": "3.0.0" } }\n}\n');
    write('pnpm/pnpm-lock.yaml', pnpmLock('3.0.0', 'overrides:\n  ms: 3.0.0\n\n'));
    const unlocked = () => scanRoot().findings.filter((f) => f.rule === 'unlocked-dependency').map((f) => [f.file, f.message]);
    expect(unlocked()).toEqual([]);
    // An override of ms where another package depends on it (`p>ms`) leaves the project's own spec as declared.
    write('pnpm/pnpm-lock.yaml', pnpmLock('^2.1.0', 'overrides:\n  p>ms: 3.0.0\n\n'));
    expect(unlocked()).toEqual([]);
    // package.json edited since: pnpm calls the lockfile out of date, though 3.0.0 is what both would lock.
    write('pnpm/pnpm-lock.yaml', pnpmLock('^2.0.0'));
    expect(unlocked()).toEqual([
      [
        'pnpm/package.json',
        'ms — pnpm/pnpm-lock.yaml was written for "^2.0.0", not the declared "^2.1.0": the lockfile is out of date (run `pnpm install`), so what ms pulls in was not examined; blocks trusted readiness',
      ],
    ]);
  });

  it('under Yarn Berry, a range other than the one recorded is out of date, as `yarn install --immutable` finds it; Yarn 1 accepts any range its version fits', () => {
    // As Yarn 4.5.3 wrote it for "ms": "^2.1.0"; the range then pinned to the version it locks.
    write('package.json', '{\n  "name": "p",\n  "version": "1.0.0",\n  "dependencies": {\n    "ms": "2.1.3"\n  }\n}\n');
    write(
      'yarn.lock',
      '# This file is generated by running "yarn install" inside your project.\n# Manual changes might be lost - proceed with caution!\n\n__metadata:\n  version: 8\n  cacheKey: 10c0\n\n' +
        '"ms@npm:^2.1.0":\n  version: 2.1.3\n  resolution: "ms@npm:2.1.3"\n  checksum: 10c0/d924b57e\n  languageName: node\n  linkType: hard\n\n' +
        '"p@workspace:.":\n  version: 0.0.0-use.local\n  resolution: "p@workspace:."\n  dependencies:\n    ms: "npm:^2.1.0"\n  languageName: unknown\n  linkType: soft\n',
    );
    const unlocked = () => scanRoot().findings.filter((f) => f.rule === 'unlocked-dependency').map((f) => f.message);
    expect(unlocked()).toEqual([
      'ms — yarn.lock was written for "^2.1.0", not the declared "2.1.3": the lockfile is out of date (run `yarn install`), so what ms pulls in was not examined; blocks trusted readiness',
    ]);
    write('package.json', '{\n  "name": "p",\n  "version": "1.0.0",\n  "dependencies": {\n    "ms": "^2.1.0"\n  }\n}\n');
    expect(unlocked()).toEqual([]);
    // Yarn 1.22's --frozen-lockfile installs a pinned range from the entry of the old one: not out of date.
    write('package.json', '{\n  "name": "p",\n  "version": "1.0.0",\n  "dependencies": {\n    "ms": "2.1.3"\n  }\n}\n');
    write('yarn.lock', '# yarn lockfile v1\n\n\nms@^2.1.0:\n  version "2.1.3"\n  integrity sha512-a\n');
    expect(unlocked()).toEqual([]);
  });

  it('reads PEP 440 specifiers against the lock: numpy>=1.26 is not what a lock of 1.24.4 gives', () => {
    write('pyproject.toml', '[project]\nname = "bot"\ndependencies = ["numpy>=1.26", "anyio~=4.0"]\n');
    write(
      'poetry.lock',
      '[[package]]\nname = "numpy"\nversion = "1.24.4"\n\n[[package]]\nname = "anyio"\nversion = "4.9.0"\n\n[metadata]\nlock-version = "2.0"\n',
    );
    const result = scanRoot();
    expect(result.findings.filter((f) => f.rule === 'unlocked-dependency').map((f) => f.message)).toEqual([
      'numpy — poetry.lock locks 1.24.4, outside the declared ">=1.26": the lockfile is out of date (run `poetry lock`), so what numpy pulls in was not examined; blocks trusted readiness',
    ]);
    expect(result.files.find((f) => f.file === 'pyproject.toml')!.assessments.map((a) => [a.declaration.name, a.declaration.locked])).toEqual([
      ['numpy', undefined],
      ['anyio', { version: '4.9.0' }],
    ]);
  });

  it('a lockfile above a package.json pins it only as its workspace root’s: a project merely below another is not theirs to lock', () => {
    write('package.json', { name: 'mono', workspaces: ['packages/*'], dependencies: { openai: '^4.77.0', gigachat: '^0.0.20' } });
    write('package-lock.json', lock);
    write('packages/bot/package.json', { name: 'bot-member', dependencies: { gigachat: '^0.0.20' } });
    write('examples/demo/package.json', { name: 'demo', dependencies: { 'left-pad': '^1.3.0' } });
    const result = scanRoot();
    const lockOf = (file: string) => result.files.find((f) => f.file === file)!.assessments.map((a) => [a.declaration.name, a.declaration.locked]);
    expect(lockOf('packages/bot/package.json')).toEqual([['gigachat', { version: '0.0.20' }]]);
    // Not a member: no lockfile of its own, so none at all (not "out of date" against the workspace's).
    expect(lockOf('examples/demo/package.json')).toEqual([['left-pad', undefined]]);
    expect(result.findings.filter((f) => f.rule === 'unlocked-dependency')).toEqual([]);
    expect(result.verdict.summary).toMatch(/; transitive dependencies partly examined \(no lockfile\)$/);
  });

  it('a package-lock.json left in an npm workspace member is not what npm installs it from: the root lockfile is', () => {
    write('package.json', { name: 'mono', workspaces: ['packages/*'], dependencies: { openai: '^4.77.0', gigachat: '^0.0.20' } });
    write('package-lock.json', lock);
    write('packages/bot/package.json', { name: 'bot-member', dependencies: { gigachat: '^0.0.20' } });
    // Written by an `npm install` in the member's folder before it joined the workspace: 0.0.19 is outside ^0.0.20.
    write('packages/bot/package-lock.json', {
      name: 'bot-member',
      lockfileVersion: 3,
      packages: { '': { name: 'bot-member', dependencies: { gigachat: '^0.0.19' } }, 'node_modules/gigachat': { version: '0.0.19', integrity: 'sha512-x' } },
    });
    const result = scanRoot();
    const member = result.files.find((f) => f.file === 'packages/bot/package.json')!;
    expect(member.assessments.map((a) => [a.declaration.name, a.declaration.locked, a.declaration.staleLock])).toEqual([['gigachat', { version: '0.0.20' }, undefined]]);
    expect(result.files.map((f) => f.file)).not.toContain('packages/bot/package-lock.json');
    expect(result.findings.filter((f) => f.rule === 'unlocked-dependency')).toEqual([]);
    expect(result.verdict.transitive).toBe('examined');
  });

  it('a member of a Yarn workspace with a yarn.lock of its own is a project of its own', () => {
    write('package.json', { name: 'mono', workspaces: ['packages/*'], dependencies: { openai: '^4.77.0' } });
    write('yarn.lock', '# yarn lockfile v1\n\n"openai@^4.77.0":\n  version "4.77.0"\n  integrity sha512-a\n');
    write('packages/bot/package.json', { name: 'bot-member', dependencies: { gigachat: '^0.0.20' } });
    write('packages/bot/yarn.lock', '# yarn lockfile v1\n\n"gigachat@^0.0.20":\n  version "0.0.21"\n  integrity sha512-d\n');
    const member = scanRoot().files.find((f) => f.file === 'packages/bot/package.json')!;
    expect(member.assessments.map((a) => [a.declaration.name, a.declaration.locked])).toEqual([['gigachat', { version: '0.0.21' }]]);
  });

  it('names both causes when one manifest has no lockfile and another an out-of-date one', () => {
    write('package.json', { name: 'bot', dependencies: { openai: '^4.77.0', 'left-pad': '^1.3.0' } });
    write('package-lock.json', lock);
    write('ml/requirements.txt', 'catboost==1.2.7\n');
    expect(scanRoot().verdict.summary).toBe('none — 1 component blocks national (openai); transitive dependencies partly examined (no lockfile, or one out of date)');
  });

  it('expects no lock of peers, folders, the workspace’s own members, or from a lockfile it could read only in part', () => {
    write('package.json', {
      name: 'bot',
      workspaces: ['packages/*'],
      dependencies: { openai: '^4.77.0', '@bot/core': '1.0.0', vendored: 'file:./vendor/vendored' },
      peerDependencies: { react: '^18' },
    });
    write('packages/core/package.json', { name: '@bot/core', version: '1.0.0' });
    write('package-lock.json', lock);
    expect(scanRoot().findings.filter((f) => f.rule === 'unlocked-dependency')).toEqual([]);
    expect(scanRoot().verdict.transitive).toBe('examined');

    write('package.json', { name: 'bot', dependencies: { openai: '^4.77.0', 'left-pad': '^1.3.0' } });
    write('package-lock.json', `${JSON.stringify(lock).slice(0, -2)}`);
    const broken = scanRoot();
    expect(broken.findings.filter((f) => f.rule === 'unlocked-dependency')).toEqual([]);
    expect(broken.errors.map((e) => e.file)).toEqual(['package-lock.json']);
  });

  it('names the chain production brings a package by, though a devDependency brings it closer', () => {
    write('package.json', { name: 'bot', dependencies: { server: '^1.0.0' }, devDependencies: { 'test-runner': '^1.0.0' } });
    write('package-lock.json', {
      name: 'bot',
      lockfileVersion: 3,
      requires: true,
      packages: {
        '': { name: 'bot', dependencies: { server: '^1.0.0' }, devDependencies: { 'test-runner': '^1.0.0' } },
        'node_modules/server': { version: '1.0.0', integrity: 'sha512-a', dependencies: { cli: '^1.0.0' } },
        'node_modules/cli': { version: '1.0.0', integrity: 'sha512-b', dependencies: { colours: '^1.0.0' } },
        'node_modules/colours': { version: '1.0.0', integrity: 'sha512-c' },
        'node_modules/test-runner': { version: '1.0.0', integrity: 'sha512-d', dev: true, dependencies: { colours: '^1.0.0', reporter: '^1.0.0' } },
        'node_modules/reporter': { version: '1.0.0', integrity: 'sha512-e', dev: true },
      },
    });
    const lockReport = scanRoot().files.find((f) => f.file === 'package-lock.json')!;
    expect(lockReport.assessments.map(({ declaration }) => [declaration.name, declaration.via])).toEqual([
      ['cli', ['server']],
      ['colours', ['server', 'cli']],
      ['reporter', ['test-runner']],
    ]);
  });

  it('counts a pip-compile output as a lockfile', () => {
    write('requirements.txt', '# This file is autogenerated by pip-compile with Python 3.11\ncatboost==1.2.7\n    # via -r requirements.in\n');
    expect(scanRoot().verdict).toMatchObject({ transitive: 'examined', summary: 'sovereign' });
  });

  it('pins a pip-tools input (requirements.in) to the output pip-compile wrote beside it, and flags what the output lacks', () => {
    const compiled = '# autogenerated by pip-compile\n#    pip-compile requirements.in\ncatboost==1.2.7\n    # via -r requirements.in\nnumpy==2.1.0\n    # via\n    #   -r requirements.in\n    #   catboost\n';
    write('requirements.in', 'catboost\nnumpy>=2,<2.1\ngigachat\n');
    write('requirements.txt', compiled);
    write('sovereign-lint.json', { rules: { 'unpinned-version': 'warning' } });
    const result = scanRoot();
    const input = result.files.find((f) => f.file === 'requirements.in')!;
    expect(input.assessments.map(({ declaration }) => [declaration.name, declaration.locked, declaration.staleLock])).toEqual([
      ['catboost', { version: '1.2.7' }, undefined],
      ['numpy', undefined, { lockfile: 'requirements.txt', version: '2.1.0' }],
      ['gigachat', undefined, { lockfile: 'requirements.txt' }],
    ]);
    expect(input.findings.filter((f) => f.rule === 'unlocked-dependency' || f.rule === 'unpinned-version').map((f) => f.message)).toEqual([
      'catboost — no version; the lockfile resolves 1.2.7: pin it for trusted readiness',
      'numpy — version ">=2,<2.1" is a range, not an exact pin: blocks trusted readiness',
      'numpy — requirements.txt locks 2.1.0, outside the declared ">=2,<2.1": the lockfile is out of date (run `pip-compile`), so what numpy pulls in was not examined; blocks trusted readiness',
      'gigachat — no version: blocks trusted readiness',
      'gigachat is not in requirements.txt: the lockfile is out of date (run `pip-compile`), so what gigachat pulls in was not examined; blocks trusted readiness',
    ]);
    const pin = input.findings.find((f) => f.rule === 'unpinned-version')!;
    expect(applyEdits('catboost\nnumpy>=2,<2.1\ngigachat\n', pin.fixes[0]!.edits)).toBe('catboost==1.2.7\nnumpy>=2,<2.1\ngigachat\n');
    expect(result.verdict.transitive).toBe('partly examined');
    expect(result.verdict.summary).toMatch(/; transitive dependencies partly examined \(lockfile out of date\)$/);

    write('requirements.in', 'catboost\nnumpy\n');
    expect(scanRoot().verdict.transitive).toBe('examined');
    // Without its output, an input pins nothing.
    fs.rmSync(path.join(root, 'requirements.txt'));
    expect(scanRoot().verdict).toMatchObject({ transitive: 'not examined', summary: expect.stringMatching(/not examined \(no lockfile\)$/) });
  });

  it('pins an input in a requirements folder to the output of the same name, read from disk when the scan is given only the input', () => {
    write('requirements/dev.in', '-c prod.txt\nmatplotlib\n');
    write('requirements/dev.txt', '#    pip-compile requirements/dev.in\nmatplotlib==3.5.1\n    # via -r requirements/dev.in\n');
    const only = scan([path.join(root, 'requirements/dev.in')], { kb: fixtureKb, cwd: root, today: '2026-11-22' });
    expect(only.files.map((f) => f.file)).toEqual(['requirements/dev.in']);
    expect(only.files[0]!.assessments.map(({ declaration }) => [declaration.name, declaration.locked])).toEqual([['matplotlib', { version: '3.5.1' }]]);
    expect(only.verdict.transitive).toBe('examined');
  });

  it('names on a compiled requirement what its `# via` annotations say it pulls in', () => {
    write('requirements.txt', '# autogenerated by pip-compile\ngigachat==0.1.33\n    # via -r requirements.in\nhttpx==0.27.0\n    # via gigachat\nanyio==4.4.0\n    # via httpx\n');
    const result = scanRoot();
    const pulls = result.findings.filter((f) => f.rule === 'foreign-transitive');
    expect(pulls.map((f) => [f.componentId, f.file, f.range.start, f.message])).toEqual([
      ['pypi:gigachat', 'requirements.txt', { line: 1, character: 0 }, 'gigachat pulls 2 non-domestic packages: httpx (unknown), anyio (unknown)'],
    ]);
    expect(pulls[0]!.related).toEqual([
      { file: 'requirements.txt', range: { start: { line: 3, character: 0 }, end: { line: 3, character: 5 } }, message: 'httpx@0.27.0 — provenance unknown, via gigachat' },
      { file: 'requirements.txt', range: { start: { line: 5, character: 0 }, end: { line: 5, character: 5 } }, message: 'anyio@4.4.0 — provenance unknown, via gigachat → httpx' },
    ]);
    expect(result.verdict.blockedBy).toEqual(['pypi:anyio', 'pypi:httpx']);
    let written = '';
    writeJsonReport(result, (text) => (written += text));
    const components = (JSON.parse(written) as { components: { name: string; relation: string; versionSpec: string; lockedVersion?: string }[] }).components;
    // A pin only other packages bring in is the version locked for it, as a lockfile's entry is.
    expect(components.map(({ name, relation, versionSpec, lockedVersion }) => [name, relation, versionSpec, lockedVersion])).toEqual([
      ['gigachat', 'direct', '==0.1.33', undefined],
      ['httpx', 'transitive', '==0.27.0', '0.27.0'],
      ['anyio', 'transitive', '==4.4.0', '4.4.0'],
    ]);
  });
});

describe('pdm.lock', () => {
  it('expects no lock of a group pdm was not asked to lock (`pdm lock --prod`), and flags what a locked group lacks', () => {
    const locked = (groups: string) =>
      fs.readFileSync(path.join(__dirname, '../fixtures/lockfiles/pdm.lock'), 'utf8').replace('groups = ["default", "dev"]', `groups = ${groups}`);
    write('pyproject.toml', '[project]\nname = "bot"\ndependencies = ["httpx", "left-pad"]\n\n[dependency-groups]\ndev = ["pytest>=8", "ruff"]\n');
    write('pdm.lock', locked('["default"]'));
    const unlocked = () => scanRoot().findings.filter((f) => f.rule === 'unlocked-dependency').map((f) => f.componentId);
    expect(unlocked()).toEqual(['pypi:left-pad']);
    write('pdm.lock', locked('["default", "dev"]'));
    expect(unlocked()).toEqual(['pypi:left-pad', 'pypi:ruff']);
  });

  it('pins a PDM project: what its dependencies pull in is transitive, with the chain, and dev-only packages stay out of the runtime graph', () => {
    write('pyproject.toml', '[project]\nname = "bot"\ndependencies = ["gigachat>=0.1", "httpx"]\n\n[dependency-groups]\ndev = ["pytest>=8"]\n');
    write('pdm.lock', fs.readFileSync(path.join(__dirname, '../fixtures/lockfiles/pdm.lock'), 'utf8'));
    const result = scanRoot();
    const manifest = result.files.find((f) => f.file === 'pyproject.toml')!;
    expect(manifest.assessments.map((a) => [a.declaration.name, a.declaration.locked])).toEqual([
      ['gigachat', { version: '0.1.39' }],
      ['httpx', { version: '0.27.0' }],
      ['pytest', { version: '8.4.1' }],
    ]);
    const lockReport = result.files.find((f) => f.file === 'pdm.lock')!;
    expect(lockReport.assessments.map((a) => [a.declaration.id, a.declaration.versionSpec, a.declaration.via])).toEqual([
      ['pypi:pydantic', '2.11.7', ['gigachat']],
      ['pypi:anyio', '4.9.0', ['httpx']],
      ['pypi:idna', '3.10', ['httpx']],
      ['pypi:sniffio', '1.3.1', ['httpx']],
      ['pypi:numpy', '1.26.4', ['gigachat', 'pydantic']],
      ['pypi:numpy', '2.1.0', ['gigachat', 'pydantic']],
      // pytest needs exceptiongroup too, but production needs it first: the chain is production's.
      ['pypi:exceptiongroup', '1.3.0', ['httpx', 'anyio']],
      ['pypi:iniconfig', '2.1.0', ['pytest']],
    ]);
    // numpy is locked in two versions: one package pulled in, with both places related.
    const pulls = result.findings.find((f) => f.rule === 'foreign-transitive' && f.componentId === 'pypi:gigachat')!;
    expect(pulls.message).toBe('gigachat pulls 2 non-domestic packages: pydantic (unknown), numpy');
    expect(pulls.related!.map((r) => r.message)).toEqual([
      'pydantic@2.11.7 — provenance unknown, via gigachat',
      'numpy@1.26.4 — foreign open-source, via gigachat → pydantic',
      'numpy@2.1.0 — foreign open-source, via gigachat → pydantic',
    ]);
    expect(result.verdict.transitive).toBe('examined');
  });
});

describe('PDM development groups', () => {
  it('reads [tool.pdm.dev-dependencies] as the groups pdm.lock locks: pinned, and what they pull in traced', () => {
    write('pyproject.toml', '[project]\nname = "bot"\ndependencies = ["httpx"]\n\n[tool.pdm.dev-dependencies]\ndev = ["pytest>=8"]\n');
    write('pdm.lock', fs.readFileSync(path.join(__dirname, '../fixtures/lockfiles/pdm.lock'), 'utf8'));
    const result = scanRoot();
    const manifest = result.files.find((f) => f.file === 'pyproject.toml')!;
    expect(manifest.assessments.map((a) => [a.declaration.name, a.declaration.relation, a.declaration.group, a.declaration.locked])).toEqual([
      ['httpx', 'direct', undefined, { version: '0.27.0' }],
      ['pytest', 'dev', 'dev', { version: '8.4.1' }],
    ]);
    const lockReport = result.files.find((f) => f.file === 'pdm.lock')!;
    expect(lockReport.assessments.find((a) => a.declaration.id === 'pypi:iniconfig')?.declaration.via).toEqual(['pytest']);
  });
});

describe('Rye', () => {
  const ryeLock = () => fs.readFileSync(path.join(__dirname, '../fixtures/lockfiles/requirements-dev.lock'), 'utf8');
  const pyproject = (more = '') =>
    `[project]\nname = "openai"\ndependencies = ["httpx>=0.23.0, <1", "anyio>=3.5.0, <5"]\n\n[project.optional-dependencies]\nrealtime = ["websockets >= 13, < 16"]\naiohttp = ["aiohttp"]\n\n[tool.rye]\nmanaged = true\ndev-dependencies = ["pytest", "respx"${more}]\n`;

  it('pins a Rye project by requirements-dev.lock: dependencies and dev-dependencies locked, what they pull in traced, extras the header leaves out not expected', () => {
    write('pyproject.toml', pyproject());
    write('requirements-dev.lock', ryeLock());
    const result = scanRoot();
    const manifest = result.files.find((f) => f.file === 'pyproject.toml')!;
    expect(manifest.assessments.map((a) => [a.declaration.name, a.declaration.relation, a.declaration.locked])).toEqual([
      ['httpx', 'direct', { version: '0.28.1' }],
      ['anyio', 'direct', { version: '4.1.0' }],
      ['websockets', 'optional', { version: '15.0.1' }],
      // Locked only with `--features aiohttp` or `--all-features`, which the header says were not given.
      ['aiohttp', 'optional', undefined],
      ['pytest', 'dev', { version: '8.3.3' }],
      ['respx', 'dev', { version: '0.22.0' }],
    ]);
    expect(result.findings.filter((f) => f.rule === 'unlocked-dependency')).toEqual([]);
    const lockReport = result.files.find((f) => f.file === 'requirements-dev.lock')!;
    expect(lockReport.assessments.map((a) => [a.declaration.name, a.declaration.via])).toEqual([
      ['certifi', ['httpx']],
      ['httpcore', ['httpx']],
      ['idna', ['httpx']],
      ['sniffio', ['anyio']],
      ['h11', ['httpx', 'httpcore']],
      ['iniconfig', ['pytest']],
    ]);
    expect(result.verdict.transitive).toBe('examined');
  });

  it('flags a dev-dependency the lockfile lacks, naming the command that updates it', () => {
    write('pyproject.toml', pyproject(', "nox"'));
    write('requirements-dev.lock', ryeLock());
    const unlocked = scanRoot().findings.filter((f) => f.rule === 'unlocked-dependency');
    expect(unlocked.map((f) => f.message)).toEqual([
      'nox is not in requirements-dev.lock: the lockfile is out of date (run `rye lock`), so what nox pulls in was not examined; blocks trusted readiness',
    ]);
  });

  it('a dependency whose marker the interpreter that ran `rye lock` did not match is left out, not out of date', () => {
    write('pyproject.toml', '[project]\nname = "sdk"\ndependencies = ["httpx", "tomli; python_version < \'3.11\'"]\n');
    write('requirements.lock', '# generated by rye\n#   features: []\n#   all-features: false\n#   universal: false\n\n-e file:.\nhttpx==0.28.1\n    # via sdk\n');
    expect(scanRoot().findings.filter((f) => f.rule === 'unlocked-dependency')).toEqual([]);
    // A universal lock resolves every marker: there, a missing one is out of date.
    write('requirements.lock', '# generated by rye\n#   features: []\n#   all-features: false\n#   universal: true\n\n-e file:.\nhttpx==0.28.1\n    # via sdk\n');
    expect(scanRoot().findings.filter((f) => f.rule === 'unlocked-dependency').map((f) => f.componentId)).toEqual(['pypi:tomli']);
  });

  it('requirements.lock alone does not lock the dev-dependencies: they are not called out of date', () => {
    write('pyproject.toml', pyproject());
    write('requirements.lock', ryeLock().replace('pytest==8.3.3\n', '').replace('respx==0.22.0\n', ''));
    expect(scanRoot().findings.filter((f) => f.rule === 'unlocked-dependency')).toEqual([]);
  });

  it('a lock Rye wrote before `# via` lines: every pin beyond the direct dependencies is pulled in, by an unknown path', () => {
    write('pyproject.toml', '[project]\nname = "tpl"\n[tool.rye]\ndev-dependencies = ["black~=23.3.0"]\n');
    write('requirements-dev.lock', '#   features: []\n#   all-features: false\n\n-e file:.\nblack==23.3.0\nclick==8.1.3\nplatformdirs==3.5.1\n');
    const result = scanRoot();
    const lockReport = result.files.find((f) => f.file === 'requirements-dev.lock')!;
    expect(lockReport.assessments.map((a) => [a.declaration.name, a.declaration.relation, a.declaration.via])).toEqual([
      ['click', 'transitive', []],
      ['platformdirs', 'transitive', []],
    ]);
  });

  it('names the command of a uv export written to requirements-dev.lock as the one that updates it', () => {
    write('pyproject.toml', '[project]\nname = "anthropic"\ndependencies = ["httpx", "distro"]\n');
    write('requirements-dev.lock', '# This file was autogenerated by uv via the following command:\n#    uv export -o requirements-dev.lock --no-hashes\n-e .\nhttpx==0.28.1\n    # via anthropic\n');
    expect(scanRoot().findings.filter((f) => f.rule === 'unlocked-dependency').map((f) => f.message)).toEqual([
      'distro is not in requirements-dev.lock: the lockfile is out of date (run `uv export -o requirements-dev.lock --no-hashes`), so what distro pulls in was not examined; blocks trusted readiness',
    ]);
  });

  it('a Rye workspace that lists no members has every project below it as one', () => {
    write('pyproject.toml', '[project]\nname = "rye"\n[tool.rye]\nmanaged = true\n[tool.rye.workspace]\n');
    write('rye-devtools/pyproject.toml', '[project]\nname = "rye-devtools"\ndependencies = ["httpx"]\n');
    write('requirements-dev.lock', '# generated by rye\n#   features: []\n#   all-features: false\n\n-e file:.\n-e file:rye-devtools\nanyio==4.1.0\n    # via httpx\nhttpx==0.26.0\n    # via rye-devtools\n');
    const member = scanRoot().files.find((f) => f.file === 'rye-devtools/pyproject.toml')!;
    expect(member.assessments.map((a) => [a.declaration.name, a.declaration.locked])).toEqual([['httpx', { version: '0.26.0' }]]);
  });

  it('a member of a Rye workspace is pinned by the lockfile at the workspace root', () => {
    write('pyproject.toml', '[project]\nname = "acme"\n[tool.rye]\nmanaged = true\n[tool.rye.workspace]\nmembers = ["packages/*"]\n');
    write('packages/client/pyproject.toml', '[project]\nname = "acme-client"\ndependencies = ["httpx"]\n');
    write('requirements.lock', '# generated by rye\n#   features: []\n#   all-features: false\n\n-e file:packages/client\nanyio==4.1.0\n    # via httpx\nhttpx==0.28.1\n    # via acme-client\n');
    const result = scanRoot();
    const member = result.files.find((f) => f.file === 'packages/client/pyproject.toml')!;
    expect(member.assessments.map((a) => [a.declaration.name, a.declaration.locked])).toEqual([['httpx', { version: '0.28.1' }]]);
    expect(result.files.find((f) => f.file === 'requirements.lock')!.assessments.map((a) => [a.declaration.name, a.declaration.via])).toEqual([['anyio', ['httpx']]]);
  });
});

describe('uv workspaces', () => {
  it('a member pyproject.toml is pinned by the uv.lock at the workspace root', () => {
    write('pyproject.toml', '[project]\nname = "acme-app"\ndependencies = ["acme-core"]\n[tool.uv.sources]\nacme-core = { workspace = true }\n[tool.uv.workspace]\nmembers = ["packages/*"]\n');
    write('packages/core/pyproject.toml', '[project]\nname = "acme-core"\ndependencies = ["numpy"]\n');
    write('uv.lock', fs.readFileSync(path.join(__dirname, '../fixtures/lockfiles/uv.lock'), 'utf8'));
    write('sovereign-lint.json', { rules: { 'missing-lockfile': 'error' } });
    const result = scanRoot();
    const member = result.files.find((f) => f.file === 'packages/core/pyproject.toml')!;
    // uv locks the member's numpy in two versions, for two Python ranges: the first is the one it names.
    expect(member.assessments.map((a) => [a.declaration.name, a.declaration.locked])).toEqual([['numpy', { version: '1.26.4' }]]);
    expect(result.findings.filter((f) => f.rule === 'missing-lockfile')).toEqual([]);
    expect(result.verdict.transitive).toBe('examined');
  });

  it('a member scanned on its own counts every member as its own code, one it pulls in through another included', () => {
    write('pyproject.toml', '[project]\nname = "acme"\n[tool.uv.workspace]\nmembers = ["apps/*", "packages/*"]\n');
    write('apps/bot/pyproject.toml', '[project]\nname = "bot"\ndependencies = ["utils"]\n[tool.uv.sources]\nutils = { workspace = true }\n');
    write('packages/utils/pyproject.toml', '[project]\nname = "utils"\ndependencies = ["core"]\n[tool.uv.sources]\ncore = { workspace = true }\n');
    write('packages/core/pyproject.toml', '[project]\nname = "core"\n');
    write(
      'uv.lock',
      [
        'version = 1',
        'revision = 2',
        'requires-python = ">=3.12"',
        '',
        '[manifest]',
        'members = ["acme", "bot", "core", "utils"]',
        '',
        '[[package]]',
        'name = "bot"',
        'version = "0.1.0"',
        'source = { editable = "apps/bot" }',
        'dependencies = [{ name = "utils" }]',
        '',
        '[[package]]',
        'name = "core"',
        'version = "0.1.0"',
        'source = { editable = "packages/core" }',
        '',
        '[[package]]',
        'name = "utils"',
        'version = "0.1.0"',
        'source = { editable = "packages/utils" }',
        'dependencies = [{ name = "core" }]',
        '',
      ].join('\n'),
    );
    const bot = scan([path.join(root, 'apps/bot')], { kb: fixtureKb, cwd: root, today: '2026-11-22' });
    expect(bot.files.flatMap((f) => f.assessments.map((a) => [f.file, a.declaration.name, a.declaration.relation, a.classification]))).toEqual([
      ['pyproject.toml', 'utils', 'workspace', 'domestic'],
      ['../../uv.lock', 'core', 'workspace', 'domestic'],
    ]);
    expect(bot.verdict.summary).toBe('sovereign');
  });

  it('never looks above the scanned root, nor for a Poetry or PDM lock in a parent folder', () => {
    write('pyproject.toml', '[project]\nname = "outer"\n');
    write('poetry.lock', '');
    write('inner/pyproject.toml', '[project]\nname = "inner"\ndependencies = ["numpy"]\n');
    const inner = scan([path.join(root, 'inner')], { kb: fixtureKb, cwd: root, today: '2026-11-22' });
    expect(inner.verdict.transitive).toBe('not examined');
    expect(scanRoot().verdict.transitive).toBe('not examined');
  });
});

describe('trusted readiness of what a lockfile pins', () => {
  it('a transitive package is pinned by its lockfile, though PEP 440 would read its bare version as no pin', () => {
    write('pyproject.toml', '[project]\nname = "bot"\ndependencies = ["httpx==0.27.0"]\n');
    write('pdm.lock', fs.readFileSync(path.join(__dirname, '../fixtures/lockfiles/pdm.lock'), 'utf8'));
    write('sovereign-lint.json', { rules: { 'unpinned-version': 'error' } });
    const result = scanRoot();
    expect(result.files.find((f) => f.file === 'pdm.lock')!.assessments.map((a) => a.declaration.name)).toEqual(['anyio', 'idna', 'sniffio', 'exceptiongroup']);
    expect(result.findings.filter((f) => f.rule === 'unpinned-version')).toEqual([]);
  });
});

describe('Pipfile and conda environments', () => {
  const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../fixtures/lockfiles', name), 'utf8');

  it('pins a custom category\'s packages and a key\'s extras by the lock; a pin keeps the extras on the key', () => {
    write('Pipfile', '[packages]\nnumpy = "*"\n\n[dev-packages]\n"dvc[gs]" = "*"\n\n[torch_cu121]\ntorch = {version="*", index="pytorch_cu121"}\n');
    const lock = { _meta: {}, default: { numpy: { version: '==2.1.0' } }, develop: { dvc: { version: '==3.0.0', extras: ['gs'] } }, torch_cu121: { torch: { version: '==2.3.0' } } };
    write('Pipfile.lock', JSON.stringify(lock));
    write('sovereign-lint.json', JSON.stringify({ extends: ['sovereign-lint:trusted'] }));
    const result = scanRoot();
    const manifest = result.files.find((f) => f.file === 'Pipfile')!;
    expect(manifest.assessments.map((a) => [a.declaration.id, a.declaration.relation, a.declaration.group, a.declaration.locked])).toEqual([
      ['pypi:numpy', 'direct', undefined, { version: '2.1.0' }],
      ['pypi:dvc', 'dev', undefined, { version: '3.0.0' }],
      ['pypi:torch', 'optional', 'torch_cu121', { version: '2.3.0' }],
    ]);
    expect(result.findings.filter((f) => f.rule === 'unlocked-dependency')).toEqual([]);
    const dvcPin = result.findings.find((f) => f.rule === 'unpinned-version' && f.componentId === 'pypi:dvc')!;
    expect(dvcPin.fixes[0]!.edits.map((edit) => edit.newText)).toEqual(['"dvc[gs]" = "==3.0.0"']);
  });

  it('reads a Pipfile as the manifest and its Pipfile.lock as the lock: the rest of the lock is transitive, by an unknown path', () => {
    write('Pipfile', fixture('Pipfile'));
    write('Pipfile.lock', fixture('Pipfile.lock'));
    const result = scanRoot();
    const manifest = result.files.find((f) => f.file === 'Pipfile')!;
    expect(manifest.assessments.map((a) => [a.declaration.id, a.declaration.relation, a.declaration.range.start, a.declaration.versionSpec, a.declaration.locked, a.declaration.staleLock?.lockfile])).toEqual([
      ['pypi:requests', 'direct', { line: 6, character: 0 }, undefined, { version: '2.32.3' }, undefined],
      // Not in this lock: known to be unlocked, not guessed.
      ['pypi:django', 'direct', { line: 7, character: 0 }, '==4.2.14', undefined, 'Pipfile.lock'],
      ['pypi:numpy', 'direct', { line: 8, character: 0 }, '>=1.26', undefined, 'Pipfile.lock'],
      ['pypi:zope-interface', 'direct', { line: 9, character: 1 }, '~=6.4', undefined, 'Pipfile.lock'],
      // Locked as a folder and a git checkout: no version to tell.
      ['pypi:mylib', 'workspace', { line: 10, character: 0 }, undefined, {}, undefined],
      ['pypi:flask', 'direct', { line: 11, character: 0 }, undefined, {}, undefined],
      ['pypi:pytest', 'dev', { line: 14, character: 0 }, '>=8', { version: '8.3.2' }, undefined],
    ]);
    const lockReport = result.files.find((f) => f.file === 'Pipfile.lock')!;
    expect(lockReport.assessments.map((a) => [a.declaration.id, a.declaration.relation, a.declaration.via])).toEqual([
      ['pypi:certifi', 'transitive', []],
      ['pypi:tarball-pkg', 'transitive', []],
    ]);
    // The lock is out of date: what the three it lacks pull in was not examined.
    expect(result.findings.filter((f) => f.rule === 'unlocked-dependency').map((f) => [f.componentId, f.severity, f.range.start.line])).toEqual([
      ['pypi:django', 'warning', 7],
      ['pypi:numpy', 'warning', 8],
      ['pypi:zope-interface', 'warning', 9],
    ]);
    expect(result.verdict.transitive).toBe('partly examined');
    expect(result.verdict.summary).toMatch(/; transitive dependencies partly examined \(lockfile out of date\)$/);
  });

  it('pins a Pipfile entry to the version Pipfile.lock resolves, in Pipfile syntax, touching nothing else', () => {
    write('Pipfile', fixture('Pipfile'));
    write('Pipfile.lock', fixture('Pipfile.lock'));
    write('sovereign-lint.json', { rules: { 'unpinned-version': 'warning' } });
    const result = scanRoot();
    const pin = result.findings.find((f) => f.rule === 'unpinned-version' && f.componentId === 'pypi:requests')!;
    expect(pin.message).toBe('requests — no version; the lockfile resolves 2.32.3: pin it for trusted readiness');
    expect(pin.fixes).toEqual([
      {
        title: 'Pin requests to 2.32.3, the version the lockfile resolves',
        isPreferred: true,
        edits: [{ file: 'Pipfile', range: { start: { line: 6, character: 0 }, end: { line: 6, character: 14 } }, newText: 'requests = "==2.32.3"' }],
      },
    ]);
    const fixed = applyEdits(fixture('Pipfile'), pin.fixes[0]!.edits);
    expect(fixed).toBe(fixture('Pipfile').replace('requests = "*"', 'requests = "==2.32.3"'));
    // Not in the lock: nothing to pin to.
    const numpy = result.findings.find((f) => f.rule === 'unpinned-version' && f.componentId === 'pypi:numpy');
    expect(numpy?.fixes ?? []).toEqual([]);
  });

  it('pins an inline-table entry by its version alone, keeping its extras and index; adds a version where the table has none', () => {
    const pipfile = '[packages]\nrequests = {version = "*", extras = ["socks"]}\n\n[dev-packages]\npytest = { extras = ["testing"], index = "pypi" }\n';
    write('Pipfile', pipfile);
    write('Pipfile.lock', fixture('Pipfile.lock'));
    write('sovereign-lint.json', { rules: { 'unpinned-version': 'warning' } });
    const result = scanRoot();
    const pins = Object.fromEntries(
      result.findings.filter((f) => f.rule === 'unpinned-version' && f.file === 'Pipfile').map((f) => [f.componentId, f.fixes.map((fix) => [fix.title, fix.edits])]),
    );
    expect(pins).toEqual({
      'pypi:requests': [
        ['Pin requests to 2.32.3, the version the lockfile resolves', [{ file: 'Pipfile', range: { start: { line: 1, character: 22 }, end: { line: 1, character: 25 } }, newText: '"==2.32.3"' }]],
      ],
      'pypi:pytest': [
        ['Pin pytest to 8.3.2, the version the lockfile resolves', [{ file: 'Pipfile', range: { start: { line: 4, character: 11 }, end: { line: 4, character: 11 } }, newText: 'version = "==8.3.2", ' }]],
      ],
    });
    const fixed = result.findings
      .filter((f) => f.rule === 'unpinned-version' && f.file === 'Pipfile')
      .reduce((text, f) => applyEdits(text, f.fixes[0]!.edits), pipfile);
    expect(fixed).toBe('[packages]\nrequests = {version = "==2.32.3", extras = ["socks"]}\n\n[dev-packages]\npytest = { version = "==8.3.2", extras = ["testing"], index = "pypi" }\n');
    // Still a Pipfile, now pinned: nothing left for the rule to report.
    expect(readPipfile(fixed).problems).toEqual([]);
    expect([...readPipfile(fixed).packages.values()].map((p) => [p.name, p.specifier])).toEqual([['requests', '==2.32.3'], ['pytest', '==8.3.2']]);
  });

  it('offers no pin or replacement for a package written as dotted keys, whose other lines a rewrite would leave behind', () => {
    write('Pipfile', '[packages]\nrequests.version = "*"\nrequests.extras = ["socks"]\nopenai.version = ">=1"\n');
    write('Pipfile.lock', fixture('Pipfile.lock'));
    write('sovereign-lint.json', { rules: { 'unpinned-version': 'warning' } });
    const findings = scanRoot().findings.filter((f) => f.file === 'Pipfile' && (f.rule === 'unpinned-version' || f.rule === 'foreign-proprietary'));
    // Each at its name, with only the fixes that do not edit the Pipfile.
    expect(findings.map((f) => [f.rule, f.componentId, f.range.start.line, f.range.start.character, f.fixes.filter((fix) => fix.edits.some((edit) => edit.file === 'Pipfile'))])).toEqual([
      ['unpinned-version', 'pypi:requests', 1, 0, []],
      ['foreign-proprietary', 'pypi:openai', 3, 0, []],
      ['unpinned-version', 'pypi:openai', 3, 0, []],
    ]);
  });

  it('replaces an inline-table entry whole: its extras belonged to the foreign package', () => {
    write('Pipfile', '[packages]\nopenai = {version = ">=1", extras = ["datalib"]}\n');
    const replace = scanRoot().findings.find((f) => f.componentId === 'pypi:openai')!.fixes[0]!;
    expect(replace.edits).toEqual([{ file: 'Pipfile', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 48 } }, newText: 'gigachat = ">=0.1.39"' }]);
  });

  it('replaces a foreign SDK in a Pipfile with its domestic alternative, in Pipfile syntax', () => {
    const text = '[packages]\nopenai = "==1.40.0"\n"zope.interface" = "*"\n';
    write('Pipfile', text);
    const finding = scanRoot().findings.find((f) => f.componentId === 'pypi:openai' && f.rule === 'foreign-proprietary')!;
    const [replace] = finding.fixes;
    expect(replace!.edits).toEqual([{ file: 'Pipfile', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 19 } }, newText: 'gigachat = ">=0.1.39"' }]);
    expect(applyEdits(text, replace!.edits)).toBe('[packages]\ngigachat = ">=0.1.39"\n"zope.interface" = "*"\n');
  });

  it('reads environment.yml: conda packages in their own ecosystem, the pip: list as PyPI packages, no lock', () => {
    write('environment.yml', fixture('environment.yml'));
    const result = scanRoot();
    const report = result.files.find((f) => f.file === 'environment.yml')!;
    expect(report.assessments.map((a) => [a.declaration.id, a.declaration.range.start, a.declaration.versionSpec ?? null, a.classification])).toEqual([
      ['conda:numpy', { line: 7, character: 4 }, '>=1.26', 'unknown'],
      ['conda:pytorch', { line: 8, character: 17 }, null, 'unknown'],
      ['conda:torchvision', { line: 9, character: 13 }, '=0.18', 'unknown'],
      ['conda:cudatoolkit', { line: 10, character: 4 }, '11.8.* h4ba93d1_13', 'unknown'],
      ['conda:pip', { line: 11, character: 4 }, null, 'unknown'],
      ['pypi:transformers', { line: 13, character: 6 }, '==4.44.0', 'unknown'],
      ['pypi:datasets', { line: 14, character: 7 }, '>=2.20', 'unknown'],
      ['pypi:acme-tokenizers', { line: 15, character: 6 }, null, 'unknown'],
      ['pypi:acme-utils', { line: 17, character: 9 }, null, 'domestic'],
    ]);
    expect(result.findings.find((f) => f.componentId === 'conda:pytorch')?.message).toBe(
      'pytorch — provenance unknown: not in the knowledge base; attest its origin in sovereign-lint.json. Blocks sovereign',
    );
    expect(result.verdict.summary).toMatch(/; transitive dependencies not examined \(no lockfile\)$/);
  });
});

describe('lockfile integrity (trusted readiness)', () => {
  it('reports a registry package whose lockfile entry records no integrity hash, direct or pulled in; a bundled one is verified with its parent', () => {
    write('package.json', { name: 'bot', dependencies: { openai: '^4.77.0', gigachat: '^0.0.20' } });
    write('package-lock.json', {
      ...lock,
      packages: {
        ...lock.packages,
        'node_modules/openai': { version: '4.77.0', integrity: 'sha512-a', dependencies: { 'node-fetch': '^2.6.7', tr46: '0.0.3' } },
        'node_modules/gigachat': { version: '0.0.20', dependencies: { numpy: '*' } },
        'node_modules/whatwg-url': { version: '5.0.0' },
        'node_modules/openai/node_modules/tr46': { version: '0.0.3', inBundle: true },
      },
    });
    write('sovereign-lint.json', { rules: { 'unhashed-requirement': 'error' } });
    const result = scanRoot();
    expect(result.files.find((f) => f.file === 'package-lock.json')!.assessments.map((a) => a.declaration.name)).toContain('tr46');
    const found = result.findings.filter((f) => f.rule === 'unhashed-requirement');
    expect(found.map((f) => [f.file, f.componentId, f.message])).toEqual([
      ['package.json', 'npm:gigachat', 'gigachat — its lockfile entry records no integrity hash, so its download is not verified: blocks trusted readiness'],
      ['package-lock.json', 'npm:whatwg-url', 'whatwg-url — its lockfile entry records no integrity hash, so its download is not verified: blocks trusted readiness'],
    ]);
  });
});

describe('bun.lock', () => {
  it('pins each workspace member by the root bun.lock: its own copy of a package, and what it pulls in', () => {
    write('package.json', { name: 'acme', workspaces: ['packages/*'], devDependencies: { typescript: '^5.4.5' } });
    write('packages/core/package.json', { name: '@acme/core', dependencies: { lodash: '^4.17.21' } });
    write('packages/web/package.json', {
      name: '@acme/web',
      dependencies: { '@acme/core': 'workspace:*', 'is-negative': 'github:kevva/is-negative#1d7e288', react: '^17.0.2', 'react-dom': '^18.3.1' },
    });
    write('bun.lock', fs.readFileSync(path.join(__dirname, '../fixtures/lockfiles/bun-workspace.lock'), 'utf8'));
    const result = scanRoot();
    const web = result.files.find((f) => f.file === 'packages/web/package.json')!;
    expect(web.assessments.map((a) => [a.declaration.name, a.declaration.locked])).toEqual([
      ['@acme/core', {}],
      ['is-negative', {}],
      ['react', { version: '17.0.2' }],
      ['react-dom', { version: '18.3.1' }],
    ]);
    const lockReport = result.files.find((f) => f.file === 'bun.lock')!;
    expect(lockReport.assessments.map((a) => [a.declaration.id, a.declaration.versionSpec, a.declaration.via])).toEqual([
      ['npm:loose-envify', '1.4.0', ['react']],
      ['npm:object-assign', '4.1.1', ['react']],
      ['npm:scheduler', '0.23.2', ['react-dom']],
      ['npm:react', '18.3.1', ['react-dom']],
      ['npm:js-tokens', '4.0.0', ['react', 'loose-envify']],
    ]);
    expect(result.verdict.transitive).toBe('examined');
  });
});

describe('npm aliases', () => {
  // Written by yarn 1.22, pnpm 9.15 and bun 1.3 for this package.json.
  const manifest = { name: 'x', version: '1.0.0', dependencies: { lp: 'npm:left-pad@^1.3.0' }, devDependencies: { isnum: 'npm:is-number@7.0.0' } };
  const lockfiles: [string, string][] = [
    ['yarn.lock', "# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.\n# yarn lockfile v1\n\n\n\"isnum@npm:is-number@7.0.0\":\n  version \"7.0.0\"\n  resolved \"https://registry.yarnpkg.com/is-number/-/is-number-7.0.0.tgz#7535345b896734d5f80c4d06c50955527a14f12b\"\n  integrity sha512-41Cifkg6e8TylSpdtTpeLVMqvSBEVzTttHvERD741+pnZ8ANv0004MRL43QKPDlK9cGvNp6NZWZUBlbGXYxxng==\n\n\"lp@npm:left-pad@^1.3.0\":\n  version \"1.3.0\"\n  resolved \"https://registry.yarnpkg.com/left-pad/-/left-pad-1.3.0.tgz#5b8a3a7765dfe001261dde915589e782f8c94d1e\"\n  integrity sha512-XI5MPzVNApjAyhQzphX8BkmKsKUxD4LdyK24iZeQGinBN9yTQT3bFlCBy/aVx2HrNcqQGsdot8ghrjyrvMCoEA==\n"],
    ['pnpm-lock.yaml', "lockfileVersion: '9.0'\n\nsettings:\n  autoInstallPeers: true\n  excludeLinksFromLockfile: false\n\nimporters:\n\n  .:\n    dependencies:\n      lp:\n        specifier: npm:left-pad@^1.3.0\n        version: left-pad@1.3.0\n    devDependencies:\n      isnum:\n        specifier: npm:is-number@7.0.0\n        version: is-number@7.0.0\n\npackages:\n\n  is-number@7.0.0:\n    resolution: {integrity: sha512-41Cifkg6e8TylSpdtTpeLVMqvSBEVzTttHvERD741+pnZ8ANv0004MRL43QKPDlK9cGvNp6NZWZUBlbGXYxxng==}\n    engines: {node: '>=0.12.0'}\n\n  left-pad@1.3.0:\n    resolution: {integrity: sha512-XI5MPzVNApjAyhQzphX8BkmKsKUxD4LdyK24iZeQGinBN9yTQT3bFlCBy/aVx2HrNcqQGsdot8ghrjyrvMCoEA==}\n\nsnapshots:\n\n  is-number@7.0.0: {}\n\n  left-pad@1.3.0: {}\n"],
    ['bun.lock', "{\n  \"lockfileVersion\": 2,\n  \"configVersion\": 1,\n  \"workspaces\": {\n    \"\": {\n      \"name\": \"x\",\n      \"dependencies\": {\n        \"lp\": \"npm:left-pad@^1.3.0\",\n      },\n      \"devDependencies\": {\n        \"isnum\": \"npm:is-number@7.0.0\",\n      },\n    },\n  },\n  \"packages\": {\n    \"isnum\": [\"is-number@7.0.0\", \"\", {}, \"sha512-41Cifkg6e8TylSpdtTpeLVMqvSBEVzTttHvERD741+pnZ8ANv0004MRL43QKPDlK9cGvNp6NZWZUBlbGXYxxng==\"],\n\n    \"lp\": [\"left-pad@1.3.0\", \"\", {}, \"sha512-XI5MPzVNApjAyhQzphX8BkmKsKUxD4LdyK24iZeQGinBN9yTQT3bFlCBy/aVx2HrNcqQGsdot8ghrjyrvMCoEA==\"],\n  }\n}\n"],
  ];

  it.each(lockfiles)('%s locks what an alias installs, under the name it is declared by', (file, text) => {
    write('package.json', manifest);
    write(file, text);
    const result = scanRoot();
    expect(result.files[0]!.assessments.map(({ declaration }) => [declaration.name, declaration.id, declaration.locked, declaration.staleLock])).toEqual([
      ['lp', 'npm:left-pad', { version: '1.3.0' }, undefined],
      ['isnum', 'npm:is-number', { version: '7.0.0' }, undefined],
    ]);
    expect(result.verdict.transitive).toBe('examined');
    // Another range than the one locked is out of date, as for any dependency.
    write('package.json', { ...manifest, dependencies: { lp: 'npm:left-pad@^2.0.0' } });
    expect(scanRoot().files[0]!.assessments[0]!.declaration.staleLock).toMatchObject({ lockfile: file });
  });
});

describe('optional peers', () => {
  // Written by npm 11.19 and bun 1.3: stripe's peer @types/node is optional, and only @types/qrcode (a devDependency) installs it.
  const manifest = { name: 'x', version: '1.0.0', dependencies: { stripe: '22.0.2' }, devDependencies: { '@types/qrcode': '1.5.5' } };
  it.each<[string, string]>([
    ['package-lock.json', "{\n  \"name\": \"x\",\n  \"version\": \"1.0.0\",\n  \"lockfileVersion\": 3,\n  \"requires\": true,\n  \"packages\": {\n    \"\": {\n      \"name\": \"x\",\n      \"version\": \"1.0.0\",\n      \"dependencies\": {\n        \"stripe\": \"22.0.2\"\n      },\n      \"devDependencies\": {\n        \"@types/qrcode\": \"1.5.5\"\n      }\n    },\n    \"node_modules/@types/node\": {\n      \"version\": \"26.6.6\",\n      \"integrity\": \"sha512-MzQj+8Kx3XI40OmUAE6Qoh58ZMNstNNMwn2nfd3qWsfe7nDNSqJNzes4njhz6AHwrSHOffSLwXU6yb474Q4aog==\",\n      \"devOptional\": true,\n      \"license\": \"MIT\",\n      \"dependencies\": {\n        \"undici-types\": \"~8.9.0\"\n      }\n    },\n    \"node_modules/@types/qrcode\": {\n      \"version\": \"1.5.5\",\n      \"integrity\": \"sha512-CdfBi/e3Qk+3Z/fXYShipBT13OJ2fDO2Q2w5CIP5anLTLIndQG9z6P1cnm+8zCWSpm5dnxMFd/uREtb0EXuQzg==\",\n      \"dev\": true,\n      \"license\": \"MIT\",\n      \"dependencies\": {\n        \"@types/node\": \"*\"\n      }\n    },\n    \"node_modules/stripe\": {\n      \"version\": \"22.0.2\",\n      \"integrity\": \"sha512-2/BLrQ3oB1zlNfeL/LfHFjTGx6EQn0j+ztrrTJHuDjV5VVIpk92oSDaxyKLUr3pG3dnee2LZqhFUv2Bf0G1/3g==\",\n      \"license\": \"MIT\",\n      \"engines\": {\n        \"node\": \">=18\"\n      },\n      \"peerDependencies\": {\n        \"@types/node\": \">=18\"\n      },\n      \"peerDependenciesMeta\": {\n        \"@types/node\": {\n          \"optional\": true\n        }\n      }\n    },\n    \"node_modules/undici-types\": {\n      \"version\": \"8.9.0\",\n      \"integrity\": \"sha512-KTDyRTYX8sWmKXAikPHHSyc63CRPETMctyjKFupcC6OBLXT3xsN0e9aF7m+mIXutFWpUXuedtowG7iLOzp0kQg==\",\n      \"devOptional\": true,\n      \"license\": \"MIT\"\n    }\n  }\n}\n"],
    ['bun.lock', "{\n  \"lockfileVersion\": 2,\n  \"configVersion\": 1,\n  \"workspaces\": {\n    \"\": {\n      \"name\": \"x\",\n      \"dependencies\": {\n        \"stripe\": \"22.0.2\",\n      },\n      \"devDependencies\": {\n        \"@types/qrcode\": \"1.5.5\",\n      },\n    },\n  },\n  \"packages\": {\n    \"@types/node\": [\"@types/node@26.6.6\", \"\", { \"dependencies\": { \"undici-types\": \"~8.9.0\" } }, \"sha512-MzQj+8Kx3XI40OmUAE6Qoh58ZMNstNNMwn2nfd3qWsfe7nDNSqJNzes4njhz6AHwrSHOffSLwXU6yb474Q4aog==\"],\n\n    \"@types/qrcode\": [\"@types/qrcode@1.5.5\", \"\", { \"dependencies\": { \"@types/node\": \"*\" } }, \"sha512-CdfBi/e3Qk+3Z/fXYShipBT13OJ2fDO2Q2w5CIP5anLTLIndQG9z6P1cnm+8zCWSpm5dnxMFd/uREtb0EXuQzg==\"],\n\n    \"stripe\": [\"stripe@22.0.2\", \"\", { \"peerDependencies\": { \"@types/node\": \">=18\" }, \"optionalPeers\": [\"@types/node\"] }, \"sha512-2/BLrQ3oB1zlNfeL/LfHFjTGx6EQn0j+ztrrTJHuDjV5VVIpk92oSDaxyKLUr3pG3dnee2LZqhFUv2Bf0G1/3g==\"],\n\n    \"undici-types\": [\"undici-types@8.9.0\", \"\", {}, \"sha512-KTDyRTYX8sWmKXAikPHHSyc63CRPETMctyjKFupcC6OBLXT3xsN0e9aF7m+mIXutFWpUXuedtowG7iLOzp0kQg==\"],\n  }\n}\n"],
  ])('%s: an optional peer is no package its dependent pulls in', (file, text) => {
    write('package.json', manifest);
    write(file, text);
    const lockReport = scanRoot().files.find((f) => f.file === file)!;
    expect(lockReport.assessments.map(({ declaration }) => [declaration.name, declaration.via])).toEqual([
      ['@types/node', ['@types/qrcode']],
      ['undici-types', ['@types/qrcode', '@types/node']],
    ]);
  });
});

/** A yarn.lock as Yarn 4 writes it (lockfile version 8), of the entries below. */
const berryLock = (...entries: string[][]) => ['__metadata:', '  version: 8', '  cacheKey: 10c0', '', ...entries.flatMap((entry) => [...entry, ''])].join('\n');
const berryDependencies = (dependencies: Record<string, string>) =>
  Object.keys(dependencies).length ? ['  dependencies:', ...Object.entries(dependencies).map(([name, range]) => `    ${name}: "${range}"`)] : [];
/** A workspace member's entry: `folder` '.' is the root; `served` the extra descriptors (`workspace:^`) it answers. */
const berryWorkspace = (name: string, folder: string, dependencies: Record<string, string> = {}, served: string[] = []) => {
  const resolution = `${name}@workspace:${folder}`;
  const header = [...served.map((range) => `${name}@${range}`), resolution].join(', ');
  return [`"${header}":`, '  version: 0.0.0-use.local', `  resolution: "${resolution}"`, ...berryDependencies(dependencies), '  languageName: unknown', '  linkType: soft'];
};
const berryPackage = (name: string, range: string, version: string, dependencies: Record<string, string> = {}) => [
  `"${name}@npm:${range}":`,
  `  version: ${version}`,
  `  resolution: "${name}@npm:${version}"`,
  ...berryDependencies(dependencies),
  `  checksum: 10c0/${name}`,
  '  languageName: node',
  '  linkType: hard',
];

describe('yarn Berry workspaces', () => {
  it("pulls in what a sibling member needs at run time, not the devDependencies Berry lists with them", () => {
    write('package.json', { name: 'acme', private: true, workspaces: ['packages/*'] });
    write('packages/core/package.json', { name: '@acme/core', dependencies: { lodash: '^4.17.21' }, devDependencies: { typescript: '^5.4.5', 'js-tokens': '^4.0.0' }, peerDependencies: { 'js-tokens': '*' } });
    write('packages/web/package.json', { name: '@acme/web', dependencies: { '@acme/core': 'workspace:^' } });
    write(
      'yarn.lock',
      berryLock(
        berryWorkspace('@acme/core', 'packages/core', { 'js-tokens': 'npm:^4.0.0', lodash: 'npm:^4.17.21', typescript: 'npm:^5.4.5' }, ['workspace:^']),
        berryWorkspace('@acme/web', 'packages/web', { '"@acme/core"': 'workspace:^' }),
        berryWorkspace('acme', '.'),
        berryPackage('js-tokens', '^4.0.0', '4.0.0'),
        berryPackage('lodash', '^4.17.21', '4.17.21'),
        berryPackage('typescript', '^5.4.5', '5.4.5'),
      ),
    );
    // The member scanned on its own: the root lockfile pins it, and its sibling is first-party.
    const web = scan([path.join(root, 'packages/web')], { kb: fixtureKb, cwd: root, today: '2026-11-22' });
    const lockReport = web.files.find((f) => f.file.endsWith('yarn.lock'))!;
    // js-tokens is a peer as well as a devDependency: needed at run time.
    expect(lockReport.assessments.map((a) => [a.declaration.name, a.declaration.via])).toEqual([
      ['js-tokens', ['@acme/core']],
      ['lodash', ['@acme/core']],
    ]);
    // The member's own declarations, devDependencies included, are locked all the same.
    const core = scanRoot().files.find((f) => f.file === 'packages/core/package.json')!;
    expect(core.assessments.map((a) => [a.declaration.name, a.declaration.locked, a.declaration.staleLock])).toEqual([
      ['lodash', { version: '4.17.21' }, undefined],
      ['typescript', { version: '5.4.5' }, undefined],
      ['js-tokens', { version: '4.0.0' }, undefined],
      ['js-tokens', { version: '4.0.0' }, undefined],
    ]);
  });
});

describe('Yarn catalogs', () => {
  it('locks a `catalog:` dependency under the range .yarnrc.yml gives it, as Yarn 4 resolves it', () => {
    write('.yarnrc.yml', 'nodeLinker: node-modules\n\ncatalog:\n  zod: ^3.23.8\n\ncatalogs:\n  react18:\n    react: ^18.3.1\n');
    write('package.json', { name: 'acme', private: true, workspaces: ['apps/*', 'packages/*'] });
    write('apps/web/package.json', { name: '@acme/web', dependencies: { '@acme/ui': 'workspace:*', react: 'catalog:react18', zod: 'catalog:' } });
    write('packages/ui/package.json', { name: '@acme/ui' });
    write(
      'yarn.lock',
      berryLock(
        berryWorkspace('@acme/ui', 'packages/ui', {}, ['workspace:*']),
        berryWorkspace('@acme/web', 'apps/web', { '"@acme/ui"': 'workspace:*', react: 'catalog:react18', zod: 'catalog:' }),
        berryWorkspace('acme', '.'),
        berryPackage('js-tokens', '^3.0.0 || ^4.0.0', '4.0.0'),
        berryPackage('loose-envify', '^1.1.0', '1.4.0', { 'js-tokens': 'npm:^3.0.0 || ^4.0.0' }),
        berryPackage('react', '^18.3.1', '18.3.1', { 'loose-envify': 'npm:^1.1.0' }),
        berryPackage('zod', '^3.23.8', '3.25.76'),
      ),
    );
    const result = scanRoot();
    const web = result.files.find((f) => f.file === 'apps/web/package.json')!;
    expect(web.assessments.map(({ declaration }) => [declaration.name, declaration.locked, declaration.staleLock])).toEqual([
      ['@acme/ui', {}, undefined],
      ['react', { version: '18.3.1' }, undefined],
      ['zod', { version: '3.25.76' }, undefined],
    ]);
    expect(result.files.find((f) => f.file === 'yarn.lock')!.assessments.map(({ declaration }) => [declaration.name, declaration.via])).toEqual([
      ['loose-envify', ['react']],
      ['js-tokens', ['react', 'loose-envify']],
    ]);
    expect(result.verdict.transitive).toBe('examined');
  });
});

describe('pnpm catalogs', () => {
  const catalogFixture = path.join(__dirname, '../fixtures/pnpm-catalog');
  const copyFixture = () => fs.cpSync(catalogFixture, root, { recursive: true });
  const unpinned = (result: ReturnType<typeof scanRoot>) =>
    Object.fromEntries(result.findings.filter((f) => f.rule === 'unpinned-version').map((f) => [f.componentId, f]));

  it('judges a `catalog:` spec by the catalog entry in pnpm-workspace.yaml, and pins it there', () => {
    copyFixture();
    write('sovereign-lint.json', { rules: { 'unpinned-version': 'error' } });
    const result = scanRoot();
    const byId = unpinned(result);
    // zod's catalog entry is exact: nothing to pin.
    expect(Object.keys(byId).sort()).toEqual(['npm:axios', 'npm:openai', 'npm:react']);
    expect(byId['npm:openai']!.message).toBe(
      'openai — version "^4.77.0" in the default catalog of pnpm-workspace.yaml is a range; the lockfile resolves 4.77.0: pin it in the catalog for trusted readiness',
    );
    expect(byId['npm:react']!.message).toBe(
      'react — version "^18.3.1" in the react18 catalog of pnpm-workspace.yaml is a range; the lockfile resolves 18.3.1: pin it in the catalog for trusted readiness',
    );
    expect(byId['npm:axios']!.message).toBe('axios — "catalog:" names the default catalog, which has no entry for axios: blocks trusted readiness');
    expect(byId['npm:axios']!.fixes).toEqual([]);
    // The finding stays on the dependency in package.json; its fix edits the catalog, keeping the entry's quotes.
    expect(byId['npm:react']!.file).toBe('packages/web/package.json');
    expect(byId['npm:react']!.fixes).toEqual([
      {
        title: 'Pin react to 18.3.1 in the react18 catalog, the version the lockfile resolves',
        isPreferred: true,
        edits: [{ file: 'pnpm-workspace.yaml', range: { start: { line: 10, character: 11 }, end: { line: 10, character: 20 } }, newText: "'18.3.1'" }],
      },
    ]);
    const workspace = fs.readFileSync(path.join(root, 'pnpm-workspace.yaml'), 'utf8');
    const fixed = applyEdits(workspace, [...byId['npm:openai']!.fixes[0]!.edits, ...byId['npm:react']!.fixes[0]!.edits]);
    expect(fixed).toBe(workspace.replace('openai: ^4.77.0', 'openai: 4.77.0').replace("react: '^18.3.1'", "react: '18.3.1'"));
    fs.writeFileSync(path.join(root, 'pnpm-workspace.yaml'), fixed);
    expect(Object.keys(unpinned(scanRoot()))).toEqual(['npm:axios']);
  });

  it('scanning a member on its own, takes its catalogs and lockfile from the workspace root above it', () => {
    copyFixture();
    write('sovereign-lint.json', { rules: { 'unpinned-version': 'error' } });
    const member = path.join(root, 'packages/web');
    const result = scan([member], { kb: fixtureKb, cwd: member, today: '2026-11-22' });
    const react = unpinned(result)['npm:react']!;
    expect([react.file, react.fixes[0]!.edits]).toEqual([
      'package.json',
      [{ file: '../../pnpm-workspace.yaml', range: { start: { line: 10, character: 11 }, end: { line: 10, character: 20 } }, newText: "'18.3.1'" }],
    ]);
    expect(result.files.map((f) => f.file)).toEqual(['package.json', '../../pnpm-lock.yaml']);
    expect(result.findings.find((f) => f.rule === 'foreign-transitive')?.message).toBe('react pulls 2 non-domestic packages: loose-envify (unknown), js-tokens (unknown)');
  });

  it('still finds the locked version and what a catalog dependency pulls in', () => {
    copyFixture();
    const result = scanRoot();
    const react = result.files.find((f) => f.file === 'packages/web/package.json')!.assessments.find((a) => a.declaration.name === 'react')!;
    expect(react.declaration.locked).toEqual({ version: '18.3.1' });
    expect(result.findings.find((f) => f.rule === 'foreign-transitive')?.message).toBe('react pulls 2 non-domestic packages: loose-envify (unknown), js-tokens (unknown)');
  });

  it('reads Yarn catalogs from .yarnrc.yml and Bun catalogs from the root package.json', () => {
    write('sovereign-lint.json', { rules: { 'unpinned-version': 'error' } });
    write('yarn/.yarnrc.yml', 'nodeLinker: node-modules\ncatalog:\n  openai: ^4.77.0\n');
    write('yarn/packages/app/package.json', { name: 'app', dependencies: { openai: 'catalog:' } });
    const bunRoot = '{\n  "name": "bun-root",\n  "workspaces": {\n    "packages": ["packages/*"],\n    "catalogs": { "ai": { "openai": "^4.77.0" } }\n  }\n}\n';
    write('bun/package.json', bunRoot);
    write('bun/packages/app/package.json', { name: 'bun-app', dependencies: { openai: 'catalog:ai' } });
    const found = scanRoot().findings.filter((f) => f.rule === 'unpinned-version');
    expect(found.map((f) => [f.file, f.message])).toEqual([
      ['bun/packages/app/package.json', 'openai — version "^4.77.0" in the ai catalog of bun/package.json is a range, not an exact pin: blocks trusted readiness'],
      ['yarn/packages/app/package.json', 'openai — version "^4.77.0" in the default catalog of yarn/.yarnrc.yml is a range, not an exact pin: blocks trusted readiness'],
    ]);
  });

  it('without a catalog file a `catalog:` spec names no entry', () => {
    write('package.json', { name: 'web', dependencies: { openai: 'catalog:' } });
    write('sovereign-lint.json', { rules: { 'unpinned-version': 'error' } });
    expect(unpinned(scanRoot())['npm:openai']!.message).toBe('openai — "catalog:" names the default catalog, which has no entry for openai: blocks trusted readiness');
    // A workspace file that does not parse names no catalogs either; the scan goes on.
    write('pnpm-workspace.yaml', 'catalog:\n  openai: [^4\n');
    expect(unpinned(scanRoot())['npm:openai']!.message).toBe('openai — "catalog:" names the default catalog, which has no entry for openai: blocks trusted readiness');
  });

  it('reads a catalog entry as package.json would: an alias installs its package, git is a direct reference', () => {
    write('pnpm-workspace.yaml', 'packages: [app]\ncatalog:\n  my-llm: npm:openai@4.20.0\n  langchain: "github:langchain-ai/langchainjs#v0.1.0"\n  react: &react 18.3.1\n  react-dom: *react\n');
    write('app/package.json', { name: 'app', dependencies: { 'my-llm': 'catalog:', langchain: 'catalog:', react: 'catalog:', 'react-dom': 'catalog:' } });
    write('sovereign-lint.json', { rules: { 'unpinned-version': 'error', 'direct-url-dependency': 'error' } });
    const result = scanRoot();
    const app = result.files.find((file) => file.file === 'app/package.json')!;
    expect(app.assessments.map(({ declaration, classification }) => [declaration.name, declaration.id, classification, declaration.directReference?.kind])).toEqual([
      ['my-llm', 'npm:openai', 'foreign-proprietary', undefined],
      ['langchain', 'npm:langchain', 'unknown', 'vcs'],
      ['react', 'npm:react', 'unknown', undefined],
      ['react-dom', 'npm:react-dom', 'unknown', undefined],
    ]);
    // The alias's version is exact, and so is the anchored one react-dom takes: only the git dependency is a finding.
    expect(app.findings.filter((f) => f.rule === 'unpinned-version' || f.rule === 'direct-url-dependency').map((f) => [f.rule, f.componentId])).toEqual([
      ['direct-url-dependency', 'npm:langchain'],
    ]);
    expect(result.verdict.blockedBy).toContain('npm:openai');
    expect(result.verdict.tier).toBe('none');
  });

  it('pins an alias in its catalog as an alias of the same package; a JSR package not at all', () => {
    write('pnpm-workspace.yaml', 'packages: [app]\ncatalog:\n  my-llm: "npm:openai@^4.20.0"\n  "@std/path": jsr:^1.0.8\n');
    write('app/package.json', { name: 'app', dependencies: { 'my-llm': 'catalog:', '@std/path': 'catalog:' } });
    const [alias, jsr] = scanRoot().files.find((file) => file.file === 'app/package.json')!.assessments.map(({ declaration }) => declaration);
    expect(pinFix(alias!, '4.20.3')[0]!.edits).toEqual([
      { range: { start: { line: 2, character: 10 }, end: { line: 2, character: 30 } }, newText: '"npm:openai@4.20.3"', file: 'pnpm-workspace.yaml' },
    ]);
    // Its id is the JSR package's npm-compatible name; a pin would drop the jsr: protocol.
    expect([jsr!.id, pinFix(jsr!, '1.0.9')]).toEqual(['npm:@jsr/std__path', []]);
  });
});

describe('the licence a package declares, as its npm lockfile records it', () => {
  const declaring = (licenses: Record<string, string>) => ({
    name: 'bot',
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: 'bot', dependencies: { 'no-license': '^1.0.0', 'closed-sdk': '^1.0.0' } },
      'node_modules/no-license': {
        version: '1.0.0',
        integrity: 'sha512-a',
        license: licenses['no-license'],
        dependencies: { '@scope-ai/open': '^2.0.0', '@scope-ai/closed': '^1.0.0', '@scope-ai/unsaid': '^1.0.0' },
      },
      'node_modules/@scope-ai/open': { version: '2.0.0', integrity: 'sha512-b', license: licenses['@scope-ai/open'] },
      'node_modules/@scope-ai/closed': { version: '1.0.0', integrity: 'sha512-c', license: licenses['@scope-ai/closed'] },
      'node_modules/@scope-ai/unsaid': { version: '1.0.0', integrity: 'sha512-d', license: licenses['@scope-ai/unsaid'] },
      'node_modules/closed-sdk': { version: '1.0.0', integrity: 'sha512-e', license: licenses['closed-sdk'] },
    },
  });
  const judged = (result: ReturnType<typeof scanRoot>) =>
    result.findings.filter((f) => f.rule === 'foreign-component' || f.rule === 'foreign-proprietary').map((f) => [f.file, f.rule, f.message]);

  it('decides whether a foreign package the knowledge base records no licence for is open source, declared or pulled in', () => {
    write('package.json', { name: 'bot', dependencies: { 'no-license': '^1.0.0', 'closed-sdk': '^1.0.0' } });
    write('package-lock.json', declaring({ 'no-license': 'MIT', '@scope-ai/open': 'Apache 2.0', '@scope-ai/closed': 'BUSL-1.1', '@scope-ai/unsaid': 'SEE LICENSE IN LICENSE.md', 'closed-sdk': 'MIT' }));
    const result = scanRoot();
    expect(judged(result)).toEqual([
      ['package.json', 'foreign-component', 'no-license — foreign open-source (DE): allowed for national, blocks sovereign'],
      // The knowledge base's licence, reviewed, wins over what a package says of itself.
      ['package.json', 'foreign-proprietary', 'closed-sdk — foreign, not open source (LicenseRef-proprietary, US): blocks national'],
      ['package-lock.json', 'foreign-component', '@scope-ai/open — foreign open-source (US): allowed for national, blocks sovereign'],
      ['package-lock.json', 'foreign-proprietary', '@scope-ai/closed — foreign, not open source (BUSL-1.1, US): blocks national'],
      // A pointer to a file names no licence: still not known to be open source.
      ['package-lock.json', 'foreign-proprietary', '@scope-ai/unsaid — foreign (US) with no recorded licence, so not known to be open source: blocks national'],
    ]);
    expect(result.verdict.blockedBy).toEqual(['npm:@scope-ai/closed', 'npm:@scope-ai/unsaid', 'npm:closed-sdk']);
    let written = '';
    writeJsonReport(result, (text) => (written += text));
    const components = (JSON.parse(written) as { components: { id: string; classification: string; license?: string; licenseSource?: string }[] }).components;
    expect(components.map(({ id, classification, license, licenseSource }) => [id, classification, license, licenseSource])).toEqual([
      ['npm:no-license', 'foreign-open', 'MIT', 'package'],
      ['npm:closed-sdk', 'foreign-proprietary', 'LicenseRef-proprietary', undefined],
      ['npm:@scope-ai/open', 'foreign-open', 'Apache-2.0', 'package'],
      ['npm:@scope-ai/closed', 'foreign-proprietary', 'BUSL-1.1', 'package'],
      ['npm:@scope-ai/unsaid', 'foreign-proprietary', undefined, undefined],
    ]);
  });

  it('without a recorded licence (lockfile version 1 records none), a foreign package is not known to be open source', () => {
    write('package.json', { name: 'bot', dependencies: { 'no-license': '^1.0.0' } });
    write('package-lock.json', { name: 'bot', lockfileVersion: 1, requires: true, dependencies: { 'no-license': { version: '1.0.0', integrity: 'sha512-a' } } });
    expect(judged(scanRoot())).toEqual([
      ['package.json', 'foreign-proprietary', 'no-license — foreign (DE) with no recorded licence, so not known to be open source: blocks national'],
    ]);
  });
});

describe('the licence an installed package declares, where its lockfile records none', () => {
  const manifest = { name: 'bot', dependencies: { 'no-license': '^1.0.0', 'closed-sdk': '^1.0.0' } };
  const pnpmLock = [
    "lockfileVersion: '9.0'",
    '',
    'importers:',
    '',
    '  .:',
    '    dependencies:',
    '      closed-sdk:',
    '        specifier: ^1.0.0',
    '        version: 1.0.0',
    '      no-license:',
    '        specifier: ^1.0.0',
    '        version: 1.0.0(react@18.3.1)',
    '',
    'packages:',
    '',
    "  '@scope-ai/open@2.0.0':",
    '    resolution: {integrity: sha512-b}',
    '',
    "  '@scope-ai/unsaid@1.0.0':",
    '    resolution: {integrity: sha512-d}',
    '',
    '  closed-sdk@1.0.0:',
    '    resolution: {integrity: sha512-e}',
    '',
    '  no-license@1.0.0:',
    '    resolution: {integrity: sha512-a}',
    '',
    'snapshots:',
    '',
    "  '@scope-ai/open@2.0.0': {}",
    '',
    "  '@scope-ai/unsaid@1.0.0': {}",
    '',
    '  closed-sdk@1.0.0: {}',
    '',
    '  no-license@1.0.0(react@18.3.1):',
    '    dependencies:',
    "      '@scope-ai/open': 2.0.0",
    "      '@scope-ai/unsaid': 1.0.0",
    '',
  ].join('\n');
  const installed = (folder: string, name: string, version: string, license?: string) =>
    write(`${folder}/package.json`, { name, version, ...(license === undefined ? {} : { license }) });
  const classified = (result: ReturnType<typeof scanRoot>) =>
    result.files.flatMap((file) => file.assessments.map((a) => [a.declaration.id, a.classification, a.declaration.declaredLicense]));

  it('reads pnpm\'s virtual store, peers and all, for the version locked', () => {
    write('package.json', manifest);
    write('pnpm-lock.yaml', pnpmLock);
    installed('node_modules/.pnpm/no-license@1.0.0_react@18.3.1/node_modules/no-license', 'no-license', '1.0.0', 'MIT');
    installed('node_modules/.pnpm/@scope-ai+open@2.0.0/node_modules/@scope-ai/open', '@scope-ai/open', '2.0.0', 'Apache-2.0');
    // Another version than the one locked says nothing of it; nor does a package that declares no licence.
    installed('node_modules/.pnpm/@scope-ai+unsaid@1.0.1/node_modules/@scope-ai/unsaid', '@scope-ai/unsaid', '1.0.1', 'MIT');
    // The knowledge base records closed-sdk's licence: what it says of itself is not asked for.
    installed('node_modules/.pnpm/closed-sdk@1.0.0/node_modules/closed-sdk', 'closed-sdk', '1.0.0', 'MIT');
    const result = scanRoot();
    expect(classified(result)).toEqual([
      ['npm:no-license', 'foreign-open', 'MIT'],
      ['npm:closed-sdk', 'foreign-proprietary', undefined],
      ['npm:@scope-ai/open', 'foreign-open', 'Apache-2.0'],
      ['npm:@scope-ai/unsaid', 'foreign-proprietary', undefined],
    ]);
    expect(result.findings.filter((f) => f.rule === 'foreign-component').map((f) => [f.file, f.message])).toEqual([
      ['package.json', 'no-license — foreign open-source (DE): allowed for national, blocks sovereign'],
      ['pnpm-lock.yaml', '@scope-ai/open — foreign open-source (US): allowed for national, blocks sovereign'],
    ]);
  });

  it('reads the packages Yarn and Bun hoist to node_modules, and npm\'s folders for a lockfile of version 1', () => {
    write('package.json', { name: 'bot', dependencies: { 'no-license': '^1.0.0' } });
    write('yarn.lock', '# yarn lockfile v1\n\n\nno-license@^1.0.0:\n  version "1.0.0"\n  integrity sha512-a\n');
    installed('node_modules/no-license', 'no-license', '1.0.0', 'MIT');
    expect(classified(scanRoot())).toEqual([['npm:no-license', 'foreign-open', 'MIT']]);

    fs.rmSync(path.join(root, 'yarn.lock'));
    write('bun.lock', '{\n  "lockfileVersion": 1,\n  "workspaces": {\n    "": {\n      "name": "bot",\n      "dependencies": {\n        "no-license": "^1.0.0",\n      },\n    },\n  },\n  "packages": {\n    "no-license": ["no-license@1.0.0", "", {}, "sha512-a"],\n  }\n}\n');
    expect(classified(scanRoot())).toEqual([['npm:no-license', 'foreign-open', 'MIT']]);

    fs.rmSync(path.join(root, 'bun.lock'));
    write('package-lock.json', {
      name: 'bot',
      lockfileVersion: 1,
      requires: true,
      dependencies: {
        'no-license': { version: '1.0.0', integrity: 'sha512-a', requires: { '@scope-ai/open': '^2.0.0' }, dependencies: { '@scope-ai/open': { version: '2.0.0', integrity: 'sha512-b' } } },
        '@scope-ai/open': { version: '1.0.0', integrity: 'sha512-c' },
      },
    });
    // The copy nested under no-license is the one it uses; the hoisted one is another version.
    installed('node_modules/@scope-ai/open', '@scope-ai/open', '1.0.0', 'BUSL-1.1');
    installed('node_modules/no-license/node_modules/@scope-ai/open', '@scope-ai/open', '2.0.0', 'Apache-2.0');
    expect(classified(scanRoot())).toEqual([
      ['npm:no-license', 'foreign-open', 'MIT'],
      ['npm:@scope-ai/open', 'foreign-open', 'Apache-2.0'],
    ]);
  });

  it('reads the METADATA a Python lockfile\'s packages have in the virtual environment beside it', () => {
    write('pyproject.toml', '[project]\nname = "bot"\ndependencies = ["scope-ai-open"]\n');
    write(
      'uv.lock',
      [
        'version = 1',
        'revision = 2',
        '',
        '[[package]]',
        'name = "bot"',
        'version = "0.1.0"',
        'source = { virtual = "." }',
        'dependencies = [{ name = "scope-ai-open" }]',
        '',
        '[[package]]',
        'name = "scope-ai-open"',
        'version = "2.0.0"',
        'source = { registry = "https://pypi.org/simple" }',
        'dependencies = [{ name = "scope-ai-core" }, { name = "scope-ai-closed" }]',
        '',
        '[[package]]',
        'name = "scope-ai-core"',
        'version = "1.0.0"',
        'source = { registry = "https://pypi.org/simple" }',
        '',
        '[[package]]',
        'name = "scope-ai-closed"',
        'version = "1.0.0"',
        'source = { registry = "https://pypi.org/simple" }',
        '',
      ].join('\n'),
    );
    const site = '.venv/lib/python3.12/site-packages';
    write(`${site}/scope_ai_open-2.0.0.dist-info/METADATA`, 'Metadata-Version: 2.4\nName: scope-ai-open\nVersion: 2.0.0\nLicense-Expression: Apache-2.0\n\nLicense: GPL-3.0-only\n');
    write(`${site}/Scope_AI_Core-1.0.0.dist-info/METADATA`, 'Metadata-Version: 2.1\nName: Scope-AI-Core\nVersion: 1.0.0\nLicense: MIT License\n');
    write(`${site}/scope_ai_closed-1.0.0.dist-info/METADATA`, 'Metadata-Version: 2.1\nName: scope-ai-closed\nVersion: 1.0.0\nLicense: UNKNOWN\n');
    expect(classified(scanRoot())).toEqual([
      ['pypi:scope-ai-open', 'foreign-open', 'Apache-2.0'],
      ['pypi:scope-ai-core', 'foreign-open', 'MIT License'],
      // UNKNOWN names no licence: still not known to be open source.
      ['pypi:scope-ai-closed', 'foreign-proprietary', 'UNKNOWN'],
    ]);
  });

  it('reads the METADATA of a requirements file\'s exact pins in the virtual environment beside it', () => {
    write('requirements.txt', 'scope-ai-open==2.0.0\nscope-ai-core>=1.0\n');
    write('venv/lib/python3.11/site-packages/scope_ai_open-2.0.0.dist-info/METADATA', 'Metadata-Version: 2.1\nName: scope-ai-open\nVersion: 2.0.0\nClassifier: License :: OSI Approved :: Apache Software License\n');
    write('venv/lib/python3.11/site-packages/scope_ai_core-1.2.0.dist-info/METADATA', 'Metadata-Version: 2.1\nName: scope-ai-core\nVersion: 1.2.0\nLicense: MIT\n');
    // A range names no version to look for: what happens to be installed says nothing of what the file asks for.
    expect(classified(scanRoot())).toEqual([
      ['pypi:scope-ai-open', 'foreign-open', 'Apache Software License'],
      ['pypi:scope-ai-core', 'foreign-proprietary', undefined],
    ]);
  });

  it('without node_modules, or with an unreadable package.json, the lockfile is all there is', () => {
    write('package.json', { name: 'bot', dependencies: { 'no-license': '^1.0.0' } });
    write('yarn.lock', '# yarn lockfile v1\n\n\nno-license@^1.0.0:\n  version "1.0.0"\n  integrity sha512-a\n');
    expect(classified(scanRoot())).toEqual([['npm:no-license', 'foreign-proprietary', undefined]]);
    write('node_modules/no-license/package.json', '{"name": "no-license", "version": "1.0.0", "license": "MIT"');
    expect(classified(scanRoot())).toEqual([['npm:no-license', 'foreign-proprietary', undefined]]);
  });
});
