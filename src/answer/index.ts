import Fuse from 'fuse.js';
import type { Fact, Language } from '../knowledge/schema.ts';
import type { KnowledgeSnapshot } from '../knowledge/snapshot.ts';
import type { EngineOptions, FactField } from './options.ts';
import { editSimilarity } from '../util/edit-distance.ts';
import { contentWords, stem } from './text.ts';

/** One knowledge-base word a question's word was matched to, and how strongly (0–1). */
export interface Expansion {
  readonly termId: number;
  readonly strength: number;
}

/**
 * A search index over one snapshot: BM25 postings over weighted fields, the vocabulary, and a
 * letter-pair index that narrows fuzzy matching to a few candidate words before fuse.js compares them.
 * Built once per snapshot; read-only afterwards except for its bounded cache of fuzzy matches.
 */
export interface FactIndex {
  readonly snapshot: KnowledgeSnapshot;
  readonly facts: readonly Fact[];
  readonly options: EngineOptions;
  termId(term: string): number | undefined;
  term(termId: number): string;
  /** Inverse document frequency of a term, or of an unknown word (df = 0). */
  idf(termId: number | undefined): number;
  /** The idf of a word found in exactly one fact: the unit that evidence is measured in. */
  readonly idfOne: number;
  /** Facts containing a term, and the saturated, length-normalised weight of the term in each. */
  postings(termId: number): { readonly docs: Int32Array; readonly weights: Float32Array };
  /** From -1 (only in English text) to 1 (only in French text). */
  languageLean(term: string): number;
  /** Knowledge-base terms a word that is not in the vocabulary may be a misspelling of. */
  fuzzy(word: string): readonly Expansion[];
}

const FUZZY_CACHE_SIZE = 5_000;
const MAX_FUZZY_CANDIDATES = 24;
/** Loose on purpose: fuse.js counts a swap of two letters as two errors; edit similarity decides. */
const FUSE_THRESHOLD = 0.5;

export function buildIndex(snapshot: KnowledgeSnapshot, options: EngineOptions): FactIndex {
  const facts = snapshot.facts;
  const sourceLanguage = (id: string): Language => snapshot.sources.get(id)?.language ?? 'en';
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const frequencies: Map<number, number>[] = [];
  const lean: { en: number; fr: number }[] = [];
  const docLength = new Float64Array(facts.length);
  const surface = new Map<string, number>();

  facts.forEach((fact, doc) => {
    const tf = new Map<number, number>();
    for (const { field, language, text } of fieldsOf(fact, sourceLanguage)) {
      const weight = options.fieldWeights[field];
      const fieldWords = contentWords(text, language);
      docLength[doc] = (docLength[doc] ?? 0) + weight * fieldWords.length;
      for (const word of fieldWords) {
        let id = surface.get(word);
        if (id === undefined) {
          const term = stem(word);
          id = termIds.get(term);
          if (id === undefined) {
            id = terms.length;
            termIds.set(term, id);
            terms.push(term);
            lean.push({ en: 0, fr: 0 });
          }
          surface.set(word, id);
        }
        tf.set(id, (tf.get(id) ?? 0) + weight);
        if (field !== 'id' && field !== 'claimant') lean[id]![language]++;
      }
    }
    frequencies.push(tf);
  });

  // Postings as typed arrays, filled in two passes: sizes first, so nothing is allocated per entry.
  const averageLength = docLength.reduce((a, b) => a + b, 0) / Math.max(1, facts.length);
  const sizes = new Int32Array(terms.length);
  for (const tf of frequencies) for (const id of tf.keys()) sizes[id]!++;
  const postings = Array.from(sizes, (size) => ({ docs: new Int32Array(size), weights: new Float32Array(size) }));
  const filled = new Int32Array(terms.length);
  frequencies.forEach((tf, doc) => {
    const norm = options.k1 * (1 - options.b + (options.b * docLength[doc]!) / Math.max(1, averageLength));
    for (const [id, f] of tf) {
      const at = filled[id]!++;
      postings[id]!.docs[at] = doc;
      postings[id]!.weights[at] = (f * (options.k1 + 1)) / (f + norm);
    }
  });

  const n = facts.length;
  const idfOf = (df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));
  const idfs = Float64Array.from(postings, (p) => idfOf(p.docs.length));
  const unknownIdf = idfOf(1) * options.unknownWordWeight;

  const surfaceWords = [...surface.keys()];
  const surfaceTerm = [...surface.values()];
  const pairIndex = buildPairIndex(surfaceWords);
  const cache = new Map<string, readonly Expansion[]>();

  const fuzzy = (word: string): readonly Expansion[] => {
    const cached = cache.get(word);
    if (cached) return cached;
    const found = fuzzyMatch(word, surfaceWords, pairIndex, options).map((m) => ({
      termId: surfaceTerm[m.wordId]!,
      strength: m.strength,
    }));
    if (cache.size >= FUZZY_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(word, dedupe(found));
    return cache.get(word)!;
  };

  return {
    snapshot,
    facts,
    options,
    termId: (term) => termIds.get(term),
    term: (id) => terms[id]!,
    idf: (id) => (id === undefined ? unknownIdf : idfs[id]!),
    idfOne: idfOf(1),
    postings: (id) => postings[id]!,
    languageLean: (term) => {
      const id = termIds.get(term);
      if (id === undefined) return 0;
      const { en, fr } = lean[id]!;
      return en + fr === 0 ? 0 : (fr - en) / (fr + en);
    },
    fuzzy,
  };
}

