// Where a dependency is declared, what it pulls in: each direct dependency a lockfile resolved gets the
// non-domestic packages reached through it named on its own line (`foreign-transitive`), each one a
// related location in the lockfile. The pulled-in packages keep their own findings on the lockfile.
import path from 'node:path';
import { rules } from '../../../rules/src/rules/index';
import type { Assessment, Classification } from '../../../rules/src/types';
import { type FileReport, type Finding, type LintOptions, toFinding } from './lint';
import { isLockable, type LockfileFinder } from './lockfiles';
import { relativeTo } from './paths';

const DESCRIBED: Record<Classification, string> = {
  domestic: 'domestic',
  'foreign-open': 'foreign open-source',
  'foreign-proprietary': 'foreign proprietary',
  unknown: 'provenance unknown',
};

/** Adds the findings to the manifest reports (in place). */
export function addPulledInFindings(
  reports: readonly FileReport[],
  root: string,
  optionsFor: (file: string) => LintOptions,
  findLockfile: LockfileFinder,
): void {
  const rule = rules.find((candidate) => candidate.checkPulledIn)!;
  const lockReports = new Map(reports.filter((report) => report.kind === 'lockfile').map((report) => [report.file, byDirect(report)]));
  if (lockReports.size === 0) return;
  // Workspace members share a root lockfile and many dependencies: each list of related places is built once.
  const relatedLists = new Map<string, Related[]>();
  for (const report of reports) {
    if (!isLockable(report.kind)) continue;
    const manifest = path.resolve(root, report.file);
    const lockfile = findLockfile(manifest, report.kind, root);
    const lockFile = lockfile ? relativeTo(root, lockfile) : undefined;
    const pulledByName = lockFile ? lockReports.get(lockFile) : undefined;
    if (!pulledByName || !lockFile) continue;
    const options = optionsFor(manifest);
    for (const direct of report.assessments) {
      const name = direct.declaration.name;
      const pulled = direct.declaration.locked ? (pulledByName.get(name) ?? []) : [];
      const found = rule.checkPulledIn!(direct, pulled);
      if (!found) continue;
      const finding = toFinding(rule, found, report.file, direct.declaration.range, options, direct);
      const key = `${lockFile}\0${name}`;
      let related = relatedLists.get(key);
      if (!related) relatedLists.set(key, (related = relatedPlaces(pulled, lockFile)));
      finding.related = related;
      report.findings.push(finding);
    }
  }
}

type Related = NonNullable<Finding['related']>[number];

/** Related places listed per finding: enough to follow; the message gives the count, the lockfile has them all. */
const MAX_RELATED = 20;

function relatedPlaces(pulled: readonly Assessment[], file: string): Related[] {
  return pulled
    .filter((assessment) => assessment.classification !== 'domestic')
    .slice(0, MAX_RELATED)
    .map(({ declaration, classification }) => ({
      file,
      range: declaration.range,
      message: `${declaration.name}${declaration.versionSpec ? `@${declaration.versionSpec}` : ''} — ${DESCRIBED[classification]}, via ${declaration.via!.join(' → ')}`,
    }));
}

/** A lockfile's transitive components grouped by the direct dependency that brings them. */
function byDirect(report: FileReport): Map<string, Assessment[]> {
  const grouped = new Map<string, Assessment[]>();
  for (const assessment of report.assessments) {
    const direct = assessment.declaration.via?.[0];
    if (direct === undefined) continue;
    const list = grouped.get(direct);
    if (list) list.push(assessment);
    else grouped.set(direct, [assessment]);
  }
  return grouped;
}
