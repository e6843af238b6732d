// Findings and file errors as LSP diagnostics: source `sovereign-lint`, code = rule id with a link to
// its documentation, lineage as related information.
import { type Diagnostic, DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver';
import { describeStep, derivationPhrase } from '../../../rules/src/describe';
import { rulesById } from '../../../rules/src/rules/index';
import type { Severity } from '../../../rules/src/types';
import type { ConfigProblem } from '../engine/config';
import type { Finding } from '../engine/lint';
import type { FileOutcome } from '../engine/scan';

export const SOURCE = 'sovereign-lint';

const SEVERITY: Record<Exclude<Severity, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const START = { line: 0, character: 0 };

/** `uriOfRelated` turns a root-relative path (a related location in another file) into a URI. */
export function diagnosticsOf(outcome: FileOutcome, uri: string, uriOfRelated?: (file: string) => string): Diagnostic[] {
  const errors = outcome.errors.map(
    (error): Diagnostic => ({
      range: error.range ?? { start: START, end: START },
      severity: DiagnosticSeverity.Error,
      source: SOURCE,
      message: error.message,
    }),
  );
  const findings = (outcome.report?.findings ?? []).flatMap((finding) =>
    finding.severity === 'off' ? [] : [findingDiagnostic(finding, uri, uriOfRelated)],
  );
  return [...errors, ...findings];
}

export function configDiagnostics(problems: readonly ConfigProblem[]): Diagnostic[] {
  return problems.map((problem) => ({
    range: problem.range,
    severity: problem.severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error,
    source: SOURCE,
    code: 'invalid-config',
    message: problem.message,
  }));
}

export function findingDiagnostic(finding: Finding, uri: string, uriOfRelated?: (file: string) => string): Diagnostic {
  const docs = rulesById.get(finding.rule)?.meta.docs;
  // An accepted exception stays visible, faded, so nobody forgets it exists.
  const accepted = finding.exception;
  return {
    range: finding.range,
    severity: accepted ? DiagnosticSeverity.Hint : SEVERITY[finding.severity as Exclude<Severity, 'off'>],
    source: SOURCE,
    code: finding.rule,
    ...(docs ? { codeDescription: { href: docs } } : {}),
    message: accepted ? `${finding.message} (accepted exception: ${accepted.reason})` : finding.message,
    ...(accepted ? { tags: [DiagnosticTag.Unnecessary] } : {}),
    ...(finding.lineage?.length || (finding.related?.length && uriOfRelated)
      ? {
          relatedInformation: [
            ...(finding.lineage ?? []).map((step) => ({
              location: { uri, range: finding.range },
              message: `${derivationPhrase(step.derivation)} ${describeStep(step)}${step.license ? `, licence ${step.license}` : ''}`,
            })),
            ...(uriOfRelated ? (finding.related ?? []) : []).map((related) => ({
              location: { uri: uriOfRelated!(related.file), range: related.range },
              message: related.message,
            })),
          ],
        }
      : {}),
    ...(finding.componentId ? { data: { componentId: finding.componentId } } : {}),
  };
}
