import { parse } from 'yaml';
import { z } from 'zod';
import type { Decision } from './engine.ts';

export const QuestionSetSchema = z.array(
  z.object({
    q: z.string(),
    expect: z.string().nullable(),
  }),
);
export type QuestionSet = z.output<typeof QuestionSetSchema>;

export function parseQuestionSet(text: string): QuestionSet {
  return QuestionSetSchema.parse(parse(text));
}

export interface EvalMiss {
  readonly q: string;
  readonly expect: string | null;
  readonly got: string | null;
  readonly score: number;
  readonly suggestions: readonly string[];
}

export interface EvalReport {
  readonly inScope: number;
  readonly inScopeCorrect: number;
  readonly outOfScope: number;
  readonly outOfScopeRefused: number;
  /** In-scope questions whose expected fact was at least among the suggestions. */
  readonly inScopeSuggested: number;
  readonly misses: readonly EvalMiss[];
}

export function evaluate(questions: QuestionSet, ask: (question: string) => Decision): EvalReport {
  let inScope = 0, inScopeCorrect = 0, inScopeSuggested = 0, outOfScope = 0, outOfScopeRefused = 0;
  const misses: EvalMiss[] = [];
  for (const { q, expect } of questions) {
    const decision = ask(q);
    const got = decision.status === 'answered' ? decision.fact!.id : null;
    const suggestions = decision.suggestions.map((f) => f.id);
    if (expect === null) {
      outOfScope++;
      if (got === null) outOfScopeRefused++;
    } else {
      inScope++;
      if (got === expect) inScopeCorrect++;
      else if (suggestions.includes(expect)) inScopeSuggested++;
    }
    if (got !== expect) misses.push({ q, expect, got, score: decision.score, suggestions });
  }
  return { inScope, inScopeCorrect, outOfScope, outOfScopeRefused, inScopeSuggested, misses };
}

export function formatReport(report: EvalReport): string[] {
  const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`);
  const lines = [
    `in-scope top-1:      ${report.inScopeCorrect}/${report.inScope} = ${pct(report.inScopeCorrect, report.inScope)}`,
    `out-of-scope refused: ${report.outOfScopeRefused}/${report.outOfScope} = ${pct(report.outOfScopeRefused, report.outOfScope)}`,
    `in-scope misses with the right fact among suggestions: ${report.inScopeSuggested}`,
  ];
  if (report.misses.length > 0) {
    lines.push('', `misses (${report.misses.length}):`);
    for (const m of report.misses) {
      lines.push(`  ${JSON.stringify(m.q)}: expected ${m.expect ?? 'unknown'}, got ${m.got ?? 'unknown'} (score ${m.score}; suggestions ${m.suggestions.join(', ') || 'none'})`);
    }
  }
  return lines;
}
