import { fileURLToPath } from 'node:url';

/** The repository's own knowledge folder, wherever the command is run from. */
export function defaultKnowledgeDir(): string {
  return process.env.KNOWLEDGE_DIR ?? fileURLToPath(new URL('../../knowledge', import.meta.url));
}
