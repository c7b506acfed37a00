import type { Fact, Language } from '../knowledge/schema.ts';
import { detectLanguage } from '../text/normalise.ts';
import { splitFrame } from '../text/frame.ts';
import { answersKind, askedKinds, type AskedKind } from '../text/answer-kinds.ts';
import { softmax } from './classifier.ts';
import {
  topByScore,
  type Expansion,
  type FactIndex,
  type LexicalHit,
  type OffSubject,
  type Token,
} from './fact-index.ts';

/**
 * What the engine decided for one question. Rendering (terminal, Discord) is someone else's job.
 * - answered: the best fact is the answer;
 * - clarify: one fact is a likely but uncertain match: ask "did you mean …?" (it is `suggestions[0]`);
 * - unknown: the knowledge base does not cover the question; `suggestions` are the nearest facts.
 */
export interface Decision {
  readonly status: 'answered' | 'clarify' | 'unknown';
  /** The answering fact, when status is "answered". */
  readonly fact: Fact | undefined;
  /** Confidence in the best fact, 0–1; 0 when it is ruled out (off subject, or not giving what is asked). */
  readonly score: number;
  readonly language: Language;
  /** Up to `maxSuggestions` nearest facts, never including the answer; for "clarify", the candidate first. */
  readonly suggestions: readonly Fact[];
  /** The question's content words and what each matched, for explaining a decision. */
  readonly terms: readonly QueryTerm[];
  /** The best-ranked facts, best first, with what decided their order, for explaining a decision. */
  readonly ranking: readonly RankedFact[];
  /**
   * What the question is about instead, when it is about the asker's own organisation ("our servers",
   * "chez nous") or names a company of `other_names` ("does facebook…"): no fact is about that, so facts
   * may be suggested, never given as the answer or the "did you mean".
   */
  readonly offSubject: OffSubject | undefined;
}

export interface RankedFact {
  readonly id: string;
  /** Confidence (0–1) that this fact answers the question. */
  readonly confidence: number;
  /** Share (0–1) of the question's weighted words this fact explains. */
  readonly coverage: number;
  /** The classifier's probability (0–1) among the candidates. */
  readonly probability: number;
  /** What the question asks for (a figure, a length of time, a date, a name) that this fact does not give. */
  readonly lacks: readonly AskedKind[];
}

export interface QueryTerm {
  readonly word: string;
  readonly term: string;
  readonly weight: number;
  readonly matches: readonly { readonly term: string; readonly strength: number }[];
  /** In the question's frame ("For the vendor DPIA: …"), so counted for less. */
  readonly frame: boolean;
}

interface ResolvedTerm {
  readonly word: string;
  readonly term: string;
  readonly weight: number;
  readonly expansions: readonly Expansion[];
  readonly frame: boolean;
}

