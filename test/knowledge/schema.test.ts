import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemaFiles } from '../../src/knowledge/json-schema.ts';
import { SHIPPED_KNOWLEDGE_DIR, knowledgeFiles } from '../helpers.ts';

describe('the JSON Schemas editors validate against', () => {
  it('are exactly what the code schema generates (run npm run kb:schema after changing it)', () => {
    for (const [name, content] of jsonSchemaFiles()) {
      expect(readFileSync(join(SHIPPED_KNOWLEDGE_DIR, 'schema', name), 'utf8'), name).toBe(content);
    }
  });

  it('reject unknown fields, so an editor flags a typo as it is typed', () => {
    const fact = JSON.parse(jsonSchemaFiles().get('fact.schema.json')!) as {
      additionalProperties: unknown;
      required: string[];
    };
    expect(fact.additionalProperties).toBe(false);
    expect(fact.required).toEqual(
      expect.arrayContaining(['id', 'title', 'answer', 'attribution', 'citations', 'aliases', 'owner', 'review_by']),
    );
  });

  it('are referenced from the first line of every YAML file', () => {
    for (const [file, text] of knowledgeFiles(SHIPPED_KNOWLEDGE_DIR)) {
      if (!file.endsWith('.yaml')) continue;
      const kind = !file.includes('/')
        ? `./schema/${file.replace('.yaml', '')}`
        : file.startsWith('facts/')
          ? '../schema/fact'
          : '../schema/source';
      expect(text.split('\n')[0], file).toBe(`# yaml-language-server: $schema=${kind}.schema.json`);
    }
  });
});
