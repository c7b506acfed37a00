import { evaluate, evaluateConversations, formatConversationReport, formatReport } from '../answer/evaluate.ts';
import { EXIT, numberOption, processIo, runCommand, UsageError, type CliIo } from './command.ts';
import { openKnowledge } from '../service/knowledge.ts';
import { explainLoadErrors, knowledgeDirOption } from './knowledge.ts';
import { runIfMain } from './main-guard.ts';
import { readEvaluationSet } from './question-set.ts';

const SPEC = {
  name: 'eval',
  usage: `Usage: npm run eval -- FILE [--threshold 0.45] [--dir knowledge]
  FILE is a question set: a YAML list of { q: "question", expect: fact-id or null when out of scope },
    optionally with style (keyword, chat, context, formal) and lang (en, fr), tallied apart;
  or a conversation set: a list of { lang, turns: [{ q, expect, kind }] }, kind being first, followup,
    new-topic or out-of-scope, each turn asked after the previous ones as in a DM or a thread.
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
    const evaluation = await readEvaluationSet(file);
    const opened = await openKnowledge({ knowledgeDir: dir, answerThreshold: threshold });
    if (!opened.ok) {
      explainLoadErrors(opened.errors, io.err);
      return EXIT.failed;
    }
    const answerer = opened.store.current();
    const lines =
      evaluation.kind === 'questions'
        ? formatReport(evaluate(evaluation.set, answerer.ask))
        : formatConversationReport(evaluateConversations(evaluation.set, answerer.ask));
    for (const line of lines) io.out(line);
    return EXIT.ok;
  });
}

await runIfMain(import.meta.url, () => runEval(process.argv.slice(2), processIo()));
