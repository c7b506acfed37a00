import { createAnswerer } from '../answer/answerer.ts';
import { evaluate, formatReport } from '../answer/evaluate.ts';
import { EXIT, numberOption, processIo, runCommand, UsageError, type CliIo } from './command.ts';
import { knowledgeDirOption, loadOrExplain } from './knowledge.ts';
import { runIfMain } from './main-guard.ts';
import { readQuestionSet } from './question-set.ts';

const SPEC = {
  name: 'eval',
  usage: `Usage: npm run eval -- FILE [--threshold 0.45] [--dir knowledge]
  FILE is a question set: a YAML list of { q: "question", expect: fact-id or null when out of scope }.
  --threshold   the confidence (0 to 1) needed to answer, instead of the engine's own`,
  options: { threshold: { type: 'string' }, dir: { type: 'string' } },
  allowPositionals: true,
} as const;

export function runEval(argv: readonly string[], io: CliIo): Promise<number> {
  return runCommand(SPEC, argv, io, async ({ values, positionals }) => {
    const [file, ...extra] = positionals;
    if (!file) throw new UsageError('give the question set FILE');
    if (extra.length > 0) throw new UsageError(`one question set at a time; unexpected ${extra.join(' ')}`);
    const threshold = numberOption('threshold', values.threshold, 0, 1);
    const dir = knowledgeDirOption(values.dir);
    const questions = await readQuestionSet(file);
    const snapshot = await loadOrExplain(dir, io.err);
    if (!snapshot) return EXIT.failed;
    const answerer = createAnswerer(snapshot, threshold === undefined ? {} : { answerThreshold: threshold });
    for (const line of formatReport(evaluate(questions, answerer.ask))) io.out(line);
    return EXIT.ok;
  });
}

await runIfMain(import.meta.url, () => runEval(process.argv.slice(2), processIo()));
