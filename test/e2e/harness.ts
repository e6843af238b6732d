// What the editor end-to-end suites share, inside a real VS Code extension host: running named tests (each within a
// time limit, every failure reported), activating the extension, and waiting on the editor's events.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SovereignLintApi } from '../../client/src/extension';

const EXTENSION_ID = 'sovereign-lint.sovereign-lint';

export type Test = [name: string, body: () => Promise<void>];

/** Runs the tests in order; throws (failing the extension host's run) if any failed. */
export async function runTests(tests: readonly Test[]): Promise<void> {
  const failures: string[] = [];
  for (const [name, body] of tests) {
    try {
      await withTimeout(body(), 60_000, name);
      console.log(`  ✓ ${name}`);
    } catch (error) {
      console.log(`  ✗ ${name}\n    ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      failures.push(name);
    }
  }
  console.log(`${tests.length - failures.length} passed, ${failures.length} failed`);
  if (failures.length) throw new Error(`${failures.length} editor test(s) failed: ${failures.join('; ')}`);
}

/** The extension, activated, once the server has sent its first verdicts. */
export async function activateExtension(): Promise<SovereignLintApi> {
  const extension = vscode.extensions.getExtension<SovereignLintApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  const api = await extension.activate();
  await api.ready;
  return api;
}

/** The diagnostics of a file once they satisfy `ready` (default: any), waiting on onDidChangeDiagnostics. */
export async function diagnosticsFor(
  uri: vscode.Uri,
  trigger: () => Thenable<unknown>,
  ready: (list: vscode.Diagnostic[]) => boolean = (list) => list.length > 0,
): Promise<vscode.Diagnostic[]> {
  const current = () => {
    const list = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'sovereign-lint');
    return ready(list) ? list : undefined;
  };
  const waiting = waitFor(current, vscode.languages.onDidChangeDiagnostics);
  await trigger();
  return waiting;
}

/** Resolves with `probe()` as soon as it is defined, checking again whenever `event` fires. */
export function waitFor<T, E>(probe: () => T | undefined, event: vscode.Event<E>): Promise<T> {
  return new Promise((resolve) => {
    const now = probe();
    if (now !== undefined) return resolve(now);
    const subscription = event(() => {
      const value = probe();
      if (value === undefined) return;
      subscription.dispose();
      resolve(value);
    });
  });
}

/**
 * Runs `ask` until its answer passes `done`, at most `attempts` times; the last answer either way. A request
 * the editor cancels (it does while other extensions start) is asked again, as the editor itself would.
 */
export async function settle<T>(ask: () => Thenable<T>, done: (answer: T) => boolean, attempts = 50): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      const answer = await ask();
      if (done(answer) || i >= attempts) return answer;
    } catch (error) {
      if (!(error instanceof Error && error.name === 'Canceled') || i >= attempts) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function rangeOf(range: vscode.Range): number[] {
  return [range.start.line, range.start.character, range.end.line, range.end.character];
}

function withTimeout<T>(promise: Promise<T>, ms: number, name: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${name}: no result within ${ms / 1000} s`)), ms);
    }),
  ]);
}
