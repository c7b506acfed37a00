import Fuse from 'fuse.js';
import { editSimilarity } from '../util/edit-distance.ts';

/** The options fuzzy matching takes (see options.ts). */
export interface FuzzyOptions {
  readonly minFuzzyLength: number;
  readonly minFuzzySimilarity: number;
  readonly maxFuzzyExpansions: number;
  readonly fuzzyShortlist: number;
  readonly fuseThreshold: number;
  readonly fuzzyFloor: number;
}

/** A knowledge-base word a misspelt word may stand for, and how sure (0.25–1). */
export interface FuzzyMatch {
  readonly wordId: number;
  readonly strength: number;
}

/**
 * Misspelt words matched against the knowledge base's words: letter pairs pick a few candidates of
 * similar length, fuse.js matches the word against them, and whole-word edit similarity decides.
 */
export function fuzzyVocabulary(vocabulary: readonly string[], options: FuzzyOptions) {
  const pairIndex = buildPairIndex(vocabulary);
  return (word: string): FuzzyMatch[] => fuzzyMatch(word, vocabulary, pairIndex, options);
}

type PairIndex = Map<string, number[]>;

function letterPairs(word: string): Set<string> {
  const padded = `^${word}$`;
  const pairs = new Set<string>();
  for (let i = 0; i < padded.length - 1; i++) pairs.add(padded.slice(i, i + 2));
  return pairs;
}

function buildPairIndex(vocabulary: readonly string[]): PairIndex {
  const index: PairIndex = new Map();
  vocabulary.forEach((term, id) => {
    if (term.length < 3 || /\d/.test(term)) return;
    for (const pair of letterPairs(term)) {
      const list = index.get(pair);
      if (list) list.push(id);
      else index.set(pair, [id]);
    }
  });
  return index;
}

/**
 * Knowledge-base words that a word not in the vocabulary may be a misspelling of. Letter pairs pick a
 * few candidates of similar length, and fuse.js matches the word against them.
 */
function fuzzyMatch(
  word: string,
  vocabulary: readonly string[],
  pairIndex: PairIndex,
  options: FuzzyOptions,
): FuzzyMatch[] {
  if (word.length < options.minFuzzyLength || /\d/.test(word)) return [];
  const pairs = letterPairs(word);
  const shared = new Map<number, number>();
  for (const pair of pairs) {
    for (const id of pairIndex.get(pair) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
  }
  const candidates: { id: number; shared: number }[] = [];
  for (const [id, count] of shared) {
    const length = vocabulary[id]!.length;
    if (Math.abs(length - word.length) > 3) continue;
    if (count >= Math.ceil(0.4 * Math.min(pairs.size, length + 1))) candidates.push({ id, shared: count });
  }
  if (candidates.length === 0) return [];
  candidates.sort((a, b) => b.shared - a.shared);
  const shortlist = candidates.slice(0, options.fuzzyShortlist);
  const fuse = new Fuse(
    shortlist.map((c) => vocabulary[c.id]!),
    { includeScore: true, ignoreLocation: true, isCaseSensitive: true, threshold: options.fuseThreshold },
  );
  const matches: FuzzyMatch[] = [];
  for (const result of fuse.search(word)) {
    const candidate = vocabulary[shortlist[result.refIndex]!.id]!;
    // fuse.js finds the typo-tolerant matches; whole-word edit similarity then rules out a short word
    // found inside a long one ("name" in "unnamed"), which fuse.js scores as perfect.
    const similarity = editSimilarity(word, candidate);
    if (similarity < options.minFuzzySimilarity) continue;
    const strength = (similarity - options.minFuzzySimilarity) / (1 - options.minFuzzySimilarity);
    matches.push({
      wordId: shortlist[result.refIndex]!.id,
      strength: options.fuzzyFloor + (1 - options.fuzzyFloor) * strength,
    });
  }
  return matches.sort((a, b) => b.strength - a.strength).slice(0, options.maxFuzzyExpansions);
}
