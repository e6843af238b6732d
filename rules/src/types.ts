// The policy vocabulary shared by the knowledge base, the rules and the engine (SPEC §2).
// Pure types: nothing here knows about files on disk, editors or output formats.

export type Ecosystem = 'npm' | 'pypi' | 'conda' | 'hf' | 'hf-dataset' | 'service';

/** A tier a project can reach. `trusted` is a readiness profile, reported apart (SPEC §2). */
export type Tier = 'sovereign' | 'national' | 'none';
/** The tier a team aims for. */
export type Target = 'sovereign' | 'national';
/** What a finding stands in the way of. */
export type Blocks = 'sovereign' | 'national' | 'trusted';

export type Classification = 'domestic' | 'foreign-open' | 'foreign-proprietary' | 'unknown';
export type Severity = 'off' | 'hint' | 'info' | 'warning' | 'error';

/** Zero-based line and UTF-16 character offset, as in LSP. */
export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}

/** How a manifest relates a component to the project. */
export type Relation =
  | 'direct'
  | 'dev'
  | 'peer'
  | 'optional'
  | 'workspace'
  | 'base-model'
  | 'training-dataset'
  | 'source-dataset'
  /** A model a Hugging Face Space runs (its card's `models`). */
  | 'used-model'
  /** A dataset a Hugging Face Space uses (its card's `datasets`): not its training data, it trains nothing. */
  | 'used-dataset'
  | 'transitive';

/** A git, URL or path requirement instead of a registry release. */
export interface DirectReference {
  kind: 'vcs' | 'url' | 'path' | 'editable';
  target: string;
}

/** Where a declaration can be rewritten, and in which syntax (used by the fix writers). */
export type RewriteSite =
  | { syntax: 'package-json'; range: Range; hasVersion: boolean }
  | { syntax: 'pep508'; range: Range; extraDeletions: Range[] }
  /**
   * `kept`: what an inline table says of how the project uses the dependency (`optional = true`), kept by a replacement;
   * `extras`: where `[tool.poetry.extras]` names it, renamed with it (an extra naming no dependency breaks `poetry lock`).
   */
  | { syntax: 'poetry'; range: Range; kept?: string[]; extras?: Range[] }
  | { syntax: 'pipfile'; range: Range }
  /** `name = { version = "…", extras = […] }` on one line: `version` is its value's range, `versionAt` where a missing one goes. */
  | { syntax: 'pipfile-table'; range: Range; version?: Range; versionAt?: Range }
  | { syntax: 'yaml-scalar'; range: Range; quote: '' | '"' | "'" };

/** One component as a reader found it in one file. */
export interface Declaration {
  /** Ecosystem key, e.g. `pypi:numpy`, `npm:@acme/x`, `hf:org/model` (SPEC §2). */
  id: string;
  ecosystem: Ecosystem;
  /** The name as written. */
  name: string;
  relation: Relation;
  /** Optional-dependency extra, dependency group or Poetry group that declares it. */
  group?: string;
  /** The exact range of the name token. */
  range: Range;
  versionSpec?: string;
  /** PEP 508 extras, as written (`uvicorn[standard]`). */
  extras?: string[];
  /** PEP 508 environment marker (`python_version < "3.11"`): the environments that install it. */
  marker?: string;
  /**
   * Set where no lockfile of the manifest's pins it by design (a Hatch environment's dependencies: `uv lock` and the
   * like leave them out), so the manifest's lockfile is never out of date for it, and what it pulls in goes unexamined.
   */
  unlockable?: true;
  directReference?: DirectReference;
  rewrite?: RewriteSite;
  /** Requirements files: whether the line carries `--hash`, and whether the file pins hashes at all. */
  hashes?: boolean;
  hashesExpected?: boolean;
  /** Set when a lockfile pins this declaration (with the locked version when known). */
  locked?: { version?: string };
  /**
   * What pinning this declaration to its locked version changes in a lockfile that records its spec (pnpm-lock.yaml,
   * Yarn 2+'s yarn.lock; the file relative to the scan root): those package managers call the lockfile out of date when
   * the spec in package.json differs, so a pin changes both, as their install would.
   */
  lockPin?: { file: string; edits: { range: Range; newText: string }[] };
  /**
   * Set when the lockfile that pins this declaration's manifest is out of date for it: it has no entry for the
   * dependency, records another `spec` for it (pnpm), or locks a `version` outside the declared range. Nothing then
   * pins what gets installed, and what the dependency pulls in goes unexamined. `lockfile` is relative to the scan root.
   */
  staleLock?: {
    lockfile: string;
    spec?: string;
    version?: string;
    /** Where the lockfile has no entry for this manifest: the version it locks the package at for others (another member, a dependency). */
    lockedForOthers?: string;
    /** The command that brings the lockfile up to date, where the lockfile names it (`uv export …`). */
    update?: string;
  };
  /** For a registry package a lockfile pins: whether its entry records an integrity hash (npm `integrity`, Yarn `checksum`, file hashes). */
  integrity?: boolean;
  /**
   * The licence the package declares in its own package.json, as its lockfile records it (npm's, version 2 and later):
   * what decides whether a foreign package is open source when the knowledge base records no licence for it.
   */
  declaredLicense?: string;
  /** For a transitive component: the names from the direct dependency that brings it down to its parent. */
  via?: string[];
  /** A `catalog:` spec (pnpm, Yarn, Bun): the version range lives in the workspace's catalog, not in this file. */
  catalog?: CatalogReference;
}

