import { defineRule } from '../rule';

const EXPECTED: Record<string, string> = {
  'package-json': 'package-lock.json, yarn.lock, pnpm-lock.yaml or bun.lock',
  pyproject: 'poetry.lock, uv.lock, pdm.lock, requirements.lock (Rye) or Pipfile.lock',
  pipfile: 'Pipfile.lock',
};

export default defineRule({
  meta: {
    id: 'missing-lockfile',
    description:
      'A manifest with dependencies and no lockfile: versions are not pinned and transitive dependencies cannot be examined.',
    blocks: 'trusted',
    // Readiness, not the target: counted in the verdict's trusted readiness, shown once a team asks (sovereign-lint:trusted).
    severity: { sovereign: 'off', national: 'off' },
    fixable: false,
    messages: {
      missing: 'No lockfile ({{expected}}) for {{dependencies}}: transitive dependencies are not pinned or examined; blocks trusted readiness',
      ignored:
        '{{lockfile}} is ignored by Git and not tracked, so a fresh clone has no lockfile for {{dependencies}}: transitive dependencies are not pinned or examined; blocks trusted readiness',
      unreadable:
        '{{lockfile}} is Bun\'s binary lockfile, which cannot be read: run `bun install --save-text-lockfile` to write bun.lock (Bun 1.2 writes it by default); until then the transitive dependencies of {{dependencies}} are not examined; blocks trusted readiness',
    },
  },
  checkManifest(manifest) {
    if (manifest.lockfile || manifest.dependencies === 0) return undefined;
    const dependencies = `${manifest.dependencies} ${manifest.dependencies === 1 ? 'dependency' : 'dependencies'}`;
    if (manifest.ignoredLockfile) return { messageId: 'ignored', data: { lockfile: manifest.ignoredLockfile, dependencies } };
    if (manifest.unreadableLockfile) return { messageId: 'unreadable', data: { lockfile: manifest.unreadableLockfile, dependencies } };
    return { messageId: 'missing', data: { expected: EXPECTED[manifest.kind]!, dependencies } };
  },
});
