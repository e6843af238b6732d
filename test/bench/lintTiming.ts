// Bundled and run by scripts/bench.mjs: in-process time for the engine to diagnose one manifest,
// the work the language server does per edit (read, classify, run every rule, build fixes).
import { shippedKnowledgeBase } from '../../rules/src/knowledgeBase';
import { createLintOptions } from '../../server/src/engine/lint';
import { judge, readSourceText } from '../../server/src/engine/scan';
import { manifestKind } from '../../server/src/readers/index';

export function timeLint(file: string, text: string, runs: number): { medianMs: number; p95Ms: number; findings: number } {
  const options = createLintOptions('/bench', { kb: shippedKnowledgeBase(), today: '2026-11-22' });
  const kind = manifestKind(file)!;
  const times: number[] = [];
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const outcome = judge(readSourceText(file, kind, text), options);
    times.push(performance.now() - started);
    findings = outcome.report?.findings.length ?? 0;
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(runs / 2)]!, p95Ms: times[Math.floor(runs * 0.95)]!, findings };
}
