// Applies LSP text edits to a text, the way an editor does: all ranges refer to the original text.
import type { Range } from '../../rules/src/types';
import { LineIndex } from '../../server/src/text/lineIndex';

export function applyEdits(text: string, edits: readonly { range: Range; newText: string }[]): string {
  const lines = new LineIndex(text);
  const offsets = edits
    .map((edit) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), newText: edit.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const edit of offsets) out = out.slice(0, edit.start) + edit.newText + out.slice(edit.end);
  return out;
}
