// What `yarn install` (Yarn 4) writes to yarn.lock when a workspace's dependency spec changes from a range to the
// version the lockfile resolves for it (checked against Yarn 4.1, 4.5 and 4.12):
//
//   "app@workspace:.":
//     dependencies:
//       ms: "npm:^2.1.2"                   →  ms: "npm:2.1.3"
//   "ms@npm:^2.1.2, ms@npm:^2.1.3":        →  "ms@npm:2.1.3, ms@npm:^2.1.3":
//
// The entry that served the old descriptor serves the new one (its descriptors sorted), and keeps the old one only
// where another package still asks for it. A catalog's pin (in .yarnrc.yml) changes the key alone: its workspaces
// record `catalog:`. No edit is offered, and the finding asks for `yarn install`, where the new key would move its
// entry (entries are sorted by key) or merge it with another, where a patch of the package is locked too (Yarn's
// built-in TypeScript and fsevents patches, whose keys name the spec again), and for Yarn 3's plain specs (no `npm:`).
import { unquote } from './descriptor';
import type { LazyLines } from './locate';
import type { LockEdit, LockResult } from './types';

interface Block {
  /** The key without its quotes: the descriptors it serves, joined by `, `. */
  key: string;
  /** The key as written, quotes included. */
  keyStart: number;
  keyEnd: number;
  /** What it resolves to (`ms@npm:2.1.3`). */
  resolution?: string;
  /** The folder of a workspace entry (`.` for the root). */
  workspace?: string;
  dependencies: Map<string, { value: string; start: number; end: number }>;
}

interface Index {
  blocks: Block[];
  /** How many entries ask for each descriptor (`ms@npm:^2.1.2`) in their dependencies. */
  asked: Map<string, number>;
  /** Each workspace entry by its folder (`.` for the root). */
  workspaces: Map<string, Block>;
  /** Where each resolution's entry is, by index in `blocks`. */
  resolved: Map<string, number>;
  /** How many entries' keys name each descriptor. */
  keyed: Map<string, number>;
  /** The packages a patch is locked for (`typescript@patch:…` in a key). */
  patched: Set<string>;
}

export function berryPinEdits(text: string, lines: LazyLines): NonNullable<LockResult['pinEdits']> {
  let index: Index | undefined;
  return (importer, name, spec, pinned) => {
    // A registry range, or a catalog's (its entry in .yarnrc.yml is pinned): an alias, a protocol or a tag is recorded otherwise.
    const fromCatalog = /^catalog:\S*$/.test(spec);
    if ((!fromCatalog && /[@:\s]/.test(spec)) || /[@:\s]/.test(pinned)) return undefined;
    index ??= indexOf(text);
    const { blocks, asked, workspaces, resolved, keyed, patched } = index;
    const recorded = workspaces.get(importer === '' ? '.' : importer)?.dependencies.get(name);
    if (!recorded || recorded.value !== (fromCatalog ? spec : `npm:${spec}`)) return undefined;
    const after = `${name}@npm:${pinned}`;
    const at = resolved.get(after);
    if (at === undefined || patched.has(name)) return undefined;
    const descriptors = new Set(blocks[at]!.key.split(', '));
    // Another entry already serving the pinned spec would be merged with this one.
    if ((keyed.get(after) ?? 0) > (descriptors.has(after) ? 1 : 0)) return undefined;
    // The descriptor the pinned spec replaces: the range as written, or the catalog's, which no entry asks for by name
    // (workspaces record `catalog:`), and so the one of the entry's that nothing asks for.
    const before = fromCatalog ? [...descriptors].filter((descriptor) => !asked.has(descriptor)) : [`${name}@npm:${spec}`];
    if (before.length !== 1 || !descriptors.has(before[0]!)) return undefined;
    // Another package asking for the range keeps it in the key.
    if ((asked.get(before[0]!) ?? 0) <= (fromCatalog ? 0 : 1)) descriptors.delete(before[0]!);
    descriptors.add(after);
    const key = [...descriptors].sort().join(', ');
    const previous = blocks[at - 1];
    const next = blocks[at + 1];
    if ((previous && !(previous.key < key)) || (next && !(key < next.key))) return undefined;
    const edits: LockEdit[] = [{ range: lines.range(blocks[at]!.keyStart, blocks[at]!.keyEnd), newText: JSON.stringify(key) }];
    // A catalog's workspaces still record `catalog:`.
    if (!fromCatalog) edits.push({ range: lines.range(recorded.start, recorded.end), newText: JSON.stringify(`npm:${pinned}`) });
    return edits;
  };
}

/** One pass over the lines: each entry's key, workspace and dependencies; `__metadata` is no entry. */
function indexOf(text: string): Index {
  const blocks: Block[] = [];
  const asked = new Map<string, number>();
  let block: Block | undefined;
  let inDependencies = false;
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const lineEnd = text[end - 1] === '\r' ? end - 1 : end;
    const lineStart = start;
    start = end + 1;
    const line = text.slice(lineStart, lineEnd);
    const indent = line.length - line.trimStart().length;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (indent === 0) {
      inDependencies = false;
      const written = line.endsWith(':') ? line.slice(0, -1) : line;
      const key = unquote(written) ?? written;
      block = key === '__metadata' ? undefined : { key, keyStart: lineStart, keyEnd: lineStart + written.length, dependencies: new Map() };
      if (block) blocks.push(block);
    } else if (block && indent === 2) {
      const content = line.trim();
      inDependencies = content === 'dependencies:';
      const resolution = /^resolution: (.+)$/.exec(content);
      if (resolution) {
        block.resolution = unquote(resolution[1]!) ?? resolution[1]!;
        const workspace = /@workspace:(.*)$/.exec(block.resolution);
        if (workspace) block.workspace = workspace[1]!;
      }
    } else if (block && inDependencies && indent === 4) {
      const pair = /^("(?:[^"\\]|\\.)*"|[^:\s]+): ("(?:[^"\\]|\\.)*"|\S+)$/.exec(line.trim());
      if (!pair) continue;
      const [dependency, value] = [unquote(pair[1]!) ?? pair[1]!, unquote(pair[2]!) ?? pair[2]!];
      const valueStart = lineStart + indent + pair[1]!.length + 2;
      block.dependencies.set(dependency, { value, start: valueStart, end: valueStart + pair[2]!.length });
      const descriptor = `${dependency}@${value}`;
      asked.set(descriptor, (asked.get(descriptor) ?? 0) + 1);
    }
  }
  const workspaces = new Map<string, Block>();
  const resolved = new Map<string, number>();
  const keyed = new Map<string, number>();
  const patched = new Set<string>();
  blocks.forEach((entry, at) => {
    if (entry.workspace !== undefined && !workspaces.has(entry.workspace)) workspaces.set(entry.workspace, entry);
    if (entry.resolution !== undefined && !resolved.has(entry.resolution)) resolved.set(entry.resolution, at);
    for (const descriptor of entry.key.split(', ')) {
      keyed.set(descriptor, (keyed.get(descriptor) ?? 0) + 1);
      const patch = descriptor.indexOf('@patch:', 1);
      if (patch > 0) patched.add(descriptor.slice(0, patch));
    }
  });
  return { blocks, asked, workspaces, resolved, keyed, patched };
}
