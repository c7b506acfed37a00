/**
 * Worst cases of input that once froze the bot's one thread: a pasted line of ": " ending in a carriage
 * return or U+2028 (the YAML pitfall hint), text cut to Discord's limits, a knowledge folder pointed at the
 * root of the disk, and the questions that cost the engine most (its cost per question must stay bounded
 * whatever the text: under 5 ms). Medians of a few runs.
 */
import { createAnswerer } from '../src/answer/answerer.ts';
import { truncate } from '../src/discord/limits.ts';
import { loadKnowledge } from '../src/knowledge/load.ts';
import { parseYamlFile } from '../src/knowledge/yaml-file.ts';
import { ms } from './stats.ts';

function medianOf(times: number, run: () => unknown): number {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    run();
    samples.push(performance.now() - t0);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
}

/** A fact file of about 64 KiB whose one line is `owner: a: b, a: b, …` ending in `end`. */
function pastedLine(end: string, nested: boolean): string {
  const unit = 'policy team: data, ';
  const body = unit.repeat(Math.floor(63_000 / unit.length));
  return nested
    ? `id: x\ncitations:\n  - source: s\n    quote: TikTok a dit: ${body}${end}\n`
    : `id: x\nowner: ${body}${end}\ntopic: t\n`;
}

/** Questions Discord can deliver (500 characters at most) that cost the engine most, by kind. */
const COSTLY_QUESTIONS: readonly (readonly [string, string])[] = [
  ['one 500-letter word', 'a'.repeat(500)],
  ['500 digits', '7'.repeat(500)],
  ['a misspelt word 70 times', 'backupz'.repeat(70)],
  ['100 words no fact has', Array.from({ length: 100 }, (_, i) => `wordx${i}q`).join(' ')],
  ['80 misspellings of a known word', Array.from({ length: 80 }, () => 'bakcups').join(' ')],
  ['100 hyphenated words', Array.from({ length: 100 }, () => 'back-ups').join(' ')],
  ['70 mentions', '<@123456789012345678> '.repeat(70)],
];

export async function benchRobustness(knowledgeDir: string, now: Date): Promise<string[][]> {
  const rows: string[][] = [];
  const loaded = await loadKnowledge({ dir: knowledgeDir, now });
  if (!loaded.ok) throw new Error('the knowledge base does not load: run npm run kb:lint');
  const answerer = createAnswerer(loaded.snapshot);
  for (const [name, question] of COSTLY_QUESTIONS) {
    answerer.ask(question);
    rows.push([`the engine on the real knowledge base: ${name}`, ms(medianOf(21, () => answerer.ask(question)))]);
  }
  const samples: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const result = await loadKnowledge({ dir: '/' });
    samples.push(performance.now() - t0);
    if (result.ok || !result.errors[0]?.message.includes('far more than a knowledge base'))
      throw new Error('the root folder was not refused as too large');
  }
  rows.push(['KNOWLEDGE_DIR=/ refused as far too large', ms(samples.sort((a, b) => a - b)[1]!)]);
  for (const [name, end] of [
    ['a carriage return', '\r'],
    ['U+2028', '\u2028'],
  ] as const) {
    for (const nested of [false, true]) {
      const text = pastedLine(end, nested);
      const time = medianOf(5, () => {
        const parsed = parseYamlFile('facts/x.yaml', text);
        if (parsed.ok || !parsed.problems[0]?.message.includes('contains ": "')) throw new Error('no pitfall hint');
      });
      rows.push([
        `YAML file of ${(text.length / 1024).toFixed(0)} KiB, one ${nested ? 'nested' : 'top-level'} line of ": " ending in ${name}: refused with its hint`,
        ms(time),
      ]);
    }
  }
  const runs = ' ,'.repeat(3_000);
  rows.push([
    'truncate 6,000 characters of spaces and commas to 4,096 (embed description)',
    ms(medianOf(201, () => truncate(`a${runs}b`, 4096))),
  ]);
  return rows;
}