export function decide(index: FactIndex, question: string, rankingSize = index.options.maxSuggestions + 1): Decision {
  const { options } = index;
  const text = question.slice(0, options.maxQuestionLength);
  const language = detectLanguage(text, (term) => index.languageLean(term));
  // "For the vendor DPIA: …", "… ? Needed for the board memo.": what the answer is for, not what it is about.
  const tokens = splitFrame(text, options.frameMaxWords).flatMap((part) =>
    index.tokens(part.text, language, true).map((t) => (part.frame ? { ...t, frame: true } : t)),
  );
  const { terms, sequence } = resolve(index, tokens, language);
  // A question asking how many, how long, when or which name is not answered by a fact that gives none.
  const asked = askedKinds(tokens.map((t) => t.word));
  const questionWords = new Set(tokens.map((t) => t.word));
  const offSubject = index.offSubject(tokens, language);
  const totalWeight = terms.reduce((sum, t) => sum + t.weight, 0);

  const hits = topByScore(index.lexical(terms), Math.max(options.candidates, rankingSize));
  const candidates = hits.slice(0, options.candidates);
  const logits = index.classifier.logits(
    index.features(sequence),
    candidates.map((h) => h.doc),
  );
  const bestScore = candidates[0]?.score ?? 0;
  // The classifier counts as far as it learnt its own examples (a huge knowledge base trained on a time
  // budget may not have); lexical ranking always counts.
  const { typicalLogit, fit } = index.classifier;
  const { none, full } = options.classifierFit;
  const trust = Math.min(1, Math.max(0, (fit - none) / (full - none)));
  const combined = candidates.map((hit, j) => trust * logits[j]! + (options.lexicalWeight * hit.score) / bestScore);
  // "None of these" competes with the candidates, so one weak candidate is not a sure one.
  const probabilities = softmax([...combined, trust * typicalLogit + options.lexicalWeight - options.rejectMargin]);
  const order = candidates.map((_, j) => j).sort((a, b) => combined[b]! - combined[a]! || a - b);

  const ranking: RankedFact[] = [
    ...order.map((j) => ranked(index, candidates[j]!, probabilities[j]!, totalWeight, asked, questionWords)),
    ...hits.slice(options.candidates).map((hit) => ranked(index, hit, 0, totalWeight, asked, questionWords)),
  ];
  // The fact's own example, asked word for word, is that fact's: first, and as sure as can be.
  const exact = index.exampleOf(sequence);
  const at = exact === undefined ? -1 : ranking.findIndex((r) => r.id === index.facts[exact]!.id);
  if (at >= 0) ranking.unshift({ ...ranking.splice(at, 1)[0]!, confidence: 1, probability: 1 });
  const best = ranking[0];
  const confidence = best?.confidence ?? 0;
  // A fact the classifier does not clearly prefer is a guess: ask rather than answer.
  const clear = (best?.probability ?? 0) >= options.minProbability;
  // About something no fact is about, or asking what the best fact does not give: never an answer, at any
  // threshold.
  const ruledOut = offSubject !== undefined || (best?.lacks.length ?? 0) > 0;
  const status =
    !best || ruledOut
      ? 'unknown'
      : confidence >= options.answerThreshold && clear
        ? 'answered'
        : confidence >= options.clarifyThreshold
          ? 'clarify'
          : 'unknown';
  const byId = index.snapshot.factsById;
  const nearest = (status === 'answered' ? ranking.slice(1) : ranking).slice(0, options.maxSuggestions + 1);
  const suggestions = nearest
    .filter((r, i) => (status === 'clarify' && i === 0) || r.coverage >= options.suggestionThreshold)
    .slice(0, options.maxSuggestions)
    .map((r) => byId.get(r.id)!);

  return {
    status,
    fact: status === 'answered' ? byId.get(best!.id) : undefined,
    score: ruledOut ? 0 : round(confidence),
    language,
    suggestions,
    terms: terms.map((t) => ({
      word: t.word,
      term: t.term,
      weight: round(t.weight),
      matches: t.expansions.map((e) => ({ term: index.term(e.termId), strength: round(e.strength) })),
      frame: t.frame,
    })),
    ranking: ranking.slice(0, Math.max(rankingSize, 1)),
    offSubject,
  };
}

function ranked(
  index: FactIndex,
  hit: LexicalHit,
  probability: number,
  totalWeight: number,
  asked: ReadonlySet<AskedKind>,
  questionWords: ReadonlySet<string>,
): RankedFact {
  // What the fact leaves unexplained counts in full while it is a word or two (the subject of a question
  // about something else), then less and less: a long preamble ("for a client questionnaire we are
  // filling in…") is context, not the subject.
  const saturation = index.options.unexplainedSaturation * index.idfOne;
  const unexplained = saturation * (1 - Math.exp(-Math.max(0, totalWeight - hit.covered) / saturation));
  const coverage = hit.covered > 0 ? hit.covered / (hit.covered + unexplained) : 0;
  const w = index.options.probabilityWeight;
  // A fact that gives no figure does not answer "how many", however many words it shares with the
  // question: it may still be the nearest fact, never the answer or the "did you mean".
  // A name is given only if it is not the question's own ("is ByteDance the owner?" names it already).
  const gives = index.gives(hit.doc);
  const named = (kind: AskedKind) =>
    kind === 'name' && [...index.names(hit.doc)].some((name) => !questionWords.has(name));
  const lacks = [...asked].filter((kind) => !answersKind(gives, kind) && !named(kind));
  return {
    id: index.facts[hit.doc]!.id,
    confidence: round(coverage ** (1 - w) * probability ** w),
    coverage: round(coverage),
    probability: round(probability),
    lacks,
  };
}

