import type { ClassifierOptions } from './classifier.ts';

/**
 * How the engine matches and decides: every tuning number lives here, not in the code. (classifier.ts keeps
 * only its mechanics: the hash table sized from the data, and a fixed seed so that training is repeatable.)
 */
export interface EngineOptions {
  /** Confidence (0–1) needed to give the best fact as the answer. */
  readonly answerThreshold: number;
  /** The classifier's probability the best fact needs to be answered; below it, "did you mean …?". */
  readonly minProbability: number;
  /** Confidence needed to ask "did you mean …?" about the best fact instead of saying "I don't know". */
  readonly clarifyThreshold: number;
  /** How many nearest facts to offer as suggestions. */
  readonly maxSuggestions: number;
  /** A fact is only suggested if it explains at least this share of the question. */
  readonly suggestionThreshold: number;
  /**
   * How far confidence leans on the classifier's probability rather than on coverage (the share of the
   * question's weight the fact explains): confidence = coverage^(1 − w) × probability^w.
   */
  readonly probabilityWeight: number;
  /** How many facts lexical ranking proposes to the classifier, in training and for a question. */
  readonly candidates: number;
  /** How a candidate is ranked: the classifier's logit + lexicalWeight × BM25 score / best BM25 score. */
  readonly lexicalWeight: number;
  /**
   * The classifier's logits count fully when it ranks at least `full` of its own training examples first,
   * not at all at `none` or fewer (under-trained on a time budget, as on 10,000 generated facts), and in
   * proportion between.
   */
  readonly classifierFit: { readonly none: number; readonly full: number };
  /**
   * "None of these" competes with the candidates, its score this far below what a fact's own example
   * typically gets (classifier and lexical ranking together): a weak best candidate gets a low probability.
   */
  readonly rejectMargin: number;
  readonly classifier: ClassifierOptions;
  /**
   * Weight of a question word the knowledge base does not know, relative to a word found in a single
   * fact, when the word is rare in general language: such words are what the question is about if it is
   * about something else. Common words cost less (see the two ranks below).
   */
  readonly unknownWordWeight: number;
  /**
   * Weight of an unknown word written as a name ("Facebook", "EU") or owned by the asker ("our servers"):
   * a company, place or thing the knowledge base does not know is what such a question is about.
   */
  readonly unknownNameWeight: number;
  /**
   * The most unexplained weight, in units of a word found in one fact, that a question can hold against
   * a fact: past a word or two, more unexplained words are context rather than another subject.
   */
  readonly unexplainedSaturation: number;
  /** An unknown word at least this common (rank in general language), or of two letters, weighs commonWordWeight. */
  readonly commonWordRank: number;
  readonly commonWordWeight: number;
  /** An unknown word this rare or rarer costs the full unknownWordWeight: "golf", "salaire", "facebook". */
  readonly rareWordRank: number;
  /**
   * An unknown word of at least typoMinLength letters, one typo away from a general-language word at most
   * this common ("somethign"), weighs as that word does.
   */
  readonly typoMaxRank: number;
  readonly typoMinLength: number;
  /**
   * How much a word counts in the frame of a question ("For the vendor DPIA: …", "Dans le cadre d'une
   * note juridique, …", "… ? Needed for the board memo."), which says what the answer is for.
   */
  readonly frameWeight: number;
  /** Most words a question's leading frame has ("For the vendor DPIA:"); a longer lead is the question. */
  readonly frameMaxWords: number;
  /**
   * A name found in the answers of more than this many facts is the knowledge base's background ("TikTok"),
   * not a name that answers "what's the name of…".
   */
  readonly backgroundNameFacts: number;
  /** How much a question word counts that the knowledge base only has in the other language's text. */
  readonly otherLanguageStrength: number;
  /** Words shorter than this are only matched exactly: short words fuzzy-match almost anything. */
  readonly minFuzzyLength: number;
  /** Least similarity (0–1) for a misspelt word to count as a knowledge-base word. */
  readonly minFuzzySimilarity: number;
  /** Most knowledge-base words a misspelt word may stand for. */
  readonly maxFuzzyExpansions: number;
  /**
   * How many knowledge-base words sharing the most letter pairs with a misspelt word fuse.js compares it
   * with (fuse.js over the whole vocabulary is 100 times slower at 10,000 facts).
   */
  readonly fuzzyShortlist: number;
  /**
   * fuse.js's own threshold, loose on purpose: it counts a swap of two letters as two errors; whole-word
   * edit similarity (minFuzzySimilarity) decides.
   */
  readonly fuseThreshold: number;
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
  answerThreshold: 0.45,
  clarifyThreshold: 0.35,
  minProbability: 0.25,
  maxSuggestions: 3,
  suggestionThreshold: 0.05,
  probabilityWeight: 0.3,
  candidates: 12,
  lexicalWeight: 3,
  classifierFit: Object.freeze({ none: 0.5, full: 0.9 }),
  rejectMargin: 3,
  classifier: Object.freeze({
    epochs: 4,
    maxUpdates: 40_000,
    learningRate: 2,
    rivalWords: 4,
    rivalMaxFacts: 200,
    minClasses: 8,
    maxTableBits: 20,
  }),
  unknownWordWeight: 4,
  unknownNameWeight: 8,
  unexplainedSaturation: 12,
  commonWordRank: 1_000,
  commonWordWeight: 1,
  rareWordRank: 10_000,
  typoMaxRank: 5_000,
  typoMinLength: 5,
  frameWeight: 0.5,
  frameMaxWords: 14,
  backgroundNameFacts: 2,
  otherLanguageStrength: 0.5,
  minFuzzyLength: 4,
  minFuzzySimilarity: 0.7,
  maxFuzzyExpansions: 3,
  fuzzyShortlist: 24,
  fuseThreshold: 0.5,
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
    classifier: Object.freeze({ ...DEFAULT_ENGINE_OPTIONS.classifier, ...overrides.classifier }),
    fieldWeights: Object.freeze({ ...DEFAULT_ENGINE_OPTIONS.fieldWeights, ...overrides.fieldWeights }),
  });
}
