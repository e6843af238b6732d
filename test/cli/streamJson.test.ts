// Writing a report piece by piece gives the same document as one JSON.stringify, arrays one element a line.
import { describe, expect, it } from 'vitest';
import { RawJson, writeJson } from '../../server/src/cli/streamJson';

function written(value: object, streamed: string[]): string {
  let out = '';
  writeJson(value, (text) => (out += text), new Set(streamed));
  return out;
}

describe('writeJson', () => {
  const report = { tool: { name: 'x' }, verdict: { tier: 'none', blockedBy: ['a'] }, components: [{ id: 'npm:a' }, { id: 'npm:b' }], errors: [] };

  it('is the same document', () => {
    expect(JSON.parse(written(report, ['components', 'errors']))).toEqual(report);
  });

  it('writes streamed arrays one element per line and the rest indented', () => {
    expect(written(report, ['components', 'errors'])).toBe(
      '{\n  "tool": {\n    "name": "x"\n  },\n  "verdict": {\n    "tier": "none",\n    "blockedBy": [\n      "a"\n    ]\n  },\n' +
        '  "components": [\n    {"id":"npm:a"},\n    {"id":"npm:b"}\n  ],\n  "errors": []\n}\n',
    );
  });

  it('reaches arrays nested in arrays of objects (SARIF runs[].results)', () => {
    const sarif = { version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ ruleId: 'r' }] }] };
    const text = written(sarif, ['results']);
    expect(JSON.parse(text)).toEqual(sarif);
    expect(text).toContain('"results": [\n        {"ruleId":"r"}\n      ]');
  });

  it('writes a lazy sequence as the array it yields, an empty one as []', () => {
    function* components() {
      yield { id: 'npm:a' };
      yield { id: 'npm:b' };
    }
    const lazy = { ...report, components: components(), errors: [][Symbol.iterator]() };
    expect(written(lazy, ['components', 'errors'])).toBe(written(report, ['components', 'errors']));
  });

  it('writes an element already made as JSON text as it is', () => {
    const raw = { ...report, components: [new RawJson('{"id":"npm:a"}'), { id: 'npm:b' }] };
    expect(written(raw, ['components', 'errors'])).toBe(written(report, ['components', 'errors']));
  });
});
