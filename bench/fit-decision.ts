/**
 * npm run fit:decision -- [--clinc] [--cost 3] [FILE …]
 *
 * Fits the decision's weights (src/answer/decision.ts) by logistic regression on labelled questions: for
 * each question, the features of the engine's best fact, and whether that fact is the right answer. The
 * question sets are test/fixtures/questions-*.yaml on the frozen knowledge base (or the FILEs given), and
 * with --clinc the CLINC150 validation split on its own 150-intent knowledge base, so that the weights mean
 * the same on a small and a large knowledge base.
 *
 * It checks the weights by leaving whole sets out: each set is scored with weights fitted on the others.
 * From those held-out scores it prints answer precision against answer rate, and the answer and "did you
 * mean" bars that minimise the cost of the outcomes: a wrong answer costs --cost (3) refusals, a refusal that
 * offers the right fact as "did you mean" half of one. Paste the weights and bars into src/answer/options.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { createAnswerer, type Answerer } from '../src/answer/answerer.ts';
import { FEATURE_NAMES, featureVector, type DecisionWeights } from '../src/answer/decision.ts';
import { runIfMain } from '../src/cli/main-guard.ts';
import { validateKnowledge } from '../src/knowledge/validate.ts';
import { clincKnowledgeFiles, clincSnapshot, loadClinc, splitQuestions } from './clinc150.ts';

const REPO = new URL('..', import.meta.url).pathname;
const FIXTURES = join(REPO, 'test', 'fixtures');
const TODAY = new Date('2026-11-29T12:00:00Z');

/** One labelled question as the decision sees it. */
export interface Row {
  readonly set: string;
  readonly x: readonly number[];
  /** The best fact is the right answer. */
  readonly y: 0 | 1;
  readonly inScope: boolean;
}

/** Labelled questions' features, leaving out those the engine rules out whatever the weights. */
export function rowsOf(
  answerer: Answerer,
  set: string,
  questions: readonly { q: string; expect: string | null }[],
): Row[] {
  const rows: Row[] = [];
  for (const { q, expect } of questions) {
    const d = answerer.ask(q);
    if (!d.features || d.offSubject || (d.ranking[0]?.lacks.length ?? 0) > 0) continue;
    if (d.features.coverage < answerer.engine.options.minCoverage) continue;
    const best = d.ranking[0]!.id;
    rows.push({
      set,
      x: featureVector(d.features),
      y: expect !== null && best === expect ? 1 : 0,
      inScope: expect !== null,
    });
  }
  return rows;
}

/**
 * The sign each feature's weight must have: more of what makes an answer likely never makes it less likely
 * (coverage, similarity, margin…), and unexplained words or reliance on typos never make it more likely.
 * Without this, correlated features (coverage and explained weight) can take opposite signs that fit these
 * sets and fail on another knowledge base.
 */
export const SIGNS: Readonly<Record<(typeof FEATURE_NAMES)[number], 1 | -1>> = {
  similarity: 1,
  exampleCoverage: 1,
  margin: 1,
  unexplainedMax: -1,
  explained: 1,
};

/**
 * L2-regularised logistic regression by Newton's method, weights kept to their SIGNS (a weight that fits with
 * the wrong sign is held at zero and the rest fitted again); sample weights per row.
 */
export function fitLogistic(rows: readonly Row[], weights: readonly number[], l2 = 1): number[] {
  const d = rows[0]!.x.length + 1;
  const free = new Set(Array.from({ length: d }, (_, i) => i));
  for (;;) {
    const beta = newton(rows, weights, l2, [...free]);
    const wrong = [...free].filter((i) => i > 0 && beta[i]! * SIGNS[FEATURE_NAMES[i - 1]!] < 0);
    if (wrong.length === 0) return beta;
    for (const i of wrong) free.delete(i);
  }
}

