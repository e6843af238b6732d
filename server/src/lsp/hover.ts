// The provenance of a component, in Markdown: origin, owner, licence, lineage, tier impact,
// alternatives and evidence — everything a reviewer needs to trust or challenge a finding.
import { derivationPhrase, describeStep, displayName } from '../../../rules/src/describe';
import { componentLicense, isOpenLicense } from '../../../rules/src/licenses';
import type { Assessment, Classification, Declaration } from '../../../rules/src/types';
import type { Finding } from '../engine/lint';
import { restatesOthers } from '../engine/verdict';

const CLASSIFICATION: Record<Classification, string> = {
  domestic: 'domestic',
  'foreign-open': 'foreign open-source',
  'foreign-proprietary': 'foreign proprietary',
  unknown: 'provenance unknown',
};

/** `pulledInBy`: the chains by which each workspace folder reaches a package of a lockfile they share, when there are several. */
export function hoverMarkdown(assessment: Assessment, findings: readonly Finding[], kbVersion: string, pulledInBy?: string): string {
  const { declaration, provenance, classification, reason, lineage, jurisdiction } = assessment;
  const entry = provenance?.entry;
  const rows: [string, string][] = [];
  if (reason.kind === 'first-party') {
    rows.push(['Origin', `this project (${jurisdiction})`]);
  } else if (entry) {
    rows.push(['Origin', entry.origin + (entry.ambiguous ? ` — ambiguous: ${entry.ambiguous}` : '')]);
    rows.push(['Owner', entry.owner]);
    rows.push(['Licence', licenseText(declaration, entry.license)]);
    if (entry.hostedService) rows.push(['Hosted service', `${entry.hostedService.provider} (${entry.hostedService.origin})`]);
    if (provenance.source === 'namespace') rows.push(['Placed by', `namespace \`${entry.id}\``]);
    if (provenance.source === 'attestation') rows.push(['Placed by', `your attestation \`${entry.id}\` in sovereign-lint.json`]);
    if (entry.deprecated) rows.push(['Deprecated', entry.deprecated]);
    if (entry.note) rows.push(['Note', entry.note]);
  } else {
    rows.push(['Origin', 'not in the knowledge base']);
    if (declaration.declaredLicense !== undefined) rows.push(['Licence', licenseText(declaration, undefined)]);
  }
  const version = versionOf(declaration);
  if (version) rows.push(['Version', version]);
  if (pulledInBy) rows.push(['Pulled in by', pulledInBy]);
  else if (declaration.via?.length) rows.push(['Pulled in by', declaration.via.join(' → ')]);
  if (lineage.length) {
    rows.push(['Lineage', lineage.map((step) => `${derivationPhrase(step.derivation)} ${describeStep(step)}`).join(' → ')]);
  } else if (reason.kind === 'lineage-unknown') {
    rows.push(['Lineage', `${displayName(reason.ancestor)} cannot be placed`]);
  } else if (reason.kind === 'lineage-unrecorded') {
    rows.push(['Lineage', `not recorded: \`${reason.namespace}\` says who publishes it, not what it was trained from`]);
  }
  rows.push(['Tier impact', tierImpact(findings)]);
  const alternatives = entry?.alternatives ?? [];
  if (alternatives.length) {
    rows.push(['Alternatives', alternatives.map((a) => `\`${displayName(a.id)}\` — ${a.reason} (reaches ${a.reaches})`).join('<br>')]);
  } else if (entry?.noAlternative) {
    rows.push(['Alternatives', `none domestic: ${entry.noAlternative}`]);
  }
  if (entry?.evidence.length && provenance?.source !== 'attestation') {
    rows.push(['Evidence', entry.evidence.map((url) => `[${shorten(url)}](${url})`).join('<br>')]);
  } else if (entry?.evidence.length) {
    rows.push(['Evidence', entry.evidence.join('<br>')]);
  }
  const ruleLinks = [...new Set(findings.filter((f) => f.severity !== 'off').map((f) => f.rule))].map((rule) => `\`${rule}\``).join(', ');
  return [
    `**${declaration.name}** · \`${declaration.id}\` — ${CLASSIFICATION[classification]}`,
    '',
    '| | |',
    '|---|---|',
    ...rows.map(([key, value]) => `| ${key} | ${escapeCell(value)} |`),
    '',
    `Knowledge base ${kbVersion}${ruleLinks ? ` · ${ruleLinks}` : ''}`,
  ].join('\n');
}

