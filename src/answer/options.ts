/** How the engine matches and decides. Every number that shapes an answer lives here, not in the code. */
export interface EngineOptions {
  /** Share (0–1) of the question's weighted words the best fact must explain to be given as the answer. */
  readonly answerThreshold: number;
  /**
   * An answer also needs either this much evidence, in units of the weight of a word found in a single
   * fact, or a lead over the second-best fact of `minLead` times its score: a question made only of
   * words that many facts share ("tiktok data") gets suggestions, not an answer.
   */
  readonly minEvidence: number;
  readonly minLead: number;
  /** How many nearest facts to offer as suggestions. */
  readonly maxSuggestions: number;
  /** A fact is only suggested if it explains at least this share of the question. */
  readonly suggestionThreshold: number;
  /**
   * Weight of a question word the knowledge base does not know at all, relative to a word found in a
   * single fact. Such words are what the question is about if it is about something else.
   */
  readonly unknownWordWeight: number;
  /** Words shorter than this are only matched exactly: short words fuzzy-match almost anything. */
  readonly minFuzzyLength: number;
  /** Least similarity (0–1) for a misspelt word to count as a knowledge-base word. */
  readonly minFuzzySimilarity: number;
  /** Most knowledge-base words a misspelt word may stand for. */
  readonly maxFuzzyExpansions: number;
  /** Longest question, in characters, that is matched; the rest is ignored. */
  readonly maxQuestionLength: number;
  /** Most content words of a question that are matched. */
  readonly maxQueryTerms: number;
  /** BM25 saturation and length normalisation. */
  readonly k1: number;
  readonly b: number;
  /** How much each part of a fact counts when ranking. */
  readonly fieldWeights: Readonly<Record<FactField, number>>;
}

export type FactField = 'id' | 'title' | 'aliases' | 'keywords' | 'questions' | 'answer' | 'claimant' | 'quote';

export const DEFAULT_ENGINE_OPTIONS: EngineOptions = Object.freeze({
  answerThreshold: 0.4,
  minEvidence: 0.6,
  minLead: 1.5,
  maxSuggestions: 3,
  suggestionThreshold: 0.1,
  unknownWordWeight: 2,
  minFuzzyLength: 4,
  minFuzzySimilarity: 0.7,
  maxFuzzyExpansions: 3,
  maxQuestionLength: 500,
  maxQueryTerms: 32,
  k1: 1.2,
  b: 0.4,
  fieldWeights: Object.freeze({
    id: 2,
    title: 3,
    aliases: 3,
    keywords: 2,
    questions: 1.5,
    answer: 1,
    claimant: 1,
    quote: 0.5,
  }),
});

export function engineOptions(overrides: Partial<EngineOptions> = {}): EngineOptions {
  return Object.freeze({
    ...DEFAULT_ENGINE_OPTIONS,
    ...overrides,
    fieldWeights: Object.freeze({ ...DEFAULT_ENGINE_OPTIONS.fieldWeights, ...overrides.fieldWeights }),
  });
}
