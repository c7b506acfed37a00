import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { jsonSchemaFiles } from '../knowledge/json-schema.ts';
import { runIfMain } from './main-guard.ts';
import { defaultKnowledgeDir } from './paths.ts';

export async function writeSchemas(knowledgeDir: string): Promise<string[]> {
  const written: string[] = [];
  for (const [name, content] of jsonSchemaFiles()) {
    const path = join(knowledgeDir, 'schema', name);
    await writeFile(path, content);
    written.push(path);
  }
  return written;
}

await runIfMain(import.meta.url, async () => {
  for (const path of await writeSchemas(defaultKnowledgeDir())) console.log(`wrote ${path}`);
  return 0;
});
