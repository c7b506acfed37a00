import { fileURLToPath } from 'node:url';

/** The repository's own knowledge folder, wherever the command is run from (KNOWLEDGE_DIR, via the config, or --dir override it). */
export function defaultKnowledgeDir(): string {
  return fileURLToPath(new URL('../../knowledge', import.meta.url));
}
