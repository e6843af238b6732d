import { defineRule } from '../rule';
import type { Assessment } from '../types';

/** How many of the pulled-in names a message spells out before "and N more". */
const NAMED = 3;

export default defineRule({
  meta: {
    id: 'foreign-transitive',
    description:
      'A direct dependency that pulls in packages that are not domestic (read from the lockfile): names them where the dependency is declared.',
    blocks: 'sovereign',
    severity: { sovereign: 'warning', national: 'info' },
    fixable: false,
    // Its facts are the pulled-in components, each already counted in the verdict on its own.
    restates: true,
    messages: {
      pulls: '{{name}} pulls {{count}} non-domestic {{packages}}: {{names}}',
    },
  },
  checkPulledIn(direct, pulled) {
    // A package locked in two versions (for different markers or importers) is one package pulled in.
    const byId = new Map<string, Assessment>();
    for (const assessment of pulled) {
      if (assessment.classification !== 'domestic' && !byId.has(assessment.declaration.id)) byId.set(assessment.declaration.id, assessment);
    }
    const foreign = [...byId.values()];
    if (foreign.length === 0) return undefined;
    const names = foreign.slice(0, NAMED).map(describe).join(', ') + (foreign.length > NAMED ? `, and ${foreign.length - NAMED} more` : '');
    return {
      messageId: 'pulls',
      data: { name: direct.declaration.name, count: String(foreign.length), packages: foreign.length === 1 ? 'package' : 'packages', names },
      ...(foreign.some((assessment) => assessment.classification === 'foreign-proprietary') ? { blocks: 'national' as const } : {}),
    };
  },
});

function describe({ declaration, classification }: Assessment): string {
  return classification === 'unknown' ? `${declaration.name} (unknown)` : declaration.name;
}
