// The verdict (SPEC §2): the highest tier every component allows, what blocks the next tier up, the
// exceptions the team accepted to get there, and trusted-tier readiness reported apart.
import { displayName } from '../../../rules/src/describe';
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
  /** Trusted-tier readiness: the components (and manifests) in its way, and how many. */
  trusted: { ready: boolean; count: number; blockers: string[] };
  /** Whether what the dependencies pull in was examined (it needs an up-to-date lockfile per manifest). */
  transitive: TransitiveCoverage['examined'];
  /** One line for people: "national — 14 components block sovereign (numpy, torch, … and 9 more)". */
  summary: string;
  /**
   * Files their config holds to a tier other than the scan's target (an override keeps `experiments/**` national, a
   * nested config asks sovereign of `app/`), and whether each reaches it: meetsTarget is theirs as much as the rest's.
   */
  otherTargets: FileTarget[];
}

export interface FileTarget {
  file: string;
  target: Target;
  meetsTarget: boolean;
}

const RANK: Record<Tier, number> = { none: 0, national: 1, sovereign: 2 };
/** How many of what blocks the next tier the one-line summary names. */
const SUMMARY_NAMES = 5;

/** Findings held to one target: a file's, or the config findings' (the scan's target). */
export interface JudgedFindings {
  findings: readonly Finding[];
  target: Target;
  /** The file they are about (none for the findings on configs). */
  file?: string;
  /** A lockfile's report: its components are pulled in, not declared by the project. */
  kind?: string;
}

/** How much of what the dependencies pull in was examined, and what kept the rest from it. */
export interface TransitiveCoverage {
  examined: 'examined' | 'partly examined' | 'not examined';
  because?: 'no lockfile' | 'lockfile out of date' | 'no lockfile, or one out of date';
}

/** Everything the dependencies pull in examined. */
export const EXAMINED: TransitiveCoverage = { examined: 'examined' };

/**
 * The verdict over every file. The tier is the lowest any component allows; the target is met when
 * every file reaches the tier its own config asks of it (an override may let `experiments/**` stay national).
 */
export function computeVerdict(judged: readonly JudgedFindings[], target: Target, filesWithErrors: number, transitive: TransitiveCoverage = EXAMINED): Verdict {
  const tally = new VerdictTally();
  for (const group of judged) tally.add(group);
  return tally.verdict(target, filesWithErrors, transitive);
}

/** What one group of findings adds to the verdict: the subjects it names, by what they block. */
interface Contribution {
  sovereign: string[];
  national: string[];
  /** Subjects a manifest declares (not only a lockfile): the summary names these first. */
  declared: string[];
  trusted: string[];
  exceptions: string[];
  belowTarget: boolean;
  /** How many findings the group had when counted: pulled-in findings are added to a report in place. */
  size: number;
}

/**
 * The verdict's findings counted by subject, so that a workspace's verdict follows one file's change at the
 * cost of that file: the editor re-judges a manifest on every edit, and a large monorepo holds half a million
 * findings. A group is removed with exactly what it added, even if its findings grew since.
 */
export class VerdictTally {
  private readonly sovereign = new Map<string, number>();
  private readonly national = new Map<string, number>();
  private readonly declared = new Map<string, number>();
  private readonly trusted = new Map<string, number>();
  private readonly exceptions = new Map<string, number>();
  private readonly added = new Map<JudgedFindings, Contribution>();
  private belowTarget = 0;
  /** The groups held to each target, to name those held to another than the scan's. */
  private readonly byTarget = new Map<Target, Set<JudgedFindings>>();

  /** Holds exactly these groups: counts the new ones, drops the gone ones, re-counts those that grew in place. */
  sync(groups: Iterable<JudgedFindings>): void {
    const current = new Set(groups);
    for (const [group, contribution] of this.added) {
      if (!current.has(group) || group.findings.length !== contribution.size) this.remove(group);
    }
    for (const group of current) this.add(group);
  }

  add(group: JudgedFindings): void {
    if (this.added.has(group)) return;
    const contribution = contributionOf(group);
    this.added.set(group, contribution);
    this.count(contribution, 1);
    let held = this.byTarget.get(group.target);
    if (!held) this.byTarget.set(group.target, (held = new Set()));
    held.add(group);
  }

  private remove(group: JudgedFindings): void {
    const contribution = this.added.get(group);
    if (!contribution) return;
    this.added.delete(group);
    this.count(contribution, -1);
    this.byTarget.get(group.target)?.delete(group);
  }

