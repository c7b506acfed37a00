/**
 * npm run bench:clinc -- [--examples 50|10|both] [--split val|test|both]
 *
 * The answer engine on CLINC150 ("small": 150 intents × 50 training queries, plus out-of-scope
 * queries), offline, from bench/data/clinc150/data_small.json (Larson et al., EMNLP 2019, CC BY 3.0;
 * see bench/data/clinc150/README.md). Each intent becomes one fact, built through the bot's own
 * validator, with its training queries as the fact's example questions; out-of-scope training
 * queries are not used, so out-of-scope questions must be refused without examples of them, as in
 * the paper's "oos-threshold" setting.
 *
 * Metrics as in the paper: in-scope accuracy (a refusal is wrong) and out-of-scope recall (share of
 * out-of-scope queries refused); also ranking top-1 (the right intent ranked first, whatever the
 * status). The refusal threshold is chosen on the validation split by the paper's rule (best overall
 * accuracy with out-of-scope as a class; ties go to the lower threshold) and applied once to the test
 * split; the engine's default threshold is reported beside it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { createAnswerer, type Answerer } from '../src/answer/answerer.ts';
import type { Decision } from '../src/answer/engine.ts';
import { handlingOf } from '../src/answer/outcome.ts';
import { runIfMain } from '../src/cli/main-guard.ts';
import type { KnowledgeSnapshot } from '../src/knowledge/snapshot.ts';
import { validateKnowledge, type KnowledgeFiles } from '../src/knowledge/validate.ts';
import { ms, percentile, table } from './stats.ts';

export const DATA_FILE = fileURLToPath(new URL('./data/clinc150/data_small.json', import.meta.url));

/** One query of the dataset: its text and its intent ("oos" for out-of-scope). */
export type Example = readonly [text: string, intent: string];

export interface ClincData {
  readonly train: readonly Example[];
  readonly val: readonly Example[];
  readonly test: readonly Example[];
  readonly oos_train: readonly Example[];
  readonly oos_val: readonly Example[];
  readonly oos_test: readonly Example[];
}

const SPLIT_KEYS = ['train', 'val', 'test', 'oos_train', 'oos_val', 'oos_test'] as const;
export const OOS_INTENT = 'oos';

/** How many training queries per intent become example questions. */
export type Variant = 50 | 10;
export type Split = 'val' | 'test';

/** The paper's Table 2, oos-threshold rows, "Small" column (test split): in-scope accuracy, oos recall. */
export const PAPER_SMALL_OOS_THRESHOLD: readonly {
  readonly classifier: string;
  readonly inScope: number;
  readonly oosRecall: number;
}[] = [
  { classifier: 'BERT', inScope: 96.2, oosRecall: 58.9 },
  { classifier: 'MLP', inScope: 91.3, oosRecall: 32.4 },
  { classifier: 'Rasa', inScope: 89.6, oosRecall: 1.0 },
  { classifier: 'DialogFlow', inScope: 89.2, oosRecall: 20.5 },
  { classifier: 'CNN', inScope: 88.9, oosRecall: 25.5 },
  { classifier: 'SVM', inScope: 85.6, oosRecall: 13.0 },
  { classifier: 'FastText', inScope: 84.8, oosRecall: 6.0 },
];

export function parseClinc(text: string): ClincData {
  const raw = JSON.parse(text) as Record<string, unknown>;
  for (const key of SPLIT_KEYS) {
    const split = raw[key];
    if (
      !Array.isArray(split) ||
      !split.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && typeof e[1] === 'string')
    ) {
      throw new Error(`CLINC150 data: "${key}" must be an array of [text, intent]`);
    }
  }
  return raw as unknown as ClincData;
}

export function loadClinc(path = DATA_FILE): ClincData {
  return parseClinc(readFileSync(path, 'utf8'));
}

/** A fact id from an intent name: "what_is_your_name" → "what-is-your-name". */
export function intentId(intent: string): string {
  return intent.replaceAll('_', '-');
}

/** The in-scope intents, in order of first appearance in the training split. */
export function intentsOf(data: ClincData): string[] {
  return [...new Set(data.train.map(([, intent]) => intent))].filter((intent) => intent !== OOS_INTENT);
}

