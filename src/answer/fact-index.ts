import Fuse from 'fuse.js';
import type { Fact, Language, Synonyms } from '../knowledge/schema.ts';
import type { KnowledgeSnapshot } from '../knowledge/snapshot.ts';
import { shippedLexicon, type Lexicon } from '../text/lexicon.ts';
import { phraseTerms, stem, words, wordsWithCase } from '../text/normalise.ts';
import { askedKinds, givenKinds, type AnswerKind } from '../text/answer-kinds.ts';
import {
  FIRST_PERSON_POSSESSIVES,
  FIRST_PERSON_SUBJECTS,
  STOP_WORDS,
  WORK_WORDS,
  speaksOfAsker,
} from '../text/stopwords.ts';
import { editSimilarity } from '../util/edit-distance.ts';
import { featureHash, trainClassifier, type Classifier, type TrainingExample } from './classifier.ts';
import type { EngineOptions, FactField } from './options.ts';

/** One word of a text, as the engine reads it. */
export interface Token {
  /** The folded word as written ("backpus"). */
  readonly word: string;
  /** Its stem after the shared vocabulary's rewrites ("backup"). */
  readonly term: string;
  /** A stop word: not matched, but kept for the classifier's word pairs ("where is" ≠ "when is"). */
  readonly stop: boolean;
  /** In a question, the asker's own thing ("servers" in "our servers"), which no fact is about. */
  readonly owned?: boolean;
  /** In a question, written as a name is ("Facebook", "EU"): if unknown, it is what the question is about. */
  readonly name?: boolean;
  /** In a question, part of its frame ("For the vendor DPIA: …"): what the answer is for, not about. */
  readonly frame?: boolean;
}

/** What a question is about instead of the knowledge base's subjects, and the word that says so. */
export interface OffSubject {
  readonly kind: 'asker' | 'other-name';
  readonly word: string | undefined;
}

/** One knowledge-base term a question's word was matched to, and how strongly (0–1). */
export interface Expansion {
  readonly termId: number;
  readonly strength: number;
  /** For a misspelt word, the knowledge-base word it was matched to ("backups" for "backpus"). */
  readonly word?: string;
}

/** Per-fact lexical evidence for a question: BM25 score, and the weight of the question it explains. */
export interface LexicalHit {
  readonly doc: number;
  score: number;
  covered: number;
}

/**
 * A search index over one snapshot, built once: the text pipeline (stop words, stems, the shared
 * vocabulary of synonyms.yaml), BM25 postings over weighted fields, fuzzy matching of misspelt words
 * against the vocabulary, and the classifier trained on the facts' own examples.
 */
export interface FactIndex {
  readonly snapshot: KnowledgeSnapshot;
  readonly facts: readonly Fact[];
  readonly options: EngineOptions;
  readonly lexicon: Lexicon;
  readonly classifier: Classifier;
  /**
   * The words of a text, stop words marked, synonyms rewritten. For a question (`query`), a word that is a
   * stop word only in the other language is kept when the knowledge base uses it, and names and the
   * asker's own things are marked.
   */
  tokens(text: string, language: Language, query: boolean): Token[];
  termId(term: string): number | undefined;
  term(termId: number): string;
  /** Inverse document frequency of a term. */
  idf(termId: number): number;
  /** The idf of a word found in exactly one fact: the unit that weights are measured in. */
  readonly idfOne: number;
  /** The idf of a word found in this many facts. */
  idfOf(facts: number): number;
  /** Knowledge-base terms a word that is not in the vocabulary may be a misspelling of. */
  fuzzy(word: string): readonly Expansion[];
  /** From -1 (only in English text) to 1 (only in French text). */
  languageLean(term: string): number;
  /** BM25 over the facts for resolved question terms, each with its weight in the question. */
  lexical(terms: readonly { readonly expansions: readonly Expansion[]; readonly weight: number }[]): LexicalHit[];
  /** The classifier's features for a token sequence, with resolved terms in place of misspelt words. */
  features(tokens: readonly Token[]): Int32Array;
  /** The fact one of whose own examples (title, alias, question) reads exactly as these tokens. */
  exampleOf(tokens: readonly Token[]): number | undefined;
  /**
   * The kinds of answer a fact gives (a figure, a length of time, a date): read from its answer, plus the
   * kinds its own example questions ask for (a name too). Names read from its answer are `names`.
   */
  gives(doc: number): ReadonlySet<AnswerKind>;
  /** The names a fact's answer gives, folded ("bytedance", "cfius"): what answers "what's the name of…". */
  names(doc: number): ReadonlySet<string>;
  /**
   * What else than the knowledge base's subjects a question's tokens are about, if anything: the asker's
   * own organisation ("our servers", "chez nous", "nous aussi", in a knowledge base none of whose examples
   * speaks in the first person), or a company of `other_names` that no fact names ("does facebook…").
   */
  offSubject(tokens: readonly Token[], language: Language): OffSubject | undefined;
  /**
   * Whether a term is in synonyms.yaml: a word staff use for a thing, which, when no fact has it, is a
   * thing the knowledge base does not cover ("uk", "india").
   */
  inVocabulary(term: string): boolean;
}

