// Edits to sovereign-lint.json that keep its formatting: jsonc-parser's `modify` touches only the
// property it adds, in the file's own indentation and line endings; a missing config is created.
import { type FormattingOptions, modify } from 'jsonc-parser';
import type { CreateFile, TextDocumentEdit, TextEdit } from 'vscode-languageserver';
import { LineIndex } from '../text/lineIndex';

export interface ConfigFile {
  uri: string;
  /** Current text (an open editor's buffer wins over the disk), undefined when the file does not exist. */
  text: string | undefined;
  /** The open editor's version, for a versioned edit. */
  version: number | null;
}

type JsonPath = (string | number)[];

/** Document changes that set `path` to `value` in the config, creating the file when it is missing. */
export function setInConfig(config: ConfigFile, path: JsonPath, value: unknown, arrayInsertion = false): (CreateFile | TextDocumentEdit)[] {
  if (config.text === undefined) {
    const created = modify('{}', path, value, { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } });
    const text = `${applyAll('{}', created)}\n`;
    return [
      { kind: 'create', uri: config.uri, options: { ignoreIfExists: true } },
      { textDocument: { uri: config.uri, version: null }, edits: [{ range: { start: zero, end: zero }, newText: text }] },
    ];
  }
  const text = config.text.trim() === '' ? '{}' : config.text;
  const jsonEdits = modify(text, path, value, { formattingOptions: detectFormatting(text), isArrayInsertion: arrayInsertion });
  const lines = new LineIndex(config.text);
  const edits: TextEdit[] =
    text === config.text
      ? jsonEdits.map((edit) => ({ range: lines.range(edit.offset, edit.offset + edit.length), newText: edit.content }))
      : [{ range: lines.range(0, config.text.length), newText: `${applyAll(text, jsonEdits)}\n` }];
  return [{ textDocument: { uri: config.uri, version: config.version }, edits }];
}

const zero = { line: 0, character: 0 };

function applyAll(text: string, edits: { offset: number; length: number; content: string }[]): string {
  return [...edits].sort((a, b) => b.offset - a.offset).reduce((out, e) => out.slice(0, e.offset) + e.content + out.slice(e.offset + e.length), text);
}

/** The config's own indentation and line endings, so an added entry looks like its neighbours. */
function detectFormatting(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = /^([ \t]+)\S/m.exec(text)?.[1];
  if (indent?.startsWith('\t')) return { insertSpaces: false, tabSize: 1, eol };
  return { insertSpaces: true, tabSize: indent?.length ?? 2, eol };
}
