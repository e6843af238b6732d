// Edits to sovereign-lint.json that touch nothing but what they add: a new member is appended after
// the last one of its object or array, in the file's own indentation and line endings (jsonc-parser's
// `modify` would re-format the neighbouring member too). A missing config is created.
import { findNodeAtLocation, type Node, parseTree } from 'jsonc-parser';
import type { CreateFile, TextDocumentEdit } from 'vscode-languageserver';
import { LineIndex } from '../text/lineIndex';

export interface ConfigFile {
  uri: string;
  /** Current text (an open editor's buffer wins over the disk), undefined when the file does not exist. */
  text: string | undefined;
  /** The open editor's version, for a versioned edit. */
  version: number | null;
}

/** Where an addition goes: a member of `components` (keyed) or an element of `ignore`. */
export type ConfigAddition = { section: 'components'; key: string; value: unknown } | { section: 'ignore'; value: unknown };

interface Style {
  unit: string;
  eol: string;
}

const zero = { line: 0, character: 0 };

export function addToConfig(config: ConfigFile, addition: ConfigAddition): (CreateFile | TextDocumentEdit)[] {
  if (config.text === undefined || config.text.trim() === '') {
    const text = `${JSON.stringify({ [addition.section]: sectionValue(addition) }, null, 2)}\n`;
    const end = config.text === undefined ? zero : new LineIndex(config.text).positionAt(config.text.length);
    return [
      ...(config.text === undefined ? [{ kind: 'create' as const, uri: config.uri, options: { ignoreIfExists: true } }] : []),
      { textDocument: { uri: config.uri, version: config.version }, edits: [{ range: { start: zero, end }, newText: text }] },
    ];
  }
  const root = parseTree(config.text);
  if (root?.type !== 'object') return [];
  const style = detectStyle(config.text);
  const section = findNodeAtLocation(root, [addition.section]);
  const insertion =
    section && (section.type === 'object' || section.type === 'array')
      ? append(config.text, section, memberText(addition), style)
      : append(config.text, root, `${JSON.stringify(addition.section)}: ${JSON.stringify(sectionValue(addition))}`, style);
  const lines = new LineIndex(config.text);
  const at = lines.positionAt(insertion.offset);
  return [{ textDocument: { uri: config.uri, version: config.version }, edits: [{ range: { start: at, end: at }, newText: insertion.text }] }];
}

function sectionValue(addition: ConfigAddition): unknown {
  return addition.section === 'components' ? { [addition.key]: addition.value } : [addition.value];
}

function memberText(addition: ConfigAddition): string {
  const value = JSON.stringify(addition.value);
  return addition.section === 'components' ? `${JSON.stringify(addition.key)}: ${value}` : value;
}

/** Text to insert after a container's last member (or inside an empty one), indented like its members. */
function append(text: string, container: Node, member: string, style: Style): { offset: number; text: string } {
  const containerIndent = indentOfLine(text, container.offset);
  const children = container.children ?? [];
  const last = children.at(-1);
  const firstOnOwnLine = children[0] ? lineStart(text, children[0].offset) > container.offset : true;
  const memberIndent = children[0] && firstOnOwnLine ? indentOfLine(text, children[0].offset) : containerIndent + style.unit;
  const rendered = firstOnOwnLine ? reindent(member, style, memberIndent) : compact(member);
  if (!last) return { offset: container.offset + 1, text: `${style.eol}${memberIndent}${rendered}${style.eol}${containerIndent}` };
  const separator = firstOnOwnLine ? `${style.eol}${memberIndent}` : ' ';
  return { offset: last.offset + last.length, text: `,${separator}${rendered}` };
}

/** Pretty-prints a member in the file's indentation unit, continuation lines indented under the member. */
function reindent(member: string, style: Style, indent: string): string {
  const colon = member.startsWith('"') ? member.indexOf('": ') : -1;
  const key = colon >= 0 ? member.slice(0, colon + 3) : '';
  const value = JSON.stringify(JSON.parse(member.slice(key.length)), null, style.unit);
  return key + value.split('\n').join(`${style.eol}${indent}`);
}

/** One line, spaced like hand-written JSON, for a container whose members share its line. */
function compact(member: string): string {
  return reindent(member, { unit: ' ', eol: '\n' }, '').replace(/\n\s*/g, ' ');
}

function detectStyle(text: string): Style {
  const indent = /^([ \t]+)\S/m.exec(text)?.[1];
  return { unit: indent?.startsWith('\t') ? '\t' : ' '.repeat(indent?.length ?? 2), eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

function lineStart(text: string, offset: number): number {
  return Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
}

function indentOfLine(text: string, offset: number): string {
  return /^[ \t]*/.exec(text.slice(lineStart(text, offset)))![0];
}
