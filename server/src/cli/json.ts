// `--format json`: the stable machine-readable contract of SPEC §7. Fields are only ever added.
import { componentLicense } from '../../../rules/src/licenses';
import type { Assessment, Declaration } from '../../../rules/src/types';
import { PRESET_PREFIX } from '../../../rules/src/presets';
import type { Exception } from '../engine/config';
import type { FileReport, Finding } from '../engine/lint';
import { relativeTo } from '../engine/paths';
import { pinnedBy } from '../readers/lockfiles/result';
import type { ScanResult } from '../engine/scan';
import { RawJson, writeJson } from './streamJson';
import { TOOL_NAME, TOOL_VERSION } from './version';

/** The lists written one element per line. */
const STREAMED = new Set(['components', 'findings', 'errors']);

/** Writes the report piece by piece (a large monorepo's is more than one string can hold). */
export function writeJsonReport(result: ScanResult, write: (text: string) => void): void {
  writeJson(toJson(result), write, STREAMED);
}

/**
 * The report, its long lists as lazy sequences: each component's and finding's JSON object lives only
 * while it is written, instead of a monorepo's worth of them at once.
 */
function toJson(result: ScanResult): object {
  const { verdict } = result;
  return {
    tool: { name: TOOL_NAME, version: TOOL_VERSION, knowledgeBase: result.kbVersion },
    target: result.target,
    jurisdiction: result.jurisdiction,
    verdict: {
      tier: verdict.tier,
      meetsTarget: verdict.meetsTarget,
      blockedBy: verdict.blockedBy,
      summary: verdict.summary,
      exceptions: verdict.exceptions,
      filesWithErrors: verdict.filesWithErrors,
      transitive: verdict.transitive,
      trustedReadiness: verdict.trusted,
      otherTargets: verdict.otherTargets,
    },
    components: componentsOf(result),
    findings: reportedFindings(result),
    errors: result.errors,
  };
}

function* componentsOf(result: ScanResult): Generator<RawJson> {
  const shared = new SharedJson();
  for (const file of result.files) {
    for (const assessment of file.assessments) yield componentJson(file, assessment, shared);
  }
}

/**
 * JSON text of the arrays many components and findings share, made once each: a chain of packages (siblings
 * share their parent's), a knowledge-base entry's evidence, what a dependency pulls in (every workspace member
 * that declares it). A monorepo's report repeats them hundreds of thousands of times.
 */
class SharedJson {
  private readonly made = new WeakMap<object, string>();

  of(value: object): string {
    let text = this.made.get(value);
    if (text === undefined) this.made.set(value, (text = JSON.stringify(value)));
    return text;
  }
}

/**
 * One element as JSON.stringify would write it, field by field in this order: each value through
 * JSON.stringify, shared arrays through `shared`, fields whose value is undefined left out.
 */
class ObjectText {
  private text = '';

  constructor(private readonly shared: SharedJson) {}

  field(name: string, value: unknown): this {
    if (value !== undefined) this.text += `${this.text ? ',' : '{'}"${name}":${JSON.stringify(value)}`;
    return this;
  }

  sharedField(name: string, value: object | undefined): this {
    if (value !== undefined) this.text += `${this.text ? ',' : '{'}"${name}":${this.shared.of(value)}`;
    return this;
  }

  done(): RawJson {
    return new RawJson(`${this.text || '{'}}`);
  }
}

/** A component of one file (a manifest, a lockfile, a pip-compile output's pins) as JSON. */
function componentJson({ file, kind }: FileReport, { declaration, provenance, classification, lineage, jurisdiction }: Assessment, shared: SharedJson): RawJson {
  // Written field by field: a monorepo's report has hundreds of thousands of these. The order is the JSON field order.
  const json = new ObjectText(shared)
    .field('id', declaration.id)
    .field('ecosystem', declaration.ecosystem)
    .field('name', declaration.name)
    .field('relation', declaration.relation)
    .field('classification', classification)
    .field('origin', provenance?.entry.origin ?? (declaration.relation === 'workspace' ? jurisdiction : 'unknown'))
    .field('file', file)
    .field('range', declaration.range);
  if (declaration.group) json.field('group', declaration.group);
  json.field('versionSpec', declaration.versionSpec);
  // What the lockfile resolved the spec to, or how it is out of date for it.
  const lockedVersion = lockedVersionOf(declaration, kind);
  if (lockedVersion) json.field('lockedVersion', lockedVersion);
  if (declaration.staleLock) json.field('staleLock', declaration.staleLock);
  if (declaration.directReference) json.field('directReference', declaration.directReference);
  if (declaration.via) json.sharedField('via', declaration.via);
  if (provenance) {
    json.field('owner', provenance.entry.owner);
    const license = componentLicense(provenance.entry.license, declaration.declaredLicense);
    if (license) json.field('license', license.expression);
    // The knowledge base's licence unless said otherwise: the package's own is the lockfile's record of its package.json.
    if (license?.source === 'package') json.field('licenseSource', 'package');
    json.field('provenance', provenance.source).sharedField('evidence', provenance.entry.evidence);
  }
  if (lineage.length) json.sharedField('lineage', lineage);
  return json.done();
}

/** The version locked for a component: a declaration's resolved one, a lockfile entry's own, a pip-compile output's pin. */
function lockedVersionOf(declaration: Declaration, kind: FileReport['kind']): string | undefined {
  if (declaration.relation !== 'transitive') return declaration.locked?.version;
  return kind === 'lockfile' ? declaration.versionSpec : pinnedBy(declaration.versionSpec);
}

function* reportedFindings(result: ScanResult): Generator<RawJson> {
  const shared = new SharedJson();
  const exceptionJson = exceptionsAsWritten(result.root);
  for (const finding of result.findings) if (finding.severity !== 'off') yield findingJson(finding, shared, exceptionJson);
}

/** An exception as the report gives it: the config declaring it named relative to the scan root, as every file is. */
function exceptionsAsWritten(root: string): (exception: Exception) => object {
  const written = new WeakMap<Exception, object>();
  return (exception) => {
    let json = written.get(exception);
    if (json === undefined) {
      const { declared } = exception;
      const source = declared && !declared.source.startsWith(PRESET_PREFIX) ? relativeTo(root, declared.source) : declared?.source;
      written.set(exception, (json = declared ? { ...exception, declared: { ...declared, source } } : exception));
    }
    return json;
  };
}

function findingJson(finding: Finding, shared: SharedJson, exceptionJson: (exception: Exception) => object): RawJson {
  const json = new ObjectText(shared).field('rule', finding.rule).field('severity', finding.severity).field('blocks', finding.blocks);
  if (finding.componentId) json.field('componentId', finding.componentId);
  json.field('file', finding.file).field('range', finding.range).field('message', finding.message).sharedField('fixes', finding.fixes);
  if (finding.lineage) json.sharedField('lineage', finding.lineage);
  if (finding.related) json.sharedField('related', finding.related);
  if (finding.exception) json.field('exception', exceptionJson(finding.exception));
  return json.done();
}
