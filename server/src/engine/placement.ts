// Where a component's provenance comes from: the team's attestations first (a team knows its own
// components best), then the knowledge base by id, alias and namespace.
import { patternMatches } from '../../../rules/src/ids';
import type { KnowledgeBase } from '../../../rules/src/kb';
import type { Provenance } from '../../../rules/src/types';
import type { Attestation, Placement } from './classify';

export class KnowledgePlacement implements Placement {
  /** A monorepo names the same packages thousands of times: each id is placed once. */
  private readonly placed = new Map<string, Provenance | undefined>();

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly attestations: readonly Attestation[] = [],
  ) {}

  find(id: string): Provenance | undefined {
    if (this.placed.has(id)) return this.placed.get(id);
    const provenance = this.place(id);
    this.placed.set(id, provenance);
    return provenance;
  }

  private place(id: string): Provenance | undefined {
    const attested = this.attestations.find((attestation) => patternMatches(attestation.pattern, id));
    if (attested) return { source: 'attestation', entry: attested.entry };
    const match = this.kb.lookup(id);
    return match && { source: match.source, entry: match.entry };
  }
}
