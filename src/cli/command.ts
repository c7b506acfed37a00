import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closest } from '../util/closest.ts';

/** Where a command writes, and the environment it reads: the process's own, or a test's. */
export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The process's own output and environment, with `.env` loaded first (variables already set win). */
export function processIo(): CliIo {
  loadDotEnv();
  return { out: (line) => console.log(line), err: (line) => console.error(line), env: process.env };
}

/** Every command and `npm start` read `.env` from the working folder, when there is one. */
export function loadDotEnv(): void {
  if (existsSync('.env')) process.loadEnvFile('.env');
}

/** The command was called wrongly (a bad flag, a missing argument): said in one line, then the usage; exit 2. */
export class UsageError extends Error {}

/** The command was called rightly but could not do its work (a missing or malformed file): one line; exit 1. */
export class CommandFailure extends Error {}

export const EXIT = Object.freeze({ ok: 0, failed: 1, usage: 2 });

type Options = NonNullable<ParseArgsConfig['options']>;

export interface CommandSpec<O extends Options> {
  /** The npm script, as people type it: "kb:lint". */
  readonly name: string;
  readonly usage: string;
  readonly options: O;
  readonly allowPositionals?: boolean;
}

type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>;

/**
 * Runs a command: parses its flags (`--help` is every command's), then `run`. A usage error or a failure
 * ends in one line on standard error and an exit code, never a stack trace.
 */
export async function runCommand<O extends Options>(
  spec: CommandSpec<O>,
  argv: readonly string[],
  io: CliIo,
  run: (args: Parsed<O>) => Promise<number>,
): Promise<number> {
  try {
    if (argv.includes('--help') || argv.includes('-h')) {
      io.out(spec.usage);
      return EXIT.ok;
    }
    return await run(parseCommandArgs(spec, argv));
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${spec.name}: ${error.message}`);
      io.err(spec.usage);
      return EXIT.usage;
    }
    if (error instanceof CommandFailure) {
      io.err(`${spec.name}: ${error.message}`);
      return EXIT.failed;
    }
    throw error;
  }
}

export function parseCommandArgs<O extends Options>(spec: CommandSpec<O>, argv: readonly string[]): Parsed<O> {
  try {
    const config = {
      args: [...argv],
      options: spec.options,
      allowPositionals: spec.allowPositionals ?? false,
      strict: true,
    } as const;
    // Positionals are refused by parseArgs itself when the spec does not allow them; typed as if allowed.
    return parseArgs(config as typeof config & { allowPositionals: true });
  } catch (error) {
    throw new UsageError(argumentProblem(error as NodeJS.ErrnoException, Object.keys(spec.options)));
  }
}

/** node:util's parseArgs errors, said the way a person would. */
function argumentProblem(error: NodeJS.ErrnoException, known: readonly string[]): string {
  const named = /'(-{1,2}[^' ]+)/.exec(error.message)?.[1];
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const suggestion = named ? closest(named.replace(/^-+/, ''), known) : undefined;
      const flags = known.length > 0 ? known.map((k) => `--${k}`).join(', ') : 'none';
      return `unknown option ${named ?? ''}${suggestion ? ` (did you mean --${suggestion}?)` : ` (options: ${flags})`}`;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return named && /argument missing/.test(error.message)
        ? `${named} needs a value`
        : `${named ?? 'an option'} takes no value`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${/'([^']*)'/.exec(error.message)?.[1] ?? ''}`.trim();
    default:
      return error.message;
  }
}

/** A number option in [min, max], or a usage error naming the option. */
export function numberOption(name: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be a number from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

/** A file the command was given, as text; a missing or unreadable one is one line, not a stack trace. */
export async function readInputFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new CommandFailure(`cannot read ${path}: ${fileProblem(error as NodeJS.ErrnoException)}`);
  }
}

export function fileProblem(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'ENOTDIR':
      return 'it is a file, not a folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return error.code ?? error.message;
  }
}
