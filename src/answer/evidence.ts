import type { Fact, Language } from '../knowledge/schema.ts';
import type { KnowledgeSnapshot } from '../knowledge/snapshot.ts';
import { analyze, CUES, questionCues, type AnalyzedWord, type Cue } from '../text/analyze.ts';
import { fuzzyVocabulary } from './fuzzy.ts';
import type { EngineOptions, FactField } from './options.ts';
import { synonymRewriter, type SynonymRewriter } from './synonyms.ts';

/**
 * Each fact's own evidence, indexed: which terms it has and where (title, aliases, questions, keywords,
 * answer, quotes), how often it uses them and its function words and word pairs, and its example phrasings
 * (title, aliases, questions, keywords). A question's score for a fact depends only on the question, that
 * fact, the shared vocabulary (synonyms.yaml) and general-language word frequencies, and on no other fact
 * but those linked to it by `related` (what a related fact is about counts less in this one's word
 * distribution when this one only mentions it). Adding a fact changes only the answers it wins or competes
 * for, or those of the facts it is related to.
 */
export interface EvidenceIndex {
  readonly facts: readonly Fact[];
  readonly rewriter: SynonymRewriter;
  /** Each fact's links, both ways: the facts it lists in `related` and those that list it. */
  readonly links: ReadonlyMap<string, ReadonlySet<string>>;
  termId(term: string): number | undefined;
  term(termId: number): string;
  /** The share of facts (0–1) whose text has the term. */
  factShare(termId: number): number;
  /** Knowledge-base terms a word no fact has may be a misspelling of, best first. */
  fuzzy(word: string): readonly Expansion[];
  /**
   * The fact one of whose own examples (title, alias, question, in either language) reads as these terms,
   * stop words included (`SynonymRewriter.sequence`).
   */
  exampleOf(terms: readonly string[]): number | undefined;
  /** Each fact's evidence for a question: the facts that share a term with it, in no particular order. */
  score(question: ScoredQuestion): FactScore[];
  /**
   * What the question's function words and word pairs add to a fact's likelihood (see `FactScore`), computed
   * for the few facts worth it: the rest of the likelihood needs only the question's terms.
   */
  sequenceLikelihood(doc: number, question: ScoredQuestion): number;
}

/** One knowledge-base term a question's word was matched to, and how strongly (0–1). */
export interface Expansion {
  readonly termId: number;
  readonly strength: number;
  /** For a misspelt word, the knowledge-base word it was matched to ("backups" for "backpus"). */
  readonly word?: string;
}

/** A question's term as scoring takes it: what it may match and how much it weighs. */
export interface ScoredTerm {
  readonly expansions: readonly Expansion[];
  /**
   * Read through synonyms.yaml ("fiche de paie" as "payslip"): the policy team said what it means in either
   * language, so a fact that has it only in its other language's text has it as much.
   */
  readonly translated: boolean;
  /** Its weight as evidence for a fact that explains it. */
  readonly weight: number;
  /** Its weight against a fact that does not explain it (more for a name: what the question is about). */
  readonly missWeight: number;
  /**
   * How likely each expansion's word is in general language: the prior its likelihood in a fact is measured
   * against (for a misspelt word, the word it was matched to: "bakcups" is as common as "backups").
   */
  readonly priors: readonly number[];
}

/** A question as scoring takes it. */
export interface ScoredQuestion {
  readonly terms: readonly ScoredTerm[];
  /** Its function words and adjacent word pairs (`sequenceTokens`), counted by its likelihood only. */
  readonly sequence: readonly SequenceToken[];
  /** What kind of question it asks (`questionCues`). */
  readonly cues: ReadonlySet<Cue>;
  readonly language: Language;
}

/** A function word or a pair of adjacent words, hashed, with its weight and general-language probability. */
export interface SequenceToken {
  readonly key: number;
  readonly weight: number;
  readonly prior: number;
}

