import { lineageData, stepName } from '../describe';
import { isOpenLicense } from '../licenses';
import { defineRule } from '../rule';
import type { Assessment } from '../types';
import { alternativesFix } from './foreign-component';

export default defineRule({
  meta: {
    id: 'foreign-base-model',
    description:
      'A base model (or a model a Hugging Face Space runs) whose lineage is foreign: blocks sovereign, and national too when its licence is not open source.',
    blocks: 'sovereign',
    severity: { sovereign: 'error', national: 'info' },
    fixable: true,
    messages: {
      foreign: '{{name}} — foreign {{what}} ({{owner}}, {{origin}}): allowed for national, blocks sovereign',
      foreignClosed: '{{name}} — foreign {{what}} ({{owner}}, {{origin}}), not open source ({{license}}): blocks national',
      foreignLineage:
        '{{name}} — {{phrase}} {{foreignAncestor}} ({{ancestorOrigin}}): allowed for national, blocks sovereign',
      foreignLineageClosed:
        '{{name}} — {{phrase}} {{foreignAncestor}} ({{ancestorOrigin}}), not open source ({{license}}): blocks national',
    },
  },
  checkComponent(assessment) {
    const { declaration, classification, reason } = assessment;
    if ((declaration.relation !== 'base-model' && declaration.relation !== 'used-model') || !classification.startsWith('foreign')) return undefined;
    const what = declaration.relation === 'base-model' ? 'base model' : 'model the Space runs';
    const closed = classification === 'foreign-proprietary';
    const fix = alternativesFix(assessment);
    const blocks = closed ? ('national' as const) : undefined;
    const license = licenseOf(assessment);
    if (reason.kind === 'foreign-lineage') {
      return {
        messageId: closed ? 'foreignLineageClosed' : 'foreignLineage',
        data: { name: declaration.name, ...lineageData(assessment, reason.ancestor), license },
        blocks,
        fix,
      };
    }
    const entry = assessment.provenance?.entry;
    return {
      messageId: closed ? 'foreignClosed' : 'foreign',
      data: { name: declaration.name, what, owner: entry?.owner ?? '', origin: entry?.origin ?? '', license },
      blocks,
      fix,
    };
  },
});

/**
 * What makes a model closed: its own licence, or the first one up its lineage that is not open (or not recorded). The
 * licence of a dataset it was trained on is the dataset's, not the model's.
 */
function licenseOf(assessment: Assessment): string {
  const own = assessment.provenance?.entry;
  const candidates = [
    ...(own ? [{ id: undefined, license: own.license }] : []),
    ...assessment.lineage.filter((step) => step.derivation !== 'trained-on').map((step) => ({ id: step.id, license: step.license })),
  ];
  const closed = candidates.find((candidate) => !candidate.license || !isOpenLicense(candidate.license));
  if (!closed) return 'licence not recorded';
  if (closed.license) return closed.license;
  // The model's own entry may be its publisher's namespace (`hf:Qwen/*`), whose id names no model.
  return closed.id === undefined ? 'no licence recorded' : `no licence recorded for ${stepName(closed.id)}`;
}
