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
    return { messageId: 'reference', data: { name: declaration.name, kind: whereFrom(reference.kind, reference.target), target: reference.target } };
  },
});

/** An editable install (`-e`) is a checkout of wherever its target points: a repository as often as a folder. */
function whereFrom(kind: 'vcs' | 'url' | 'path' | 'editable', target: string): string {
  if (kind === 'vcs' || (kind === 'editable' && /^(git|hg|svn|bzr)\+/.test(target))) return 'a repository';
  if (kind === 'url' || (kind === 'editable' && /^[a-z]+:\/\//i.test(target))) return 'a URL';
  return 'a local path';
}