/** One fact's evidence for a question. */
export interface FactScore {
  readonly doc: number;
  /** The question's weight this fact explains: each term's weight × how well the fact has it. */
  readonly explained: number;
  /** The question's weight this fact leaves unexplained: each term's miss weight × how badly the fact has it. */
  readonly missing: number;
  /** Per question term, how well this fact explains it (0–1). */
  readonly matched: Float64Array;
  /** The closest of the fact's own examples: weighted cosine of shared terms and cues (0–1). */
  readonly similarity: number;
  /** The most of one of the fact's own examples that the question says: its weight shared, 0–1. */
  readonly exampleCoverage: number;
  /** Share (0–1) of the question's cues (where, when, who…) that the fact's own examples ask too. */
  readonly cues: number;
  /**
   * How much likelier the fact's own text makes the question's terms than general language does (query
   * likelihood with a Dirichlet prior of general-language word frequencies, as a log ratio): high when the
   * question's words are the ones the fact uses most.
   */
  readonly likelihood: number;
}

/**
 * A word a fact only mentions (in its answer or quotes) while a fact related to it is about it (in its
 * examples) counts `share` as often in the first fact's word distribution: "TikTok keeps backups, even though
 * its traffic now goes through Oracle" is not about the traffic. Only facts linked by `related` affect each other.
 */
function discountRelatedMentions(
  facts: readonly Fact[],
  linksById: ReadonlyMap<string, ReadonlySet<string>>,
  lists: readonly { docs: Int32Array; values: Float32Array }[],
  exampleLists: readonly { docs: Int32Array; values: Float32Array }[],
  exampleFacts: Int32Array,
  share: number,
): void {
  if (share === 1) return;
  const docOf = new Map(facts.map((f, i) => [f.id, i]));
  const links = facts.map((fact) => [...linksById.get(fact.id)!].map((id) => docOf.get(id)!));
  const about = new Set<number>();
  lists.forEach(({ docs, values }, id) => {
    const examples = exampleLists[id]!.docs;
    if (examples.length === 0) return;
    about.clear();
    for (const e of examples) about.add(exampleFacts[e]!);
    docs.forEach((doc, k) => {
      if (about.has(doc)) return;
      for (const j of links[doc]!)
        if (about.has(j)) {
          values[k * 3 + 2]! *= share;
          return;
        }
    });
  });
}

/** Each fact's links both ways: `related` is written on one side, and read on both. */
function linksOf(facts: readonly Fact[]): Map<string, Set<string>> {
  const links = new Map(facts.map((f) => [f.id, new Set<string>()]));
  for (const fact of facts)
    for (const id of fact.related) {
      if (id === fact.id || !links.has(id)) continue;
      links.get(fact.id)!.add(id);
      links.get(id)!.add(fact.id);
    }
  return links;
}

/** The fields that say what a fact is about, as a question would: its examples. */
const EXAMPLE_FIELDS: ReadonlySet<FactField> = new Set(['title', 'aliases', 'questions', 'keywords']);

/** How a fact's field counts as evidence that the fact answers a question using its words. */
const FIELD_STRENGTH: Readonly<Record<FactField, number>> = {
  id: 1,
  title: 1,
  aliases: 1,
  keywords: 1,
  questions: 1,
  answer: 0.85,
  claimant: 0.85,
  quote: 0.7,
};

/** How often a word of each field counts in the fact's word distribution. */
const FIELD_COUNT: Readonly<Record<FactField, number>> = {
  id: 0.5,
  title: 1,
  aliases: 1,
  keywords: 1,
  questions: 1,
  answer: 0.5,
  claimant: 0.5,
  quote: 0.2,
};

/** Misspelt words remembered per index: a memory bound, not a tuning number (it changes no answer). */
const FUZZY_CACHE_SIZE = 5_000;

/**
 * Posting lists built from (id, document, values) triples appended in any order, then sorted by id in
 * one pass (compressed rows): a large index allocates a few arrays, not a few per term.
 */
