import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { FIXTURE_KNOWLEDGE_DIR, REPO } from '../helpers.ts';

export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const TSX = join(REPO, 'node_modules', '.bin', 'tsx');

/** Runs a TypeScript entry point of this repo as its own process, as `npm run` would, on the fixture knowledge base. */
export function runTs(
  script: string,
  args: readonly string[],
  options: { stdin?: string; env?: Record<string, string>; cwd?: string } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [join(REPO, script), ...args], {
      cwd: options.cwd ?? REPO,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        DISCORD_TOKEN: '',
        KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE_DIR,
        ...options.env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}
