import { REPOSITORY_KNOWLEDGE_DIR } from '../config.ts';
import { writeSchemas } from '../service/schema.ts';
import { EXIT, processIo, runCommand, type CliIo } from './command.ts';
import { runIfMain } from './main-guard.ts';

const SPEC = {
  name: 'kb:schema',
  usage:
    'Usage: npm run kb:schema\n  Writes knowledge/schema/*.json from src/knowledge/schema.ts; run it after changing the schema.',
  options: {},
} as const;

export function schema(argv: readonly string[], io: CliIo, knowledgeDir = REPOSITORY_KNOWLEDGE_DIR): Promise<number> {
  return runCommand(SPEC, argv, io, async () => {
    for (const path of await writeSchemas(knowledgeDir)) io.out(`wrote ${path}`);
    return EXIT.ok;
  });
}

await runIfMain(import.meta.url, () => schema(process.argv.slice(2), processIo()));