const SOURCE_ID = 'clinc150-intents';

/**
 * The knowledge files (relative path → text, as the validator takes them) of one fact per intent.
 * The one source's text lists the intent names, one a line; each fact quotes its own line.
 */
export function clincKnowledgeFiles(
  data: ClincData,
  examples: Variant,
  dates = { as_of: '2019-11-03', review_by: '2030-12-31' },
): Map<string, string> {
  const intents = intentsOf(data);
  const questions = new Map<string, string[]>(intents.map((i) => [i, []]));
  for (const [text, intent] of data.train) {
    const list = questions.get(intent);
    if (list && list.length < examples) list.push(text);
  }
  const files = new Map<string, string>();
  files.set(
    'topics.yaml',
    stringify({ topics: [{ id: 'clinc', title: { en: 'CLINC150 intents', fr: 'Intentions CLINC150' } }] }),
  );
  files.set(
    `sources/${SOURCE_ID}.yaml`,
    stringify({
      id: SOURCE_ID,
      title: 'CLINC150 intent names (An Evaluation Dataset for Intent Classification and Out-of-Scope Prediction)',
      publisher: 'Clinc, Inc. (Larson et al., EMNLP 2019), CC BY 3.0',
      kind: 'public-record',
      language: 'en',
      published: '2019-11-03',
      url: 'https://github.com/clinc/oos-eval',
      text: `${SOURCE_ID}.txt`,
      text_is: 'notes',
      note: 'The names of the 150 in-scope intents of data/data_small.json, one a line.',
    }),
  );
  files.set(`sources/${SOURCE_ID}.txt`, `${intents.join('\n')}\n`);
  for (const intent of intents) {
    const id = intentId(intent);
    const name = intent.replaceAll('_', ' ');
    files.set(
      `facts/${id}.yaml`,
      stringify({
        id,
        topic: 'clinc',
        title: { en: name, fr: name },
        answer: { en: intent, fr: intent },
        attribution: { claimant: 'CLINC150', kind: 'public-record' },
        citations: [{ source: SOURCE_ID, quote: intent }],
        aliases: { en: [name], fr: [name] },
        questions: { en: questions.get(intent)!, fr: [] },
        as_of: dates.as_of,
        owner: 'bench',
        review_by: dates.review_by,
      }),
    );
  }
  return files;
}

/** Validates the files with the bot's validator; throws with every error listed if they do not pass. */
export function clincSnapshot(files: KnowledgeFiles, now = new Date()): KnowledgeSnapshot {
  const result = validateKnowledge(files, { now });
  if (!result.ok) {
    const list = result.errors.slice(0, 20).map((e) => `  ${e.file}:${e.line}:${e.column}: ${e.message} (${e.hint})`);
    throw new Error(
      `the CLINC150 knowledge base does not validate (${result.errors.length} errors):\n${list.join('\n')}`,
    );
  }
  return result.snapshot;
}

/** One question's outcome: what it expected, what the engine answered, and how sure it was. */
export interface Outcome {
  /** The expected fact id; null for an out-of-scope question. */
  readonly expected: string | null;
  /** The answering fact's id when status was "answered"; undefined for any refusal. */
  readonly answered: string | undefined;
  readonly score: number;
  /** ranking[0].id, whatever the status. */
  readonly top1: string | undefined;
}

export function outcomeOf(decision: Decision, expected: string | null): Outcome {
  const handling = handlingOf(decision);
  return {
    expected,
    answered: handling.status === 'answered' ? handling.fact! : undefined,
    score: handling.score,
    top1: decision.ranking[0]?.id,
  };
}

/** A split's questions with their expected fact id (null for out-of-scope): in-scope first, then oos. */
export function splitQuestions(
  data: ClincData,
  split: Split,
): { readonly q: string; readonly expected: string | null }[] {
  const inScope = split === 'val' ? data.val : data.test;
  const oos = split === 'val' ? data.oos_val : data.oos_test;
  return [...inScope, ...oos].map(([q, intent]) => ({ q, expected: intent === OOS_INTENT ? null : intentId(intent) }));
}

