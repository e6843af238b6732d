import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'unhashed-requirement',
    description:
      'A requirement without `--hash` in a requirements file that pins hashes (pip then refuses to install it), or a registry package whose lockfile entry records no integrity hash: its download is not verified.',
    blocks: 'trusted',
    // Readiness, not the target: counted in the verdict's trusted readiness, shown once a team asks (sovereign-lint:trusted).
    severity: { sovereign: 'off', national: 'off' },
    fixable: false,
    messages: {
      unhashed: '{{name}} — no --hash in a requirements file that pins hashes: blocks trusted readiness',
      noIntegrity: '{{name}} — its lockfile entry records no integrity hash, so its download is not verified: blocks trusted readiness',
    },
  },
  checkComponent({ declaration }) {
    if (declaration.directReference) return undefined;
    if (declaration.integrity === false) return { messageId: 'noIntegrity', data: { name: declaration.name } };
    if (!declaration.hashesExpected || declaration.hashes) return undefined;
    return { messageId: 'unhashed', data: { name: declaration.name } };
  },
});
