// Where a component's provenance comes from: the team's attestations first (a team knows its own
// components best), then the knowledge base by id, alias and namespace.
import { patternMatches } from '../../../rules/src/ids';
import type { KnowledgeBase } from '../../../rules/src/kb';
import type { Provenance } from '../../../rules/src/types';
import type { Attestation, Placement } from './classify';

export class KnowledgePlacement implements Placement {
  /** A monorepo names the same packages thousands of times: each id is placed once (null: nowhere). */
  private readonly placed = new Map<string, Provenance | null>();

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly attestations: readonly Attestation[] = [],
  ) {}

  find(id: string): Provenance | undefined {
    // One lookup per id, not has() then get(): tens of thousands of ids, each hashed and compared anew.
    let provenance = this.placed.get(id);
    if (provenance === undefined) this.placed.set(id, (provenance = this.place(id) ?? null));
    return provenance ?? undefined;
  }

  private place(id: string): Provenance | undefined {
    const attested = this.attestations.find((attestation) => patternMatches(attestation.pattern, id));
    if (attested) return { source: 'attestation', entry: attested.entry };
    const match = this.kb.lookup(id);
    return match && { source: match.source, entry: match.entry };
  }
}
