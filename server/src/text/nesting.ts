// A guard against documents nested so deep that a recursive parser would exhaust the stack: such a
// file is no manifest, and saying so beats a stack overflow.

export const MAX_NESTING = 512;

/** True when `[` / `{` nest deeper than MAX_NESTING outside double-quoted strings. */
export function nestsTooDeep(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92 /* \ */) i++;
      else if (ch === 34 /* " */) inString = false;
    } else if (ch === 34) {
      inString = true;
    } else if (ch === 91 /* [ */ || ch === 123 /* { */) {
      if (++depth > MAX_NESTING) return true;
    } else if (ch === 93 /* ] */ || ch === 125 /* } */) {
      depth = Math.max(0, depth - 1);
    }
  }
  return false;
}
