// One workspace locked by nine releases of npm, pnpm, yarn and bun (test/fixtures/same-workspace, see its README): each
// member's dependencies are locked from the root lockfile, the member one member uses is the project's own
// code, what each dependency pulls in is named where it is declared, and each package sits on its own entry.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../server/src/engine/scan';
import { fixtureKb } from '../fixtures/kb';
import { misplacedEntries } from '../helpers/placement';

const fixtures = path.join(__dirname, '../fixtures/same-workspace');

/**
 * The workspace scanned at its root, or from the folder `within` it (a member scanned on its own); `input` names what
 * is scanned from there, when not the whole folder.
 */
function scanned(manager: string, within = '', input = '') {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-same-workspace-'));
  fs.cpSync(path.join(fixtures, manager), workspace, { recursive: true });
  const root = path.join(workspace, within);
  const result = scan([path.join(root, input)], { kb: fixtureKb, cwd: root, today: '2026-11-22' });
  const manifests = result.files.filter((file) => file.kind === 'package-json');
  return {
    errors: result.errors,
    /** A complete lockfile locks every dependency of every member: none is flagged as missing from it. */
    unlocked: result.findings.filter((finding) => finding.rule === 'unlocked-dependency').map((finding) => `${finding.file}: ${finding.componentId}`),
    examined: result.verdict.transitive,
    /** `member: name` → how it is related, and the version its lock resolved. */
    declared: Object.fromEntries(
      manifests.flatMap((file) =>
        file.assessments.map(({ declaration }) => [
          `${file.file}: ${declaration.name}`,
          // A member's own version is whatever the package manager links it by: only its relation counts.
          declaration.relation === 'workspace' ? ['workspace'] : [declaration.relation, declaration.locked?.version],
        ]),
      ),
    ),
    /** The pulls findings, where each dependency is declared. */
    pulls: manifests.flatMap((file) => file.findings.filter((finding) => finding.rule === 'foreign-transitive').map((finding) => `${file.file}: ${finding.message.split(' pulls ')[0]}`)),
    transitive: new Set(result.files.flatMap((file) => (file.kind === 'lockfile' ? file.assessments.map(({ declaration }) => `${declaration.name}@${declaration.versionSpec}`) : []))),
    misplaced: result.files.flatMap((file) => (file.kind === 'lockfile' ? misplacedEntries(fs.readFileSync(path.join(root, file.file), 'utf8'), file.assessments) : [])),
  };
}

const npm = scanned('npm');

describe('one workspace, each package manager’s lockfile', () => {
  it('npm: every member locked from the root package-lock.json, the other member first-party', () => {
    expect(npm.errors).toEqual([]);
    expect([npm.unlocked, npm.examined]).toEqual([[], 'examined']);
    expect(npm.misplaced).toEqual([]);
    expect(npm.declared).toEqual({
      'package.json: typescript': ['dev', '5.9.3'],
      'packages/api/package.json: express': ['direct', '4.22.3'],
      'packages/api/package.json: openai': ['direct', '4.104.0'],
      'packages/api/package.json: @mono/web': ['workspace'],
      'packages/web/package.json: axios': ['direct', '1.21.1'],
      'packages/web/package.json: zod': ['direct', '3.25.76'],
    });
    expect(npm.pulls).toEqual(['packages/api/package.json: express', 'packages/api/package.json: openai', 'packages/web/package.json: axios']);
    expect(npm.transitive.size).toBe(96);
  });

  it.each(['npm8', 'pnpm', 'pnpm8', 'pnpm7', 'yarn1', 'yarn3', 'berry', 'bun'])('%s: the same locks, the same first-party member, the same pulls', (manager) => {
    const other = scanned(manager);
    expect(other.errors).toEqual([]);
    expect([other.unlocked, other.examined]).toEqual([[], 'examined']);
    expect(other.misplaced).toEqual([]);
    expect(other.declared).toEqual(npm.declared);
    expect(other.pulls).toEqual(npm.pulls);
    // Yarn resolves @types/node-fetch's `@types/node: "*"` to the newest release on its own; the others reuse openai's.
    const yarnsOwn = manager.startsWith('yarn') || manager === 'berry' ? ['@types/node@26.6.6', 'undici-types@8.9.0'] : [];
    expect([...other.transitive].sort()).toEqual([...npm.transitive, ...yarnsOwn].sort());
  });

  it.each(['npm', 'npm8', 'pnpm', 'pnpm8', 'pnpm7', 'yarn1', 'yarn3', 'berry', 'bun'])(
    '%s: a member scanned on its own is pinned by the root lockfile above it, its sibling first-party, as in the whole workspace',
    (manager) => {
      const whole = scanned(manager);
      for (const member of ['packages/api', 'packages/web']) {
        const alone = scanned(manager, member);
        const asAlone = (entry: string) => entry.replace(`${member}/package.json: `, 'package.json: ');
        const ofMember = (entry: string) => entry.startsWith(`${member}/package.json: `);
        expect(alone.errors).toEqual([]);
        expect([alone.unlocked, alone.examined]).toEqual([[], 'examined']);
        expect(alone.misplaced).toEqual([]);
        expect(alone.declared).toEqual(Object.fromEntries(Object.entries(whole.declared).flatMap(([key, value]) => (ofMember(key) ? [[asAlone(key), value]] : []))));
        // Alone, a dependency on the sibling member may also name what the sibling pulls in (where the lockfile records
        // the sibling's own dependencies): in the whole workspace those are the sibling's direct ones, found on its manifest.
        expect(alone.pulls.filter((entry) => entry !== 'package.json: @mono/web')).toEqual(whole.pulls.filter(ofMember).map(asAlone));
      }
    },
  );

  it.each(['npm', 'npm8', 'pnpm', 'pnpm8', 'pnpm7', 'yarn1', 'yarn3', 'berry', 'bun'])(
    '%s: a member package.json named from the workspace root is judged as in the whole workspace, its sibling first-party',
    (manager) => {
      const whole = scanned(manager);
      for (const member of ['packages/api', 'packages/web']) {
        const named = scanned(manager, '', `${member}/package.json`);
        expect([named.errors, named.unlocked, named.examined]).toEqual([[], [], 'examined']);
        expect(named.declared).toEqual(Object.fromEntries(Object.entries(whole.declared).filter(([key]) => key.startsWith(`${member}/package.json: `))));
      }
    },
  );
});
