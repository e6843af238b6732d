// What every lockfile reader returns: the locked packages, the edges between them and each importer's
// direct dependencies. Ranges are found only on request (`locate`): lockfiles run to tens of megabytes,
// and only the packages that get reported need one. An optional field may be present with the value
// undefined: readers build every package in one object shape, which keeps reading fast.
import type { Range } from '../../../../rules/src/types';
import type { Include, Problem } from '../types';

export type LockfileKind = 'package-lock' | 'yarn' | 'pnpm' | 'bun' | 'poetry' | 'uv' | 'pdm' | 'rye' | 'rye-dev' | 'pipfile' | 'pipfile-lock' | 'conda';

/** A change to a lockfile's text. */
export interface LockEdit {
  range: Range;
  newText: string;
}

/** One package version a lockfile pins. */
export interface LockedPackage {
  /** Component id: `npm:name` or `pypi:normalised-name` (rules/src/ids.ts componentId). */
  id: string;
  ecosystem: 'npm' | 'pypi';
  name: string;
  /** Exact version, or undefined when the lock pins a URL/path instead. */
  version?: string;
  /** The version range a manifest asks for (Pipfile and environment.yml pip entries, which are manifests, not locks). */
  specifier?: string;
  /** Keys (into LockResult.packages) of the packages this one depends on. */
  dependencies: string[];
  /** Integrity hash(es) recorded for it (npm `integrity`, poetry/uv/Pipfile.lock hashes). */
  hashes: boolean;
  /** Where it is fetched from when not a registry release: git/URL/path/workspace link. */
  source?: { kind: 'vcs' | 'url' | 'path' | 'workspace'; target: string };
  /** True when only development dependencies lead to it, false when it is needed in production, undefined when the lockfile does not say (yarn, poetry.lock 2.x). */
  dev?: boolean;
  /** A Pipfile's custom package category (`[docs]`), which only `pipenv install --categories` installs. */
  category?: string;
  /** The extras a Pipfile key names (`"dvc[gs]" = "*"`). */
  extras?: string[];
  /** The licence the package declares in its own package.json, as npm records it (package-lock.json version 2 and later). */
  license?: string;
  /** Finds the range of this package's entry in the lockfile text. Called only for packages that get reported: locating is the expensive part, parsing must not compute offsets. */
  locate(): Range;
}

/** A conda package of an environment.yml: Sovereign Lint has no conda ecosystem yet, so these stay apart. */
export interface CondaPackage {
  name: string;
  /** The match spec after the name (`=3.11`, `>=1.26`, `2.1 py311_0`), when there is one. */
  versionSpec?: string;
  /** `conda-forge` of `conda-forge::pytorch`. */
  channel?: string;
  locate(): Range;
}

export interface LockResult {
  kind: LockfileKind;
  /** Every locked package version, keyed by a key unique within the lockfile (e.g. `name@version`, or npm's `node_modules/a/node_modules/b` path). */
  packages: Map<string, LockedPackage>;
  /** Workspace members (importers): path of the member folder relative to the lockfile's folder ('' for the root) → keys of its DIRECT dependencies (runtime and dev). For single-project lockfiles: just ''. */
  importers: Map<string, string[]>;
  problems: Problem[];
  /**
   * pnpm-lock.yaml: each importer's dependency specs as its package.json gave them at install time (importer → name →
   * spec). pnpm calls its lockfile out of date when a spec differs, whatever version it locked (overrides included).
   */
  specifiers?: Map<string, Map<string, string>>;
  /** pnpm-lock.yaml: where it records an importer's spec for a dependency, found on request (see pnpmSpecifiers). */
  specifierAt?: (importer: string, name: string) => Range | undefined;
  /**
   * pnpm-lock.yaml and Yarn 2+'s yarn.lock, which record each importer's spec: the edits that make the lockfile say what
   * its package manager would after a dependency's spec changes from `spec` to `pinned` (the version it locks);
   * undefined where that cannot be said for sure (then the package manager must be run).
   */
  pinEdits?: (importer: string, name: string, spec: string, pinned: string) => LockEdit[] | undefined;
  /**
   * pnpm-lock.yaml: the specs its `overrides` (package.json `pnpm.overrides`) put in place of a dependency's own, by the
   * dependency's name. pnpm records an overridden dependency's spec as the override's.
   */
  overrides?: Map<string, string[]>;
  /**
   * pdm.lock and Rye's: whether it was locked for a dependency group (`default` is the project's own dependencies,
   * `dev` Rye's dev-dependencies, others extras or PDM groups). A group left out (`pdm lock --prod`, Rye's `features`)
   * is not locked, by choice rather than out of date.
   */
  locksGroup?: (group: string) => boolean;
  /**
   * Rye's lockfiles (without `--universal`): resolved for the one interpreter that ran `rye lock`, so a dependency whose
   * environment marker that interpreter did not match is left out, not out of date.
   */
  lockedForOneEnvironment?: boolean;
  /** The command that brings the lockfile up to date, where its header names one (`uv export …`). */
  updateCommand?: string;
  /**
   * yarn.lock (Berry): each importer's dependencies whose range names a catalog (`react: "catalog:react18"`), which the
   * lockfile records as written and resolves under the catalog's range (`react@npm:^18.3.1`): the catalogs are in
   * .yarnrc.yml, which the engine reads to add these edges (see yarnCatalogs).
   */
  catalogDependencies?: Map<string, { name: string; range: string }[]>;
  /** yarn.lock: every descriptor (`lodash@^4.17.0`, `lodash@npm:^4.17.21`) → the key it is locked to (see findKey). */
  descriptors?: Map<string, string>;
  /** Set when the file records no dependency edges (Pipfile.lock): what the direct dependencies pull in is every other package, by an unknown path. */
  withoutEdges?: boolean;
  /** environment.yml: the conda packages (the pip: section is in `packages`). */
  condaPackages?: CondaPackage[];
  /** environment.yml: whether it has a `dependencies` key (a file of another name without one is no environment). */
  declaresDependencies?: boolean;
  /** environment.yml: the requirements files its `pip:` section includes (`-r requirements.txt`), relative to it. */
  pipIncludes?: Include[];
}
