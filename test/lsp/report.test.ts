// "Show Report": one row per component that blocks the next tier, however many places declare it.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../server/src/engine/lint';
import { reportMarkdown } from '../../server/src/lsp/report';
import type { FolderVerdict } from '../../server/src/protocol';
import { lsp } from '../helpers/ranges';

const verdict: FolderVerdict = {
  folderUri: 'file:///w',
  folderName: 'w',
  target: 'national',
  tier: 'none',
  meetsTarget: false,
  manifests: 2,
  summary: 'none — 2 components block national (langchain-openai and openai)',
  blockedBy: ['npm:langchain-openai', 'npm:openai'],
  exceptions: [],
  filesWithErrors: 0,
  knowledgeBase: '2026-11-22',
  otherTargets: [],
};

function finding(rule: string, componentId: string, file: string, line: number, extra: Partial<Finding> = {}): Finding {
  return { rule, severity: 'error', blocks: 'national', componentId, file, range: lsp(line, 4, 10), message: `${componentId.slice(4)} — client of a foreign hosted service (OpenAI, US): blocks national`, fixes: [], ...extra };
}

describe('reportMarkdown', () => {
  it('gives each blocking component one row, naming three of its places and counting the rest', () => {
    const findings = [
      ...['apps/a', 'apps/b', 'apps/c', 'apps/d', 'apps/e'].map((app) => finding('foreign-proprietary', 'npm:openai', `${app}/package.json`, 11)),
      // Not what blocks the tier: trusted readiness, what a dependency pulls in, a package other than the blockers.
      finding('unpinned-version', 'npm:openai', 'apps/a/package.json', 11, { blocks: 'trusted', message: 'openai — version "^4" is a range' }),
      finding('foreign-transitive', 'npm:langchain-openai', 'apps/a/package.json', 12, { message: 'langchain-openai pulls 1 non-domestic package: openai' }),
      finding('foreign-component', 'npm:zod', 'apps/a/package.json', 13, { blocks: 'sovereign', severity: 'info', message: 'zod — foreign open-source (US)' }),
      finding('foreign-proprietary', 'npm:langchain-openai', 'apps/a/package.json', 12),
    ];
    const report = reportMarkdown([{ verdict, findings, errors: [] }]);
    expect(report.split('\n').filter((line) => line.startsWith('| `'))).toEqual([
      '| `npm:langchain-openai` | apps/a/package.json:13 | foreign-proprietary | langchain-openai — client of a foreign hosted service (OpenAI, US): blocks national |',
      '| `npm:openai` | apps/a/package.json:12, apps/b/package.json:12, apps/c/package.json:12, and 2 more | foreign-proprietary | openai — client of a foreign hosted service (OpenAI, US): blocks national |',
    ]);
    expect(report).toContain('### What blocks national');
  });

  it('lists the files a config holds to another target, and whether each reaches it', () => {
    const held = { ...verdict, otherTargets: [{ file: 'app/requirements.txt', target: 'sovereign' as const, meetsTarget: false }] };
    expect(reportMarkdown([{ verdict: held, findings: [], errors: [] }])).toContain(
      '### Held to another target by their config\n\n| file | target | |\n|---|---|---|\n| app/requirements.txt | sovereign | not met |\n',
    );
  });
});
