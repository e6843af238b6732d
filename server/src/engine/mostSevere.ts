// Choosing what to show when a consumer takes only so many findings: VS Code shows 1,000 diagnostics per
// file, GitHub code scanning accepts 25,000 results per run. Both keep the most severe.
import type { Severity } from '../../../rules/src/types';
import type { Finding } from './lint';

const BY_SEVERITY: Exclude<Severity, 'off'>[] = ['error', 'warning', 'info', 'hint'];

/**
 * The `count` most severe findings (in order within a severity, as VS Code picks them), in their own order.
 * Findings that are off are never chosen.
 */
export function mostSevere(findings: readonly Finding[], count: number): Finding[] {
  const kept = new Set<Finding>();
  for (const severity of BY_SEVERITY) {
    for (const finding of findings) {
      if (kept.size === count) return findings.filter((candidate) => kept.has(candidate));
      if (finding.severity === severity) kept.add(finding);
    }
  }
  return findings.filter((candidate) => kept.has(candidate));
}
