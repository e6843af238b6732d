// `sovereign-lint`: the command-line front of the engine. Exit codes: 0 target met, 1 not met,
// 2 usage or config error (with a one-line reason on stderr).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { shippedKnowledgeBase } from '../../../rules/src/knowledgeBase';
import type { Target } from '../../../rules/src/types';
import { type Config, parseConfig } from '../engine/config';
import { scan, ScanInputError } from '../engine/scan';
import { toJson } from './json';
import { toSarif } from './sarif';
import { toText } from './text';
import { TOOL_NAME, TOOL_VERSION } from './version';

const USAGE = `Usage: ${TOOL_NAME} scan [PATH…] [options]
       ${TOOL_NAME} lsp --stdio            (the language server, for any LSP editor)

Scans AI projects (package.json, requirements*.txt, pyproject.toml, Hugging Face cards) and reports
which sovereignty tier they reach and what blocks the next tier up.

Options:
  --target sovereign|national   the tier to check against (default: config, else sovereign)
  --jurisdiction CC             ISO 3166-1 alpha-2 country counted as domestic (default: config, else RU)
  --format text|json|sarif      output format (default: text)
  --config FILE                 a sovereign-lint.json to apply
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

export function main(argv: readonly string[], io: Io): number {
  try {
    return run(argv, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ScanInputError) {
      io.stderr(`${TOOL_NAME}: ${error.message}\n`);
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
  if (command !== 'scan') throw new UsageError(`unknown command "${command}" (try --help)`);

  const { values, positionals } = parseOptions(rest);
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const target = oneOf(values.target, ['sovereign', 'national'], '--target') as Target | undefined;
  const format = oneOf(values.format, ['text', 'json', 'sarif'], '--format') ?? 'text';
  const jurisdiction = values.jurisdiction?.toUpperCase();
  if (jurisdiction !== undefined && !/^[A-Z]{2}$/.test(jurisdiction)) {
    throw new UsageError(`--jurisdiction must be an ISO 3166-1 alpha-2 country code such as RU, not "${values.jurisdiction}"`);
  }
  const config = values.config ? loadConfig(path.resolve(io.cwd, values.config), io.cwd) : undefined;

  const result = scan(positionals, {
    kb: shippedKnowledgeBase(),
    cwd: io.cwd,
    today: io.today,
    ...(config ? { config } : {}),
    ...(target ? { target } : {}),
    ...(jurisdiction ? { jurisdiction } : {}),
  });
  if (format === 'json') io.stdout(`${JSON.stringify(toJson(result), null, 2)}\n`);
  else if (format === 'sarif') io.stdout(`${JSON.stringify(toSarif(result), null, 2)}\n`);
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

function loadConfig(file: string, cwd: string): Config {
  const shown = path.relative(cwd, file) || file;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`config ${shown} cannot be read`);
  }
  const { config, problems } = parseConfig(text);
  const [first] = problems;
  if (!config || first) {
    const where = first ? `${shown}:${first.range.start.line + 1}:${first.range.start.character + 1}` : shown;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw new UsageError(`invalid config ${where}: ${first?.message ?? 'not a config'}${more}`);
  }
  return config;
}
