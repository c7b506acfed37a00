import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createAnswerer } from '../answer/answerer.ts';
import { evaluate, formatReport, parseQuestionSet } from '../answer/evaluate.ts';
import { loadOrExplain } from './knowledge.ts';
import { runIfMain } from './main-guard.ts';

const USAGE = 'Usage: npm run eval -- FILE [--threshold 0.5] [--dir knowledge]';

export async function runEval(argv: readonly string[], out: (line: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { threshold: { type: 'string' }, dir: { type: 'string' } },
  });
  const file = positionals[0];
  if (!file) {
    out(USAGE);
    return 2;
  }
  const snapshot = await loadOrExplain(values.dir, out);
  if (!snapshot) return 1;
  const answerer = createAnswerer(snapshot, values.threshold ? { answerThreshold: Number(values.threshold) } : {});
  const report = evaluate(parseQuestionSet(await readFile(file, 'utf8')), answerer.ask);
  for (const line of formatReport(report)) out(line);
  return 0;
}

await runIfMain(import.meta.url, () => runEval(process.argv.slice(2), (line) => console.log(line)));