/** The licence and whether it is open, with the registry page where the package itself declares it. */
function licenseText(declaration: Declaration, recorded: string | undefined): string {
  const license = componentLicense(recorded, declaration.declaredLicense);
  if (!license) return declaration.declaredLicense === undefined ? 'not recorded' : `not recorded; the package declares "${clipped(declaration.declaredLicense)}"`;
  const openness = isOpenLicense(license.expression) ? 'open source' : 'not open source';
  if (license.source === 'knowledge-base') return `${license.expression} (${openness})`;
  const page = registryPage(declaration);
  const where = declaration.ecosystem === 'pypi' ? 'metadata' : 'package.json';
  return `${license.expression} (${openness}), as the package declares it in its ${where}: [${shorten(page)}](${page})`;
}

/** What a package says of its licence, cut short where it runs past any licence name. */
function clipped(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

/** The registry's page for the version the lockfile pins, whose package declares the licence (npm's, or PyPI's). */
function registryPage({ ecosystem, name, relation, versionSpec, locked }: Declaration): string {
  const version = relation === 'transitive' ? versionSpec : locked?.version;
  if (ecosystem === 'pypi') return `https://pypi.org/project/${name}/${version ? `${version}/` : ''}`;
  return `https://www.npmjs.com/package/${name}${version ? `/v/${version}` : ''}`;
}

/** What the manifest asks for (through its catalog, when it names one) and what the lockfile resolved. */
function versionOf({ versionSpec, catalog, locked, staleLock, relation }: Assessment['declaration']): string | undefined {
  // A lockfile's own entry is the version it pins.
  if (relation === 'transitive') return versionSpec && `${versionSpec} (locked)`;
  const asked = catalog
    ? catalog.entry
      ? `${catalog.entry.spec} from the ${catalog.catalog} catalog (${catalog.entry.file})`
      : `${versionSpec}: the ${catalog.catalog} catalog has no entry for it`
    : versionSpec;
  const parts = [asked, locked?.version && `locked ${locked.version}`, staleLock && staleLockText(staleLock)].filter(Boolean);
  return parts.length ? parts.join('; ') : undefined;
}

/** Why the lockfile does not lock a dependency as declared, in a few words. */
function staleLockText({ lockfile, spec, version, lockedForOthers }: NonNullable<Assessment['declaration']['staleLock']>): string {
  if (spec !== undefined) return `${lockfile} written for ${spec || 'no version'}, out of date`;
  if (version !== undefined) return `${lockfile} locks ${version}, out of date`;
  return lockedForOthers !== undefined ? `${lockfile} locks ${lockedForOthers} only for other packages, out of date` : `not in ${lockfile}`;
}

function tierImpact(findings: readonly Finding[]): string {
  // What a dependency pulls in is each pulled-in package's impact, not its own.
  const active = findings.filter((f) => !f.exception && !restatesOthers(f));
  if (findings.some((f) => f.exception)) return `accepted exception: ${findings.find((f) => f.exception)!.exception!.reason}`;
  if (active.some((f) => f.blocks === 'national')) return 'blocks national (and sovereign)';
  if (active.some((f) => f.blocks === 'sovereign')) return 'allowed for national; blocks sovereign';
  if (active.some((f) => f.blocks === 'trusted')) return 'blocks trusted readiness';
  return 'none: allowed for every tier';
}

function shorten(url: string): string {
  return url.replace(/^https?:\/\/(www\.)?/, '').replace(/\/blob\/[0-9a-f]{7,40}\//, '/…/');
}

function escapeCell(value: string): string {
  return value.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
