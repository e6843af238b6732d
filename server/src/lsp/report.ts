// The report behind "Sovereign Lint: Show Report": per folder, the verdict and what blocks the next tier.
import type { Finding } from '../engine/lint';
import type { ScanError } from '../engine/scan';
import { blocksATier } from '../engine/verdict';
import type { FolderVerdict } from '../protocol';

export interface FolderReport {
  verdict: FolderVerdict;
  findings: Finding[];
  errors: ScanError[];
}

export function reportMarkdown(folders: readonly FolderReport[]): string {
  const out = ['# Sovereign Lint report', ''];
  if (folders.length === 0) out.push('No workspace folder is open.');
  for (const { verdict, findings, errors } of folders) {
    out.push(
      `## ${verdict.folderName}`,
      '',
      `**${verdict.summary}** — target ${verdict.target}: ${verdict.meetsTarget ? 'met' : 'not met'}`,
      '',
    );
    if (verdict.otherTargets.length) {
      out.push('### Held to another target by their config', '', '| file | target | |', '|---|---|---|');
      for (const held of verdict.otherTargets) out.push(`| ${held.file} | ${held.target} | ${held.meetsTarget ? 'met' : 'not met'} |`);
      out.push('');
    }
    const blockers = blockingFindings(verdict, findings);
    if (blockers.size) {
      out.push(`### What blocks ${verdict.tier === 'none' ? 'national' : 'sovereign'}`, '', '| component | where | rule | why |', '|---|---|---|---|');
      for (const [id, found] of blockers) out.push(`| \`${id}\` | ${places(found)} | ${found[0]!.rule} | ${cell(found[0]!.message)} |`);
      out.push('');
    }
    const accepted = findings.filter((f) => f.exception);
    if (accepted.length) {
      out.push('### Accepted exceptions', '', '| component | reason | until |', '|---|---|---|');
      for (const f of accepted) out.push(`| \`${f.componentId}\` | ${cell(f.exception!.reason)} | ${f.exception!.until ?? '—'} |`);
      out.push('');
    }
    if (errors.length) {
      out.push('### Files that could not be fully read', '');
      for (const e of errors) out.push(`- ${e.file}${e.range ? `:${e.range.start.line + 1}` : ''}: ${e.message}`);
      out.push('');
    }
    out.push(`Knowledge base ${verdict.knowledgeBase}`, '');
  }
  return out.join('\n');
}

/** How many places a row names: a monorepo declares one blocker in dozens of manifests and lockfiles. */
const SHOWN_PLACES = 3;

/** Each blocking component (in the verdict's order) with the findings that make it one. */
function blockingFindings(verdict: FolderVerdict, findings: readonly Finding[]): Map<string, Finding[]> {
  const blocking = new Map<string, Finding[]>(verdict.blockedBy.map((id) => [id, []]));
  for (const finding of findings) {
    if (finding.componentId && blocksATier(finding)) blocking.get(finding.componentId)?.push(finding);
  }
  for (const [id, found] of blocking) if (found.length === 0) blocking.delete(id);
  return blocking;
}

function places(findings: readonly Finding[]): string {
  const shown = findings.slice(0, SHOWN_PLACES).map((finding) => `${finding.file}:${finding.range.start.line + 1}`);
  return findings.length > SHOWN_PLACES ? `${shown.join(', ')}, and ${findings.length - SHOWN_PLACES} more` : shown.join(', ');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}
