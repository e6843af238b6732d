import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'direct-url-dependency',
    description: 'A dependency installed from git, a URL or a path outside the project instead of a registry release.',
    blocks: 'trusted',
    // Readiness, not the target: counted in the verdict's trusted readiness, shown once a team asks (sovereign-lint:trusted).
    severity: { sovereign: 'off', national: 'off' },
    fixable: false,
    messages: {
      reference: '{{name}} — installed from {{kind}} {{target}}, not a registry release: blocks trusted readiness',
    },
  },
  checkComponent({ declaration }) {
    const reference = declaration.directReference;
    if (!reference || declaration.relation === 'workspace') return undefined;
    const kind = reference.kind === 'vcs' ? 'a repository' : reference.kind === 'url' ? 'a URL' : 'a local path';
    return { messageId: 'reference', data: { name: declaration.name, kind, target: reference.target } };
  },
});
