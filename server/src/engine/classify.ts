// Classification (SPEC §2): a component is domestic only if it and its whole lineage are; foreign
// components are open when their licence (and, for model weights, every licence they inherit) is
// open and they are no client of a foreign hosted service; what cannot be placed is unknown.
import { componentLicense, isOpenLicense } from '../../../rules/src/licenses';
import type {
  Assessment,
  Classification,
  Declaration,
  KbEntry,
  LineageRelation,
  LineageStep,
  Provenance,
  Reason,
} from '../../../rules/src/types';

/** A team's statement of a component's origin (`components` in sovereign-lint.json). */
export interface Attestation {
  pattern: string;
  entry: KbEntry;
}

export interface Placement {
  find(id: string): Provenance | undefined;
}

/** Derivations that carry the base's licence terms into the derived weights (training on a dataset does not). */
const INHERITS_LICENSE = new Set<LineageRelation>(['finetune', 'adapter', 'merge', 'quantized', 'continued-pretraining', 'initialised-from']);

// Shared by every assessment they describe: reasons and lineages are read, never changed.
const FIRST_PARTY: Reason = { kind: 'first-party' };
const NOT_FOUND: Reason = { kind: 'not-found' };
const NO_LINEAGE: LineageStep[] = [];

/** What one node of a lineage graph amounts to. */
interface NodeResult {
  status: 'domestic' | 'foreign' | 'unknown';
  open: boolean;
  reason: Reason;
  /** Steps from this node back to the ancestor that decided (empty when its own facts did). */
  lineage: LineageStep[];
}

export class Classifier {
  private readonly cache = new Map<KbEntry, NodeResult>();

  constructor(
    private readonly placement: Placement,
    readonly jurisdiction: string,
  ) {}

  assess(declaration: Declaration): Assessment {
    const jurisdiction = this.jurisdiction;
    if (declaration.relation === 'workspace') {
      return { declaration, jurisdiction, classification: 'domestic', reason: FIRST_PARTY, lineage: NO_LINEAGE };
    }
    const provenance = this.placement.find(declaration.id);
    if (!provenance) return { declaration, jurisdiction, classification: 'unknown', reason: NOT_FOUND, lineage: NO_LINEAGE };
    const recorded = unrecordedLineage(this.cache.get(provenance.entry) ?? this.evaluate(provenance.entry, new Set()), provenance, declaration.id);
    const node = withDeclaredLicense(recorded, provenance.entry, declaration.declaredLicense);
    return { declaration, jurisdiction, provenance, classification: classificationOf(node), reason: node.reason, lineage: node.lineage };
  }

  private evaluate(entry: KbEntry, visiting: Set<KbEntry>): NodeResult {
    const cached = this.cache.get(entry);
    if (cached) return cached;
    // A cycle in recorded lineage adds nothing new: the node's own facts decide.
    if (visiting.has(entry)) return this.ownResult(entry);
    visiting.add(entry);
    const result = this.combine(entry, this.ownResult(entry), visiting);
    visiting.delete(entry);
    this.cache.set(entry, result);
    return result;
  }

  private ownResult(entry: KbEntry): NodeResult {
    const licenseOpen = entry.license !== undefined && isOpenLicense(entry.license);
    const service = entry.hostedService;
    if (service && service.origin !== this.jurisdiction) {
      return { status: 'foreign', open: false, reason: { kind: 'hosted-service', service }, lineage: [] };
    }
    if (entry.origin === 'unknown') {
      return { status: 'unknown', open: licenseOpen, reason: { kind: 'origin-unknown', ...(entry.note ? { note: entry.note } : {}) }, lineage: [] };
    }
    if (entry.origin !== this.jurisdiction) {
      const license = componentLicense(entry.license, undefined);
      return { status: 'foreign', open: licenseOpen, reason: { kind: 'foreign', open: licenseOpen, ...(license ? { license } : {}) }, lineage: [] };
    }
    return { status: 'domestic', open: licenseOpen, reason: { kind: 'domestic' }, lineage: [] };
  }

