// The shape of what a client sends with a request, checked before it is used: a client's malformed request gets
// InvalidParams (as LSP asks), not a stack trace in the log and an empty answer.
import type { CodeActionParams, HoverParams, TextDocumentIdentifier } from 'vscode-languageserver/node';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isPosition(value: unknown): boolean {
  return isObject(value) && Number.isInteger(value.line) && Number.isInteger(value.character);
}

function isRange(value: unknown): boolean {
  return isObject(value) && isPosition(value.start) && isPosition(value.end);
}

export function isDocument(value: unknown): value is { textDocument: TextDocumentIdentifier } {
  return isObject(value) && isObject(value.textDocument) && typeof value.textDocument.uri === 'string';
}

export function isHoverParams(value: unknown): value is HoverParams {
  return isDocument(value) && isPosition((value as unknown as Record<string, unknown>).position);
}

export function isCodeActionParams(value: unknown): value is CodeActionParams {
  if (!isDocument(value)) return false;
  const { range, context } = value as unknown as Record<string, unknown>;
  return isRange(range) && isObject(context) && Array.isArray(context.diagnostics);
}
