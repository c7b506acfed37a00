import type { Synonyms } from '../knowledge/schema.ts';
import { analyze, contentTerms as phraseTerms, type AnalyzedWord } from '../text/analyze.ts';
import { STOP_WORDS } from '../text/stopwords.ts';

/** A content word after the shared vocabulary's rewrites: its surface word, and the term it is read as. */
export interface Term {
  readonly word: string;
  readonly term: string;
  /** Index of the first analysed word it comes from (for frame, name and owner marks). */
  readonly at: number;
  /** How many words a phrase of function words read as this term covers ("goes through": 2). */
  readonly span?: number;
}

export interface SynonymRewriter {
  /**
   * The content words of a text, each phrase of synonyms.yaml read as its group's first phrase. With `phrases`
   * (the default), a phrase of function words only ("goes through", "via") is read too, before a content word
   * ("traffic goes through Oracle"; not "did the deal go through?").
   */
  rewrite(words: readonly AnalyzedWord[], isContent: (word: AnalyzedWord) => boolean, phrases?: boolean): Term[];
  /**
   * Every word of a text as a term, stop words included, content words read through the vocabulary: the key
   * of a question asked word for word ("does tiktok keep copies" and "does tiktok keep backups" are one).
   */
  sequence(
    words: readonly AnalyzedWord[],
    isContent: (word: AnalyzedWord) => boolean,
    rewritten?: readonly Term[],
  ): string[];
  /** Single words read as a single term, for fuzzy matching: [folded word, term]. */
  readonly singleWords: readonly (readonly [string, string])[];
  /**
   * The content words of phrases of several words ("parent company"), folded: a misspelt one next to
   * another is read as it before the phrases are ("tiktok parent compnay").
   */
  readonly phraseWords: ReadonlySet<string>;
  /**
   * The terms of equivalent groups whose first phrase is written as a name ("UK", "Ireland", "TikTok"): things
   * staff name, which a question asking about one is about.
   */
  readonly names: ReadonlySet<string>;
}

/**
 * The shared vocabulary as rewrite rules on stemmed content words: every phrase of an equivalent group
 * is read as the group's first phrase, every `words` of a one-way rule as its `means`. Facts and
 * questions go through the same rules, so a fact written with one word is found with any other.
 */
export function synonymRewriter(synonyms: Synonyms): SynonymRewriter {
  const rules = new Map<string, { from: string[]; to: string[] }[]>();
  // Phrases of function words only ("goes through", "via"), read as a word only before what they introduce.
  const functionRules = new Map<string, { from: string[]; to: string[] }[]>();
  const singleWords: [string, string][] = [];
  const phraseWords = new Set<string>();
  const add = (phrase: string, means: string) => {
    const words = analyze(phrase, { language: 'en' }).words;
    const content = words.filter((w) => !w.stop);
    if (content.length > 1) for (const w of content) phraseWords.add(w.word);
    if (words.length > 0 && words.every((w) => w.stop || STOP_WORDS.fr.has(w.word))) {
      const from = words.map((w) => w.term);
      const to = phraseTerms(means);
      if (from.join(' ') === to.join(' ')) return;
      addRule(functionRules, from, to);
      return;
    }
    const from = phraseTerms(phrase);
    const to = phraseTerms(means);
    // A phrase read as itself is kept only when it has several words: so that "White House" is one thing and
    // the one-way rule for "house" does not read half of it.
    if (from.length === 0 || to.length === 0 || (from.join(' ') === to.join(' ') && from.length === 1)) return;
    addRule(rules, from, to);
    if (words.length === 1 && to.length === 1) singleWords.push([words[0]!.word, to[0]!]);
  };
  for (const group of synonyms.equivalent) for (const phrase of group) add(phrase, group[0]!);
  for (const rule of synonyms.one_way) for (const phrase of rule.words) add(phrase, rule.means);
  const names = new Set(
    synonyms.equivalent.filter((group) => /^\p{Lu}/u.test(group[0]!)).map((group) => phraseTerms(group[0]!).join(' ')),
  );

  const rewrite = (
    words: readonly AnalyzedWord[],
    isContent: (word: AnalyzedWord) => boolean,
    phrases = true,
  ): Term[] => {
    // "traffic goes through Oracle", "via Oracle": function words read as a word when a content word follows.
    const out: Term[] = [];
    const taken = new Set<number>();
    for (let i = 0; i < words.length && phrases; i++) {
      const rule = functionRules
        .get(words[i]!.term)
        ?.find(
          (r) =>
            r.from.every((term, k) => words[i + k]?.term === term) &&
            words[i + r.from.length] !== undefined &&
            isContent(words[i + r.from.length]!),
        );
      if (!rule) continue;
      for (const term of rule.to) out.push({ word: words[i]!.word, term, at: i, span: rule.from.length });
      for (let k = 0; k < rule.from.length; k++) taken.add(i + k);
      i += rule.from.length - 1;
    }
    const content: number[] = [];
    words.forEach((w, i) => {
      if (isContent(w) && !taken.has(i)) content.push(i);
    });
    for (let c = 0; c < content.length; c++) {
      const at = content[c]!;
      const first = words[at]!;
      const rule = rules
        .get(first.term)
        ?.find((r) => r.from.every((term, k) => words[content[c + k] ?? -1]?.term === term));
      if (!rule) {
        out.push({ word: first.word, term: first.term, at });
        continue;
      }
      for (const term of rule.to) out.push({ word: first.word, term, at });
      c += rule.from.length - 1;
    }
    return taken.size > 0 ? out.sort((a, b) => a.at - b.at) : out;
  };
  const sequence = (
    words: readonly AnalyzedWord[],
    isContent: (word: AnalyzedWord) => boolean,
    rewritten: readonly Term[] = rewrite(words, isContent),
  ): string[] => {
    const at = new Map<number, string[]>();
    const gone = new Set<number>();
    for (const t of rewritten) {
      at.set(t.at, [...(at.get(t.at) ?? []), t.term]);
      for (let k = 1; k < (t.span ?? 1); k++) gone.add(t.at + k);
    }
    const out: string[] = [];
    // A phrase read as one term stands at its first word; its other words are gone.
    words.forEach((w, i) => {
      if (at.has(i)) out.push(...at.get(i)!);
      else if (!isContent(w) && !gone.has(i)) out.push(w.term);
    });
    return out;
  };
  return { rewrite, sequence, singleWords, phraseWords, names };
}

/** Adds a rule under its first term, longest phrases first so that the longest that matches is read. */
function addRule(rules: Map<string, { from: string[]; to: string[] }[]>, from: string[], to: string[]): void {
  const list = rules.get(from[0]!) ?? [];
  list.push({ from, to });
  list.sort((a, b) => b.from.length - a.from.length);
  rules.set(from[0]!, list);
}
