import { createInterface } from 'node:readline';
import { explain, formatExplanation } from '../answer/explain.ts';
import type { ReplyModel } from '../answer/reply.ts';
import { configOrExplain } from '../config.ts';
import { openTerminalEngine } from './engine-setup.ts';
import { EXIT, processIo, runCommand, UsageError, type CliIo } from './command.ts';
import { runIfMain } from './main-guard.ts';
import { renderText } from './render-text.ts';

const SPEC = {
  name: 'ask',
  usage: `Usage:
  npm run ask -- "question"            the answer, with attribution and the quoted source
  npm run ask -- --json "question"     one JSON object
  npm run ask -- --json < questions    one JSON object per line of standard input
  npm run ask -- --explain "question"  the answer, then why: each word's reading and weight, the runner-up
  npm run ask -- --after FACT "question"
                                       the question as a follow-up to the answer FACT (with --explain too)
  npm run ask -- --json --conversation < lines
                                       each line a question following the lines before it (an empty line
                                       starts a new conversation), one JSON object each`,
  options: {
    json: { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
    conversation: { type: 'boolean', default: false },
    after: { type: 'string' },
  },
  allowPositionals: true,
} as const;

/** The JSON contract of `ask --json`, one object per question. */
export interface AskJson {
  readonly question: string;
  readonly status: 'answered' | 'clarify' | 'unknown';
  readonly id: string | null;
  readonly score: number;
  readonly language: 'en' | 'fr';
  readonly answer: string | null;
  readonly sources: readonly { id: string; title: string; quote: string; url: string | null }[];
  readonly suggestions: readonly string[];
  /** In a conversation: the previous answer's fact, and whether this question was read with it. */
  readonly followUp: {
    readonly previous: string;
    readonly used: boolean;
    readonly about: string | null;
    readonly linked: string | null;
  } | null;
}

export function toAskJson(reply: ReplyModel): AskJson {
  return {
    question: reply.question,
    status: reply.status,
    id: reply.fact?.id ?? null,
    score: reply.score,
    language: reply.language,
    answer: reply.fact?.answer ?? null,
    sources: (reply.fact?.citations ?? []).map((c) => ({
      id: c.sourceId,
      title: c.title,
      quote: c.quote,
      url: c.url ?? null,
    })),
    suggestions: reply.suggestions.map((s) => s.id),
    followUp: reply.followUp
      ? {
          previous: reply.followUp.previous,
          used: reply.followUp.used,
          about: reply.followUp.about ?? null,
          linked: reply.followUp.linked ?? null,
        }
      : null,
  };
}

export interface AskIo extends CliIo {
  readonly stdin: NodeJS.ReadableStream;
}

export function ask(argv: readonly string[], io: AskIo): Promise<number> {
  return runCommand(SPEC, argv, io, async ({ values, positionals }) => {
    // `npm run ask --json "q"` (no --) gives --json to npm, which tells the script only through its environment.
    if (!values.json && io.env.npm_config_json === 'true')
      throw new UsageError('npm took --json for itself; put -- before the options: npm run ask -- --json "question"');
    if (!values.json && positionals.length === 0)
      throw new UsageError('give a question, or --json to read questions from standard input');
    if (values.conversation && !values.json) throw new UsageError('--conversation goes with --json');
    const config = configOrExplain(io.env, io.err);
    if (!config) return EXIT.usage;
    const engine = await openTerminalEngine(config, io.err);
    if (!engine) return EXIT.failed;
    const question = positionals.join(' ');
    if (values.explain && (values.json || positionals.length === 0))
      throw new UsageError('--explain takes one question, as text (not with --json)');
    if (values.conversation && positionals.length > 0)
      throw new UsageError('--conversation reads its questions from standard input, one a line');
    const after = values.after;
    if (after !== undefined && !engine.current().snapshot.factsById.has(after))
      throw new UsageError(`--after names no fact: ${after}`);
    if (!values.json) {
      io.out(renderText(engine.reply(question, undefined, after)));
      if (values.explain) io.out(`\n${formatExplanation(explain(engine.current(), question, after))}`);
      return EXIT.ok;
    }
    if (positionals.length > 0) {
      io.out(JSON.stringify(toAskJson(engine.reply(question, undefined, after))));
      return EXIT.ok;
    }
    const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
    // With --conversation, each line follows the ones before it; an empty line starts a new conversation.
    let conversation = 0;
    for await (const line of lines) {
      if (values.conversation && line.trim() === '') {
        conversation++;
        continue;
      }
      const reply = values.conversation ? engine.reply(line, `stdin-${conversation}`) : engine.reply(line);
      io.out(JSON.stringify(toAskJson(reply)));
    }
    return EXIT.ok;
  });
}

await runIfMain(import.meta.url, () => ask(process.argv.slice(2), { ...processIo(), stdin: process.stdin }));
