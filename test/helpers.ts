import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAnswerer, type Answerer } from '../src/answer/answerer.ts';
import type { EngineOptions } from '../src/answer/options.ts';
import type { KnowledgeSnapshot } from '../src/knowledge/snapshot.ts';
import { validateKnowledge, type KnowledgeFiles } from '../src/knowledge/validate.ts';

export const REPO = fileURLToPath(new URL('..', import.meta.url));
export const KNOWLEDGE_DIR = join(REPO, 'knowledge');
export const SHARED = join(REPO, '..', 'shared');
export const TODAY = new Date('2026-11-29T12:00:00Z');

/** The repository's real knowledge files, read once, as the validator takes them. */
export function realKnowledgeFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'schema') walk(path);
      } else {
        files.set(relative(KNOWLEDGE_DIR, path), readFileSync(path, 'utf8'));
      }
    }
  };
  walk(KNOWLEDGE_DIR);
  return files;
}

export function snapshotOf(files: KnowledgeFiles, now = TODAY): KnowledgeSnapshot {
  const result = validateKnowledge(files, { now });
  if (!result.ok) throw new Error(`fixture knowledge is invalid: ${JSON.stringify(result.errors, null, 2)}`);
  return result.snapshot;
}

export function realAnswerer(options: Partial<EngineOptions> = {}): Answerer {
  return createAnswerer(snapshotOf(realKnowledgeFiles()), options);
}
