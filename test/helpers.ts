import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAnswerer, type Answerer } from '../src/answer/answerer.ts';
import type { EngineOptions } from '../src/answer/options.ts';
import type { KnowledgeSnapshot } from '../src/knowledge/snapshot.ts';
import { validateKnowledge, type KnowledgeFiles } from '../src/knowledge/validate.ts';

export const REPO = fileURLToPath(new URL('..', import.meta.url));
/**
 * The knowledge base the tests run on: a frozen copy of `knowledge/`, so that editing a fact never fails a
 * test of the engine or the bot. Whether the shipped knowledge base itself is valid and answers its own
 * questions is the policy team's check, which reads SHIPPED_KNOWLEDGE_DIR.
 */
export const FIXTURE_KNOWLEDGE_DIR = join(REPO, 'test', 'fixtures', 'knowledge');
export const SHIPPED_KNOWLEDGE_DIR = join(REPO, 'knowledge');
export const TODAY = new Date('2026-11-29T12:00:00Z');
/** The record's user id hash key in tests (the bot reads its own from outside the record). */
export const TEST_HASH_KEY: Buffer = Buffer.alloc(32, 'test hash key ');

/** The files of a knowledge folder (the frozen fixture unless told), as the validator takes them. */
export function knowledgeFiles(root = FIXTURE_KNOWLEDGE_DIR): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'schema') walk(path);
      } else {
        files.set(relative(root, path), readFileSync(path, 'utf8'));
      }
    }
  };
  walk(root);
  return files;
}

export function snapshotOf(files: KnowledgeFiles, now = TODAY): KnowledgeSnapshot {
  const result = validateKnowledge(files, { now });
  if (!result.ok) throw new Error(`fixture knowledge is invalid: ${JSON.stringify(result.errors, null, 2)}`);
  return result.snapshot;
}

/** The engine over the frozen fixture knowledge base. */
export function fixtureAnswerer(options: Partial<EngineOptions> = {}): Answerer {
  return createAnswerer(snapshotOf(knowledgeFiles()), options);
}
