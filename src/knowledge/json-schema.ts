import { z } from 'zod';
import { KNOWLEDGE_FILES } from './schema.ts';

/** The JSON Schema files editors validate against, generated from the schema the code validates with. */
export function jsonSchemaFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const { schema, schemaFile } of Object.values(KNOWLEDGE_FILES)) {
    const json = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' });
    files.set(schemaFile, `${JSON.stringify({ ...json, $id: schemaFile }, null, 2)}\n`);
  }
  return files;
}
