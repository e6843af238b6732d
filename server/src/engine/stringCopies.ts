// A name or version cut from a lockfile's text is, in V8, a slice that keeps the whole text alive: the results a scan
// keeps (for its report, for the editor) would hold every lockfile it read, tens of megabytes at monorepo scale.

/**
 * V8 cuts a string of 13 characters or more as a slice of its parent; a shorter cut is a copy already
 * (SlicedString::kMinLength).
 */
const SHORTEST_SLICE = 13;

/** `text` as a string of its own. */
export function ownCopy(text: string): string {
  // Concatenating flattens into new characters; the slice then refers to those, not to the lockfile.
  return text.length < SHORTEST_SLICE ? text : ` ${text}`.slice(1);
}
