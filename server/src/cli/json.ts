// `--format json`: the stable machine-readable contract of SPEC §7. Fields are only ever added.
import type { ScanResult } from '../engine/scan';
import { TOOL_NAME, TOOL_VERSION } from './version';

export function toJson(result: ScanResult): object {
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
    components: result.files.flatMap((file) =>
      file.assessments.map(({ declaration, provenance, classification, lineage, jurisdiction }) => ({
        id: declaration.id,
        ecosystem: declaration.ecosystem,
        name: declaration.name,
        relation: declaration.relation,
        classification,
        origin: provenance?.entry.origin ?? (declaration.relation === 'workspace' ? jurisdiction : 'unknown'),
        file: file.file,
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
      })),
    ),
    findings: result.findings
      .filter((finding) => finding.severity !== 'off')
      .map((finding) => ({
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
      })),
    errors: result.errors,
  };
}
