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
  const kept = new Set<Finding>();
  for (const severity of BY_SEVERITY) {
    for (const blocks of BY_TIER_BLOCKED) {
      for (const finding of findings) {
        if (kept.size === count) return findings.filter((candidate) => kept.has(candidate));
        if (finding.severity === severity && finding.blocks === blocks) kept.add(finding);
      }
    }
  }
  return findings.filter((candidate) => kept.has(candidate));
}
