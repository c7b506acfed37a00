import type { Decision } from './engine.ts';

/**
 * What the engine did with a question, reduced to what the asker sees: answered with a fact, asked back
 * ("did you mean …?") offering a fact, or refused. The one reading of a decision that evaluation, the
 * self-test, `kb:check`, explanations and the benchmarks share.
 */
export interface Handling {
  readonly status: Decision['status'];
  /** The answering fact, or the fact offered first when asked back; null when refused. */
  readonly fact: string | null;
  readonly score: number;
}

export function handlingOf(decision: Pick<Decision, 'status' | 'fact' | 'score' | 'suggestions'>): Handling {
  const fact =
    decision.status === 'answered'
      ? (decision.fact?.id ?? null)
      : decision.status === 'clarify'
        ? (decision.suggestions[0]?.id ?? null)
        : null;
  return { status: decision.status, fact, score: decision.score };
}

export function sameHandling(a: Handling, b: Handling): boolean {
  return a.status === b.status && a.fact === b.fact;
}

/** In the policy team's words: `answered by backups-retained (0.82)`, `refused: "I don't know" (0.31)`. */
export function describeHandling({ status, fact, score }: Handling): string {
  const sure = `(${score.toFixed(2)})`;
  if (status === 'answered') return `answered by ${fact} ${sure}`;
  if (status === 'clarify') return `asked back: "did you mean ${fact ?? '?'}?" ${sure}`;
  return `refused: "I don't know" ${sure}`;
}

/**
 * What happened to one question, as staff would judge it:
 * - right: answered with the expected fact (or, out of scope, refused);
 * - clarified: "did you mean …?" offering the expected fact (out of scope: offering any fact);
 * - wrong: answered with another fact, or answered at all when out of scope;
 * - refused: "I don't know" although a fact covers it (or "did you mean" another fact).
 */
export type Outcome = 'right' | 'clarified' | 'wrong' | 'refused';

export function judge(expect: string | null, { status, fact }: Handling): Outcome {
  if (expect === null) return status === 'answered' ? 'wrong' : status === 'clarify' ? 'clarified' : 'right';
  if (status === 'answered') return fact === expect ? 'right' : 'wrong';
  return status === 'clarify' && fact === expect ? 'clarified' : 'refused';
}
