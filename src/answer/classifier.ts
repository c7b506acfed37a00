/**
 * A linear classifier trained at load time on the knowledge base's own examples (titles, aliases,
 * questions): for each fact, weights on a question's features (words, word pairs, letter triples).
 * It is trained and asked only among a few candidate facts that lexical ranking proposes (a sampled
 * softmax), and its weights live in one hashed table, so its size and speed do not grow with the number
 * of facts squared. It learns which words tell apart facts that share vocabulary — the job a
 * discriminative model does better than retrieval — while ranking keeps it to plausible facts.
 */

export interface ClassifierOptions {
  /** Passes over the examples, at most. */
  readonly epochs: number;
  /** Fewer passes when there are many examples: at most this many example updates in all (a time budget). */
  readonly maxUpdates: number;
  /** Step size of the first pass; pass n uses learningRate / n. */
  readonly learningRate: number;
  /** How many of an example's rarest words look for the facts it could be confused with (its rivals)... */
  readonly rivalWords: number;
  /** ...among words in at most this many facts: a commoner word says nothing about which. */
  readonly rivalMaxFacts: number;
  /** Fewest facts each example is told apart from (its rivals, filled up with others). */
  readonly minClasses: number;
  /** Weights kept per example feature and candidate, as a power of two: the table has at most 2^maxTableBits. */
  readonly maxTableBits: number;
}

export interface TrainingExample {
  readonly features: Int32Array;
  readonly label: number;
  /** Facts to tell the label apart from: the lexical ranking's best guesses for this example. */
  readonly candidates: readonly number[];
}

export interface Classifier {
  /** Scores (logits) of the candidates for a question's features, in the candidates' order. */
  logits(features: Int32Array, candidates: ArrayLike<number>): Float64Array;
  /**
   * The median logit of each training example's own fact after training: how sure the model is of what it
   * was taught, the yardstick a question's logits are measured against (it differs between knowledge bases).
   */
  readonly typicalLogit: number;
  /** Share (0–1) of its training examples whose own fact it ranks first after training. */
  readonly fit: number;
}

export function trainClassifier(
  examples: readonly TrainingExample[],
  classes: number,
  options: ClassifierOptions,
): Classifier {
  const pairs = examples.reduce((sum, e) => sum + e.features.length * (e.candidates.length + 1), 0);
  // A table an eighth the size of the pairs it could hold: collisions cost little, cache misses a lot.
  const bits = Math.min(options.maxTableBits, Math.max(12, Math.ceil(Math.log2(Math.max(1, pairs / 8)))));
  const mask = (1 << bits) - 1;
  const weights = new Float32Array(1 << bits);
  const bias = new Float32Array(classes);

  const logits = (
    features: Int32Array,
    candidates: ArrayLike<number>,
    out = new Float64Array(candidates.length),
  ): Float64Array => {
    const scale = 1 / Math.sqrt(Math.max(1, features.length));
    for (let j = 0; j < candidates.length; j++) {
      const label = candidates[j]!;
      const salt = Math.imul(label + 1, 0x9e3779b1);
      let sum = 0;
      for (let f = 0; f < features.length; f++) sum += weights[((features[f]! ^ salt) >>> 0) & mask]!;
      out[j] = bias[label]! + sum * scale;
    }
    return out;
  };

  // Each example's classes once: its candidates, its own label when ranking missed it, and other facts
  // when ranking found few, so that every example teaches something even in a small knowledge base.
  const classesOf = examples.map(({ label, candidates }) => {
    const classesHere = new Set([label, ...candidates]);
    const wanted = Math.min(classes, Math.max(classesHere.size, options.minClasses));
    for (let other = (label + 1) % classes; classesHere.size < wanted; other = (other + 1) % classes)
      classesHere.add(other);
    return Int32Array.from(classesHere);
  });
  const scores = new Float64Array(Math.max(1, ...classesOf.map((c) => c.length)));
  // Deterministic shuffling: the same knowledge base always trains the same model.
  const order = Array.from(examples.keys());
  let seed = 0x2545f491;
  const random = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 0x100000000;
  };
  const epochs = Math.max(1, Math.min(options.epochs, Math.floor(options.maxUpdates / Math.max(1, examples.length))));
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const rate = options.learningRate / epoch;
    for (const at of order) {
      const { features, label } = examples[at]!;
      const classes = classesOf[at]!;
      logits(features, classes, scores);
      let max = -Infinity;
      for (let j = 0; j < classes.length; j++) max = Math.max(max, scores[j]!);
      let total = 0;
      for (let j = 0; j < classes.length; j++) total += scores[j] = Math.exp(scores[j]! - max);
      const scale = 1 / Math.sqrt(Math.max(1, features.length));
      for (let j = 0; j < classes.length; j++) {
        const c = classes[j]!;
        const gradient = scores[j]! / total - (c === label ? 1 : 0);
        bias[c]! -= rate * gradient;
        const step = rate * gradient * scale;
        const salt = Math.imul(c + 1, 0x9e3779b1);
        for (let f = 0; f < features.length; f++) weights[((features[f]! ^ salt) >>> 0) & mask]! -= step;
      }
    }
  }
  // How well the model learnt its own examples: their own fact's logit, and whether it came first.
  let fitted = 0;
  const own = examples.map(({ features, label }, i) => {
    const classes = classesOf[i]!;
    const scored = logits(features, classes);
    const mine = scored[classes.indexOf(label)]!;
    if (scored.every((x) => x <= mine)) fitted++;
    return mine;
  });
  own.sort((a, b) => a - b);
  return {
    logits: (features, candidates) => logits(features, candidates),
    typicalLogit: own[Math.floor(own.length / 2)] ?? 0,
    fit: examples.length === 0 ? 0 : fitted / examples.length,
  };
}

/** Probabilities from logits, in place-safe form (a new array). */
export function softmax(logits: ArrayLike<number>): Float64Array {
  const out = new Float64Array(logits.length);
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i]!);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) {
    out[i] = Math.exp(logits[i]! - max);
    sum += out[i]!;
  }
  for (let i = 0; i < out.length; i++) out[i]! /= sum;
  return out;
}

/** A stable 32-bit hash of a feature's name (FNV-1a). */
export function featureHash(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}
