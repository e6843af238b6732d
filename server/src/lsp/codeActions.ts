// Quick fixes, each carrying its own WorkspaceEdit (no server-side cache keyed by position): replace
// with a domestic alternative, pin to the locked version (one dependency, or every one of the file at once),
// attest a component's origin, record a documented exception.
import {
  type CodeAction,
  CodeActionKind,
  type CreateFile,
  type Diagnostic,
  type Range,
  type TextDocumentEdit,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { displayName } from '../../../rules/src/describe';
import { editsByFile, type Finding, type FindingFix } from '../engine/lint';
import { addToConfig, type ConfigFile } from './configEdits';
import { SOURCE } from './diagnostics';
import { sameRange } from '../text/ranges';

export const EXCEPTION_REASON_PLACEHOLDER = 'TODO: why this component is accepted';
export const EVIDENCE_PLACEHOLDER = 'TODO: where this origin can be checked';

export interface CodeActionInput {
  uri: string;
  /** The findings the request's range touches. */
  findings: readonly Finding[];
  /** Every finding of the file: where it has more than one range to pin, all of them are offered at once too. */
  fileFindings: readonly Finding[];
  /** The diagnostics the client sent with the request; an action names the one it fixes. */
  diagnostics: readonly Diagnostic[];
  config: ConfigFile;
  jurisdiction: string;
  /** The URI of another file a fix edits (a pnpm catalog, pnpm-lock.yaml), from its path relative to the folder root. */
  uriOfFile: (file: string) => string;
  /** What the client's workspace edits take (LSP 3.17 WorkspaceEditClientCapabilities). */
  edits: EditSupport;
}

export interface EditSupport {
  /** Versioned edits in `documentChanges`; otherwise `changes` alone. */
  documentChanges: boolean;
  /** A `create` operation in `documentChanges`: a config that does not exist yet. */
  createFiles: boolean;
}

export function codeActions({ uri, findings, fileFindings, diagnostics, config, jurisdiction, uriOfFile, edits }: CodeActionInput): CodeAction[] {
  const actions: CodeAction[] = [];
  const uriOfEdit = (finding: Finding) => (file: string) => (file === finding.file ? uri : uriOfFile(file));
  const pins = fileFindings.filter(isPin);
  let pinnedAll = false;
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
        edit: { changes: changesOf([fix], uriOfEdit(finding)) },
      });
    }
    if (isPin(finding) && pins.length > 1 && !pinnedAll) {
      pinnedAll = true;
      actions.push({
        title: `Pin all ${pins.length} dependencies of this file to the versions the lockfile resolves`,
        kind: CodeActionKind.QuickFix,
        ...fixes,
        edit: { changes: changesOf(pins.map((pin) => pin.fixes[0]!), uriOfEdit(finding)) },
      });
    }
    const id = finding.componentId;
    if (!id || finding.exception) continue;
    const name = displayName(id);
    if (finding.rule === 'unknown-provenance' && !attested.has(id)) {
      attested.add(id);
      const value = { origin: jurisdiction, owner: 'TODO: who develops it', evidence: EVIDENCE_PLACEHOLDER };
      const edit = configEdit(addToConfig(config, { section: 'components', key: id, value }), edits);
      if (edit) actions.push({ title: `Attest the origin of ${name} in sovereign-lint.json`, kind: CodeActionKind.QuickFix, ...fixes, edit });
    }
    if (!excepted.has(id)) {
      excepted.add(id);
      const edit = configEdit(addToConfig(config, { section: 'ignore', value: { component: id, reason: EXCEPTION_REASON_PLACEHOLDER } }), edits);
      if (edit) actions.push({ title: `Record an exception for ${name} in sovereign-lint.json`, kind: CodeActionKind.QuickFix, ...fixes, edit });
    }
  }
  return actions;
}

/** A finding of `unpinned-version` with its pin fix (none where the lockfile resolves no version). */
function isPin(finding: Finding): boolean {
  return finding.rule === 'unpinned-version' && finding.severity !== 'off' && !finding.exception && finding.fixes.length > 0;
}

/**
 * The fixes' edits by the document they change. Dependencies that share a catalog entry pin it with one same edit,
 * made once.
 */
function changesOf(fixes: readonly FindingFix[], uriOf: (file: string) => string): Record<string, TextEdit[]> {
  const changes: Record<string, TextEdit[]> = {};
  const made = new Set<string>();
  for (const fix of fixes) {
    for (const [file, edits] of editsByFile(fix)) {
      const uri = uriOf(file);
      for (const { range, newText } of edits) {
        const key = `${uri}\0${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}\0${newText}`;
        if (made.has(key)) continue;
        made.add(key);
        (changes[uri] ??= []).push({ range, newText });
      }
    }
  }
  return changes;
}

/**
 * A config edit as the client takes it: versioned `documentChanges` where it can, plain `changes` where it cannot; none
 * where the config must be created and the client cannot create files.
 */
function configEdit(documentChanges: (CreateFile | TextDocumentEdit)[], support: EditSupport): WorkspaceEdit | undefined {
  const creates = documentChanges.some((change) => 'kind' in change);
  if (creates && !(support.documentChanges && support.createFiles)) return undefined;
  if (support.documentChanges) return { documentChanges };
  const changes: Record<string, TextEdit[]> = {};
  for (const change of documentChanges) {
    // addToConfig writes plain edits only (no snippets, no annotations).
    if (!('kind' in change)) (changes[change.textDocument.uri] ??= []).push(...(change.edits as TextEdit[]));
  }
  return { changes };
}

export function intersects(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character <= q.character);
  return before(a.start, b.end) && before(b.start, a.end);
}
