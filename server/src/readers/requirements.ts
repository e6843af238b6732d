// pip requirements files (https://pip.pypa.io/en/stable/reference/requirements-file-format/):
// PEP 508 lines, `\` continuations, comments, per-requirement options such as `--hash`, `-r`/`-c`
// includes, `-e`/URL/path/VCS direct references, and global option lines (accepted silently).
import { componentId } from '../../../rules/src/ids';
import type { Declaration, DirectReference, Range } from '../../../rules/src/types';
import { LineIndex } from '../text/lineIndex';
import { parsePep508 } from './pep508';
import { emptyResult, type ReadResult } from './types';

/** A logical line: physical lines joined at `\`, with the map back to file offsets. */
interface LogicalLine {
  text: string;
  /** For each joined piece: where it starts in `text` and in the file. */
  pieces: { at: number; fileOffset: number }[];
}

const INCLUDE_OPTIONS: Record<string, 'requirements' | 'constraints'> = {
  '-r': 'requirements',
  '--requirement': 'requirements',
  '-c': 'constraints',
  '--constraint': 'constraints',
};
const EDITABLE_OPTIONS = new Set(['-e', '--editable']);
const VCS_PREFIX = /^(git|hg|svn|bzr)\+/;
const ARCHIVE = /\.(whl|tar\.gz|tgz|tar\.bz2|tar\.xz|zip)$/i;

export function readRequirements(text: string): ReadResult {
  const lines = new LineIndex(text);
  const result = emptyResult();
  let requireHashes = false;
  for (const logical of logicalLines(text)) {
    const toFile = (at: number) => fileOffset(logical, at);
    const rangeOf = (start: number, end: number): Range => lines.range(toFile(start), toFile(end));
    const content = stripComment(logical.text);
    const start = content.length - content.trimStart().length;
    const body = content.trim();
    if (body === '') continue;

    if (body.startsWith('-')) {
      const option = splitOption(body, start);
      const include = INCLUDE_OPTIONS[option.name];
      if (include) {
        if (!option.value) {
          result.problems.push({ message: `${option.name} needs a file name`, range: rangeOf(start, start + body.length) });
        } else {
          result.includes.push({ path: option.value, kind: include, range: rangeOf(option.valueStart, option.valueEnd) });
        }
      } else if (EDITABLE_OPTIONS.has(option.name)) {
        if (!option.value) {
          result.problems.push({ message: `${option.name} needs a path or URL`, range: rangeOf(start, start + body.length) });
        } else {
          result.declarations.push(directReference(option.value, 'editable', rangeOf(option.valueStart, option.valueEnd)));
        }
      }
      if (option.name === '--require-hashes') requireHashes = true;
      // Every other option (--index-url, --pre, --trusted-host, ...) configures pip, not the dependency set.
      continue;
    }

    const { requirement, options, optionsStart } = splitRequirementOptions(content, start);
    const reqEnd = start + requirement.length;
    if (isDirectReferenceToken(requirement)) {
      const kind: DirectReference['kind'] = VCS_PREFIX.test(requirement) ? 'vcs' : isUrl(requirement) ? 'url' : 'path';
      result.declarations.push(directReference(requirement, kind, rangeOf(start, reqEnd)));
      continue;
    }
    const parsed = parsePep508(requirement, start);
    if (!parsed.ok) {
      result.problems.push({ message: parsed.message, range: rangeOf(parsed.offset, reqEnd) });
      continue;
    }
    const req = parsed.requirement;
    const hashDeletion = options.includes('--hash') ? [rangeOf(optionsStart, content.trimEnd().length)] : [];
    result.declarations.push({
      id: componentId('pypi', req.name),
      ecosystem: 'pypi',
      name: req.name,
      relation: 'direct',
      range: rangeOf(req.nameStart, req.nameEnd),
      ...(req.specifier ? { versionSpec: req.specifier } : {}),
      ...(req.url ? { directReference: { kind: VCS_PREFIX.test(req.url) ? 'vcs' : 'url', target: req.url } } : {}),
      ...(req.extras.length ? { extras: req.extras } : {}),
      rewrite: { syntax: 'pep508', range: rangeOf(req.nameStart, req.end), extraDeletions: hashDeletion },
      hashes: hashDeletion.length > 0,
    } satisfies Declaration);
  }
  // pip's hash-checking mode is on for the whole file once one requirement has a hash, or with --require-hashes.
  const hashesExpected = requireHashes || result.declarations.some((declaration) => declaration.hashes);
  for (const declaration of result.declarations) if (declaration.hashes !== undefined) declaration.hashesExpected = hashesExpected;
  return result;
}

