// What an npm dependency spec says beyond a version range, wherever it is written (a package.json, a catalog entry).
import type { DirectReference } from './types';

/**
 * The package a spec installs under another name, and its range ('' for none): `npm:real-package@^1` (an alias), Yarn's
 * `patch:lodash@npm%3A4.17.21#./fix.patch` (a registry release with a patch applied), and `jsr:^1.0.8` (a JSR package,
 * which npm-compatible installs name `@jsr/scope__name`).
 */
export function npmAlias(spec: string, name?: string): { name: string; range: string } | undefined {
  const alias = /^npm:((?:@[^/@]+\/)?[^@]+)(?:@(.*))?$/.exec(spec);
  if (alias) return { name: alias[1]!, range: alias[2] ?? '' };
  const patched = /^patch:((?:@[^/@]+\/)?[^@#]+)@([^#]*)#/.exec(spec);
  if (patched) {
    const range = decodeURIComponent(patched[2]!);
    return { name: patched[1]!, range: range.startsWith('npm:') ? range.slice('npm:'.length) : range };
  }
  const jsr = /^jsr:(?:(@[^/@]+)\/([^@]+)@)?(.*)$/.exec(spec);
  const [scope, bare] = jsr?.[1] ? [jsr[1], jsr[2]!] : (name?.match(/^(@[^/]+)\/(.+)$/)?.slice(1) ?? []);
  return jsr && scope && bare ? { name: `@jsr/${scope.slice(1)}__${bare}`, range: jsr[3]! } : undefined;
}

/** Whether a spec keeps its version inside a protocol a rewrite would drop (Yarn's `patch:`, `jsr:`): no fix rewrites it. */
export function holdsVersionInProtocol(spec: string): boolean {
  return /^(patch|jsr):/.test(spec);
}

/** npm specs that are not registry versions: git, URLs, local paths and workspace links. */
export function npmDirectReference(spec: string): DirectReference | undefined {
  if (/^(git\+|git:\/\/|github:|gitlab:|bitbucket:|gist:)/.test(spec) || /^[\w.-]+\/[\w.-]+(#.*)?$/.test(spec)) {
    return { kind: 'vcs', target: spec };
  }
  if (/^https?:\/\//.test(spec)) return { kind: 'url', target: spec };
  // Yarn's `portal:` links a folder as `link:` does, its dependencies installed too.
  if (/^(file:|link:|portal:|workspace:|\.{1,2}\/|\/|~\/)/.test(spec)) return { kind: 'path', target: spec };
  return undefined;
}
