// The `sovereign-lint` executable: wires the CLI to the process.
import { main } from './main';

process.exitCode = main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  isTTY: process.stdout.isTTY === true,
  today: new Date().toISOString().slice(0, 10),
});