class Postings {
  private ids = new Int32Array(1024);
  private docs = new Int32Array(1024);
  private values: Float32Array;
  private size = 0;
  constructor(private readonly width: 1 | 3) {
    this.values = new Float32Array(1024 * width);
  }
  add(id: number, doc: number, a: number, b = 0, c = 0): void {
    if (this.size === this.ids.length) {
      const grow = <T extends Int32Array | Float32Array>(array: T): T => {
        const bigger = new (array.constructor as new (n: number) => T)(array.length * 2);
        bigger.set(array);
        return bigger;
      };
      this.ids = grow(this.ids);
      this.docs = grow(this.docs);
      this.values = grow(this.values);
    }
    const at = this.size++;
    this.ids[at] = id;
    this.docs[at] = doc;
    this.values[at * this.width] = a;
    if (this.width === 3) {
      this.values[at * 3 + 1] = b;
      this.values[at * 3 + 2] = c;
    }
  }
  /** One list per id, documents in the order they were added, values interleaved. */
  seal(count: number): { docs: Int32Array; values: Float32Array }[] {
    const start = new Int32Array(count + 1);
    for (let i = 0; i < this.size; i++) start[this.ids[i]! + 1]!++;
    for (let id = 0; id < count; id++) start[id + 1]! += start[id]!;
    const docs = new Int32Array(this.size);
    const values = new Float32Array(this.size * this.width);
    const next = start.slice(0, count);
    for (let i = 0; i < this.size; i++) {
      const at = next[this.ids[i]!]!++;
      docs[at] = this.docs[i]!;
      for (let k = 0; k < this.width; k++) values[at * this.width + k] = this.values[i * this.width + k]!;
    }
    return Array.from({ length: count }, (_, id) => ({
      docs: docs.subarray(start[id], start[id + 1]),
      values: values.subarray(start[id]! * this.width, start[id + 1]! * this.width),
    }));
  }
}

