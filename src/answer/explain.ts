import { stem } from '../text/normalise.ts';
import type { Answerer } from './answerer.ts';
import type { Decision, RankedFact } from './engine.ts';

/**
 * Why the engine decided what it did about one question, for the policy team: how each word was read
 * and how much it weighed, the best fact and the runner-up, and which bar decided the outcome. It tells
 * them which alias or synonym to add, instead of guessing.
 */
export interface Explanation {
  readonly question: string;
  readonly decision: Decision;
  readonly words: readonly WordReading[];
  readonly best: RankedFact | undefined;
  readonly runnerUp: RankedFact | undefined;
  /** Why the outcome is what it is, as the bars the best fact passed or missed. */
  readonly bars: readonly Bar[];
}

export interface WordReading {
  readonly word: string;
  /**
   * known: a knowledge-base word as written; synonym: read through synonyms.yaml; typo: read as a
   * knowledge-base word it is close to; unknown: no fact has it, so it counts against every fact.
   */
  readonly reading: 'known' | 'synonym' | 'typo' | 'unknown';
  /** The knowledge-base words it was read as. */
  readonly as: readonly string[];
  /** Its share (0–1) of the question's weight. */
  readonly share: number;
}

export interface Bar {
  readonly what: 'confidence for an answer' | 'probability for an answer' | 'confidence for "did you mean"';
  readonly value: number;
  readonly needed: number;
  readonly passed: boolean;
}

export function explain(answerer: Answerer, question: string): Explanation {
  const decision = answerer.ask(question);
  const { options } = answerer.index;
  const total = decision.terms.reduce((sum, t) => sum + t.weight, 0);
  const words = decision.terms.map((t): WordReading => {
    const as = t.matches.map((m) => m.term);
    const reading = as.length === 0 ? 'unknown' : as[0] !== t.term ? 'typo' : t.term !== stem(t.word) ? 'synonym' : 'known';
    return { word: t.word, reading, as, share: total > 0 ? Math.round((t.weight / total) * 1000) / 1000 : 0 };
  });
  const [best, runnerUp] = decision.ranking;
  const bar = (what: Bar['what'], value: number, needed: number): Bar => ({ what, value, needed, passed: value >= needed });
  const bars = best
    ? [
        bar('confidence for an answer', best.confidence, options.answerThreshold),
        bar('probability for an answer', best.probability, options.minProbability),
        bar('confidence for "did you mean"', best.confidence, options.clarifyThreshold),
      ]
    : [];
  return { question, decision, words, best, runnerUp, bars };
}
