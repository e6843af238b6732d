// Quick fixes, each carrying its own WorkspaceEdit (no server-side cache keyed by position): replace
// with a domestic alternative, attest a component's origin, record a documented exception.
import { type CodeAction, CodeActionKind, type Diagnostic, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { displayName } from '../../../rules/src/describe';
import { editsByFile, type Finding, type FindingFix } from '../engine/lint';
import { addToConfig, type ConfigFile } from './configEdits';
import { SOURCE } from './diagnostics';

export const EXCEPTION_REASON_PLACEHOLDER = 'TODO: why this component is accepted';
export const EVIDENCE_PLACEHOLDER = 'TODO: where this origin can be checked';

export interface CodeActionInput {
  uri: string;
  findings: readonly Finding[];
  /** The diagnostics the client sent with the request; an action names the one it fixes. */
  diagnostics: readonly Diagnostic[];
  config: ConfigFile;
  jurisdiction: string;
  /** The URI of another file a fix edits (a pnpm catalog), from its path relative to the folder root. */
  uriOfFile: (file: string) => string;
}

export function codeActions({ uri, findings, diagnostics, config, jurisdiction, uriOfFile }: CodeActionInput): CodeAction[] {
  const actions: CodeAction[] = [];
  const attested = new Set<string>();
  const excepted = new Set<string>();
  for (const finding of findings) {
    const diagnostic = diagnostics.find((d) => d.source === SOURCE && d.code === finding.rule && sameRange(d.range, finding.range));
    const fixes = diagnostic ? { diagnostics: [diagnostic] } : {};
    for (const fix of finding.fixes) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        ...fixes,
        ...(fix.isPreferred ? { isPreferred: true } : {}),
        edit: { changes: changesOf(fix, (file) => (file === finding.file ? uri : uriOfFile(file))) },
      });
    }
    const id = finding.componentId;
    if (!id || finding.exception) continue;
    const name = displayName(id);
    if (finding.rule === 'unknown-provenance' && !attested.has(id)) {
      attested.add(id);
      actions.push({
        title: `Attest the origin of ${name} in sovereign-lint.json`,
        kind: CodeActionKind.QuickFix,
        ...fixes,
        edit: configEdit(
          addToConfig(config, {
            section: 'components',
            key: id,
            value: { origin: jurisdiction, owner: 'TODO: who develops it', evidence: EVIDENCE_PLACEHOLDER },
          }),
        ),
      });
    }
    if (!excepted.has(id)) {
      excepted.add(id);
      actions.push({
        title: `Record an exception for ${name} in sovereign-lint.json`,
        kind: CodeActionKind.QuickFix,
        ...fixes,
        edit: configEdit(addToConfig(config, { section: 'ignore', value: { component: id, reason: EXCEPTION_REASON_PLACEHOLDER } })),
      });
    }
  }
  return actions;
}

/** A fix's edits by the document they change. */
function changesOf(fix: FindingFix, uriOf: (file: string) => string): Record<string, TextEdit[]> {
  return Object.fromEntries([...editsByFile(fix)].map(([file, edits]) => [uriOf(file), edits.map(({ range, newText }) => ({ range, newText }))]));
}

function configEdit(documentChanges: WorkspaceEdit['documentChanges']): WorkspaceEdit {
  return { documentChanges: documentChanges ?? [] };
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

export function intersects(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character <= q.character);
  return before(a.start, b.end) && before(b.start, a.end);
}