/** Asks every question once; `times` receives each ask's duration in milliseconds. */
export function askAll(
  answerer: Answerer,
  questions: readonly { readonly q: string; readonly expected: string | null }[],
  times?: number[],
): Outcome[] {
  return questions.map(({ q, expected }) => {
    const t0 = performance.now();
    const decision = answerer.ask(q);
    times?.push(performance.now() - t0);
    return outcomeOf(decision, expected);
  });
}

export interface Metrics {
  readonly threshold: number;
  readonly inScope: number;
  readonly oos: number;
  /** Share (0–1) of in-scope questions answered with the right fact. */
  readonly inScopeAccuracy: number;
  /** Share of out-of-scope questions refused. */
  readonly oosRecall: number;
  /** Share of in-scope questions whose best-ranked fact is the right one, whatever the status. */
  readonly top1: number;
  /** Share of all questions right, out-of-scope counted as a class. */
  readonly overallAccuracy: number;
  /** Share of the answers given that are the right fact: how far an answer can be trusted. */
  readonly precision: number;
}

/** Scores outcomes with a question refused when it was not answered or its score is below `threshold`. */
export function evaluateAt(outcomes: readonly Outcome[], threshold: number): Metrics {
  let inScope = 0;
  let oos = 0;
  let right = 0;
  let refusedOos = 0;
  let top1 = 0;
  let answers = 0;
  for (const o of outcomes) {
    const given = o.answered !== undefined && o.score >= threshold ? o.answered : undefined;
    if (given !== undefined) answers++;
    if (o.expected === null) {
      oos++;
      if (given === undefined) refusedOos++;
    } else {
      inScope++;
      if (given === o.expected) right++;
      if (o.top1 === o.expected) top1++;
    }
  }
  const share = (n: number, of: number) => (of > 0 ? n / of : NaN);
  return {
    threshold,
    inScope,
    oos,
    inScopeAccuracy: share(right, inScope),
    oosRecall: share(refusedOos, oos),
    top1: share(top1, inScope),
    overallAccuracy: share(right + refusedOos, inScope + oos),
    precision: share(right, answers),
  };
}

/** The paper's rule: the threshold in 0, 1/steps, …, 1 with the best overall accuracy; ties go to the lower. */
export function chooseThreshold(outcomes: readonly Outcome[], steps = 100): Metrics {
  let best = evaluateAt(outcomes, 0);
  for (let i = 1; i <= steps; i++) {
    const metrics = evaluateAt(outcomes, i / steps);
    if (metrics.overallAccuracy > best.overallAccuracy) best = metrics;
  }
  return best;
}

export interface VariantResult {
  readonly variant: Variant;
  readonly facts: number;
  readonly questionsPerFact: number;
  /** validate + createAnswerer, milliseconds: the first build in the process, and the median of three more. */
  readonly firstBuildMs: number;
  readonly buildMs: number;
  readonly chosen: Metrics;
  readonly rows: readonly { readonly split: Split; readonly rule: string; readonly metrics: Metrics }[];
  readonly askMedianMs: number;
  readonly asks: number;
}

/** Runs one variant: build, choose the threshold on val (asked at threshold 0), score the splits. */
export function runVariant(
  data: ClincData,
  variant: Variant,
  splits: readonly Split[],
  now = new Date(),
): VariantResult {
  const files = clincKnowledgeFiles(data, variant);
  const build = () => {
    const t0 = performance.now();
    const answerer = createAnswerer(clincSnapshot(files, now));
    return { answerer, ms: performance.now() - t0 };
  };
  const first = build();
  const byDefault = first.answerer;
  const { snapshot } = byDefault;
  const buildMs = [build().ms, build().ms, build().ms].sort((a, b) => a - b)[1]!;
  // Status decided by ranking alone: every question gets its best fact and a confidence to threshold.
  const atZero = createAnswerer(snapshot, { answerThreshold: 0, clarifyThreshold: 0 });

  const times: number[] = [];
  const val = splitQuestions(data, 'val');
  const chosen = chooseThreshold(askAll(atZero, val, times));
  const rows: VariantResult['rows'][number][] = [];
  for (const split of splits) {
    const questions = split === 'val' ? val : splitQuestions(data, 'test');
    const tuned = split === 'val' ? chosen : evaluateAt(askAll(atZero, questions, times), chosen.threshold);
    rows.push({
      split,
      rule: `val-chosen t=${chosen.threshold.toFixed(2)}${split === 'val' ? ' (in-sample)' : ''}`,
      metrics: tuned,
    });
    rows.push({ split, rule: 'engine default', metrics: evaluateAt(askAll(byDefault, questions, times), 0) });
  }
  times.sort((a, b) => a - b);
  return {
    variant,
    facts: snapshot.facts.length,
    questionsPerFact: variant,
    firstBuildMs: first.ms,
    buildMs,
    chosen,
    rows,
    askMedianMs: percentile(times, 50),
    asks: times.length,
  };
}