/**
 * The question's content words, each resolved to knowledge-base words: itself when known, else its
 * likely misspellings. A word nothing matched stays in the question's weight, weighed by how rare it is
 * in general language: "golf" or "Facebook" is what a question is about, "something" is not. The
 * sequence for the classifier keeps stop words, with misspelt words replaced by what they matched.
 */
function resolve(
  index: FactIndex,
  tokens: readonly Token[],
  language: Language,
): { terms: ResolvedTerm[]; sequence: Token[] } {
  const { options } = index;
  const seen = new Set<string>();
  const terms: ResolvedTerm[] = [];
  const sequence: Token[] = [];
  for (const token of tokens) {
    if (token.stop || seen.has(token.term) || terms.length >= options.maxQueryTerms) {
      sequence.push(token);
      continue;
    }
    seen.add(token.term);
    const id = index.termId(token.term);
    // A word of general language ("lunch", "compte") is not a misspelling of a knowledge-base word ("launch").
    const typo = id === undefined && !token.owned && !index.lexicon.has(token.word);
    // A word known only from the other language's text is likely another word ("stock", "stocker").
    const lean = id === undefined ? 0 : index.languageLean(index.term(id)) * (language === 'fr' ? -1 : 1);
    const strength = lean >= 0.99 ? options.otherLanguageStrength : 1;
    const expansions = id !== undefined ? [{ termId: id, strength }] : typo ? index.fuzzy(token.word) : [];
    const weight =
      (expansions.length === 0
        ? unknownWeight(index, token)
        : Math.max(...expansions.map((e) => index.idf(e.termId)))) * (token.frame ? options.frameWeight : 1);
    terms.push({ word: token.word, term: token.term, weight, expansions, frame: token.frame === true });
    sequence.push(
      id === undefined && expansions.length > 0
        ? { ...token, term: index.term(expansions[0]!.termId), word: expansions[0]!.word ?? token.word }
        : token,
    );
  }
  return { terms, sequence };
}

/**
 * The weight of a word the knowledge base does not know, in units of a word found in one fact:
 * commonWordWeight for a common word or a short abbreviation ("something", "truc", "co"), unknownWordWeight
 * for a rare one ("golf", "salaire"), log-scaled by general-language rank in between, and unknownNameWeight
 * for a name ("Facebook", "EU", an `other_names` entry), a word of synonyms.yaml no fact has ("uk"), or the
 * asker's own thing ("our servers").
 */
function unknownWeight(index: FactIndex, token: Token): number {
  const { options } = index;
  if (token.owned || token.name || index.inVocabulary(token.term)) return index.idfOne * options.unknownNameWeight;
  const { word } = token;
  // A typo of a common word ("somethign") is that word; rarer words are too many to guess among.
  const typo = () =>
    word.length >= options.typoMinLength ? index.lexicon.typoOf(word, options.typoMaxRank) : undefined;
  const rank = word.length > 2 ? (index.lexicon.rank(word) ?? typo()) : 0;
  const rarity =
    rank === undefined
      ? 1
      : rank <= options.commonWordRank
        ? 0
        : Math.min(
            1,
            Math.log(rank / options.commonWordRank) / Math.log(options.rareWordRank / options.commonWordRank),
          );
  return index.idfOne * (options.commonWordWeight + (options.unknownWordWeight - options.commonWordWeight) * rarity);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
