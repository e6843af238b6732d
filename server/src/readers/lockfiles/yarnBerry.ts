// yarn.lock of Yarn 2+ ("Berry"): YAML with a `__metadata` entry, then one entry per resolution, keyed
// by the descriptors it serves (`"lodash@npm:^4.17.0, lodash@npm:^4.17.21"`) and holding `resolution`
// (`lodash@npm:4.17.21`), `version`, `checksum` and `dependencies`. Workspace members are entries too
// (`"@acme/core@workspace:packages/core"`): they give each importer's direct dependencies.
import semver from 'semver';
import { componentId } from '../../../../rules/src/ids';
import { append } from '../../../../rules/src/lists';
import { realName, splitDescriptor } from './descriptor';
import { EntryLocator, LazyLines, yamlKeyFinder } from './locate';
import { berryPinEdits } from './yarnBerryPins';
import { loadYaml } from './parse';
import { emptyLockResult, UniqueKeys } from './result';
import type { LockedPackage, LockResult } from './types';
import { string, type Table, table } from './values';

const LABEL = 'yarn.lock';

interface Entry {
  key: string;
  name: string;
  source: LockedPackage['source'];
  body: Table;
  locate: LockedPackage['locate'];
}

export function readYarnBerry(text: string): LockResult {
  const result = emptyLockResult('yarn');
  const root = loadYaml(text, LABEL, result.problems);
  if (!root) return result;
  const locator = new EntryLocator(text, yamlKeyFinder(0));
  const unique = new UniqueKeys();
  const descriptors = new Map<string, string>();
  /** Workspace members by package name: `workspace:^` ranges name a member, not a folder. */
  const workspaces = new Map<string, string>();
  const entries: Entry[] = [];
  for (const [header, value] of Object.entries(root)) {
    const body = table(value);
    if (header === '__metadata' || !body) continue;
    const serves = header.split(/\s*,\s*/);
    const resolution = string(body.resolution) ?? serves[0]!;
    const { name, range } = splitDescriptor(resolution);
    const key = unique.take(resolution);
    const source = berrySource(range);
    entries.push({ key, name: realName(name, range), source, body, locate: locator.add(header) });
    // The root workspace is the project itself, an importer only: nothing resolves to it.
    if (source?.kind === 'workspace' && source.target === '') continue;
    for (const descriptor of serves) descriptors.set(descriptor, key);
    if (source?.kind === 'workspace') workspaces.set(name, key);
  }
  result.descriptors = descriptors;
  result.pinEdits = berryPinEdits(text, new LazyLines(text));

  result.specifiers = new Map();
  for (const { key, name, source, body, locate } of entries) {
    const dependencies: string[] = [];
    for (const [dependency, range] of Object.entries(table(body.dependencies) ?? {})) {
      if (source?.kind === 'workspace' && typeof range === 'string') recordRegistryRange(result.specifiers, source.target, dependency, range);
      const target = typeof range === 'string' ? resolveRange(descriptors, workspaces, dependency, range) : undefined;
      if (target !== undefined) dependencies.push(target);
      else if (source?.kind === 'workspace' && typeof range === 'string' && range.startsWith('catalog:')) {
        result.catalogDependencies ??= new Map();
        append(result.catalogDependencies, source.target, { name: dependency, range });
      }
    }
    if (source?.kind === 'workspace') result.importers.set(source.target, dependencies);
    if (source?.kind === 'workspace' && source.target === '') continue;
    // `0.0.0-use.local` is Yarn's placeholder for workspaces and portals, which have no locked version.
    const version = body.version === '0.0.0-use.local' ? undefined : string(body.version);
    result.packages.set(key, {
      id: componentId('npm', name),
      ecosystem: 'npm',
      name,
      version,
      dependencies,
      hashes: typeof body.checksum === 'string',
      source,
      // Yarn does not record which packages only development needs.
      dev: undefined,
      locate,
    });
  }
  return result;
}

/**
 * The entry a `name: range` dependency is locked to. Yarn 3 writes plain ranges (`^4.17.0`) where Yarn 4
 * writes `npm:^4.17.0`; `workspace:^`-style ranges name a member rather than its folder.
 */
function resolveRange(descriptors: Map<string, string>, workspaces: Map<string, string>, name: string, range: string): string | undefined {
  return (
    descriptors.get(`${name}@${range}`) ??
    descriptors.get(`${name}@npm:${range}`) ??
    (range.startsWith('workspace:') ? workspaces.get(name) : undefined)
  );
}

/**
 * A member's registry range as its package.json gave it at install time (Yarn 4 writes `npm:^4.17.0`, Yarn 3 `^4.17.0`):
 * `yarn install --immutable`, CI's default, fails when a declared range differs, whatever version is locked. Other
 * protocols (git, patches, aliases) are left out: Yarn may spell them otherwise than the package.json does.
 */
function recordRegistryRange(specifiers: Map<string, Map<string, string>>, importer: string, name: string, range: string): void {
  const spec = range.startsWith('npm:') ? range.slice('npm:'.length) : range;
  if (spec.includes('@') || semver.validRange(spec) === null) return;
  let recorded = specifiers.get(importer);
  if (!recorded) specifiers.set(importer, (recorded = new Map()));
  recorded.set(name, spec);
}

/** What a resolution's reference (after `name@`) says about where the package comes from. */
function berrySource(reference: string): LockedPackage['source'] {
  const [protocol] = /^[a-z+]+:/.exec(reference) ?? [''];
  // Without Yarn's `::locator=…` suffix (which workspace asked for it).
  const target = reference.slice(protocol.length).replace(/::.*$/, '');
  switch (protocol) {
    case 'npm:':
    case 'patch:': // A patched registry release is still that release.
      return undefined;
    case 'workspace:':
      return { kind: 'workspace', target: target === '.' ? '' : target };
    case 'file:':
    case 'link:':
    case 'portal:':
      // `file:` folders carry `#<folder>` again after the path.
      return { kind: 'path', target: target.replace(/#.*$/, '') };
    case 'http:':
    case 'https:':
      return /\.git(#|$)|#commit=/.test(reference) ? { kind: 'vcs', target: reference } : { kind: 'url', target: reference };
    case '':
      // A bare version is a registry release; a bare `user/repo#commit=…` is GitHub.
      return reference.includes('/') ? { kind: 'vcs', target: reference } : undefined;
    default:
      // git:, git+ssh:, github:, …
      return { kind: /^(git|github:|gitlab:|bitbucket:)|#commit=/.test(reference) ? 'vcs' : 'url', target: reference };
  }
}
