import { defineRule } from '../rule';
import { alternativesFix, isSoftware } from './foreign-component';

export default defineRule({
  meta: {
    id: 'foreign-proprietary',
    description:
      'A foreign closed-licence package or a client of a foreign hosted service: blocks the national tier.',
    blocks: 'national',
    severity: { sovereign: 'error', national: 'error' },
    fixable: true,
    messages: {
      hostedService: '{{name}} — client of a foreign hosted service ({{provider}}, {{origin}}): blocks national',
      closedLicense: '{{name}} — foreign, not open source ({{license}}, {{origin}}): blocks national',
      licenseUnknown:
        '{{name}} — foreign ({{origin}}) with no recorded licence, so not known to be open source: blocks national',
    },
  },
  checkComponent(assessment) {
    if (!isSoftware(assessment) || assessment.classification !== 'foreign-proprietary') return undefined;
    const { declaration, reason, provenance } = assessment;
    const fix = alternativesFix(assessment);
    const name = declaration.name;
    if (reason.kind === 'hosted-service') {
      return { messageId: 'hostedService', data: { name, ...reason.service }, fix };
    }
    const license = reason.kind === 'foreign-lineage' ? reason.ancestor.license : reason.kind === 'foreign' ? reason.license?.expression : undefined;
    const origin = reason.kind === 'foreign-lineage' ? reason.ancestor.origin : (provenance?.entry.origin ?? '');
    return license
      ? { messageId: 'closedLicense', data: { name, license, origin }, fix }
      : { messageId: 'licenseUnknown', data: { name, origin }, fix };
  },
});
