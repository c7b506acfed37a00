import { execFileSync } from 'node:child_process';
import type { KnowledgeFiles } from '../knowledge/validate.ts';
import { CommandFailure } from './command.ts';

/**
 * The knowledge folder's files as committed at `ref` (HEAD, main…), keyed as the validator keys them.
 * Only the kinds of file the loader reads.
 */
export function committedKnowledgeFiles(dir: string, ref: string): KnowledgeFiles {
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', dir, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  let names: string[];
  try {
    git('rev-parse', '--verify', '--quiet', `${ref}^{commit}`);
    names = git('ls-tree', '-r', '--name-only', ref, '--', '.').split('\n').filter(Boolean);
  } catch {
    throw new CommandFailure(`cannot compare with "${ref}": ${dir} is not in a git repository with that commit`);
  }
  const files = new Map<string, string>();
  for (const name of names) {
    if (name.startsWith('schema/') || /(^|\/)\./.test(name) || !/\.(ya?ml|txt)$/.test(name)) continue;
    files.set(name, git('show', `${ref}:./${name}`));
  }
  return files;
}

/** One file as committed at `ref`, or undefined when it was not committed there. */
export function committedFile(dir: string, ref: string, name: string): string | undefined {
  try {
    return execFileSync('git', ['-C', dir, 'show', `${ref}:./${name}`], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return undefined;
  }
}
