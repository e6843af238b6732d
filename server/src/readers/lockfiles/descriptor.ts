// `name@range` strings, as yarn and pnpm write them: the name may be scoped (`@babel/core@^7.0.0`),
// so the separator is the first `@` after the first character.

export function splitDescriptor(descriptor: string): { name: string; range: string } {
  const at = descriptor.indexOf('@', 1);
  return at < 0 ? { name: descriptor, range: '' } : { name: descriptor.slice(0, at), range: descriptor.slice(at + 1) };
}

/** The package an alias range installs (`npm:string-width@^4.2.0` → string-width), else the name itself. */
export function realName(name: string, range: string): string {
  return range.startsWith('npm:') && range.indexOf('@', 5) > 0 ? splitDescriptor(range.slice(4)).name : name;
}
