import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { ReplyModel } from '../answer/reply.ts';
import { configOrExplain } from '../config.ts';
import { openTerminalEngine } from './engine-setup.ts';
import { runIfMain } from './main-guard.ts';
import { renderText } from './render-text.ts';

const USAGE = `Usage:
  npm run ask -- "question"            the answer, with attribution and the quoted source
  npm run ask -- --json "question"     one JSON object
  npm run ask -- --json < questions    one JSON object per line of standard input`;

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
}

export function toAskJson(reply: ReplyModel): AskJson {
  return {
    question: reply.question,
    status: reply.status,
    id: reply.fact?.id ?? null,
    score: reply.score,
    language: reply.language,
    answer: reply.fact?.answer ?? null,
    sources: (reply.fact?.citations ?? []).map((c) => ({ id: c.sourceId, title: c.title, quote: c.quote, url: c.url ?? null })),
    suggestions: reply.suggestions.map((s) => s.id),
  };
}

export interface AskIo {
  readonly stdin: NodeJS.ReadableStream;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export async function ask(argv: readonly string[], io: AskIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
  });
  if (values.help || (!values.json && positionals.length === 0)) {
    io.out(USAGE);
    return values.help ? 0 : 2;
  }
  const config = configOrExplain(io.env, io.err);
  if (!config) return 2;
  const engine = await openTerminalEngine(config, io.err);
  if (!engine) return 1;
  const question = positionals.join(' ');
  if (!values.json) {
    io.out(renderText(engine.reply(question)));
    return 0;
  }
  if (positionals.length > 0) {
    io.out(JSON.stringify(toAskJson(engine.reply(question))));
    return 0;
  }
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of lines) io.out(JSON.stringify(toAskJson(engine.reply(line))));
  return 0;
}

await runIfMain(import.meta.url, () =>
  ask(process.argv.slice(2), {
    stdin: process.stdin,
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    env: process.env,
  }),
);