export function buildEvidence(
  snapshot: KnowledgeSnapshot,
  options: EngineOptions,
  salience: (word: string) => number,
): EvidenceIndex {
  const facts = snapshot.facts;
  const sourceLanguage = (id: string): Language => snapshot.sources.get(id)?.language ?? 'en';
  const rewriter = synonymRewriter(snapshot.synonyms);
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const surface = new Map<string, number>();
  const idOf = (term: string, word: string) => {
    let id = termIds.get(term);
    if (id === undefined) {
      id = terms.length;
      termIds.set(term, id);
      terms.push(term);
    }
    if (!surface.has(word)) surface.set(word, id);
    return id;
  };
  // The kinds of question (where, when…) an example asks are terms of its own, apart from words.
  const cueIds = new Map(CUES.map((cue) => [cue, idOf(`?${cue}`, `?${cue}`)]));
  for (const cue of CUES) surface.delete(`?${cue}`);

  // Per fact and term: the best field strength in English and French text, and a weighted count.
  const postings = new Postings(3);
  const factLength = new Float64Array(facts.length);
  const factSequence: { keys: Int32Array; counts: Float32Array }[] = [];
  const factCues = new Int32Array(facts.length);
  const examplePostings = new Postings(1);
  const exampleFact: number[] = [];
  const exampleNorm: number[] = [];
  const examples = new Map<string, number>();
  // Per fact, its terms' English and French strengths and counts, in arrays indexed by term and reset after.
  let en = new Float32Array(1024);
  let fr = new Float32Array(1024);
  let counted = new Float32Array(1024);
  const touched: number[] = [];
  facts.forEach((fact, doc) => {
    const sequence = new Map<number, number>();
    for (const { field, language, text } of fieldsOf(fact, sourceLanguage)) {
      const strength = FIELD_STRENGTH[field];
      const count = FIELD_COUNT[field];
      const analysed = analyze(text, { language }).words;
      // Phrases of function words ("goes through") are read in what the fact is about (its examples), not in
      // what it says: "even though that traffic now goes through Oracle's servers" is not about routing.
      const read = rewriter.rewrite(analysed, isFactContent, EXAMPLE_FIELDS.has(field));
      for (const key of sequenceKeys(analysed)) {
        sequence.set(key, (sequence.get(key) ?? 0) + count);
        factLength[doc] = factLength[doc]! + count;
      }
      for (const { term, word } of read) {
        const id = idOf(term, word);
        if (id >= counted.length) {
          const grow = (a: Float32Array) => {
            const b = new Float32Array(a.length * 2);
            b.set(a);
            return b;
          };
          [en, fr, counted] = [grow(en), grow(fr), grow(counted)];
        }
        factLength[doc] = factLength[doc]! + count;
        if (counted[id] === 0) touched.push(id);
        counted[id]! += count;
        if (field !== 'id' && field !== 'claimant' && language === 'fr') fr[id] = Math.max(fr[id]!, strength);
        else if (field !== 'id' && field !== 'claimant') en[id] = Math.max(en[id]!, strength);
        else {
          en[id] = Math.max(en[id]!, strength);
          fr[id] = Math.max(fr[id]!, strength);
        }
      }
      if (EXAMPLE_FIELDS.has(field)) {
        const key = rewriter.sequence(analysed, isFactContent, read).join(' ');
        if (key !== '' && !examples.has(key)) examples.set(key, doc);
        const asks = questionCues(
          analysed.map((w) => w.word),
          language,
        );
        for (const cue of asks) factCues[doc]! |= 1 << CUES.indexOf(cue);
        if (read.length === 0) continue;
        const weightOf = new Map<number, number>();
        for (const { term, word } of read) {
          const id = termIds.get(term)!;
          if (!weightOf.has(id)) weightOf.set(id, salience(word));
        }
        // What kind of question the example asks counts in how alike it is to a question.
        for (const cue of asks) weightOf.set(cueIds.get(cue)!, options.cueWeight);
        const e = exampleFact.length;
        for (const [id, weight] of weightOf) examplePostings.add(id, e, weight);
        exampleFact.push(doc);
        exampleNorm.push([...weightOf.values()].reduce((a, b) => a + b, 0));
      }
    }
    for (const id of touched) {
      // A word a fact has only in its other language's text is likely another word ("stock", "stocker").
      const [e, f] = [en[id]!, fr[id]!];
      postings.add(
        id,
        doc,
        Math.max(e, f * options.otherLanguageStrength),
        Math.max(f, e * options.otherLanguageStrength),
        counted[id],
      );
      en[id] = 0;
      fr[id] = 0;
      counted[id] = 0;
    }
    touched.length = 0;
    const keys = Int32Array.from(sequence.keys()).sort();
    factSequence.push({ keys, counts: Float32Array.from(keys, (k) => sequence.get(k)!) });
  });
  // Misspellings of a synonym ("replcia") are found through the word it is read as.
  for (const [word, term] of rewriter.singleWords) {
    const id = termIds.get(term);
    if (id !== undefined && !surface.has(word)) surface.set(word, id);
  }
  const lists = postings.seal(terms.length);
  const exampleLists = examplePostings.seal(terms.length);
  const exampleFacts = Int32Array.from(exampleFact);
  const exampleNorms = Float64Array.from(exampleNorm);
  const links = linksOf(facts);
  discountRelatedMentions(facts, links, lists, exampleLists, exampleFacts, options.relatedMentionCount);

  const surfaceWords = [...surface.keys()];
  const surfaceTerm = [...surface.values()];
  const match = fuzzyVocabulary(surfaceWords, options);
  const cache = new Map<string, readonly Expansion[]>();
  const fuzzy = (word: string): readonly Expansion[] => {
    const cached = cache.get(word);
    if (cached) return cached;
    const byTerm = new Map<number, Expansion>();
    for (const m of match(word)) {
      const termId = surfaceTerm[m.wordId]!;
      const kept = byTerm.get(termId);
      if (!kept || m.strength > kept.strength)
        byTerm.set(termId, { termId, strength: m.strength, word: surfaceWords[m.wordId]! });
    }
    const found = [...byTerm.values()].sort((a, b) => b.strength - a.strength);
    if (cache.size >= FUZZY_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(word, found);
    return found;
  };

  // Scratch space reused by every call (JavaScript runs one call at a time): nothing allocated per posting.
  const n = facts.length;
  const slotOf = new Int32Array(n).fill(-1);
  const exampleAcc = new Float64Array(exampleFacts.length);
  const exampleSaid = new Float64Array(exampleFacts.length);
  const mu = options.likelihoodPrior;

  const score = (question: ScoredQuestion): FactScore[] => {
    const { terms: query, cues, language } = question;
    const width = query.length;
    const out: {
      doc: number;
      explained: number;
      missing: number;
      matched: Float64Array;
      gains: Float64Array;
      similarity: number;
      exampleCoverage: number;
      cues: number;
      likelihood: number;
    }[] = [];
    query.forEach(({ expansions, priors, translated }, k) => {
      expansions.forEach(({ termId, strength }, x) => {
        const { docs, values } = lists[termId]!;
        const lane = language === 'en' ? 0 : 1;
        for (let i = 0; i < docs.length; i++) {
          const doc = docs[i]!;
          let slot = slotOf[doc]!;
          if (slot < 0) {
            slot = out.length;
            slotOf[doc] = slot;
            out.push({
              doc,
              explained: 0,
              missing: 0,
              matched: new Float64Array(width),
              gains: new Float64Array(width),
              similarity: 0,
              exampleCoverage: 0,
              cues: 0,
              likelihood: 0,
            });
          }
          const hit = out[slot]!;
          const has = translated ? Math.max(values[i * 3]!, values[i * 3 + 1]!) : values[i * 3 + lane]!;
          const m = strength * has;
          if (m > hit.matched[k]!) hit.matched[k] = m;
          const gain = Math.log1p((strength * values[i * 3 + 2]!) / (mu * priors[x]!));
          if (gain > hit.gains[k]!) hit.gains[k] = gain;
        }
      });
    });
    const cueMask = [...cues].reduce((mask, cue) => mask | (1 << CUES.indexOf(cue)), 0);
    // Every word of the question counts in its likelihood, each function word and pair by its weight; a word
    // the fact does not have is as likely as in general language, discounted by the fact's length.
    const tokens = width + question.sequence.reduce((sum, t) => sum + t.weight, 0);
    for (const hit of out) {
      let explained = 0;
      let missing = 0;
      let gains = tokens * Math.log(mu / (factLength[hit.doc]! + mu));
      query.forEach((t, k) => {
        explained += t.weight * hit.matched[k]!;
        missing += t.missWeight * (1 - hit.matched[k]!);
        gains += hit.gains[k]!;
      });
      hit.explained = explained;
      hit.missing = missing;
      hit.likelihood = gains;
      if (cues.size > 0) hit.cues = popCount(factCues[hit.doc]! & cueMask) / cues.size;
    }

    // The closest example: weighted cosine between the question's terms and cues and the example's.
    const total = query.reduce((sum, t) => sum + t.weight, 0) + options.cueWeight * cues.size;
    const touched: number[] = [];
    const accumulate = (termId: number, weight: number, strength: number, seen: Set<number>) => {
      const { docs: list, values: weights } = exampleLists[termId]!;
      for (let i = 0; i < list.length; i++) {
        const e = list[i]!;
        if (slotOf[exampleFacts[e]!]! < 0 || seen.has(e)) continue;
        seen.add(e);
        if (exampleAcc[e] === 0) touched.push(e);
        exampleAcc[e] = exampleAcc[e]! + weight * strength;
        exampleSaid[e] = exampleSaid[e]! + weights[i]! * strength;
      }
    };
    for (const { expansions, weight } of query) {
      const seen = new Set<number>();
      for (const { termId, strength } of expansions) accumulate(termId, weight, strength, seen);
    }
    for (const cue of cues) accumulate(cueIds.get(cue)!, options.cueWeight, 1, new Set());
    for (const e of touched) {
      const hit = out[slotOf[exampleFacts[e]!]!]!;
      const norm = Math.max(exampleNorms[e]!, 1e-9);
      const sim = total > 0 ? exampleAcc[e]! / Math.sqrt(total * norm) : 0;
      if (sim > hit.similarity) hit.similarity = Math.min(1, sim);
      const said = exampleSaid[e]! / norm;
      if (said > hit.exampleCoverage) hit.exampleCoverage = Math.min(1, said);
      exampleAcc[e] = 0;
      exampleSaid[e] = 0;
    }
    for (const hit of out) slotOf[hit.doc] = -1;
    return out;
  };

  const sequenceLikelihood = (doc: number, question: ScoredQuestion): number => {
    const { keys, counts } = factSequence[doc]!;
    let sum = 0;
    for (const { key, weight, prior } of question.sequence) {
      const at = binarySearch(keys, key);
      if (at >= 0) sum += weight * Math.log1p(counts[at]! / (mu * prior));
    }
    return sum;
  };

  return {
    facts,
    rewriter,
    links,
    termId: (term) => termIds.get(term),
    term: (id) => terms[id]!,
    factShare: (id) => (facts.length === 0 ? 0 : (lists[id]?.docs.length ?? 0) / facts.length),
    fuzzy,
    exampleOf: (sequence) => examples.get(sequence.join(' ')),
    score,
    sequenceLikelihood,
  };
}

/**
 * The tokens of a text that only its likelihood counts: its function words ("how", "are", "my") and its
 * pairs of adjacent words by stem ("how old" is not "old how"), hashed. `general` gives a word's
 * general-language probability, from which a pair's is taken as if its words were independent (×50).
 */
export function sequenceTokens(
  words: readonly AnalyzedWord[],
  general: (word: string) => number,
  options: Pick<EngineOptions, 'functionWeight' | 'pairWeight'>,
): SequenceToken[] {
  const keys = sequenceKeys(words);
  const tokens: SequenceToken[] = [];
  let k = 0;
  words.forEach((w, i) => {
    if (w.stop || w.otherStop) tokens.push({ key: keys[k++]!, weight: options.functionWeight, prior: general(w.word) });
    const next = words[i + 1];
    if (next)
      tokens.push({
        key: keys[k++]!,
        weight: options.pairWeight,
        prior: Math.min(1, 50 * general(w.word) * general(next.word)),
      });
  });
  return tokens;
}

/** The hashed keys of `sequenceTokens`, in the same order: a function word's, then each pair's. */
function sequenceKeys(words: readonly AnalyzedWord[]): number[] {
  const keys: number[] = [];
  let previous = words.length > 0 ? hash(words[0]!.term) : 0;
  words.forEach((w, i) => {
    if (w.stop || w.otherStop) keys.push(hash(w.word) ^ 0x5bd1e995);
    const next = words[i + 1];
    if (next) {
      const current = hash(next.term);
      keys.push(Math.imul(previous, 0x9e3779b1) ^ current);
      previous = current;
    }
  });
  return keys;
}

/** FNV-1a: a 32-bit hash of a string. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}

function binarySearch(sorted: Int32Array, key: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === key) return mid;
    if (v < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function popCount(mask: number): number {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count++;
  return count;
}

/** In a fact's own text, every word but its language's stop words counts. */
function isFactContent(word: AnalyzedWord): boolean {
  return !word.stop && word.word.length > 1;
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
    if (fact.keywords[language].length > 0)
      yield { field: 'keywords', language, text: fact.keywords[language].join(', ') };
    for (const text of fact.questions[language]) yield { field: 'questions', language, text };
  }
  for (const citation of fact.citations) {
    yield { field: 'quote', language: sourceLanguage(citation.source), text: citation.quote };
    if (citation.translation) yield { field: 'quote', language: 'en', text: citation.translation };
  }
}
