// Where an npm-ecosystem package comes from, judged by what its lockfile resolved it to (npm
// `resolved`, yarn `resolved`, pnpm `resolution.tarball`).
import type { LockedPackage } from './types';

/** Registry tarballs are `…/name/-/name-1.0.0.tgz` on npmjs.org, Yarn's mirror and private registries alike (yarn appends `#sha1`). */
const REGISTRY_TARBALL = /\/-\/[^/?#]+\.tgz([?#].*)?$/;
const VCS = /^(git\+|git:\/\/|github:|gitlab:|bitbucket:)/;
/** A commit snapshot from a git host: how yarn v1 and pnpm record `github:user/repo` dependencies. */
const GIT_HOST_ARCHIVE = /^https:\/\/(codeload\.github\.com\/|gitlab\.com\/[^#?]+\/-\/archive\/|bitbucket\.org\/[^#?]+\/get\/)/;

/** undefined for a registry release; a git, URL or path source otherwise. */
export function npmSource(resolved: string | undefined): LockedPackage['source'] {
  if (resolved === undefined || resolved === '') return undefined;
  if (VCS.test(resolved) || GIT_HOST_ARCHIVE.test(resolved)) return { kind: 'vcs', target: resolved };
  if (/^https?:\/\//.test(resolved)) {
    return REGISTRY_TARBALL.test(resolved) ? undefined : { kind: 'url', target: resolved };
  }
  return { kind: 'path', target: resolved.replace(/^(file|link):/, '') };
}

/** A folder link: inside the lockfile's folder it is the project's own code (SPEC §2), outside it a path dependency. */
export function linkSource(target: string): NonNullable<LockedPackage['source']> {
  return { kind: isOutside(target) ? 'path' : 'workspace', target };
}

function isOutside(target: string): boolean {
  return /^(\.\.([\\/]|$)|[\\/]|[A-Za-z]:)/.test(target);
}
