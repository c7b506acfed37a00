import { parseArgs } from 'node:util';
import { loadKnowledge } from '../knowledge/load.ts';
import { formatProblem, type Problem } from '../knowledge/problems.ts';
import { defaultKnowledgeDir } from './paths.ts';
import { runIfMain } from './main-guard.ts';

const USAGE = 'Usage: npm run kb:lint -- [--strict] [--dir knowledge]';

export async function lint(argv: readonly string[], out: (line: string) => void): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: { strict: { type: 'boolean', default: false }, dir: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    out(USAGE);
    return 0;
  }
  const dir = values.dir ?? defaultKnowledgeDir();
  const result = await loadKnowledge({ dir });
  const errors: readonly Problem[] = result.ok ? [] : result.errors;
  const warnings = result.warnings;
  for (const problem of [...errors, ...warnings]) out(formatProblem(problem));
  const stale = warnings.filter((w) => w.message.startsWith('review date'));
  if (stale.length > 0) {
    out('');
    out('Facts past their review date, by owner:');
    const byOwner = new Map<string, string[]>();
    for (const w of stale) {
      const owner = /owner: (.*)\)$/.exec(w.message)?.[1] ?? 'unknown';
      byOwner.set(owner, [...(byOwner.get(owner) ?? []), w.file]);
    }
    for (const [owner, files] of byOwner) out(`  ${owner}: ${files.join(', ')}`);
  }
  const failed = errors.length > 0 || (values.strict && warnings.length > 0);
  const summary = result.ok
    ? `${result.snapshot.facts.length} facts, ${result.snapshot.sources.size} sources, version ${result.snapshot.version}`
    : 'knowledge base not loaded';
  out(`${failed ? 'FAILED' : 'OK'}: ${errors.length} error(s), ${warnings.length} warning(s)${values.strict ? ' (strict: warnings count as errors)' : ''} — ${summary}`);
  return failed ? 1 : 0;
}

await runIfMain(import.meta.url, () => lint(process.argv.slice(2), (line) => console.log(line)));