  /** Folds the lineage into the node's own result: foreign anywhere wins, then unknown anywhere. */
  private combine(entry: KbEntry, own: NodeResult, visiting: Set<KbEntry>): NodeResult {
    let foreign: NodeResult | undefined;
    let unknown: NodeResult | undefined;
    let inheritedOpen = true;
    /** The chain to the first ancestor whose terms the weights inherit and which is not open (or whose licence is not recorded). */
    let closedBy: LineageStep[] | undefined;
    for (const { id: ancestorId, relation } of ancestorsOf(entry)) {
      const found = this.placement.find(ancestorId);
      if (!found) {
        unknown ??= { status: 'unknown', open: false, reason: { kind: 'lineage-unknown', ancestor: ancestorId }, lineage: [] };
        continue;
      }
      const ancestor = unrecordedLineage(this.evaluate(found.entry, visiting), found, ancestorId);
      const step: LineageStep = {
        id: ancestorId,
        owner: found.entry.owner,
        origin: found.entry.origin,
        ...(found.entry.license ? { license: found.entry.license } : {}),
        ...(relation ? { derivation: relation } : {}),
      };
      const viaStep = { ...ancestor, lineage: [step, ...ancestor.lineage] };
      if (relation && INHERITS_LICENSE.has(relation) && !ancestor.open) {
        inheritedOpen = false;
        closedBy ??= viaStep.lineage;
      }
      // The nearest foreign ancestor explains it best: a dataset it was trained on, rather than one its base was.
      if (ancestor.status === 'foreign') foreign = foreign && foreign.lineage.length <= viaStep.lineage.length ? foreign : viaStep;
      else if (ancestor.status === 'unknown') {
        unknown ??= ancestor.reason.kind === 'lineage-unknown' ? viaStep : { ...viaStep, reason: { kind: 'lineage-unknown', ancestor: ancestorId } };
      }
    }
    const open = own.open && inheritedOpen;
    if (own.status === 'foreign') {
      if (own.reason.kind === 'hosted-service') return { ...own, open: false };
      // Open by its own licence, closed by its base's: the chain to that base says why.
      return own.open && !open ? { ...own, open, lineage: closedBy! } : { ...own, open };
    }
    if (foreign) {
      const decider = deciderStep(foreign);
      return { status: 'foreign', open, reason: { kind: 'foreign-lineage', ancestor: decider, open }, lineage: foreign.lineage };
    }
    if (own.status === 'unknown') return own;
    if (unknown) return { ...unknown, open };
    return { ...own, open };
  }
}

/** What an entry's lineage leads back to: what it derives from, then what it was trained on. */
function ancestorsOf(entry: KbEntry): { id: string; relation: LineageRelation | undefined }[] {
  return [
    ...(entry.basedOn ?? []).map((id) => ({ id, relation: entry.derivation })),
    ...(entry.trainedOn ?? []).map((id) => ({ id, relation: 'trained-on' as const })),
  ];
}

/**
 * A model or dataset the knowledge base places only by its publisher's namespace: who publishes it is known, what it
 * was trained or derived from is not (a Russian lab's model may be a fine-tune of a foreign one, as T-Bank's and the
 * Ruadapt models are). Domestic needs the whole lineage (SPEC §2): unknown until an entry records it or a team attests
 * it. A foreign publisher's model is foreign whatever its lineage.
 */
function unrecordedLineage(node: NodeResult, provenance: Provenance, id: string): NodeResult {
  if (provenance.source !== 'namespace' || node.status !== 'domestic' || !/^hf(-dataset)?:/.test(id)) return node;
  return { status: 'unknown', open: node.open, reason: { kind: 'lineage-unrecorded', namespace: provenance.entry.id }, lineage: [] };
}

/**
 * A foreign package the knowledge base records no licence for (a scope's entry, say: its packages' licences differ)
 * is under the licence it declares itself, where its lockfile records one; not one with a lineage, whose licence
 * terms its ancestors share.
 */
function withDeclaredLicense(node: NodeResult, entry: KbEntry, declared: string | undefined): NodeResult {
  if (declared === undefined || node.reason.kind !== 'foreign' || node.reason.license || entry.basedOn?.length) return node;
  const license = componentLicense(undefined, declared);
  if (!license) return node;
  const open = isOpenLicense(license.expression);
  return { ...node, open, reason: { kind: 'foreign', open, license } };
}

/** The last step of a foreign lineage is the ancestor whose own facts made it foreign. */
function deciderStep(result: NodeResult): LineageStep {
  return result.lineage.at(-1)!;
}

function classificationOf(node: NodeResult): Classification {
  if (node.status === 'domestic') return 'domestic';
  if (node.status === 'unknown') return 'unknown';
  return node.open ? 'foreign-open' : 'foreign-proprietary';
}
