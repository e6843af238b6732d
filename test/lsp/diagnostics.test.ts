// Findings as LSP diagnostics: a file with more findings than VS Code shows sends the most severe ones.
import { describe, expect, it } from 'vitest';
import type { Blocks, Severity } from '../../rules/src/types';
import type { Finding } from '../../server/src/engine/lint';
import { diagnosticsOf, MAX_DIAGNOSTICS_PER_FILE } from '../../server/src/lsp/diagnostics';
import { lsp } from '../helpers/ranges';

function finding(line: number, severity: Severity, blocks: Blocks = 'sovereign'): Finding {
  const name = `pkg-${line}`;
  return {
    rule: 'unknown-provenance',
    severity,
    blocks,
    componentId: `npm:${name}`,
    file: 'package-lock.json',
    range: lsp(line, 6, 6 + name.length),
    message: `${name} — provenance unknown`,
    fixes: [],
  };
}

const outcomeOf = (findings: Finding[]) => ({
  file: 'package-lock.json',
  errors: [],
  report: { file: 'package-lock.json', kind: 'lockfile' as const, target: 'sovereign' as const, assessments: [], findings, problems: [], includes: [] },
});

describe('diagnosticsOf', () => {
  it('sends every finding of a file that has no more than VS Code shows', () => {
    const findings = Array.from({ length: MAX_DIAGNOSTICS_PER_FILE }, (_, line) => finding(line, 'warning'));
    expect(diagnosticsOf(outcomeOf(findings), 'file:///w/package-lock.json')).toHaveLength(MAX_DIAGNOSTICS_PER_FILE);
  });

  it('past that, sends the most severe in file order and says how many more there are', () => {
    // 1,200 warnings, then 5 errors, then 10 hints; 30 findings that are off are never shown at all.
    const findings = [
      ...Array.from({ length: 1200 }, (_, line) => finding(line, 'warning')),
      ...Array.from({ length: 5 }, (_, i) => finding(1200 + i, 'error')),
      ...Array.from({ length: 10 }, (_, i) => finding(1205 + i, 'hint')),
      ...Array.from({ length: 30 }, (_, i) => finding(1215 + i, 'off')),
    ];
    const diagnostics = diagnosticsOf(outcomeOf(findings), 'file:///w/package-lock.json');
    // 999 findings and the line about the rest: VS Code takes all 1,000 as they are.
    expect(diagnostics).toHaveLength(MAX_DIAGNOSTICS_PER_FILE);
    const lines = diagnostics.slice(0, -1).map((d) => d.range.start.line);
    expect(lines).toEqual([...Array.from({ length: 994 }, (_, line) => line), 1200, 1201, 1202, 1203, 1204]);
    expect(diagnostics.at(-1)).toEqual({
      range: lsp(0, 0, 0),
      severity: 3,
      source: 'sovereign-lint',
      message: '216 more findings in this file are not shown (the 999 most severe are); `sovereign-lint scan` lists every one',
    });
  });

  it('of one severity, sends those that block the higher tier first: national, then sovereign, then trusted', () => {
    // 600 errors that block trusted readiness, 600 that block sovereign, then 3 that block national.
    const findings = [
      ...Array.from({ length: 600 }, (_, line) => finding(line, 'error', 'trusted')),
      ...Array.from({ length: 600 }, (_, i) => finding(600 + i, 'error', 'sovereign')),
      ...Array.from({ length: 3 }, (_, i) => finding(1200 + i, 'error', 'national')),
    ];
    const lines = diagnosticsOf(outcomeOf(findings), 'file:///w/package-lock.json')
      .slice(0, -1)
      .map((d) => d.range.start.line);
    expect(lines).toEqual([...Array.from({ length: 396 }, (_, line) => line), ...Array.from({ length: 600 }, (_, i) => 600 + i), 1200, 1201, 1202]);
  });

  it('counts a file’s read errors within the limit', () => {
    const outcome = {
      ...outcomeOf(Array.from({ length: 1200 }, (_, line) => finding(line, 'warning'))),
      errors: [
        { file: 'package-lock.json', message: 'npm lockfile is not valid JSON: value expected' },
        { file: 'package-lock.json', message: 'npm lockfile: dependencies nested deeper than a file system path can go; not read' },
      ],
    };
    const diagnostics = diagnosticsOf(outcome, 'file:///w/package-lock.json');
    expect(diagnostics).toHaveLength(MAX_DIAGNOSTICS_PER_FILE);
    expect(diagnostics.slice(0, 2).map((d) => d.severity)).toEqual([1, 1]);
    expect(diagnostics.at(-1)!.message).toBe('203 more findings in this file are not shown (the 997 most severe are); `sovereign-lint scan` lists every one');
  });
});
