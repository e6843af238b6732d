// A name or version cut from a lockfile's text is, in V8, a slice that keeps the whole text alive: the results a scan
// keeps (for its report, for the editor) would hold every lockfile it read, tens of megabytes at monorepo scale.
// Each distinct string is copied once and then shared, as the same names recur across a workspace's lockfiles.
export class StringCopies {
  private readonly copies = new Map<string, string>();

  of(text: string): string {
    const known = this.copies.get(text);
    if (known !== undefined) return known;
    // Concatenating flattens into new characters; the slice then refers to those, not to the lockfile.
    const copy = ` ${text}`.slice(1);
    // Keyed by the copy: a key is kept as long as the map, and the original would hold its lockfile.
    this.copies.set(copy, copy);
    return copy;
  }
}
