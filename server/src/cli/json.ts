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
  // Built field by field (not with conditional spreads, which make a throwaway object each): a monorepo's report
  // has hundreds of thousands of these. Assignment order is the JSON field order.
  const json: Record<string, unknown> = {
    id: declaration.id,
    ecosystem: declaration.ecosystem,
    name: declaration.name,
    relation: declaration.relation,
    classification,
    origin: provenance?.entry.origin ?? (declaration.relation === 'workspace' ? jurisdiction : 'unknown'),
    file,
    range: declaration.range,
  };
  if (declaration.group) json.group = declaration.group;
  if (declaration.versionSpec !== undefined) json.versionSpec = declaration.versionSpec;
  if (declaration.directReference) json.directReference = declaration.directReference;
  if (declaration.via) json.via = declaration.via;
  if (provenance) {
    json.owner = provenance.entry.owner;
    if (provenance.entry.license) json.license = provenance.entry.license;
    json.provenance = provenance.source;
    json.evidence = provenance.entry.evidence;
  }
  if (lineage.length) json.lineage = lineage;
  return json;
}

function* reportedFindings(result: ScanResult): Generator<object> {
  for (const finding of result.findings) if (finding.severity !== 'off') yield findingJson(finding);
}

function findingJson(finding: Finding): object {
  const json: Record<string, unknown> = { rule: finding.rule, severity: finding.severity, blocks: finding.blocks };
  if (finding.componentId) json.componentId = finding.componentId;
  json.file = finding.file;
  json.range = finding.range;
  json.message = finding.message;
  json.fixes = finding.fixes;
  if (finding.lineage) json.lineage = finding.lineage;
  if (finding.related) json.related = finding.related;
  if (finding.exception) json.exception = finding.exception;
  return json;
}