function newton(rows: readonly Row[], weights: readonly number[], l2: number, free: readonly number[]): number[] {
  const d = rows[0]!.x.length + 1;
  const beta = new Array<number>(d).fill(0);
  for (let iteration = 0; iteration < 100; iteration++) {
    const grad = new Array<number>(free.length).fill(0);
    const hess = Array.from({ length: free.length }, () => new Array<number>(free.length).fill(0));
    rows.forEach((row, r) => {
      const x = [1, ...row.x];
      const z = x.reduce((s, v, i) => s + v * beta[i]!, 0);
      const p = 1 / (1 + Math.exp(-z));
      const w = weights[r]!;
      free.forEach((i, a) => {
        grad[a]! += w * (p - row.y) * x[i]!;
        free.forEach((j, b) => (hess[a]![b]! += w * p * (1 - p) * x[i]! * x[j]!));
      });
    });
    free.forEach((i, a) => {
      if (i === 0) return;
      grad[a]! += l2 * beta[i]!;
      hess[a]![a]! += l2;
    });
    const step = solve(hess, grad);
    free.forEach((i, a) => (beta[i]! -= step[a]!));
    if (Math.max(...step.map(Math.abs)) < 1e-7) break;
  }
  return beta;
}

function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

const probability = (beta: readonly number[], x: readonly number[]) =>
  1 / (1 + Math.exp(-(beta[0]! + x.reduce((s, v, i) => s + v * beta[i + 1]!, 0))));

/** Each set counts as much as its questions, CLINC150's as much as all of ours together. */
function sampleWeights(rows: readonly Row[]): number[] {
  const ours = rows.filter((r) => !r.set.startsWith('clinc')).length;
  const clinc = rows.length - ours;
  return rows.map((r) => (r.set.startsWith('clinc') && clinc > 0 ? ours / clinc : 1));
}

interface Scored {
  readonly row: Row;
  readonly p: number;
}

/**
 * The cost of the outcomes at two bars, per question. A wrong answer (a wrong fact, or any answer out of
 * scope) costs `cost`; refusing an in-scope question 1, or 0.5 when it offers the right fact as "did you
 * mean"; asking "did you mean" about an out-of-scope question 1.5 (it offers a fact that does not answer).
 */
function costAt(scored: readonly Scored[], answer: number, clarify: number, cost: number): number {
  let total = 0;
  for (const { row, p } of scored) {
    if (p >= answer) total += row.y === 1 ? 0 : cost;
    else if (row.inScope) total += p >= clarify && row.y === 1 ? 0.5 : 1;
    else if (p >= clarify) total += 1.5;
  }
  return total / scored.length;
}

