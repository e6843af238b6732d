// PEP 508 dependency specifiers (https://peps.python.org/pep-0508/), with the offsets of each part so
// that diagnostics and fixes land on the exact characters.

export interface Requirement {
  name: string;
  nameStart: number;
  nameEnd: number;
  extras: string[];
  /** Version specifier text as written, without parentheses (empty when there is none). */
  specifier: string;
  /** `name @ url` */
  url?: string;
  marker?: string;
  /** End of the name, extras and specifier or URL: where a rewrite of the requirement stops (the marker stays). */
  end: number;
}

export type Pep508Result = { ok: true; requirement: Requirement } | { ok: false; message: string; offset: number };

const NAME = /[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?/y;
const WS = /[ \t]*/y;
const EXTRAS = /\[([^\]]*)\]/y;
const VERSION_CLAUSE = /^\s*(~=|===|==|!=|<=|>=|<|>)\s*[A-Za-z0-9_.*+!-]+\s*$/;
const EXTRA_NAME = /^\s*[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?\s*$/;

/** Parses one requirement found at `base` in its file (`text` is the requirement alone). */
export function parsePep508(text: string, base = 0): Pep508Result {
  let pos = skip(text, 0);
  NAME.lastIndex = pos;
  const nameMatch = NAME.exec(text);
  if (!nameMatch) return fail(`"${text.trim()}" is not a requirement: it must start with a package name`, base + pos);
  const nameStart = pos;
  const nameEnd = pos + nameMatch[0].length;
  pos = skip(text, nameEnd);

  const extras: string[] = [];
  let end = nameEnd;
  if (text[pos] === '[') {
    EXTRAS.lastIndex = pos;
    const extrasMatch = EXTRAS.exec(text);
    if (!extrasMatch) return fail('unclosed "[" in extras', base + pos);
    for (const extra of extrasMatch[1]!.split(',')) {
      if (extra.trim() === '') continue;
      if (!EXTRA_NAME.test(extra)) return fail(`"${extra.trim()}" is not a valid extra name`, base + pos);
      extras.push(extra.trim());
    }
    end = pos + extrasMatch[0].length;
    pos = skip(text, end);
  }

  const markerAt = findMarker(text, pos);
  const body = text.slice(pos, markerAt ?? text.length);
  let specifier = '';
  let url: string | undefined;

  if (body.trimStart().startsWith('@')) {
    url = body.trimStart().slice(1).trim();
    if (url === '') return fail('"@" must be followed by a URL', base + pos);
    end = pos + body.trimEnd().length;
  } else if (body.trim() !== '') {
    const trimmed = body.trim();
    specifier = trimmed.startsWith('(') && trimmed.endsWith(')') ? trimmed.slice(1, -1).trim() : trimmed;
    const bad = specifier.split(',').find((clause) => !VERSION_CLAUSE.test(clause));
    if (bad !== undefined) return fail(`"${bad.trim() || specifier}" is not a valid version specifier`, base + pos);
    end = pos + body.trimEnd().length;
  }

  let marker: string | undefined;
  if (markerAt !== undefined) {
    marker = text.slice(markerAt + 1).trim();
    if (marker === '') return fail('";" must be followed by an environment marker', base + markerAt);
  }
  return {
    ok: true,
    requirement: {
      name: nameMatch[0],
      nameStart: base + nameStart,
      nameEnd: base + nameEnd,
      extras,
      specifier,
      ...(url !== undefined ? { url } : {}),
      ...(marker !== undefined ? { marker } : {}),
      end: base + end,
    },
  };
}

/** The `;` that starts the environment marker. After a URL it must follow whitespace (PEP 508). */
function findMarker(text: string, from: number): number | undefined {
  const isUrl = text.slice(from).trimStart().startsWith('@');
  for (let i = from; i < text.length; i++) {
    if (text[i] !== ';') continue;
    if (!isUrl || /\s/.test(text[i - 1] ?? '')) return i;
  }
  return undefined;
}

function skip(text: string, from: number): number {
  WS.lastIndex = from;
  WS.exec(text);
  return WS.lastIndex;
}

function fail(message: string, offset: number): Pep508Result {
  return { ok: false, message, offset };
}
