// `--format json`: the stable machine-readable contract of SPEC §7. Fields are only ever added.
import type { Assessment } from '../../../rules/src/types';
import type { Finding } from '../engine/lint';
import type { ScanResult } from '../engine/scan';
import { writeJson } from './streamJson';
import { TOOL_NAME, TOOL_VERSION } from './version';

/** The lists written one element per line. */
const STREAMED = new Set(['components', 'findings', 'errors']);

/** Writes the report piece by piece (a large monorepo's is more than one string can hold). */
export function writeJsonReport(result: ScanResult, write: (text: string) => void): void {
  writeJson(toJson(result), write, STREAMED);
}

/**
 * The report, its long lists as lazy sequences: each component's and finding's JSON object lives only
 * while it is written, instead of a monorepo's worth of them at once.
 */
function toJson(result: ScanResult): object {
  const { verdict } = result;
  return {
    tool: { name: TOOL_NAME, version: TOOL_VERSION, knowledgeBase: result.kbVersion },
    target: result.target,
    jurisdiction: result.jurisdiction,
    verdict: {
      tier: verdict.tier,
      meetsTarget: verdict.meetsTarget,
      blockedBy: verdict.blockedBy,
      summary: verdict.summary,
      exceptions: verdict.exceptions,
      filesWithErrors: verdict.filesWithErrors,
      transitive: verdict.transitive,
      trustedReadiness: verdict.trusted,
    },
    components: componentsOf(result),
    findings: reportedFindings(result),
    errors: result.errors,
  };
}

function* componentsOf(result: ScanResult): Generator<object> {
  for (const file of result.files) {
    for (const assessment of file.assessments) yield componentJson(file.file, assessment);
  }
}

function componentJson(file: string, { declaration, provenance, classification, lineage, jurisdiction }: Assessment): object {
  return {
    id: declaration.id,
    ecosystem: declaration.ecosystem,
    name: declaration.name,
    relation: declaration.relation,
    classification,
    origin: provenance?.entry.origin ?? (declaration.relation === 'workspace' ? jurisdiction : 'unknown'),
    file,
    range: declaration.range,
    ...(declaration.group ? { group: declaration.group } : {}),
    ...(declaration.versionSpec !== undefined ? { versionSpec: declaration.versionSpec } : {}),
    ...(declaration.directReference ? { directReference: declaration.directReference } : {}),
    ...(declaration.via ? { via: declaration.via } : {}),
    ...(provenance
      ? {
          owner: provenance.entry.owner,
          ...(provenance.entry.license ? { license: provenance.entry.license } : {}),
          provenance: provenance.source,
          evidence: provenance.entry.evidence,
        }
      : {}),
    ...(lineage.length ? { lineage } : {}),
  };
}

function* reportedFindings(result: ScanResult): Generator<object> {
  for (const finding of result.findings) if (finding.severity !== 'off') yield findingJson(finding);
}

function findingJson(finding: Finding): object {
  return {
    rule: finding.rule,
    severity: finding.severity,
    blocks: finding.blocks,
    ...(finding.componentId ? { componentId: finding.componentId } : {}),
    file: finding.file,
    range: finding.range,
    message: finding.message,
    fixes: finding.fixes,
    ...(finding.lineage ? { lineage: finding.lineage } : {}),
    ...(finding.related ? { related: finding.related } : {}),
    ...(finding.exception ? { exception: finding.exception } : {}),
  };
}
