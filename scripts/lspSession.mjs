// A language server started the way an editor starts it (`sovereign-lint lsp --stdio`), for the benchmarks:
// the JSON-RPC connection, promises for the next diagnostics and the next verdict, and the server's memory.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/cli.js');

/** Starts a server on `folder` and resolves once its start-up scan has sent a verdict. */
export async function startServer(folder) {
  const server = spawn(process.execPath, [cli, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  let diagnosed = () => {};
  let verdictSent = () => {};
  connection.onNotification('textDocument/publishDiagnostics', (params) => diagnosed(params));
  connection.onNotification('sovereignLint/verdict', () => verdictSent());
  // As VS Code does: the client watches the files the server registers for.
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const session = {
    server,
    connection,
    /** Resolves with the next publishDiagnostics (for `uri`, when given). */
    nextDiagnostics: (uri) => new Promise((resolve) => (diagnosed = (params) => (!uri || params.uri === uri) && resolve(params))),
    nextVerdict: () => new Promise((resolve) => (verdictSent = resolve)),
    rssMb: () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${server.pid}/status`, 'utf8'))[1]) / 1024,
    async stop() {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      connection.dispose();
    },
  };
  const verdict = session.nextVerdict();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, workspaceFolders: [{ uri: pathToFileURL(folder).href, name: path.basename(folder) }], capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } });
  await connection.sendNotification('initialized', {});
  await verdict;
  return session;
}
