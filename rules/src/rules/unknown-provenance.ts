import { displayName } from '../describe';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'unknown-provenance',
    description:
      'A component that neither the knowledge base nor the team config can place: counts against sovereign until attested.',
    blocks: 'sovereign',
    severity: { sovereign: 'error', national: 'warning' },
    fixable: false,
    messages: {
      notFound:
        '{{name}} — provenance unknown: not in the knowledge base; attest its origin in sovereign-lint.json. Blocks sovereign',
      originUnverified: '{{name}} — origin unverified ({{owner}}): blocks sovereign until attested',
      lineageUnknown: '{{name}} — lineage unknown: {{ancestor}} cannot be placed; blocks sovereign until attested',
      lineageUnrecorded:
        '{{name}} — published by {{owner}} in {{origin}}, but what it was trained from is not recorded: blocks sovereign until attested',
    },
  },
  checkComponent(assessment) {
    const { declaration, reason } = assessment;
    if (assessment.classification !== 'unknown') return undefined;
    const name = declaration.name;
    switch (reason.kind) {
      case 'lineage-unknown':
        return { messageId: 'lineageUnknown', data: { name, ancestor: displayName(reason.ancestor) } };
      case 'lineage-unrecorded': {
        const entry = assessment.provenance?.entry;
        return { messageId: 'lineageUnrecorded', data: { name, owner: entry?.owner ?? '', origin: entry?.origin ?? '' } };
      }
      case 'origin-unknown':
        return { messageId: 'originUnverified', data: { name, owner: assessment.provenance?.entry.owner ?? '' } };
      default:
        return { messageId: 'notFound', data: { name } };
    }
  },
});
