import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'unhashed-requirement',
    description:
      'A requirement without `--hash` in a requirements file that pins hashes (pip then refuses to install it, and its integrity is not checked).',
    blocks: 'trusted',
    // Readiness, not the target: counted in the verdict's trusted readiness, shown once a team asks (sovereign-lint:trusted).
    severity: { sovereign: 'off', national: 'off' },
    fixable: false,
    messages: {
      unhashed: '{{name}} — no --hash in a requirements file that pins hashes: blocks trusted readiness',
    },
  },
  checkComponent({ declaration }) {
    if (!declaration.hashesExpected || declaration.hashes || declaration.directReference) return undefined;
    return { messageId: 'unhashed', data: { name: declaration.name } };
  },
});