const pct = (share: number) => (Number.isFinite(share) ? (100 * share).toFixed(1) : 'n/a');

export function main(argv: readonly string[], print: (line: string) => void = console.log): number {
  let values: { examples?: string | undefined; split?: string | undefined; help?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { examples: { type: 'string' }, split: { type: 'string' }, help: { type: 'boolean' } },
    }));
  } catch (error) {
    print(`${(error as Error).message}\nusage: npm run bench:clinc -- [--examples 50|10|both] [--split val|test|both]`);
    return 2;
  }
  if (values.help) {
    print(
      [
        'usage: npm run bench:clinc -- [--examples 50|10|both] [--split val|test|both]',
        '  The engine on CLINC150 (small): each intent a fact built from 50 (or 10) training questions, the',
        "  threshold chosen on the validation split by the paper's rule, then the test split scored. Offline",
        '  (bench/data/clinc150/); a few minutes on a 2-core machine.',
      ].join('\n'),
    );
    return 0;
  }
  const examples = values.examples ?? 'both';
  const split = values.split ?? 'both';
  if (!['50', '10', 'both'].includes(examples) || !['val', 'test', 'both'].includes(split)) {
    print('usage: npm run bench:clinc -- [--examples 50|10|both] [--split val|test|both]');
    return 2;
  }
  const variants: Variant[] = examples === 'both' ? [50, 10] : [Number(examples) as Variant];
  const splits: Split[] = split === 'both' ? ['val', 'test'] : [split as Split];

  const data = loadClinc();
  print(`CLINC150 small — node ${process.version}, ${new Date().toISOString()}`);
  print(
    `data: train ${data.train.length} (${intentsOf(data).length} intents), val ${data.val.length} + oos ${data.oos_val.length}, ` +
      `test ${data.test.length} + oos ${data.oos_test.length}; oos_train (${data.oos_train.length}) unused\n`,
  );

  const results: VariantResult[] = [];
  for (const variant of variants) results.push(runVariant(data, variant, splits));

  const rows: string[][] = [];
  for (const r of results) {
    for (const row of r.rows) {
      const m = row.metrics;
      rows.push([
        `ours, ${r.variant} ex.`,
        row.split,
        row.rule,
        pct(m.inScopeAccuracy),
        pct(m.oosRecall),
        pct(m.top1),
        pct(m.overallAccuracy),
        pct(m.precision),
      ]);
    }
  }
  for (const p of PAPER_SMALL_OOS_THRESHOLD) {
    rows.push([
      `paper: ${p.classifier}, 50 ex.`,
      'test',
      'oos-threshold (val-chosen)',
      p.inScope.toFixed(1),
      p.oosRecall.toFixed(1),
      '',
      '',
      '',
    ]);
  }
  print(
    table(
      [
        'variant',
        'split',
        'threshold rule',
        'in-scope acc %',
        'oos recall %',
        'ranking top-1 %',
        'overall acc %',
        'answer precision %',
      ],
      rows,
    ),
  );
  print('\nPaper rows: Larson et al. 2019, Table 2, oos-threshold, "Small" column (test split).');
  print(
    `\n${table(
      ['variant', 'facts', 'build (validate + createAnswerer): first / median of 3 more', 'asks', 'ask median'],
      results.map((r) => [
        `${r.variant} ex.`,
        String(r.facts),
        `${ms(r.firstBuildMs)} / ${ms(r.buildMs)}`,
        String(r.asks),
        ms(r.askMedianMs),
      ]),
    )}`,
  );
  return 0;
}

await runIfMain(import.meta.url, () => Promise.resolve(main(process.argv.slice(2))));