export function main(argv: readonly string[], print: (line: string) => void = console.log): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: { clinc: { type: 'boolean' }, cost: { type: 'string' } },
    allowPositionals: true,
  });
  const cost = Number(values.cost ?? 3);
  const files =
    positionals.length > 0
      ? positionals
      : readdirSync(FIXTURES)
          .filter((f) => /^questions-.*\.yaml$/.test(f))
          .map((f) => join(FIXTURES, f));
  const snapshot = fixtureSnapshot();
  const answerer = createAnswerer(snapshot);
  const rows: Row[] = [];
  for (const file of files) {
    const questions = parse(readFileSync(file, 'utf8')) as { q: string; expect: string | null }[];
    rows.push(
      ...rowsOf(
        answerer,
        file
          .split('/')
          .pop()!
          .replace(/\.yaml$/, ''),
        questions,
      ),
    );
  }
  if (values.clinc) {
    const data = loadClinc();
    const clinc = createAnswerer(clincSnapshot(clincKnowledgeFiles(data, 50), TODAY));
    const val = splitQuestions(data, 'val').map(({ q, expected }) => ({ q, expect: expected }));
    rows.push(...rowsOf(clinc, 'clinc150-val', val));
  }
  const sets = [...new Set(rows.map((r) => r.set))];
  const beta = fitLogistic(rows, sampleWeights(rows));
  print(`${rows.length} questions from ${sets.length} sets (ruled-out questions left out)`);

  // Each set scored by weights fitted without it.
  const held: Scored[] = [];
  for (const set of sets) {
    const train = rows.filter((r) => r.set !== set);
    const b = fitLogistic(train, sampleWeights(train));
    for (const row of rows.filter((r) => r.set === set)) held.push({ row, p: probability(b, row.x) });
  }
  // The bars are chosen on the staff question sets: CLINC150's split is nearly all in scope.
  const staff = held.filter((s) => !s.row.set.startsWith('clinc'));
  let best = { answer: 0.5, clarify: 0.25, cost: Infinity };
  for (let a = 0.2; a <= 0.951; a += 0.025)
    for (let c = 0.05; c <= a; c += 0.025) {
      const value = costAt(staff, a, c, cost);
      if (value < best.cost - 1e-12) best = { answer: round(a), clarify: round(c), cost: value };
    }
  print(`\nheld-out sets: answer precision against answer rate (in-scope questions answered right / all answers)`);
  print('bar    answered  precision  in-scope right  out-of-scope answered');
  for (let a = 0.2; a <= 0.951; a += 0.05) {
    const given = held.filter((s) => s.p >= a);
    const right = given.filter((s) => s.row.y === 1).length;
    const inScope = held.filter((s) => s.row.inScope).length;
    const oos = held.filter((s) => !s.row.inScope);
    print(
      `${a.toFixed(2)}   ${pct(given.length, held.length)}     ${pct(right, given.length)}      ${pct(right, inScope)}          ${pct(oos.filter((s) => s.p >= a).length, oos.length)}`,
    );
  }
  print(
    '\nper held-out set at the chosen bars: in scope right / did you mean / wrong / refused; out of scope answered',
  );
  for (const set of sets) {
    const mine = held.filter((s) => s.row.set === set);
    const inScope = mine.filter((s) => s.row.inScope);
    const right = inScope.filter((s) => s.p >= best.answer && s.row.y === 1).length;
    const wrong = inScope.filter((s) => s.p >= best.answer && s.row.y === 0).length;
    const dym = inScope.filter((s) => s.p < best.answer && s.p >= best.clarify && s.row.y === 1).length;
    const oos = mine.filter((s) => !s.row.inScope);
    print(
      `  ${set.padEnd(36)} ${right}/${dym}/${wrong}/${inScope.length - right - wrong - dym} of ${inScope.length}; ${oos.filter((s) => s.p >= best.answer).length} of ${oos.length}`,
    );
  }
  const weights: DecisionWeights = Object.fromEntries([
    ['bias', round(beta[0]!)],
    ...FEATURE_NAMES.map((name, i) => [name, round(beta[i + 1]!)]),
  ]) as DecisionWeights;
  print(`\nchosen bars (held-out cost ${best.cost.toFixed(4)} per question, a wrong answer costing ${cost}):`);
  print(`  answerThreshold: ${best.answer}, clarifyThreshold: ${best.clarify}`);
  print(`weights fitted on all sets:\n  decisionWeights: ${JSON.stringify(weights)}`);
  return 0;
}

function fixtureSnapshot() {
  const root = join(FIXTURES, 'knowledge');
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'schema') walk(path);
      } else files.set(path.slice(root.length + 1), readFileSync(path, 'utf8'));
    }
  };
  walk(root);
  const result = validateKnowledge(files, { now: TODAY });
  if (!result.ok) throw new Error('the fixture knowledge base does not validate');
  return result.snapshot;
}

const pct = (n: number, of: number) => (of > 0 ? `${((100 * n) / of).toFixed(1)}%` : 'n/a').padStart(6);
const round = (v: number) => Math.round(v * 1000) / 1000;

await runIfMain(import.meta.url, () => Promise.resolve(main(process.argv.slice(2))));
