// Lints a manifest text as the engine does for one file, against a given knowledge base.
import type { KnowledgeBase } from '../../rules/src/kb';
import type { Target } from '../../rules/src/types';
import { Classifier } from '../../server/src/engine/classify';
import { type Config, EMPTY_CONFIG } from '../../server/src/engine/config';
import { type FileReport, lintFile } from '../../server/src/engine/lint';
import { KnowledgePlacement } from '../../server/src/engine/placement';
import { manifestKind } from '../../server/src/readers/index';

export function lintText(
  file: string,
  text: string,
  kb: KnowledgeBase,
  { target = 'sovereign', config = EMPTY_CONFIG, today = '2026-11-22' }: { target?: Target; config?: Config; today?: string } = {},
): FileReport {
  const kind = manifestKind(file);
  if (!kind) throw new Error(`not a manifest: ${file}`);
  const report = lintFile(file, kind, text, {
    classifier: new Classifier(new KnowledgePlacement(kb, config.attestations), config.jurisdiction ?? 'RU'),
    target,
    severities: config.rules,
    exceptions: config.exceptions,
    today,
    root: '/work/project',
    firstParty: new Set(),
  });
  if (!report) throw new Error(`${file} was not read as a manifest`);
  return report;
}
