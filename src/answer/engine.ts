import type { Fact, Language } from '../knowledge/schema.ts';
import type { FactIndex } from './index.ts';
import { STOP_WORDS } from './stopwords.ts';
import { detectLanguage, stem, words } from './text.ts';

/** What the engine decided for one question. Rendering (terminal, Discord) is someone else's job. */
export interface Decision {
  readonly status: 'answered' | 'unknown';
  /** The answering fact, when status is "answered". */
  readonly fact: Fact | undefined;
  /** Confidence of the best match, 0–1: the share of the question's weighted words it explains. */
  readonly score: number;
  readonly language: Language;
  /** Up to `maxSuggestions` nearest facts, never including the answer. */
  readonly suggestions: readonly Fact[];
  /** The question's content words and what each matched, for explaining a decision. */
  readonly terms: readonly QueryTerm[];
  /** The best-ranked facts with their ranking score and coverage, for explaining a decision. */
  readonly ranking: readonly { readonly id: string; readonly score: number; readonly coverage: number }[];
}

export interface QueryTerm {
  readonly word: string;
  readonly term: string;
  readonly weight: number;
  readonly matches: readonly { readonly term: string; readonly strength: number }[];
}

interface Candidate {
  doc: number;
  score: number;
  covered: number;
  evidence: number;
}

export function decide(index: FactIndex, question: string, rankingSize = index.options.maxSuggestions + 1): Decision {
  const { options } = index;
  const text = question.slice(0, options.maxQuestionLength);
  const language = detectLanguage(text, (term) => index.languageLean(term));
  const terms = queryTerms(index, text, language);
  const totalWeight = terms.reduce((sum, t) => sum + t.weight, 0);

  const candidates = new Map<number, Candidate>();
  for (const queryTerm of terms) {
    const best = new Map<number, { score: number; strength: number; idf: number }>();
    for (const match of queryTerm.expansions) {
      const idf = index.idf(match.termId);
      const { docs, weights } = index.postings(match.termId);
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i]!;
        const score = idf * match.strength * weights[i]!;
        const previous = best.get(doc);
        if (!previous || score > previous.score) best.set(doc, { score, strength: match.strength, idf });
      }
    }
    for (const [doc, hit] of best) {
      let candidate = candidates.get(doc);
      if (!candidate) {
        candidate = { doc, score: 0, covered: 0, evidence: 0 };
        candidates.set(doc, candidate);
      }
      candidate.score += hit.score;
      candidate.covered += queryTerm.weight * hit.strength;
      candidate.evidence += hit.idf * hit.strength;
    }
  }

  const ranked = topCandidates(candidates.values(), Math.max(rankingSize, options.maxSuggestions + 1));
  const coverage = (c: Candidate) => (totalWeight > 0 ? c.covered / totalWeight : 0);
  const top = ranked[0];
  const confident =
    top !== undefined &&
    coverage(top) >= options.answerThreshold &&
    (top.evidence >= options.minEvidence * index.idfOne || top.score >= options.minLead * (ranked[1]?.score ?? 0));
  const rest = (confident ? ranked.slice(1) : ranked).slice(0, options.maxSuggestions + 1);
  const suggestions = rest
    .filter((c) => coverage(c) >= options.suggestionThreshold)
    .slice(0, options.maxSuggestions)
    .map((c) => index.facts[c.doc]!);

  return {
    status: confident ? 'answered' : 'unknown',
    fact: confident ? index.facts[top.doc] : undefined,
    score: top ? round(coverage(top)) : 0,
    language,
    suggestions,
    terms: terms.map((t) => ({
      word: t.word,
      term: t.term,
      weight: round(t.weight),
      matches: t.expansions.map((e) => ({ term: index.term(e.termId), strength: round(e.strength) })),
    })),
    ranking: ranked.map((c) => ({ id: index.facts[c.doc]!.id, score: round(c.score), coverage: round(coverage(c)) })),
  };
}

interface ResolvedTerm {
  readonly word: string;
  readonly term: string;
  readonly weight: number;
  readonly expansions: readonly { termId: number; strength: number }[];
}

/**
 * The question's content words, each resolved to knowledge-base words: itself when known, else its
 * likely misspellings. A word stays in the question's weight even when nothing matched it, so that a
 * question mostly about something else is not answered on the strength of one shared word.
 */
function queryTerms(index: FactIndex, text: string, language: Language): ResolvedTerm[] {
  const other: Language = language === 'en' ? 'fr' : 'en';
  const seen = new Set<string>();
  const resolved: ResolvedTerm[] = [];
  for (const word of words(text)) {
    if (word.length < 2 || STOP_WORDS[language].has(word)) continue;
    const term = stem(word);
    // A word that is a stop word only in the other language is kept if the knowledge base uses it
    // ("comment" in English), dropped otherwise.
    if (STOP_WORDS[other].has(word) && index.termId(term) === undefined) continue;
    if (seen.has(term)) continue;
    seen.add(term);
    const id = index.termId(term);
    const expansions = id !== undefined ? [{ termId: id, strength: 1 }] : index.fuzzy(word);
    const weight =
      expansions.length === 0 ? index.idf(undefined) : Math.max(...expansions.map((e) => index.idf(e.termId)));
    resolved.push({ word, term, weight, expansions });
    if (resolved.length >= index.options.maxQueryTerms) break;
  }
  return resolved;
}

/** The best `k` candidates by score, ties broken by coverage then by fact order; no full sort. */
function topCandidates(candidates: Iterable<Candidate>, k: number): Candidate[] {
  const top: Candidate[] = [];
  const better = (a: Candidate, b: Candidate) =>
    a.score !== b.score ? a.score > b.score : a.covered !== b.covered ? a.covered > b.covered : a.doc < b.doc;
  for (const candidate of candidates) {
    if (top.length === k && !better(candidate, top[k - 1]!)) continue;
    let i = top.length === k ? k - 1 : top.length;
    while (i > 0 && better(candidate, top[i - 1]!)) {
      top[i] = top[i - 1]!;
      i--;
    }
    top[i] = candidate;
  }
  return top;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