/** Joins `\` continuations the way pip does: a comment line ends a continuation. */
function logicalLines(text: string): LogicalLine[] {
  const out: LogicalLine[] = [];
  let current: LogicalLine | undefined;
  const physical = /([^\r\n]*)(\r\n|\r|\n|$)/g;
  for (let match = physical.exec(text); match && match[0] !== ''; match = physical.exec(text)) {
    const line = match[1]!;
    const offset = match.index;
    const continues = line.endsWith('\\') && !/^\s*#/.test(line);
    const piece = continues ? line.slice(0, -1) : line;
    if (!current) current = { text: '', pieces: [] };
    current.pieces.push({ at: current.text.length, fileOffset: offset });
    current.text += piece;
    if (!continues) {
      out.push(current);
      current = undefined;
    }
  }
  if (current) out.push(current);
  return out;
}

function fileOffset(line: LogicalLine, at: number): number {
  let piece = line.pieces[0]!;
  for (const candidate of line.pieces) {
    if (candidate.at > at) break;
    piece = candidate;
  }
  return piece.fileOffset + (at - piece.at);
}

/** pip treats `#` as a comment at the start of a line or after whitespace. */
function stripComment(line: string): string {
  const match = /(^|\s)#/.exec(line);
  return match ? line.slice(0, match.index) : line;
}

/** `-r file`, `-rfile`, `--requirement=file`, `--requirement file`. */
function splitOption(body: string, start: number) {
  const match = /^(--?[A-Za-z][\w-]*)(?:(=|\s+)(\S+))?/.exec(body)!;
  let name = match[1]!;
  let value = match[3];
  let valueStart = start + match[1]!.length + (match[2]?.length ?? 0);
  // Short options take their value attached: `-rbase.txt` (the whole token, dots included).
  if (!name.startsWith('--') && name.length > 2) {
    value = /^\S*/.exec(body.slice(2))![0];
    name = name.slice(0, 2);
    valueStart = start + 2;
  }
  return { name, value, valueStart, valueEnd: valueStart + (value?.length ?? 0) };
}

/** pip splits a requirement from its options at the first whitespace-separated token starting with `-`. */
function splitRequirementOptions(content: string, start: number) {
  const optionAt = /\s--?[A-Za-z]/.exec(content.slice(start));
  if (!optionAt) return { requirement: content.slice(start).trimEnd(), options: '', optionsStart: content.length };
  const requirementEnd = start + optionAt.index;
  return {
    requirement: content.slice(start, requirementEnd).trimEnd(),
    options: content.slice(requirementEnd).trim(),
    // The deletion takes the whitespace before the first option with it.
    optionsStart: start + content.slice(start, requirementEnd).trimEnd().length,
  };
}

function isUrl(token: string): boolean {
  return /^[A-Za-z][\w+.-]*:\/\//.test(token) || token.startsWith('file:');
}

function isDirectReferenceToken(token: string): boolean {
  return (
    isUrl(token) ||
    VCS_PREFIX.test(token) ||
    /^(\.{1,2}([\\/]|$)|[\\/]|~)/.test(token) ||
    // `name@https://...whl` is PEP 508 `name @ url`, not a local archive.
    (ARCHIVE.test(token) && !/[<>=!~;@\s]/.test(token))
  );
}

/** A requirement given as a path, URL or VCS link; its name comes from `#egg=`, an archive name or the last path segment. */
function directReference(target: string, kind: DirectReference['kind'], range: Range): Declaration {
  const name = nameOfReference(target);
  return {
    id: componentId('pypi', name),
    ecosystem: 'pypi',
    name,
    relation: 'direct',
    range,
    directReference: { kind, target },
  };
}

function nameOfReference(target: string): string {
  const egg = /[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(target);
  if (egg) return egg[1]!;
  const path = target.replace(/[#?].*$/, '').replace(/@[^/@]*$/, '').replace(/[\\/]+$/, '');
  const last = path.split(/[\\/]/).pop() ?? path;
  // Wheels and sdists: name-version[-...].whl / name-version.tar.gz
  const archive = /^([A-Za-z0-9][A-Za-z0-9._]*?)-\d/.exec(last);
  if (ARCHIVE.test(last) && archive) return archive[1]!;
  return last.replace(/\.git$/, '') || target;
}
