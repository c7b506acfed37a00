import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** True when the module is the program being run, so CLI modules can also be imported by tests. */
export function isMain(moduleUrl: string): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}

/**
 * Runs a command's entry point when its module is the program. A reader that stops early (`| head`)
 * closes standard output; that ends the command quietly instead of with a stack trace.
 */
export async function runIfMain(moduleUrl: string, main: () => Promise<number>): Promise<void> {
  if (!isMain(moduleUrl)) return;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  process.exitCode = await main();
}
