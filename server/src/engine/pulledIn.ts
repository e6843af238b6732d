// Where a dependency is declared, what it pulls in: each direct dependency a lockfile (or a pip-compile
// output's `# via` annotations) resolved gets the non-domestic packages reached through it named on its
// own line (`foreign-transitive`), each one a related location where it is pinned. The pulled-in
// packages keep their own findings there.
import path from 'node:path';
import type { Report } from '../../../rules/src/rule';
import { rules } from '../../../rules/src/rules/index';
import type { Assessment, Classification } from '../../../rules/src/types';
import { type FileReport, type Finding, type LintOptions, toFinding } from './lint';
import { dynamicOwners } from './dynamicRequirements';
import { isLockable, type LockableKind } from './lockfiles';
import { relativeTo } from './paths';

const DESCRIBED: Record<Classification, string> = {
  domestic: 'domestic',
  'foreign-open': 'foreign open-source',
  'foreign-proprietary': 'foreign proprietary',
  unknown: 'provenance unknown',
};

/**
 * Adds the findings to the manifest reports (in place). `owners`: the requirements files pyproject.toml files read their
 * dependencies from (see dynamicOwners), when not all of those pyproject.toml files are among the reports.
 */
export function addPulledInFindings(
  reports: readonly FileReport[],
  root: string,
  optionsFor: (file: string) => LintOptions,
  owners: ReadonlyMap<string, string> = dynamicOwners(reports),
): void {
  const rule = rules.find((candidate) => candidate.checkPulledIn)!;
  const lockReports = new Map(reports.filter((report) => report.kind === 'lockfile').map((report) => [report.file, byDirect(report)]));
  const inLockfileOf = (file: string, kind: LockableKind, options: LintOptions): PulledInSource | undefined => {
    const lockfile = options.lockfileFor?.(file, kind);
    const found = lockfile ? relativeTo(root, lockfile) : undefined;
    const byName = found ? lockReports.get(found) : undefined;
    return found && byName ? { file: found, byName, resolved: false } : undefined;
  };
  /**
   * Where a manifest's pulled-in packages are listed: its lockfile's report, the lockfile of the pyproject.toml it
   * declares the dependencies of, or (pip-compile output, whose pins are resolved already) its own.
   */
  const pulledInOf = (report: FileReport, options: LintOptions): PulledInSource | undefined => {
    if (report.kind === 'requirements') {
      const owner = owners.get(report.file);
      return owner === undefined ? { file: report.file, byName: byDirect(report), resolved: true } : inLockfileOf(owner, 'pyproject', options);
    }
    return isLockable(report.kind) ? inLockfileOf(report.file, report.kind, options) : undefined;
  };
  // Workspace members share a root lockfile and many dependencies, each pulling in hundreds of packages: what a
  // name pulls in from a lockfile (the report and its related places) is worked out once, not per declaration.
  const pulledInByName = new Map<string, { found: Report | undefined; related: Related[] }>();
  for (const report of reports) {
    const options = optionsFor(path.resolve(root, report.file));
    const source = pulledInOf(report, options);
    if (!source?.byName.size) continue;
    for (const direct of report.assessments) {
      const { name, relation, locked } = direct.declaration;
      // A manifest's declaration pulls in what its lock resolved it to; a compiled file's pins are resolved already.
      if (relation === 'transitive' || (!source.resolved && !locked)) continue;
      const key = `${source.file}\0${name}`;
      let known = pulledInByName.get(key);
      if (!known) {
        const pulled = source.byName.get(name) ?? [];
        const found = rule.checkPulledIn!(direct, pulled);
        pulledInByName.set(key, (known = { found, related: found ? relatedPlaces(pulled, source.file) : [] }));
      }
      if (!known.found) continue;
      const finding = toFinding(rule, known.found, report.file, direct.declaration.range, options, direct);
      finding.related = known.related;
      report.findings.push(finding);
    }
  }
}

/** Where what a manifest's dependencies pull in is listed, by direct dependency; `resolved` when its pins need no lockfile. */
interface PulledInSource {
  file: string;
  byName: Map<string, Assessment[]>;
  resolved: boolean;
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
      message: `${declaration.name}${pinnedVersion(declaration.versionSpec)} — ${DESCRIBED[classification]}, via ${declaration.via!.join(' → ')}`,
    }));
}

/** `@1.2.3` for a lockfile's version or a compiled file's `==1.2.3` pin. */
function pinnedVersion(spec: string | undefined): string {
  return spec ? `@${spec.replace(/^===?\s*/, '')}` : '';
}

/**
 * Groupings already made: a lockfile's report does not change once judged, and the editor asks again on
 * every keystroke in a manifest it pins (a monorepo's root lockfile holds hundreds of thousands of packages).
 */
const groupedReports = new WeakMap<FileReport, Map<string, Assessment[]>>();

/** A lockfile's transitive components grouped by the direct dependency that brings them. */
function byDirect(report: FileReport): Map<string, Assessment[]> {
  const known = groupedReports.get(report);
  if (known) return known;
  const grouped = new Map<string, Assessment[]>();
  groupedReports.set(report, grouped);
  for (const assessment of report.assessments) {
    const direct = assessment.declaration.via?.[0];
    if (direct === undefined) continue;
    const list = grouped.get(direct);
    if (list) list.push(assessment);
    else grouped.set(direct, [assessment]);
  }
  return grouped;
}
