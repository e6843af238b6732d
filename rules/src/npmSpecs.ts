// What an npm dependency spec says beyond a version range, wherever it is written (a package.json, a catalog entry).
import type { DirectReference } from './types';

/** `npm:real-package@^1`, an alias that installs real-package under another name: the package and its range ('' for none). */
export function npmAlias(spec: string): { name: string; range: string } | undefined {
  const alias = /^npm:((?:@[^/@]+\/)?[^@]+)(?:@(.*))?$/.exec(spec);
  return alias ? { name: alias[1]!, range: alias[2] ?? '' } : undefined;
}

/** npm specs that are not registry versions: git, URLs, local paths and workspace links. */
export function npmDirectReference(spec: string): DirectReference | undefined {
  if (/^(git\+|git:\/\/|github:|gitlab:|bitbucket:|gist:)/.test(spec) || /^[\w.-]+\/[\w.-]+(#.*)?$/.test(spec)) {
    return { kind: 'vcs', target: spec };
  }
  if (/^https?:\/\//.test(spec)) return { kind: 'url', target: spec };
  if (/^(file:|link:|workspace:|\.{1,2}\/|\/|~\/)/.test(spec)) return { kind: 'path', target: spec };
  return undefined;
}
