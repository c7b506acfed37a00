import { parse } from 'yaml';
import { z } from 'zod';
import type { Decision } from './engine.ts';

export const QuestionSetSchema = z.array(
  z.strictObject({
    q: z.string(),
    expect: z.string().nullable(),
  }),
);
export type QuestionSet = z.output<typeof QuestionSetSchema>;

export function parseQuestionSet(text: string): QuestionSet {
  return QuestionSetSchema.parse(parse(text));
}

/**
 * What happened to one question, as staff would judge it:
 * - right: answered with the expected fact (or, out of scope, refused);
 * - clarified: "did you mean …?" offering the expected fact (out of scope: offering any fact);
 * - wrong: answered with another fact, or answered at all when out of scope;
 * - refused: "I don't know" although a fact covers it (or "did you mean" another fact).
 */
export type Outcome = 'right' | 'clarified' | 'wrong' | 'refused';

export interface EvalCase {
  readonly q: string;
  readonly expect: string | null;
  readonly outcome: Outcome;
  readonly status: Decision['status'];
  readonly got: string | null;
  readonly score: number;
  readonly suggestions: readonly string[];
}

export interface Tally {
  readonly questions: number;
  readonly right: number;
  readonly clarified: number;
  readonly wrong: number;
  readonly refused: number;
}

export interface EvalReport {
  readonly inScope: Tally;
  readonly outOfScope: Tally;
  /** Wrong answers (a wrong fact, or any answer out of scope) as a share of all questions. */
  readonly wrongShare: number;
  readonly cases: readonly EvalCase[];
}

export function judge(expect: string | null, decision: Decision): Outcome {
  const candidate = decision.suggestions[0]?.id;
  if (expect === null) {
    return decision.status === 'answered' ? 'wrong' : decision.status === 'clarify' ? 'clarified' : 'right';
  }
  if (decision.status === 'answered') return decision.fact?.id === expect ? 'right' : 'wrong';
  return decision.status === 'clarify' && candidate === expect ? 'clarified' : 'refused';
}

export function evaluate(questions: QuestionSet, ask: (question: string) => Decision): EvalReport {
  const cases = questions.map(({ q, expect }): EvalCase => {
    const decision = ask(q);
    return {
      q,
      expect,
      outcome: judge(expect, decision),
      status: decision.status,
      got:
        decision.status === 'answered'
          ? decision.fact!.id
          : decision.status === 'clarify'
            ? decision.suggestions[0]!.id
            : null,
      score: decision.score,
      suggestions: decision.suggestions.map((f) => f.id),
    };
  });
  const tally = (subset: readonly EvalCase[]): Tally => ({
    questions: subset.length,
    right: subset.filter((c) => c.outcome === 'right').length,
    clarified: subset.filter((c) => c.outcome === 'clarified').length,
    wrong: subset.filter((c) => c.outcome === 'wrong').length,
    refused: subset.filter((c) => c.outcome === 'refused').length,
  });
  const inScope = tally(cases.filter((c) => c.expect !== null));
  const outOfScope = tally(cases.filter((c) => c.expect === null));
  return {
    inScope,
    outOfScope,
    wrongShare: cases.length === 0 ? 0 : (inScope.wrong + outOfScope.wrong) / cases.length,
    cases,
  };
}

export function percent(part: number, whole: number): string {
  return whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`;
}

export function formatReport(report: EvalReport, { misses = true } = {}): string[] {
  const { inScope: i, outOfScope: o } = report;
  const lines = [
    `in scope (${i.questions}):     right ${i.right} (${percent(i.right, i.questions)}), did-you-mean right ${i.clarified}, wrong ${i.wrong}, refused ${i.refused}`,
    `out of scope (${o.questions}): refused ${o.right} (${percent(o.right, o.questions)}), did-you-mean ${o.clarified}, answered ${o.wrong}`,
    `wrong answers: ${i.wrong + o.wrong} of ${i.questions + o.questions} questions (${percent(i.wrong + o.wrong, i.questions + o.questions)})`,
  ];
  const missed = report.cases.filter((c) => c.outcome !== 'right');
  if (misses && missed.length > 0) {
    lines.push('', `not right (${missed.length}):`);
    for (const c of missed) {
      lines.push(
        `  [${c.outcome}] ${JSON.stringify(c.q)}: expected ${c.expect ?? 'unknown'}, got ${c.status}${c.got ? ` ${c.got}` : ''} (confidence ${c.score}; suggestions ${c.suggestions.join(', ') || 'none'})`,
      );
    }
  }
  return lines;
}
