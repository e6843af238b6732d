// The bundle's entry (dist/sovereign-lint.js, which the `sovereign-lint` executable, launcher.ts, runs):
// `lsp` starts the language server, everything else is the CLI.
import { main } from './main';

const argv = process.argv.slice(2);
const TRANSPORTS = ['--stdio', '--node-ipc'];

if (argv[0] === 'lsp' && argv.slice(1).some((arg) => TRANSPORTS.includes(arg) || arg.startsWith('--socket=') || arg.startsWith('--pipe='))) {
  // Loaded only here: a CI scan should not pay for evaluating the language-server protocol stack.
  void import('../lsp/server').then(({ startLanguageServer }) => startLanguageServer());
} else if (argv[0] === 'lsp') {
  process.stderr.write('sovereign-lint: lsp needs a transport: --stdio, --node-ipc, --socket=PORT or --pipe=NAME\n');
  process.exitCode = 2;
} else {
  // `sovereign-lint scan --format json | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  process.exitCode = main(argv, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    isTTY: process.stdout.isTTY === true,
    today: new Date().toISOString().slice(0, 10),
  });
}
