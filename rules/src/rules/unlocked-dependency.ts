import { defineRule } from '../rule';

/** The command that brings each lockfile up to date with its manifest. */
const UPDATE: Record<string, string> = {
  'package-lock.json': '`npm install`',
  'npm-shrinkwrap.json': '`npm install`',
  'yarn.lock': '`yarn install`',
  'pnpm-lock.yaml': '`pnpm install`',
  'bun.lock': '`bun install`',
  'poetry.lock': '`poetry lock`',
  'uv.lock': '`uv lock`',
  'pdm.lock': '`pdm lock`',
  'requirements.lock': '`rye lock`',
  'requirements-dev.lock': '`rye lock`',
  'Pipfile.lock': '`pipenv lock`',
};

export default defineRule({
  meta: {
    id: 'unlocked-dependency',
    description:
      'A dependency its lockfile does not lock as declared (no entry, another spec recorded, or a version outside the declared range): the lockfile is out of date, so nothing pins the version installed and what the dependency pulls in was not examined.',
    blocks: 'trusted',
    // Shown whatever the target: the verdict on what the dependencies pull in is incomplete until the lockfile is updated.
    severity: { sovereign: 'warning', national: 'warning' },
    fixable: false,
    messages: {
      notLocked:
        '{{name}} is not in {{lockfile}}: the lockfile is out of date (run {{update}}), so what {{name}} pulls in was not examined; blocks trusted readiness',
      lockedForOthers:
        '{{name}} — {{lockfile}} locks {{version}} only for other packages, not for this one: the lockfile is out of date (run {{update}}), so what {{name}} pulls in was not examined; blocks trusted readiness',
      outsideRange:
        '{{name}} — {{lockfile}} locks {{version}}, outside the declared "{{spec}}": the lockfile is out of date (run {{update}}), so what {{name}} pulls in was not examined; blocks trusted readiness',
      otherSpec:
        '{{name}} — {{lockfile}} was written for "{{recorded}}", not the declared "{{spec}}": the lockfile is out of date (run {{update}}), so what {{name}} pulls in was not examined; blocks trusted readiness',
    },
  },
  checkComponent({ declaration }) {
    const stale = declaration.staleLock;
    if (!stale) return undefined;
    const { name, versionSpec } = declaration;
    const { lockfile, spec: recorded, version, lockedForOthers } = stale;
    const lockfileName = lockfile.slice(lockfile.lastIndexOf('/') + 1);
    // Any other file that locks a manifest is the requirements file pip-compile wrote from a `.in`.
    const update = stale.update ?? UPDATE[lockfileName] ?? (lockfileName.endsWith('.txt') ? '`pip-compile`' : 'its package manager');
    if (recorded !== undefined) return { messageId: 'otherSpec', data: { name, lockfile, recorded, spec: versionSpec ?? '', update } };
    if (version !== undefined) return { messageId: 'outsideRange', data: { name, lockfile, version, spec: versionSpec, update } };
    if (lockedForOthers !== undefined) return { messageId: 'lockedForOthers', data: { name, lockfile, version: lockedForOthers, update } };
    return { messageId: 'notLocked', data: { name, lockfile, update } };
  },
});
