// `--format text`: findings grouped by file as `file:line:col` lines (terminals and editors make them
// links), colour only on a terminal and never with NO_COLOR, ending with the verdict line.
import { createColors } from 'picocolors';
import type { Range, Severity } from '../../../rules/src/types';
import { mostSevere } from '../engine/mostSevere';
import type { ScanResult } from '../engine/scan';

type Colors = ReturnType<typeof createColors>;

const TRANSITIVE_LINES = 20;

export function toText(result: ScanResult, useColor: boolean): string {
  const c = createColors(useColor);
  const out: string[] = [];
  /** Each file's lines, with where they point (errors without a place come first). */
  const files = new Map<string, { at: number; text: string }[]>();
  const linesOf = (file: string) => {
    let lines = files.get(file);
    if (!lines) files.set(file, (lines = []));
    return lines;
  };
  const at = (range: Range | undefined) => (range ? range.start.line * 1e6 + range.start.character : -1);
  for (const error of result.errors) {
    const where = error.range ? `${error.file}:${error.range.start.line + 1}:${error.range.start.character + 1}` : error.file;
    linesOf(error.file).push({ at: at(error.range), text: `${where}  ${c.red(pad('error'))}  ${error.message}` });
  }
  // A lockfile can carry thousands of transitive findings: only its most severe are printed, and the rest counted.
  const hidden = new Map<string, number>();
  const lockfiles = result.files.filter((file) => file.kind === 'lockfile');
  const lockfileNames = new Set(lockfiles.map((file) => file.file));
  const shown = result.findings.filter((finding) => finding.severity !== 'off' && !lockfileNames.has(finding.file));
  for (const { file, findings } of lockfiles) {
    const kept = mostSevere(findings, TRANSITIVE_LINES);
    shown.push(...kept);
    const more = findings.filter((finding) => finding.severity !== 'off').length - kept.length;
    if (more > 0) hidden.set(file, more);
  }
  for (const finding of shown) {
    const where = `${finding.file}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
    const label = finding.exception ? c.dim(pad('accepted')) : severityLabel(finding.severity, c);
    const exception = finding.exception
      ? c.dim(` (exception: ${finding.exception.reason}${finding.exception.until ? `, until ${finding.exception.until}` : ''})`)
      : '';
    linesOf(finding.file).push({ at: at(finding.range), text: `${where}  ${label}  ${finding.message}${exception}  ${c.dim(finding.rule)}` });
  }
  // One collator for every comparison: localeCompare looks one up per call, and a monorepo lists thousands of files.
  const { compare } = new Intl.Collator();
  for (const [file, lines] of [...files].sort(([a], [b]) => compare(a, b))) {
    // A manifest reads top to bottom; a lockfile's transitive findings stay in the order the graph was walked (all of them in JSON and SARIF).
    if (!lockfileNames.has(file)) lines.sort((a, b) => a.at - b.at);
    const more = hidden.get(file) ?? 0;
    const rest = c.dim(`… and ${more} more transitive findings, none more severe (--format json lists them all)`);
    out.push(c.underline(file), ...lines.map((line) => line.text), ...(more > 0 ? [rest] : []), '');
  }
  const components = result.files.reduce((sum, file) => sum + file.assessments.length, 0);
  const { verdict } = result;
  // Readiness findings are off unless a team asks for them: say how, where some are counted but not listed above.
  const unlisted = result.findings.some((finding) => finding.blocks === 'trusted' && finding.severity === 'off');
  const readiness = verdict.trusted.ready ? 'ready' : `${verdict.trusted.count} to fix${unlisted ? ' (add "sovereign-lint:trusted" to extends to list them)' : ''}`;
  out.push(
    c.dim(
      `${plural(components, 'component')} in ${plural(result.files.length, 'file')} · target ${result.target} (${result.jurisdiction})${heldElsewhere(verdict)}: ` +
        `${verdict.meetsTarget ? 'met' : 'not met'} · trusted readiness: ${readiness} · knowledge base ${result.kbVersion}`,
    ),
  );
  const tierColor = verdict.tier === 'sovereign' ? c.green : verdict.tier === 'national' ? c.yellow : c.red;
  out.push(c.bold(tierColor(verdict.summary)));
  const short = verdict.otherTargets.filter((held) => !held.meetsTarget);
  if (short.length > 0) {
    const named = short.slice(0, SHORT_NAMED).map((held) => `${held.file} (${held.target})`);
    out.push(`short of the target their config sets: ${named.join(', ')}${short.length > SHORT_NAMED ? ` and ${short.length - SHORT_NAMED} more` : ''}`);
  }
  return `${out.join('\n')}\n`;
}

/** How many files short of their own target the report names (JSON lists them all). */
const SHORT_NAMED = 5;

/** ", national for 3 files": the files a config holds to another target than the scan's, whose verdict is part of it. */
function heldElsewhere(verdict: ScanResult['verdict']): string {
  const counts = new Map<string, number>();
  for (const held of verdict.otherTargets) counts.set(held.target, (counts.get(held.target) ?? 0) + 1);
  return [...counts].map(([target, count]) => `, ${target} for ${plural(count, 'file')}`).join('');
}

function severityLabel(severity: Severity, c: Colors): string {
  const label = pad(severity);
  switch (severity) {
    case 'error':
      return c.red(label);
    case 'warning':
      return c.yellow(label);
    case 'info':
      return c.blue(label);
    default:
      return c.dim(label);
  }
}

/** Severity labels share one column width so messages line up. */
function pad(label: string): string {
  return label.padEnd('accepted'.length);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