/** The catalog a `catalog:` spec names and, when the workspace file lists the package, its entry there. */
export interface CatalogReference {
  catalog: string;
  entry?: {
    /** The file defining the catalog (pnpm-workspace.yaml, .yarnrc.yml or a package.json), relative to the scan root. */
    file: string;
    spec: string;
    /** The value's range, quotes included. */
    range: Range;
    quote: '' | '"' | "'";
  };
}

/** A manifest as a whole, for the checks about it rather than its components (a missing lockfile). */
export interface ManifestDeclaration {
  kind: 'package-json' | 'pyproject' | 'pipfile';
  /** The lockfile that pins it, when one exists beside it (or at its workspace root). */
  lockfile?: string;
  /** Without one: the lockfile there is but Git ignores without tracking it (a fresh clone has none), relative to the root. */
  ignoredLockfile?: string;
  /** Without one: a lockfile beside it that no reader takes (Bun's binary bun.lockb), relative to the root. */
  unreadableLockfile?: string;
  dependencies: number;
  /** Where to report: the first dependency's name. */
  range: Range;
}

/** A licence as a manifest or card declares it (checked by `invalid-license`). */
export interface LicenseDeclaration {
  value: string;
  range: Range;
  /** Hugging Face card licence ids (`apache-2.0`, `llama3.1`, `other`) are accepted besides SPDX. */
  dialect: 'spdx' | 'hf-card';
  /** `license_name` of a card whose licence is `other`. */
  customName?: string;
}

/** A documented exception (`ignore` in a team config). */
export interface ExceptionDeclaration {
  /** Component id or glob. */
  pattern: string;
  reason: string;
  /** YYYY-MM-DD after which the exception lapses. */
  until?: string;
}

export interface HostedService {
  provider: string;
  origin: string;
}

export interface AlternativeRef {
  id: string;
  reason: string;
  reaches: Target;
  version?: string;
}

export type Derivation =
  | 'finetune'
  | 'adapter'
  | 'merge'
  | 'quantized'
  | 'distilled'
  | 'continued-pretraining'
  | 'initialised-from'
  | 'translated'
  | 'generated'
  | 'derived'
  | 'fork'
  | 'wrapper';

/** How one lineage step leads back: a derivation (`basedOn`), or training on a dataset (`trainedOn`). */
export type LineageRelation = Derivation | 'trained-on';

/** One knowledge-base entry (schema: rules/schema/kb.schema.json). */
export interface KbEntry {
  id: string;
  aliases?: string[];
  owner: string;
  origin: string;
  license?: string;
  hostedService?: HostedService;
  basedOn?: string[];
  derivation?: Derivation;
  /** A model's training data: the datasets its card says it was trained or fine-tuned on. */
  trainedOn?: string[];
  alternatives?: AlternativeRef[];
  noAlternative?: string;
  ambiguous?: string;
  deprecated?: string;
  note?: string;
  evidence: string[];
}

/** Where a component's provenance came from. */
export type ProvenanceSource = 'knowledge-base' | 'namespace' | 'attestation' | 'first-party';

export interface Provenance {
  source: ProvenanceSource;
  /** The entry that placed it (for a namespace match, the namespace entry). */
  entry: KbEntry;
}

/** Why a component got its classification: the facts a message and a hover explain. */
export type Reason =
  | { kind: 'first-party' }
  | { kind: 'domestic' }
  | { kind: 'not-found' }
  | { kind: 'origin-unknown'; note?: string }
  | { kind: 'lineage-unknown'; ancestor: string }
  /** A model or dataset placed only by its publisher's namespace: who publishes it is known, what it derives from is not. */
  | { kind: 'lineage-unrecorded'; namespace: string }
  | { kind: 'foreign'; open: boolean; license?: ComponentLicense }
  | { kind: 'hosted-service'; service: HostedService }
  | { kind: 'foreign-lineage'; ancestor: LineageStep; open: boolean };

/** The licence a component is under, and who says so: the knowledge base, or the package itself (its declared licence). */
export interface ComponentLicense {
  expression: string;
  source: 'knowledge-base' | 'package';
}

/** One step back in a component's lineage: what it is derived from, and how. */
export interface LineageStep {
  id: string;
  owner: string;
  origin: string;
  license?: string;
  derivation?: LineageRelation;
}

/** A declaration placed against a jurisdiction: what every rule checks. */
export interface Assessment {
  declaration: Declaration;
  jurisdiction: string;
  provenance?: Provenance;
  classification: Classification;
  reason: Reason;
  /** The chain from this component back to the ancestor that decided its class (empty when its own facts did). */
  lineage: LineageStep[];
}
