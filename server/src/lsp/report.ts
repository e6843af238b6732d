// The report behind "Sovereign Lint: Show Report": per folder, the verdict and what blocks the next tier.
import type { Finding } from '../engine/lint';
import type { ScanError } from '../engine/scan';
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
    const blockers = findings.filter((f) => f.componentId && verdict.blockedBy.includes(f.componentId) && !f.exception);
    if (blockers.length) {
      out.push(`### What blocks ${verdict.tier === 'none' ? 'national' : 'sovereign'}`, '', '| component | where | rule | why |', '|---|---|---|---|');
      for (const f of blockers) out.push(`| \`${f.componentId}\` | ${f.file}:${f.range.start.line + 1} | ${f.rule} | ${cell(f.message)} |`);
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

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}
