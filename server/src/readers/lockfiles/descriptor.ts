// `name@range` strings, as yarn and pnpm write them: the name may be scoped (`@babel/core@^7.0.0`),
// so the separator is the first `@` after the first character. And the quotes Yarn writes them in.

export function splitDescriptor(descriptor: string): { name: string; range: string } {
  const at = descriptor.indexOf('@', 1);
  return at < 0 ? { name: descriptor, range: '' } : { name: descriptor.slice(0, at), range: descriptor.slice(at + 1) };
}

/** The package an alias range installs (`npm:string-width@^4.2.0` → string-width), else the name itself. */
export function realName(name: string, range: string): string {
  return range.startsWith('npm:') && range.indexOf('@', 5) > 0 ? splitDescriptor(range.slice(4)).name : name;
}

/** Yarn quotes as JSON does, in both its lockfile formats; most quoted strings have no escapes and need no JSON.parse. */
export function unquote(quoted: string): string | undefined {
  if (!quoted.startsWith('"')) return quoted;
  if (quoted.length < 2 || !quoted.endsWith('"')) return undefined;
  if (!quoted.includes('\\')) return quoted.slice(1, -1);
  try {
    const value: unknown = JSON.parse(quoted);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
