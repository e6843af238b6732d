// Additions to sovereign-lint.json change only what they add, in the file's own style, and parse.
import { describe, expect, it } from 'vitest';
import type { TextDocumentEdit } from 'vscode-languageserver-protocol';
import { parseConfig } from '../../server/src/engine/config';
import { addToConfig, type ConfigAddition } from '../../server/src/lsp/configEdits';
import { applyEdits } from '../helpers/edits';

const exception: ConfigAddition = { section: 'ignore', value: { component: 'pypi:numpy', reason: 'why' } };
const attestation: ConfigAddition = { section: 'components', key: 'npm:@acme/*', value: { origin: 'RU', evidence: 'registry' } };

function apply(text: string, addition: ConfigAddition): string {
  const [change] = addToConfig({ uri: 'file:///c.json', text, version: 3 }, addition);
  return applyEdits(text, (change as TextDocumentEdit).edits as { range: never; newText: string }[]);
}

describe('addToConfig', () => {
  it.each([
    ['appends to an existing array, two-space indent', '{\n  "ignore": [\n    { "component": "pypi:torch", "reason": "r" }\n  ]\n}\n', exception,
      '{\n  "ignore": [\n    { "component": "pypi:torch", "reason": "r" },\n    {\n      "component": "pypi:numpy",\n      "reason": "why"\n    }\n  ]\n}\n'],
    ['adds a missing section after the last property', '{\n    "target": "national"\n}\n', attestation,
      '{\n    "target": "national",\n    "components": {\n        "npm:@acme/*": {\n            "origin": "RU",\n            "evidence": "registry"\n        }\n    }\n}\n'],
    ['fills an empty object', '{}', attestation,
      '{\n  "components": {\n    "npm:@acme/*": {\n      "origin": "RU",\n      "evidence": "registry"\n    }\n  }\n}'],
    ['keeps CRLF line endings', '{\r\n\t"ignore": []\r\n}\r\n', exception,
      '{\r\n\t"ignore": [\r\n\t\t{\r\n\t\t\t"component": "pypi:numpy",\r\n\t\t\t"reason": "why"\r\n\t\t}\r\n\t]\r\n}\r\n'],
    ['appends inline to a one-line object', '{ "target": "sovereign", "components": { "npm:x": { "origin": "RU", "evidence": "e" } } }', attestation,
      '{ "target": "sovereign", "components": { "npm:x": { "origin": "RU", "evidence": "e" }, "npm:@acme/*": { "origin": "RU", "evidence": "registry" } } }'],
  ] as const)('%s', (_, before, addition, after) => {
    const result = apply(before, addition);
    expect(result).toBe(after);
    expect(parseConfig(result).problems).toEqual([]);
  });

  it('creates the file when there is none', () => {
    expect(addToConfig({ uri: 'file:///w/sovereign-lint.json', text: undefined, version: null }, exception)).toEqual([
      { kind: 'create', uri: 'file:///w/sovereign-lint.json', options: { ignoreIfExists: true } },
      {
        textDocument: { uri: 'file:///w/sovereign-lint.json', version: null },
        edits: [
          {
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            newText: '{\n  "ignore": [\n    {\n      "component": "pypi:numpy",\n      "reason": "why"\n    }\n  ]\n}\n',
          },
        ],
      },
    ]);
  });
});
