// Findings and file errors as LSP diagnostics: source `sovereign-lint`, code = rule id with a link to
// its documentation, lineage as related information.
import { type Diagnostic, DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver';
import { describeStep, derivationPhrase } from '../../../rules/src/describe';
import { rulesById } from '../../../rules/src/rules/index';
import type { Severity } from '../../../rules/src/types';
import type { ConfigProblem } from '../engine/config';
import type { Finding } from '../engine/lint';
import { mostSevere } from '../engine/mostSevere';
import type { FileOutcome } from '../engine/scan';

export const SOURCE = 'sovereign-lint';

const SEVERITY: Record<Exclude<Severity, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const START = { line: 0, character: 0 };

/**
 * VS Code shows at most 1,000 diagnostics per file, the most severe first, and drops the rest. A monorepo's
 * lockfile has tens of thousands of findings: sending them all cost the server seconds of encoding and the
 * editor seconds of parsing, for nothing shown. The CLI and the report list every one.
 */
export const MAX_DIAGNOSTICS_PER_FILE = 1000;

/** `uriOfRelated` turns a root-relative path (a related location in another file) into a URI; `limit` caps the count. */
export function diagnosticsOf(outcome: FileOutcome, uri: string, uriOfRelated?: (file: string) => string, limit = MAX_DIAGNOSTICS_PER_FILE): Diagnostic[] {
  const errors = outcome.errors.map(
    (error): Diagnostic => ({
      range: error.range ?? { start: START, end: START },
      severity: DiagnosticSeverity.Error,
      source: SOURCE,
      message: error.message,
    }),
  );
  // What a dependency pulls in is hundreds of places in one lockfile: each file's URI is made once.
  const uris = new Map<string, string>();
  const relatedUri = uriOfRelated && ((file: string) => uris.get(file) ?? uris.set(file, uriOfRelated(file)).get(file)!);
  const shown = (outcome.report?.findings ?? []).filter((finding) => finding.severity !== 'off');
  // All of it within VS Code's limit, the line saying what is left out included: past the limit VS Code would
  // drop that line (it is information, not a warning) for a note of its own.
  const fits = errors.length + shown.length <= limit;
  const kept = fits ? shown : mostSevere(shown, Math.max(0, limit - errors.length - 1));
  const findings = kept.map((finding) => findingDiagnostic(finding, uri, relatedUri));
  if (kept.length < shown.length) {
    findings.push({
      range: { start: START, end: START },
      severity: DiagnosticSeverity.Information,
      source: SOURCE,
      message: `${shown.length - kept.length} more findings in this file are not shown (the ${kept.length} most severe are); \`sovereign-lint scan\` lists every one`,
    });
  }
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
