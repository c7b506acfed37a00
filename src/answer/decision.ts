/**
 * The decision: how likely the best fact is the right answer, from a few features that mean the same on
 * any knowledge base, combined by weights fitted on labelled questions (`npm run fit:decision`, which also
 * checks them by leaving whole question sets out, and fits on CLINC150's 150 intents too, so that they hold
 * on a small and a large knowledge base). A wrong answer costs more than a refusal, so the answer bar is set
 * where answers are rarely wrong; below it, "did you mean …?" offers the best fact, and below that, "I don't
 * know" offers the nearest ones.
 */
export interface DecisionFeatures {
  /**
   * Share (0–1) of the question's weight the best fact explains. Not a weight of the model: a fact that
   * explains less than `minCoverage` of a question is never its answer, whatever else it shares with it.
   */
  readonly coverage: number;
  /** How close the question is to one of the best fact's own examples (weighted cosine, 0–1). */
  readonly similarity: number;
  /** The most of one of the best fact's own examples that the question says (0–1). */
  readonly exampleCoverage: number;
  /** The best fact's ranking score minus the runner-up's (its whole score when alone). */
  readonly margin: number;
  /** The heaviest single word the best fact leaves unexplained (0 when it explains all; a name weighs 2). */
  readonly unexplainedMax: number;
  /** The question's weight the best fact explains, in words (a rare word weighs 1). */
  readonly explained: number;
}

export const FEATURE_NAMES = [
  'similarity',
  'exampleCoverage',
  'margin',
  'unexplainedMax',
  'explained',
] as const satisfies readonly (keyof DecisionFeatures)[];

export type DecisionWeights = Readonly<Record<(typeof FEATURE_NAMES)[number] | 'bias', number>>;

/** The features as the model reads them: the explained weight saturates, so one long question does not dominate. */
export function featureVector(f: DecisionFeatures): number[] {
  return [f.similarity, f.exampleCoverage, f.margin, f.unexplainedMax, Math.log1p(f.explained)];
}

/** The probability (0–1) that the best fact is the right answer. */
export function answerProbability(f: DecisionFeatures, weights: DecisionWeights): number {
  const x = featureVector(f);
  let z = weights.bias;
  FEATURE_NAMES.forEach((name, i) => (z += weights[name] * x[i]!));
  return 1 / (1 + Math.exp(-z));
}
