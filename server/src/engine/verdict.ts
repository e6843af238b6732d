// The verdict (SPEC §2): the highest tier every component allows, what blocks the next tier up, the
// exceptions the team accepted to get there, and trusted-tier readiness reported apart.
import type { Target, Tier } from '../../../rules/src/types';
import { rulesById } from '../../../rules/src/rules/index';
import type { Finding } from './lint';

export interface Verdict {
  tier: Tier;
  meetsTarget: boolean;
  /** Components standing between the tier reached and the next one up. */
  blockedBy: string[];
  /** Components whose findings the team accepted as documented exceptions. */
  exceptions: string[];
  /** Files that could not be (fully) read: the verdict covers only the rest, so it cannot meet a target. */
  filesWithErrors: number;
  trusted: { ready: boolean; blockers: string[] };
  /** Whether what the dependencies pull in was examined (it needs a lockfile per manifest). */
  transitive: TransitiveCoverage;
  /** One line for people: "national — 14 components block sovereign". */
  summary: string;
}

const RANK: Record<Tier, number> = { none: 0, national: 1, sovereign: 2 };

/** Findings held to one target: a file's, or the config findings' (the scan's target). */
export interface JudgedFindings {
  findings: readonly Finding[];
  target: Target;
}

/**
 * The verdict over every file. The tier is the lowest any component allows; the target is met when
 * every file reaches the tier its own config asks of it (an override may let `experiments/**` stay national).
 */
export type TransitiveCoverage = 'examined' | 'partly examined' | 'not examined';

export function computeVerdict(judged: readonly JudgedFindings[], filesWithErrors: number, transitive: TransitiveCoverage = 'examined'): Verdict {
  const sovereignBlockers = new Set<string>();
  const nationalBlockers = new Set<string>();
  const trustedBlockers = new Set<string>();
  const exceptions = new Set<string>();
  for (const group of judged) {
    for (const finding of group.findings) {
      if (rulesById.get(finding.rule)?.meta.restates) continue;
      const subject = finding.componentId ?? `${finding.file}:${finding.range.start.line + 1}`;
      if (finding.exception) {
        exceptions.add(subject);
        continue;
      }
      if (finding.blocks === 'trusted') trustedBlockers.add(subject);
      else {
        sovereignBlockers.add(subject);
        if (finding.blocks === 'national') nationalBlockers.add(subject);
      }
      // Trusted readiness needs every provenance known (SPEC §2).
      if (finding.rule === 'unknown-provenance') trustedBlockers.add(subject);
    }
  }
  const tier: Tier = nationalBlockers.size > 0 ? 'none' : sovereignBlockers.size > 0 ? 'national' : 'sovereign';
  const blockedBy = [...(tier === 'none' ? nationalBlockers : tier === 'national' ? sovereignBlockers : [])].sort();
  const meetsTarget = filesWithErrors === 0 && judged.every((group) => RANK[tierOf(group.findings)] >= RANK[group.target]);
  return {
    tier,
    meetsTarget,
    blockedBy,
    exceptions: [...exceptions].sort(),
    filesWithErrors,
    trusted: { ready: trustedBlockers.size === 0, blockers: [...trustedBlockers].sort() },
    transitive,
    summary: summarise(tier, blockedBy.length, exceptions.size, filesWithErrors, transitive),
  };
}

/** The tier one group of findings allows, exceptions accepted. */
function tierOf(findings: readonly Finding[]): Tier {
  let tier: Tier = 'sovereign';
  for (const finding of findings) {
    if (finding.exception || finding.blocks === 'trusted') continue;
    if (finding.blocks === 'national') return 'none';
    tier = 'national';
  }
  return tier;
}

function summarise(tier: Tier, blocking: number, exceptions: number, filesWithErrors: number, transitive: TransitiveCoverage): string {
  const next = tier === 'none' ? 'national' : 'sovereign';
  let line =
    tier === 'sovereign'
      ? 'sovereign'
      : `${tier} — ${plural(blocking, 'component blocks', 'components block')} ${next}`;
  if (exceptions > 0) line += `, with ${plural(exceptions, 'accepted exception', 'accepted exceptions')}`;
  if (filesWithErrors > 0) line += `; ${plural(filesWithErrors, 'file', 'files')} could not be fully read`;
  if (transitive !== 'examined') line += `; transitive dependencies ${transitive} (no lockfile)`;
  return line;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