interface FieldText {
  readonly field: FactField;
  readonly language: Language;
  readonly text: string;
}

function* fieldsOf(fact: Fact, sourceLanguage: (id: string) => Language): Generator<FieldText> {
  yield { field: 'id', language: 'en', text: fact.id.replace(/-/g, ' ') };
  yield { field: 'claimant', language: 'en', text: fact.attribution.claimant };
  for (const language of ['en', 'fr'] as const) {
    yield { field: 'title', language, text: fact.title[language] };
    yield { field: 'answer', language, text: fact.answer[language] };
    for (const text of fact.aliases[language]) yield { field: 'aliases', language, text };
    for (const text of fact.keywords[language]) yield { field: 'keywords', language, text };
    for (const text of fact.questions[language]) yield { field: 'questions', language, text };
  }
  for (const citation of fact.citations) {
    yield { field: 'quote', language: sourceLanguage(citation.source), text: citation.quote };
    if (citation.translation) yield { field: 'quote', language: 'en', text: citation.translation };
  }
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

function dedupe(expansions: readonly Expansion[]): Expansion[] {
  const best = new Map<number, number>();
  for (const { termId, strength } of expansions) best.set(termId, Math.max(strength, best.get(termId) ?? 0));
  return [...best].map(([termId, strength]) => ({ termId, strength })).sort((a, b) => b.strength - a.strength);
}

/**
 * Knowledge-base words that a word not in the vocabulary may be a misspelling of. Letter pairs pick a
 * few candidates of similar length, and fuse.js matches the word against them.
 */
function fuzzyMatch(
  word: string,
  vocabulary: readonly string[],
  pairIndex: PairIndex,
  options: EngineOptions,
): { wordId: number; strength: number }[] {
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
  const shortlist = candidates.slice(0, MAX_FUZZY_CANDIDATES);
  const fuse = new Fuse(
    shortlist.map((c) => vocabulary[c.id]!),
    { includeScore: true, ignoreLocation: true, isCaseSensitive: true, threshold: FUSE_THRESHOLD },
  );
  const matches: { wordId: number; strength: number }[] = [];
  for (const result of fuse.search(word)) {
    const candidate = vocabulary[shortlist[result.refIndex]!.id]!;
    // fuse.js finds the typo-tolerant matches; whole-word edit similarity then rules out a short word
    // found inside a long one ("name" in "unnamed"), which fuse.js scores as perfect.
    const similarity = editSimilarity(word, candidate);
    if (similarity < options.minFuzzySimilarity) continue;
    const strength = (similarity - options.minFuzzySimilarity) / (1 - options.minFuzzySimilarity);
    matches.push({ wordId: shortlist[result.refIndex]!.id, strength: 0.25 + 0.75 * strength });
  }
  return matches.sort((a, b) => b.strength - a.strength).slice(0, options.maxFuzzyExpansions);
}
