import { statSync } from 'node:fs';
import { loadKnowledge } from '../knowledge/load.ts';
import { formatProblem, type Problem } from '../knowledge/problems.ts';
import type { KnowledgeSnapshot } from '../knowledge/snapshot.ts';
import { CommandFailure, fileProblem } from './command.ts';
import { REPOSITORY_KNOWLEDGE_DIR } from '../config.ts';

/** Loads the knowledge base for a command; on failure prints every problem and returns undefined. */
export async function loadOrExplain(
  dir: string | undefined,
  err: (line: string) => void,
): Promise<KnowledgeSnapshot | undefined> {
  const result = await loadKnowledge({ dir: dir ?? REPOSITORY_KNOWLEDGE_DIR });
  if (result.ok) return result.snapshot;
  explainLoadErrors(result.errors, err);
  return undefined;
}

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
