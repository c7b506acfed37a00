import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createAnswerer } from '../answer/answerer.ts';
import { readKnowledgeFiles } from '../knowledge/load.ts';
import { formatProblem } from '../knowledge/problems.ts';
import { validateKnowledge } from '../knowledge/validate.ts';
import { previewFact, type PreviewResult } from '../service/preview.ts';
import { runIfMain } from './main-guard.ts';
import { defaultKnowledgeDir } from './paths.ts';
import { renderText } from './render-text.ts';

const USAGE = 'Usage: npm run kb:preview -- FILE ["question" ...] [--dir knowledge]\n  FILE is one fact in YAML (a new one, or an edit of an existing id). Nothing live changes.';

export async function preview(argv: readonly string[], out: (line: string) => void, now = new Date()): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, options: { dir: { type: 'string' } } });
  const [file, ...questions] = positionals;
  if (!file) {
    out(USAGE);
    return 2;
  }
  const read = await readKnowledgeFiles(values.dir ?? defaultKnowledgeDir());
  const current = validateKnowledge(read.files, { now });
  if (!current.ok || read.problems.length > 0) {
    out('The knowledge base itself has errors; run npm run kb:lint first.');
    return 1;
  }
  const result = previewFact({
    files: read.files,
    draft: await readFile(file, 'utf8'),
    live: createAnswerer(current.snapshot),
    questions,
    now,
    contact: 'the policy team',
  });
  for (const line of formatPreview(result)) out(line);
  return result.ok ? 0 : 1;
}

export function formatPreview(result: PreviewResult): string[] {
  if (!result.ok) return [`The draft does not validate (${result.errors.length} error(s)); nothing was changed:`, ...result.errors.map(formatProblem)];
  const lines = [`Draft ${result.factId} is valid. Nothing live was changed. Staff would read:`, '', renderText(result.reply), ''];
  const name = (id: string | null) => id ?? "I don't know";
  for (const a of result.asked) lines.push(`“${a.question}”: ${a.before === a.after ? `${name(a.after)} (unchanged)` : `${name(a.before)} → ${name(a.after)}`}`);
  if (result.asked.length) lines.push('');
  lines.push(result.wins.length ? 'Of the questions tried, it would now answer:' : 'It would not take over any of the questions tried.');
  for (const w of result.wins) lines.push(`  + “${w.question}” (before: ${name(w.before)})`);
  if (result.changes.length) {
    lines.push('It would also change:');
    for (const c of result.changes) lines.push(`  ~ “${c.question}”: ${name(c.before)} → ${name(c.after)}`);
  }
  for (const w of result.warnings) lines.push(formatProblem(w));
  return lines;
}

await runIfMain(import.meta.url, () => preview(process.argv.slice(2), (line) => console.log(line)));
