// Choosing what to show when a consumer takes only so many findings: VS Code shows 1,000 diagnostics per
// file, GitHub code scanning accepts 25,000 results per run, the text report prints 20 of a lockfile's. All
// keep the most severe: by severity, then, of one severity, those that block the higher tier.
import type { Blocks, Severity } from '../../../rules/src/types';
import type { Finding } from './lint';

const BY_SEVERITY: Exclude<Severity, 'off'>[] = ['error', 'warning', 'info', 'hint'];
/** A finding that blocks national leaves a project no tier at all; one that blocks trusted, only its readiness. */
const BY_TIER_BLOCKED: Blocks[] = ['national', 'sovereign', 'trusted'];

/**
 * The `count` most severe findings (in order within a severity and tier, as VS Code picks them), in their own order.
 * Findings that are off are never chosen.
 */
export function mostSevere(findings: readonly Finding[], count: number): Finding[] {
  // Two passes whatever the number of ranks: a monorepo's lockfile has tens of thousands of findings.
  const ranks = findings.map(rankOf);
  const perRank = new Array<number>(BY_SEVERITY.length * BY_TIER_BLOCKED.length).fill(0);
  for (const rank of ranks) if (rank >= 0) perRank[rank]!++;
  // The last rank that is taken, and how many of it fit.
  let last = 0;
  let room = count;
  for (; last < perRank.length && room > perRank[last]!; last++) room -= perRank[last]!;
  return findings.filter((_, index) => {
    const rank = ranks[index]!;
    if (rank < 0 || rank > last) return false;
    if (rank < last) return true;
    return room-- > 0;
  });
}

/** 0 for the most severe; -1 for a finding that is off. */
function rankOf({ severity, blocks }: Finding): number {
  const bySeverity = BY_SEVERITY.indexOf(severity as Exclude<Severity, 'off'>);
  return bySeverity < 0 ? -1 : bySeverity * BY_TIER_BLOCKED.length + BY_TIER_BLOCKED.indexOf(blocks);
}
