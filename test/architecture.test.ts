// Which way the doors open (SPEC §9): rules/ imports nothing of the others, the engine knows nothing of
// editors, and the client knows the protocol module only — never the engine or the rules.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(__dirname, '..');

function importsUnder(folder: string): { file: string; specifier: string }[] {
  const files = fs.readdirSync(path.join(repo, folder), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  return files.flatMap((file) => {
    const text = fs.readFileSync(path.join(repo, folder, file), 'utf8');
    return [...text.matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)].map((m) => ({ file: `${folder}/${file}`, specifier: m[1]! }));
  });
}

const resolvesInto = (from: string, specifier: string, folder: string) =>
  specifier.startsWith('.') && path.resolve(repo, path.dirname(from), specifier).startsWith(path.join(repo, folder) + path.sep);

describe('architecture', () => {
  it('rules/ imports nothing of server/, client/ or editors', () => {
    const bad = importsUnder('rules/src').filter(
      ({ file, specifier }) => resolvesInto(file, specifier, 'server') || resolvesInto(file, specifier, 'client') || /^vscode/.test(specifier),
    );
    expect(bad).toEqual([]);
  });

  it('the engine and readers know nothing of VS Code or LSP', () => {
    const engine = [...importsUnder('server/src/engine'), ...importsUnder('server/src/readers'), ...importsUnder('server/src/text')];
    expect(engine.filter(({ specifier }) => /^vscode/.test(specifier) || specifier.includes('/lsp/'))).toEqual([]);
  });

  it('the client imports only vscode, the language client and the shared protocol module', () => {
    const allowed = new Set(['vscode', 'vscode-languageclient/node', '../../server/src/protocol']);
    expect(importsUnder('client/src').filter(({ specifier }) => !allowed.has(specifier))).toEqual([]);
  });

  it('the protocol module imports the LSP protocol package only', () => {
    expect(importsUnder('server/src').filter(({ file }) => file === 'server/src/protocol.ts').map((i) => i.specifier)).toEqual([
      'vscode-languageserver-protocol',
    ]);
  });
});
