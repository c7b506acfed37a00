import { statSync } from 'node:fs';
import type { Problem } from '../knowledge/problems.ts';
import { formatProblem } from '../service/display.ts';
import { CommandFailure, fileProblem } from './command.ts';
import { REPOSITORY_KNOWLEDGE_DIR } from '../config.ts';

/** Why a command could not load the knowledge base: every problem, each at its file:line:column. */
export function explainLoadErrors(errors: readonly Problem[], err: (line: string) => void): void {
  err('The knowledge base has errors; fix them (npm run kb:lint shows them too):');
  for (const problem of errors) err(formatProblem(problem));
}

/** The folder `--dir` names (the repository's knowledge/ without it); one that is not a folder is one line. */
export function knowledgeDirOption(dir: string | undefined): string {
  if (dir === undefined) return REPOSITORY_KNOWLEDGE_DIR;
  try {
    if (statSync(dir).isDirectory()) return dir;
    throw Object.assign(new Error(), { code: 'ENOTDIR' });
  } catch (error) {
    throw new CommandFailure(`--dir ${dir}: ${fileProblem(error as NodeJS.ErrnoException)}`);
  }
}