  verdict(target: Target, filesWithErrors: number, transitive: TransitiveCoverage): Verdict {
    const tier: Tier = this.national.size > 0 ? 'none' : this.sovereign.size > 0 ? 'national' : 'sovereign';
    const blockedBy = tier === 'none' ? sortedKeys(this.national) : tier === 'national' ? sortedKeys(this.sovereign) : [];
    const trusted = this.trusted;
    let trustedBlockers: string[] | undefined;
    return {
      tier,
      meetsTarget: filesWithErrors === 0 && this.belowTarget === 0,
      blockedBy,
      exceptions: sortedKeys(this.exceptions),
      filesWithErrors,
      trusted: {
        ready: trusted.size === 0,
        count: trusted.size,
        // Sorted when first read (the reports read it, the editor never does): a monorepo has a hundred thousand.
        get blockers() {
          return (trustedBlockers ??= sortedKeys(trusted));
        },
      },
      transitive: transitive.examined,
      summary: summarise(tier, blockedBy.length, this.namesFirst(blockedBy), this.exceptions.size, filesWithErrors, transitive),
      otherTargets: this.otherTargets(target),
    };
  }

  private otherTargets(target: Target): FileTarget[] {
    const other: FileTarget[] = [];
    for (const [held, groups] of this.byTarget) {
      if (held === target) continue;
      for (const group of groups) {
        if (group.file !== undefined) other.push({ file: group.file, target: held, meetsTarget: !this.added.get(group)!.belowTarget });
      }
    }
    return other.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  }

  /**
   * The subjects the summary names: what a team can act on in its own manifests before what their dependencies pull
   * in. Only these few are picked out: a monorepo's verdict has hundreds of thousands of subjects.
   */
  private namesFirst(subjects: readonly string[]): string[] {
    const declared: string[] = [];
    const pulledIn: string[] = [];
    for (const subject of subjects) {
      const list = this.declared.has(subject) ? declared : pulledIn;
      if (list.length < SUMMARY_NAMES) list.push(subject);
      if (declared.length === SUMMARY_NAMES) break;
    }
    return [...declared, ...pulledIn].slice(0, SUMMARY_NAMES);
  }

  private count(contribution: Contribution, step: 1 | -1): void {
    for (const subject of contribution.sovereign) bump(this.sovereign, subject, step);
    for (const subject of contribution.national) bump(this.national, subject, step);
    for (const subject of contribution.declared) bump(this.declared, subject, step);
    for (const subject of contribution.trusted) bump(this.trusted, subject, step);
    for (const subject of contribution.exceptions) bump(this.exceptions, subject, step);
    if (contribution.belowTarget) this.belowTarget += step;
  }
}

/** A finding that stands between a component and a tier: not accepted, not about trusted readiness, not a restatement. */
export function blocksATier(finding: Finding): boolean {
  return !finding.exception && finding.blocks !== 'trusted' && !restatesOthers(finding);
}

/** Its facts are other findings, each counted on its own (what a dependency pulls in). */
export function restatesOthers(finding: Finding): boolean {
  return rulesById.get(finding.rule)?.meta.restates === true;
}

function contributionOf(group: JudgedFindings): Contribution {
  const contribution: Contribution = {
    sovereign: [],
    national: [],
    declared: [],
    trusted: [],
    exceptions: [],
    belowTarget: RANK[tierOf(group.findings)] < RANK[group.target],
    size: group.findings.length,
  };
  for (const finding of group.findings) {
    if (restatesOthers(finding)) continue;
    const subject = finding.componentId ?? `${finding.file}:${finding.range.start.line + 1}`;
    if (finding.exception) {
      contribution.exceptions.push(subject);
      continue;
    }
    if (finding.blocks === 'trusted') contribution.trusted.push(subject);
    else {
      contribution.sovereign.push(subject);
      if (finding.blocks === 'national') contribution.national.push(subject);
      if (group.kind !== 'lockfile') contribution.declared.push(subject);
    }
    // Trusted readiness needs every provenance known (SPEC §2).
    if (finding.rule === 'unknown-provenance') contribution.trusted.push(subject);
  }
  return contribution;
}

function bump(counts: Map<string, number>, subject: string, step: 1 | -1): void {
  const count = (counts.get(subject) ?? 0) + step;
  if (count === 0) counts.delete(subject);
  else counts.set(subject, count);
}

function sortedKeys(counts: ReadonlyMap<string, number>): string[] {
  return [...counts.keys()].sort();
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

function summarise(tier: Tier, blocking: number, named: readonly string[], exceptions: number, filesWithErrors: number, transitive: TransitiveCoverage): string {
  const next = tier === 'none' ? 'national' : 'sovereign';
  let line =
    tier === 'sovereign'
      ? 'sovereign'
      : `${tier} — ${plural(blocking, 'component blocks', 'components block')} ${next} (${namesOf(named, blocking)})`;
  if (exceptions > 0) line += `, with ${plural(exceptions, 'accepted exception', 'accepted exceptions')}`;
  if (filesWithErrors > 0) line += `; ${plural(filesWithErrors, 'file', 'files')} could not be fully read`;
  if (transitive.because) line += `; transitive dependencies ${transitive.examined} (${transitive.because})`;
  return line;
}

/** The named subjects, of `total`, by name ("openai, torch and 12 more"): the line names what blocks, the reports list it all. */
function namesOf(named: readonly string[], total: number): string {
  // Only components block a tier (findings about a file as a whole block trusted readiness alone).
  const shown = named.map(displayName);
  const more = total - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${more} more`;
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}` : shown.join('');
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
