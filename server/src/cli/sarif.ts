// `--format sarif`: SARIF 2.1.0 as GitHub code scanning accepts it — every rule with help text, every
// result with a region (1-based lines, UTF-16 columns, SARIF's default column kind), every file relative to the root
// of the repository scanned (GitHub reads a relative path so), wherever in it the scan started.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { rules } from '../../../rules/src/rules/index';
import type { Range, Severity } from '../../../rules/src/types';
import { editsByFile, type Finding } from '../engine/lint';
import { mostSevere } from '../engine/mostSevere';
import { repositoryRoot } from '../engine/gitIgnore';
import { relativeTo } from '../engine/paths';
import type { ScanResult } from '../engine/scan';
import { TOOL_HOMEPAGE, TOOL_NAME, TOOL_VERSION } from './version';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/**
 * GitHub code scanning rejects a run of more than 25,000 results, and a monorepo's lockfiles alone can hold more
 * findings than that: the run keeps the most severe 25,000 and says how many it left out.
 */
export const MAX_SARIF_RESULTS = 25_000;

export function toSarif(result: ScanResult): Log {
  // A folder scanned inside a repository (a monorepo's service, a workspace member with the root lockfile above it):
  // its files are placed from the repository root. Outside a repository, from the scan root.
  const sourceRoot = repositoryRoot(result.root) ?? result.root;
  // A lockfile is the place of tens of thousands of results and related locations: each file's URI is made once.
  const uris = new Map<string, string>();
  const uriOf = (file: string) => uris.get(file) ?? uris.set(file, encodeURI(relativeTo(sourceRoot, path.resolve(result.root, file)))).get(file)!;
  const artifact = (file: string) => ({ uri: uriOf(file), uriBaseId: '%SRCROOT%' });
  const location = (file: string, range?: Range) => ({
    physicalLocation: { artifactLocation: artifact(file), ...(range ? { region: region(range) } : {}) },
  });
  const descriptors: ReportingDescriptor[] = rules.map((rule) => ({
    id: rule.meta.id,
    name: rule.meta.id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.meta.description },
    fullDescription: { text: rule.meta.description },
    helpUri: rule.meta.docs,
    help: {
      text: `${rule.meta.description} Blocks: ${rule.meta.blocks}. See ${rule.meta.docs}`,
      markdown: `${rule.meta.description}\n\nBlocks the **${rule.meta.blocks}** tier. [Documentation](${rule.meta.docs})`,
    },
    defaultConfiguration: { level: level(rule.meta.severity[result.target]) },
    properties: { tags: ['sovereignty', 'supply-chain'] },
  }));
  const index = new Map(descriptors.map((descriptor, i) => [descriptor.id, i]));
  const shown = result.findings.filter((finding) => finding.severity !== 'off');
  const kept = shown.length > MAX_SARIF_RESULTS ? mostSevere(shown, MAX_SARIF_RESULTS) : shown;
  const fingerprint = fingerprints(shown);
  const results: Result[] = kept.map((finding) => ({
    ruleId: finding.rule,
    ruleIndex: index.get(finding.rule)!,
    level: level(finding.severity),
    message: { text: finding.message },
    locations: [location(finding.file, finding.range)],
    // What a dependency pulls in, each where its lockfile pins it.
    ...(finding.related?.length
      ? { relatedLocations: finding.related.map((place, id) => ({ id, ...location(place.file, place.range), message: { text: place.message } })) }
      : {}),
    partialFingerprints: { ruleFileComponent: fingerprint.get(finding)! },
    ...(finding.exception
      ? { suppressions: [{ kind: 'external' as const, justification: finding.exception.reason }] }
      : {}),
    ...(finding.fixes.length
      ? {
          fixes: finding.fixes.map((fix) => ({
            description: { text: fix.title },
            artifactChanges: [...editsByFile(fix)].map(([file, edits]) => ({
              artifactLocation: artifact(file),
              replacements: edits.map((edit) => ({ deletedRegion: region(edit.range), insertedContent: { text: edit.newText } })),
            })),
          })),
        }
      : {}),
  }));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: TOOL_VERSION,
            semanticVersion: TOOL_VERSION,
            informationUri: TOOL_HOMEPAGE,
            rules: descriptors,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileUri(sourceRoot) } },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: [
              ...result.errors.map((error) => ({
                level: 'error' as const,
                message: { text: error.message },
                locations: [location(error.file, error.range)],
              })),
              ...(kept.length < shown.length
                ? [
                    {
                      level: 'warning' as const,
                      message: {
                        text: `${shown.length - kept.length} of ${shown.length} results left out: GitHub code scanning accepts at most ${MAX_SARIF_RESULTS} per run, and these are the most severe. \`sovereign-lint scan --format json\` lists every finding.`,
                      },
                    },
                  ]
                : []),
            ],
          },
        ],
        results,
        properties: {
          verdict: result.verdict,
          target: result.target,
          jurisdiction: result.jurisdiction,
          knowledgeBase: result.kbVersion,
        },
      },
    ],
  };
}

function level(severity: Severity): 'error' | 'warning' | 'note' | 'none' {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : severity === 'off' ? 'none' : 'note';
}

function region(range: Range) {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/** SARIF base URIs end with a slash so relative artifact URIs resolve inside them. */
function pathToFileUri(root: string): string {
  return pathToFileURL(root).href.replace(/\/?$/, '/');
}

/**
 * What GitHub tracks an alert by from run to run: its rule, file and component, not its line, which moves as lines are
 * added above it. The same component flagged twice in one file (two declarations under different markers, two
 * expired exceptions of one config) is numbered in document order, so that neither alert swallows the other.
 */
function fingerprints(findings: readonly Finding[]): Map<Finding, string> {
  const seen = new Map<string, number>();
  return new Map(
    findings.map((finding) => {
      const key = `${finding.rule}:${finding.file}:${finding.componentId ?? ''}`;
      const count = (seen.get(key) ?? 0) + 1;
      seen.set(key, count);
      return [finding, count === 1 ? key : `${key}:${count}`];
    }),
  );
}
