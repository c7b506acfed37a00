import type { Synonyms } from '../knowledge/schema.ts';
import { analyze, contentTerms as phraseTerms, type AnalyzedWord } from '../text/analyze.ts';

/** A content word after the shared vocabulary's rewrites: its surface word, and the term it is read as. */
export interface Term {
  readonly word: string;
  readonly term: string;
  /** Index of the first analysed word it comes from (for frame, name and owner marks). */
  readonly at: number;
}

export interface SynonymRewriter {
  /** The content words of a text, each phrase of synonyms.yaml read as its group's first phrase. */
  rewrite(words: readonly AnalyzedWord[], isContent: (word: AnalyzedWord) => boolean): Term[];
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
  const singleWords: [string, string][] = [];
  const add = (phrase: string, means: string) => {
    const from = phraseTerms(phrase);
    const to = phraseTerms(means);
    // A phrase read as itself is kept only when it has several words: so that "White House" is one thing and
    // the one-way rule for "house" does not read half of it.
    if (from.length === 0 || to.length === 0 || (from.join(' ') === to.join(' ') && from.length === 1)) return;
    const list = rules.get(from[0]!) ?? [];
    list.push({ from, to });
    list.sort((a, b) => b.from.length - a.from.length);
    rules.set(from[0]!, list);
    const words = analyze(phrase, { language: 'en' }).words;
    if (words.length === 1 && to.length === 1) singleWords.push([words[0]!.word, to[0]!]);
  };
  for (const group of synonyms.equivalent) for (const phrase of group) add(phrase, group[0]!);
  for (const rule of synonyms.one_way) for (const phrase of rule.words) add(phrase, rule.means);
  const names = new Set(
    synonyms.equivalent.filter((group) => /^\p{Lu}/u.test(group[0]!)).map((group) => phraseTerms(group[0]!).join(' ')),
  );

  const rewrite = (words: readonly AnalyzedWord[], isContent: (word: AnalyzedWord) => boolean): Term[] => {
    const content: number[] = [];
    words.forEach((w, i) => {
      if (isContent(w)) content.push(i);
    });
    const out: Term[] = [];
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
    return out;
  };
  const sequence = (
    words: readonly AnalyzedWord[],
    isContent: (word: AnalyzedWord) => boolean,
    rewritten: readonly Term[] = rewrite(words, isContent),
  ): string[] => {
    const at = new Map<number, string[]>();
    for (const t of rewritten) at.set(t.at, [...(at.get(t.at) ?? []), t.term]);
    const out: string[] = [];
    // A phrase read as one term stands at its first word; its other words are gone.
    words.forEach((w, i) => {
      if (at.has(i)) out.push(...at.get(i)!);
      else if (!isContent(w)) out.push(w.term);
    });
    return out;
  };
  return { rewrite, sequence, singleWords, names };
}
