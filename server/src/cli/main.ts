// `sovereign-lint`: the command-line front of the engine. Exit codes: 0 target met, 1 not met,
// 2 usage or config error (with a one-line reason on stderr).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { shippedKnowledgeBase } from '../../../rules/src/knowledgeBase';
import type { Target } from '../../../rules/src/types';
import { scan, ScanInputError } from '../engine/scan';
import { CONFIG_FILE_NAMES } from '../engine/configResolver';
import { printConfig } from './printConfig';
import { writeJson } from './streamJson';
import { writeJsonReport } from './json';
import { toSarif } from './sarif';
import { toText } from './text';
import { TOOL_NAME, TOOL_VERSION } from './version';

const USAGE = `Usage: ${TOOL_NAME} scan [PATH…] [options]
       ${TOOL_NAME} print-config FILE [--config FILE] [--format text|json]
       ${TOOL_NAME} lsp --stdio            (the language server, for any LSP editor)

Scans AI projects (package.json, requirements*.txt, pyproject.toml, hatch.toml, setup.cfg, setup.py,
Pipfile, environment.yml, Hugging Face cards, and the lockfiles that pin them) and reports which sovereignty tier they reach and what
blocks the next tier up, what the dependencies pull in included. Folders are walked without
node_modules, virtualenvs, build output and, inside a Git repository, what Git ignores (files it tracks,
build output included, are read all the same); a PATH named here is read even where Git ignores it.

Options:
  --target sovereign|national   the tier to check against (default: config, else sovereign)
  --jurisdiction CC             ISO 3166-1 alpha-2 country counted as domestic (default: config, else RU)
  --format text|json|sarif      output format (default: text)
  --config FILE                 a sovereign-lint.json for every file (default: the nearest one above each manifest)
  -h, --help                    show this help
  -v, --version                 show the version

Exit codes: 0 target met, 1 target not met, 2 usage or config error.`;

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  today: string;
}

class UsageError extends Error {}

/** The arrays that grow with a project: written one element per line. */
const STREAMED_SARIF = new Set(['results']);

export function main(argv: readonly string[], io: Io): number {
  try {
    return run(argv, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ScanInputError) {
      // One reason a line, each with the tool's name, as compilers write theirs.
      for (const line of error.message.split('\n')) io.stderr(`${TOOL_NAME}: ${line}\n`);
      return 2;
    }
    throw error;
  }
}

function run(argv: readonly string[], io: Io): number {
  const [command, ...rest] = argv;
  if (command === '-v' || command === '--version') {
    io.stdout(`${TOOL_VERSION} (knowledge base ${shippedKnowledgeBase().version})\n`);
    return 0;
  }
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    io.stdout(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command !== 'scan' && command !== 'print-config') throw new UsageError(`unknown command "${command}" (try --help)`);

  const { values, positionals } = parseOptions(rest);
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const configFile = values.config ? existingConfig(path.resolve(io.cwd, values.config), io.cwd) : undefined;
  if (command === 'print-config') {
    const [file, ...extra] = positionals;
    if (!file || extra.length) throw new UsageError('print-config takes exactly one FILE');
    // It shows what the configs say: a flag that would override them belongs to a scan.
    if (values.target !== undefined || values.jurisdiction !== undefined) throw new UsageError('print-config takes --config and --format only: --target and --jurisdiction are scan flags');
    const format = oneOf(values.format, ['text', 'json'], '--format') ?? 'text';
    const { output, valid } = printConfig(path.resolve(io.cwd, file), { cwd: io.cwd, format, ...(configFile ? { configFile } : {}) });
    io.stdout(output);
    return valid ? 0 : 2;
  }
  const target = oneOf(values.target, ['sovereign', 'national'], '--target') as Target | undefined;
  const format = oneOf(values.format, ['text', 'json', 'sarif'], '--format') ?? 'text';
  const jurisdiction = values.jurisdiction?.toUpperCase();
  if (jurisdiction !== undefined && !/^[A-Z]{2}$/.test(jurisdiction)) {
    throw new UsageError(`--jurisdiction must be an ISO 3166-1 alpha-2 country code such as RU, not "${values.jurisdiction}"`);
  }
  const result = scan(positionals, {
    kb: shippedKnowledgeBase(),
    cwd: io.cwd,
    today: io.today,
    ...(configFile ? { configFile } : {}),
    ...(target ? { target } : {}),
    ...(jurisdiction ? { jurisdiction } : {}),
  });
  for (const warning of result.configProblems.filter((p) => p.severity === 'warning')) {
    io.stderr(`${TOOL_NAME}: warning: ${where(warning.file, warning.range, io.cwd)}: ${warning.message}\n`);
  }
  const errors = result.configProblems.filter((p) => p.severity !== 'warning');
  if (errors.length > 0) {
    // Every problem, each on a line of its own: fixing them one run at a time is a slow way to learn there were three.
    throw new UsageError(errors.map((error) => `invalid config ${where(error.file, error.range, io.cwd)}: ${error.message}`).join('\n'));
  }
  if (format === 'json') writeJsonReport(result, io.stdout);
  else if (format === 'sarif') writeJson(toSarif(result), io.stdout, STREAMED_SARIF);
  else io.stdout(toText(result, io.isTTY && !io.env.NO_COLOR));
  return result.verdict.meetsTarget ? 0 : 1;
}

function parseOptions(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        target: { type: 'string' },
        jurisdiction: { type: 'string' },
        format: { type: 'string' },
        config: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const option = /'([^']+)'/.exec(message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) throw new UsageError(`unknown option ${option} (try --help)`);
    throw new UsageError(message.split('\n')[0]!);
  }
}

function oneOf(value: string | undefined, allowed: string[], flag: string): string | undefined {
  if (value === undefined || allowed.includes(value)) return value;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, not "${value}"`);
}

/** The config `--config` names: a file, or a folder's sovereign-lint.json (as `extends` reads a folder). */
function existingConfig(given: string, cwd: string): string {
  const isFolder = fs.statSync(given, { throwIfNoEntry: false })?.isDirectory() === true;
  const file = isFolder ? path.join(given, CONFIG_FILE_NAMES[0]!) : given;
  if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) {
    throw new UsageError(`config ${path.relative(cwd, file) || file} cannot be read${fs.existsSync(file) ? '' : ': there is no such file'}`);
  }
  return file;
}

/** `file:line:col`, relative to the working directory when inside it. */
function where(file: string, range: { start: { line: number; character: number } }, cwd: string): string {
  const shown = path.relative(cwd, file);
  return `${shown.startsWith('..') ? file : shown}:${range.start.line + 1}:${range.start.character + 1}`;
}
