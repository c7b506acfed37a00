import type { CliIo } from '../../src/cli/command.ts';

/** A CliIo that keeps what a command wrote. */
export function captureIo(env: Record<string, string> = {}): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (line) => stdout.push(line), err: (line) => stderr.push(line), env };
}
