// A RuleTester in the typescript-eslint spirit: valid and invalid manifests per rule; invalid cases
// state each exact message, position and severity, and the exact text after applying the preferred
// fix. The tester rejects duplicate cases and fixes that change nothing.
import { describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../rules/src/kb';
import type { Rule } from '../../rules/src/rule';
import type { Severity, Target } from '../../rules/src/types';
import type { Config } from '../../server/src/engine/config';
import { applyEdits } from './edits';
import { lintText } from './lint';

export interface ValidCase {
  name: string;
  file: string;
  code: string;
  target?: Target;
  config?: Config;
}

export interface ExpectedError {
  message: string;
  /** One-based, like an editor's status bar. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
  /** The text after applying every error's preferred fix; null when no fix is offered. */
  output: string | null;
}

export function ruleTester(rule: Rule, kb: KnowledgeBase, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  const names = [...cases.valid, ...cases.invalid].map((c) => c.name);
  const duplicate = names.find((name, i) => names.indexOf(name) !== i);
  if (duplicate) throw new Error(`duplicate test case: ${duplicate}`);

  const findingsOf = (c: ValidCase) =>
    lintText(c.file, c.code, kb, { ...(c.target ? { target: c.target } : {}), ...(c.config ? { config: c.config } : {}) })
      // What a user is shown: a rule turned off reports nothing (its findings still count in the verdict).
      .findings.filter((finding) => finding.rule === rule.meta.id && finding.severity !== 'off');

  describe(rule.meta.id, () => {
    describe('valid', () => {
      it.each(cases.valid.map((c) => [c.name, c] as const))('%s', (_, c) => {
        expect(findingsOf(c)).toEqual([]);
      });
    });
    describe('invalid', () => {
      it.each(cases.invalid.map((c) => [c.name, c] as const))('%s', (_, c) => {
        const findings = findingsOf(c);
        expect(
          findings.map((finding) => ({
            message: finding.message,
            line: finding.range.start.line + 1,
            column: finding.range.start.character + 1,
            endLine: finding.range.end.line + 1,
            endColumn: finding.range.end.character + 1,
            severity: finding.severity,
          })),
        ).toEqual(c.errors);
        const preferred = findings.flatMap((finding) => (finding.fixes.find((fix) => fix.isPreferred) ?? finding.fixes[0] ?? { edits: [] }).edits);
        if (c.output === null) {
          expect(preferred).toEqual([]);
        } else {
          const output = applyEdits(c.code, preferred);
          expect(output, 'a fix must change the text').not.toBe(c.code);
          expect(output).toBe(c.output);
        }
      });
    });
  });
}