/** Misspelt words remembered per index: a memory bound, not a tuning number (it changes no answer). */
const FUZZY_CACHE_SIZE = 5_000;

export function buildIndex(
  snapshot: KnowledgeSnapshot,
  options: EngineOptions,
  lexicon: Lexicon = shippedLexicon(),
): FactIndex {
  const facts = snapshot.facts;
  const sourceLanguage = (id: string): Language => snapshot.sources.get(id)?.language ?? 'en';
  const rewrite = synonymRewriter(snapshot.synonyms);
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const lean: { en: number; fr: number }[] = [];
  const surface = new Map<string, number>();
  // Each word of other_names, with the name as the policy team wrote it ("youtube" → "YouTube").
  const otherNames = new Map(snapshot.synonyms.other_names.flatMap((name) => words(name).map((w) => [w, name])));
  // The things synonyms.yaml names, each by the word its group is read as ("uk" for UK, United Kingdom…).
  const vocabulary = new Set(snapshot.synonyms.equivalent.map((group) => phraseTerms(group[0]!).join(' ')));

  // "our servers" is the asker's own only in a knowledge base whose examples never speak of "our" things;
  // "chez nous" only in one whose examples never say "nous" or "we".
  const possessives = new Set(FIRST_PERSON_POSSESSIVES);
  let firstPerson = true;
  for (const fact of facts) {
    for (const language of ['en', 'fr'] as const) {
      for (const text of [
        fact.title[language],
        ...fact.aliases[language],
        ...fact.questions[language],
        ...fact.keywords[language],
      ]) {
        for (const word of words(text)) {
          possessives.delete(word);
          if (FIRST_PERSON_SUBJECTS.has(word)) firstPerson = false;
        }
      }
    }
  }

  const tokens = (text: string, language: Language, query: boolean): Token[] => {
    const other: Language = language === 'en' ? 'fr' : 'en';
    const read: Token[] = [];
    for (const { word, name } of wordsWithCase(text)) {
      if (word.length < 2) continue;
      const term = stem(word);
      // A stop word of the other language is kept when the knowledge base uses it ("comment" in English).
      const stop = STOP_WORDS[language].has(word) || (query && STOP_WORDS[other].has(word) && !termIds.has(term));
      const named = name || otherNames.has(word);
      read.push(query && named && !stop ? { word, term, stop, name: true } : { word, term, stop });
    }
    const rewritten = rewrite(read);
    return query ? markOwned(rewritten, language, possessives) : rewritten;
  };
  // The facts' own texts are read once per build, whichever pass needs them.
  const read = new Map<string, Token[]>();
  const factTokens = (text: string, language: Language): Token[] => {
    const key = `${language}\u0000${text}`;
    let sequence = read.get(key);
    if (!sequence) {
      sequence = tokens(text, language, false);
      read.set(key, sequence);
    }
    return sequence;
  };

  const frequencies: Map<number, number>[] = [];
  const docLength = new Float64Array(facts.length);
  facts.forEach((fact, doc) => {
    const tf = new Map<number, number>();
    for (const { field, language, text } of fieldsOf(fact, sourceLanguage)) {
      const weight = options.fieldWeights[field];
      for (const token of factTokens(text, language)) {
        if (token.stop) continue;
        docLength[doc] = (docLength[doc] ?? 0) + weight;
        let id = termIds.get(token.term);
        if (id === undefined) {
          id = terms.length;
          termIds.set(token.term, id);
          terms.push(token.term);
          lean.push({ en: 0, fr: 0 });
        }
        if (!surface.has(token.word)) surface.set(token.word, id);
        tf.set(id, (tf.get(id) ?? 0) + weight);
        if (field !== 'id' && field !== 'claimant') lean[id]![language]++;
      }
    }
    frequencies.push(tf);
  });
  // Misspellings of a synonym ("replcia") are found through the word it is read as.
  for (const [word, term] of rewrite.singleWords) {
    const id = termIds.get(term);
    if (id !== undefined && !surface.has(word)) surface.set(word, id);
  }

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

  // Scratch space reused by every call (JavaScript runs one call at a time): no allocation per posting.
  const hitOf = new Array<LexicalHit | undefined>(n);
  const termBest = new Float64Array(n);
  const termStrength = new Float64Array(n);
  const lexical: FactIndex['lexical'] = (queryTerms) => {
    const hits: LexicalHit[] = [];
    const touched: number[] = [];
    for (const { expansions, weight } of queryTerms) {
      // A misspelt word may match several terms of one fact: the fact keeps its best match.
      for (const { termId, strength } of expansions) {
        const { docs, weights } = postings[termId]!;
        const idf = idfs[termId]!;
        for (let i = 0; i < docs.length; i++) {
          const doc = docs[i]!;
          const score = idf * strength * weights[i]!;
          if (termBest[doc] === 0) touched.push(doc);
          if (score > termBest[doc]!) {
            termBest[doc] = score;
            termStrength[doc] = strength;
          }
        }
      }
      for (const doc of touched) {
        let hit = hitOf[doc];
        if (!hit) {
          hit = { doc, score: 0, covered: 0 };
          hitOf[doc] = hit;
          hits.push(hit);
        }
        hit.score += termBest[doc]!;
        hit.covered += weight * termStrength[doc]!;
        termBest[doc] = 0;
      }
      touched.length = 0;
    }
    for (const hit of hits) hitOf[hit.doc] = undefined;
    return hits;
  };

  const surfaceWords = [...surface.keys()];
  const surfaceTerm = [...surface.values()];
  const pairIndex = buildPairIndex(surfaceWords);
  const cache = new Map<string, readonly Expansion[]>();
  const fuzzy = (word: string): readonly Expansion[] => {
    const cached = cache.get(word);
    if (cached) return cached;
    const found = dedupe(
      fuzzyMatch(word, surfaceWords, pairIndex, options).map((m) => ({
        termId: surfaceTerm[m.wordId]!,
        strength: m.strength,
        word: surfaceWords[m.wordId]!,
      })),
    );
    if (cache.size >= FUZZY_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(word, found);
    return found;
  };

  const features = (sequence: readonly Token[]): Int32Array => {
    const names = new Set<string>();
    sequence.forEach((token, i) => {
      names.add(`w ${token.term}`);
      const next = sequence[i + 1];
      if (next) names.add(`p ${token.term} ${next.term}`);
      if (!token.stop && token.word.length >= 3) {
        const padded = `<${token.word}>`;
        for (let at = 0; at + 3 <= padded.length; at++) names.add(`c ${padded.slice(at, at + 3)}`);
      }
    });
    return Int32Array.from(names, featureHash);
  };

  // A question that reads exactly as a fact's own example is that fact's, whatever the statistics say.
  const exampleKey = (sequence: readonly Token[]) => sequence.map((t) => t.term).join(' ');
  const examples = new Map<string, number>();
  facts.forEach((fact, doc) => {
    for (const { language, text } of examplesOf(fact)) {
      const key = exampleKey(factTokens(text, language));
      if (key !== '' && !examples.has(key)) examples.set(key, doc);
    }
  });

  // A fact answers "how many" if its answer gives a figure, or if it lists such a question among its own
  // examples (a knowledge base whose answers name a service rather than quote a figure); so for "how long"
  // and "when".
  const given = facts.map((fact) => {
    const kinds = givenKinds(`${fact.answer.en} ${fact.answer.fr}`);
    for (const { text } of examplesOf(fact))
      for (const kind of askedKinds(words(text))) if (kind !== 'since') kinds.add(kind);
    return kinds;
  });
  // The names a fact's answer gives: written as names, rare in general language ("ByteDance", "CFIUS",
  // "Calamug"; not "White House" or "United States"), and not the knowledge base's background, found in
  // the answers of more than a few facts ("TikTok", "Oracle").
  const answerNames = facts.map(
    (fact) =>
      new Set(
        [fact.answer.en, fact.answer.fr].flatMap((text) =>
          wordsWithCase(text)
            .filter(({ word, name }) => name && (lexicon.rank(word) ?? Infinity) > options.rareWordRank)
            .map(({ word }) => word),
        ),
      ),
  );
  const answersNaming = new Map<string, number>();
  for (const names of answerNames)
    for (const name of names) answersNaming.set(name, (answersNaming.get(name) ?? 0) + 1);
  for (const names of answerNames)
    for (const name of names) if (answersNaming.get(name)! > options.backgroundNameFacts) names.delete(name);
  const index: Omit<FactIndex, 'classifier'> = {
    snapshot,
    facts,
    options,
    lexicon,
    tokens,
    termId: (term) => termIds.get(term),
    term: (id) => terms[id]!,
    idf: (id) => idfs[id]!,
    idfOne: idfOf(1),
    idfOf,
    fuzzy,
    languageLean: (term) => {
      const id = termIds.get(term);
      if (id === undefined) return 0;
      const { en, fr } = lean[id]!;
      return en + fr === 0 ? 0 : (fr - en) / (fr + en);
    },
    lexical,
    features,
    exampleOf: (sequence) => examples.get(exampleKey(sequence)),
    gives: (doc) => given[doc]!,
    names: (doc) => answerNames[doc]!,
    inVocabulary: (term) => vocabulary.has(term),
    offSubject: (sequence, language) => {
      const other = sequence.find((t) => otherNames.has(t.word) && !termIds.has(t.term));
      if (other) return { kind: 'other-name', word: otherNames.get(other.word) };
      const owned = sequence.find((t) => t.owned && termIds.has(t.term));
      if (owned) return { kind: 'asker', word: owned.word };
      if (!firstPerson) return undefined;
      // "do we store…", "est-ce qu'on garde…": we do what a fact says the company does.
      const doing = sequence.findIndex(
        (t, i) => asksWhatWeDo(sequence, i, language) && !sequence[i + 1]!.stop && termIds.has(sequence[i + 1]!.term),
      );
      if (doing >= 0) return { kind: 'asker', word: sequence[doing + 1]!.word };
      return speaksOfAsker(sequence.map((t) => t.word)) ? { kind: 'asker', word: undefined } : undefined;
    },
  };
  const classifier = trainOn(index, factTokens);
  read.clear();
  return { ...index, classifier };
}

/**
 * The classifier learns from every fact's title, aliases, questions and keywords, each example told apart
 * from the facts that lexical ranking confuses it with.
 */
function trainOn(
  index: Omit<FactIndex, 'classifier'>,
  factTokens: (text: string, language: Language) => Token[],
): Classifier {
  const { options } = index;
  const examples: TrainingExample[] = [];
  // A word in more facts than this says nothing about which ones an example is confused with.
  const rivalIdf = index.idfOf(options.classifier.rivalMaxFacts);
  index.facts.forEach((fact, label) => {
    for (const { language, text } of examplesOf(fact)) {
      const sequence = factTokens(text, language);
      // Its rarest words find the facts it is confused with; common ones would only cost time.
      const ids = [...new Set(sequence.flatMap((t) => (t.stop ? [] : [index.termId(t.term) ?? -1])))].filter(
        (id) => id >= 0 && index.idf(id) >= rivalIdf,
      );
      const terms = ids
        .sort((a, b) => index.idf(b) - index.idf(a))
        .slice(0, options.classifier.rivalWords)
        .map((termId) => ({ expansions: [{ termId, strength: 1 }], weight: 1 }));
      if (sequence.every((t) => t.stop)) continue;
      // With no rare word, the example is still learnt, told apart from other facts picked by the classifier.
      const candidates =
        terms.length === 0 ? [] : topByScore(index.lexical(terms), options.candidates).map((h) => h.doc);
      examples.push({ features: index.features(sequence), label, candidates });
    }
  });
  return trainClassifier(examples, index.facts.length, options.classifier);
}

/**
 * Marks the thing a first-person possessive owns: the head of the words after it, up to a stop word ("our
 * data center", "nos serveurs de secours"), skipping "own"/"propres". The asker's own document or adviser
 * ("our vendor questionnaire", "our outside counsel", "our data protection officer", "notre note") is no
 * such thing: the question is asked for them, not about them.
 */
function markOwned(tokens: Token[], language: Language, possessives: ReadonlySet<string>): Token[] {
  const out = [...tokens];
  for (let i = 0; i < out.length; i++) {
    if (!possessives.has(out[i]!.word)) continue;
    let start = i + 1;
    while (start < out.length && OWN.has(out[start]!.word)) start++;
    let end = start;
    while (end < out.length && !out[end]!.stop) end++;
    const adviser = out.slice(start, end).some((t) => ADVISERS.has(t.word));
    if (adviser || (language === 'en' && WORK_WORDS.en.has(out[end]?.word ?? ''))) continue;
    if (end === start) continue;
    // The head of the phrase: first in French ("nos serveurs de secours"); last in English ("our press
    // monitoring digest"), leaving out a participle that follows it ("where is our data kept").
    let last = end - 1;
    while (last > start && PARTICIPLE.test(out[last]!.word)) last--;
    const head = language === 'fr' ? start : last;
    out[head] = { ...out[head]!, owned: true };
  }
  return out;
}

/** Whether the word at `i` is "we" asked about ("do we", "are we") or French "on", followed by a word. */
function asksWhatWeDo(tokens: readonly Token[], i: number, language: Language): boolean {
  if (i + 1 >= tokens.length) return false;
  const { word } = tokens[i]!;
  if (language === 'fr') return word === 'on';
  return word === 'we' && i > 0 && WE_ASKED.has(tokens[i - 1]!.word);
}

const WE_ASKED: ReadonlySet<string> = new Set(['do', 'did', 'are', 'were', 'can', 'could', 'should', 'will', 'would']);

/** The asker's colleagues and advisers: "our CISO", "notre équipe juridique" asks on their behalf. */
const ADVISERS: ReadonlySet<string> = new Set(
  `team teams officer lead head department dept legal counsel lawyers board committee manager managers director boss ciso cso
  cto ceo cfo dpo rssi cio equipe service direction comite juriste juristes responsable dsi`.split(/\s+/),
);

const OWN: ReadonlySet<string> = new Set(['own', 'propre', 'propres']);

const PARTICIPLE = /^(?:\p{L}{3,}ed|kept|held|sent|run|made|done|put|set)$/u;

/** The `k` hits with the best BM25 score, best first; ties go to the earlier fact. */
export function topByScore(hits: readonly LexicalHit[], k: number): LexicalHit[] {
  const top: LexicalHit[] = [];
  const better = (a: LexicalHit, b: LexicalHit) => (a.score !== b.score ? a.score > b.score : a.doc < b.doc);
  for (const hit of hits) {
    if (top.length === k && !better(hit, top[k - 1]!)) continue;
    let i = top.length === k ? k - 1 : top.length;
    while (i > 0 && better(hit, top[i - 1]!)) {
      top[i] = top[i - 1]!;
      i--;
    }
    top[i] = hit;
  }
  return top;
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

/** What a fact is asked as, and says: its title, aliases, questions, keywords and answer, in both languages. */
function* examplesOf(fact: Fact): Generator<{ readonly language: Language; readonly text: string }> {
  for (const language of ['en', 'fr'] as const) {
    yield { language, text: fact.title[language] };
    yield { language, text: fact.answer[language] };
    for (const text of fact.aliases[language]) yield { language, text };
    for (const text of fact.questions[language]) yield { language, text };
    if (fact.keywords[language].length > 0) yield { language, text: fact.keywords[language].join(', ') };
  }
}

interface SynonymRewriter {
  (tokens: Token[]): Token[];
  /** Single words read as a single term, for fuzzy matching: [folded word, term]. */
  readonly singleWords: readonly (readonly [string, string])[];
}

/**
 * The shared vocabulary as rewrite rules on stemmed content words: every phrase of an equivalent group
 * is read as the group's first phrase, every `words` of a one-way rule as its `means`. Index and
 * questions go through the same rules, so a fact written with one word is found with any other.
 */
function synonymRewriter(synonyms: Synonyms): SynonymRewriter {
  const rules = new Map<string, { from: string[]; to: string[] }[]>();
  const singleWords: [string, string][] = [];
  const add = (phrase: string, means: string) => {
    const from = phraseTerms(phrase);
    const to = phraseTerms(means);
    if (from.length === 0 || to.length === 0 || from.join(' ') === to.join(' ')) return;
    const list = rules.get(from[0]!) ?? [];
    list.push({ from, to });
    list.sort((a, b) => b.from.length - a.from.length);
    rules.set(from[0]!, list);
    const folded = words(phrase);
    if (folded.length === 1 && to.length === 1) singleWords.push([folded[0]!, to[0]!]);
  };
  for (const group of synonyms.equivalent) for (const phrase of group.slice(1)) add(phrase, group[0]!);
  for (const rule of synonyms.one_way) for (const phrase of rule.words) add(phrase, rule.means);

  const rewrite = (tokens: Token[]): Token[] => {
    if (rules.size === 0) return tokens;
    const content = tokens.flatMap((t, i) => (t.stop ? [] : [i]));
    const out: Token[] = [];
    const replaced = new Map<number, Token[]>();
    const dropped = new Set<number>();
    for (let c = 0; c < content.length; c++) {
      const first = tokens[content[c]!]!;
      const rule = rules
        .get(first.term)
        ?.find((r) => r.from.every((term, k) => tokens[content[c + k] ?? -1]?.term === term));
      if (!rule) continue;
      replaced.set(
        content[c]!,
        rule.to.map((term) => ({ ...first, term })),
      );
      for (let k = 1; k < rule.from.length; k++) dropped.add(content[c + k]!);
      c += rule.from.length - 1;
    }
    tokens.forEach((token, i) => {
      if (dropped.has(i)) return;
      out.push(...(replaced.get(i) ?? [token]));
    });
    return out;
  };
  return Object.assign(rewrite, { singleWords });
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
  const best = new Map<number, Expansion>();
  for (const expansion of expansions) {
    const kept = best.get(expansion.termId);
    if (!kept || expansion.strength > kept.strength) best.set(expansion.termId, expansion);
  }
  return [...best.values()].sort((a, b) => b.strength - a.strength);
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
  const shortlist = candidates.slice(0, options.fuzzyShortlist);
  const fuse = new Fuse(
    shortlist.map((c) => vocabulary[c.id]!),
    { includeScore: true, ignoreLocation: true, isCaseSensitive: true, threshold: options.fuseThreshold },
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
