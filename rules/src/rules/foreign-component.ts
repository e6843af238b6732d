import { lineageData } from '../describe';
import { defineRule } from '../rule';
import type { Assessment } from '../types';

/** Packages (npm, PyPI) and service clients are software components; models and datasets have rules of their own. */
export function isSoftware(assessment: Assessment): boolean {
  return assessment.declaration.ecosystem !== 'hf' && assessment.declaration.ecosystem !== 'hf-dataset';
}

export default defineRule({
  meta: {
    id: 'foreign-component',
    description: 'A foreign open-source package: allowed for the national tier, blocks sovereign.',
    blocks: 'sovereign',
    severity: { sovereign: 'error', national: 'info' },
    fixable: true,
    messages: {
      foreign: '{{name}} — foreign open-source ({{origin}}): allowed for national, blocks sovereign',
      foreignLineage:
        '{{name}} — {{phrase}} {{foreignAncestor}} ({{ancestorOrigin}}): allowed for national, blocks sovereign',
    },
  },
  checkComponent(assessment) {
    if (!isSoftware(assessment) || assessment.classification !== 'foreign-open') return undefined;
    const { declaration, reason, provenance } = assessment;
    const fix = alternativesFix(assessment);
    if (reason.kind === 'foreign-lineage') {
      return {
        messageId: 'foreignLineage',
        data: { name: declaration.name, ...lineageData(assessment, reason.ancestor) },
        fix,
      };
    }
    return { messageId: 'foreign', data: { name: declaration.name, origin: provenance?.entry.origin ?? '' }, fix };
  },
});

export function alternativesFix(assessment: Assessment) {
  // What another package pulls in (a pip-compile pin `# via` it) is that package's to choose: replacing it breaks it.
  if (assessment.declaration.relation === 'transitive') return undefined;
  const alternatives = assessment.provenance?.entry.alternatives;
  return alternatives?.length ? { kind: 'use-alternative' as const, alternatives } : undefined;
}
