import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { jsonSchemaFiles } from '../knowledge/json-schema.ts';

/**
 * Writes the JSON Schemas editors validate against into `knowledgeDir`/schema/, generated from the schema
 * the code validates with; returns the paths written.
 */
export async function writeSchemas(knowledgeDir: string): Promise<string[]> {
  const written: string[] = [];
  for (const [name, content] of jsonSchemaFiles()) {
    const path = join(knowledgeDir, 'schema', name);
    await writeFile(path, content);
    written.push(path);
  }
  return written;
}
