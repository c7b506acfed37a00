import { readFileSync } from 'node:fs';
import { fold, stem } from './normalise.ts';

/**
 * How common a word is in everyday English and French, from the 30,000 commonest words of each language
 * in film and TV subtitles (data/lexicon/README.md: OpenSubtitles 2018, CC BY-SA 4.0). Rank 1 is the commonest
 * word; a word common in either language counts as common.
 */
export interface Lexicon {
  /** The rank of a folded word, undefined when rare. */
  rank(word: string): number | undefined;
  /**
   * For words of rank at most `maxRank`: the rank of the commonest one that a folded word is one typo (a
   * letter added, dropped, changed, or two swapped) away from, undefined when there is none. Its index is
   * built now, not on the first misspelling.
   */
  typos(maxRank: number): (word: string) => number | undefined;
  /**
   * Whether a folded word is itself a word of general language (so not a misspelling of another), or a
   * form of one: "concerner" is "concerne" inflected, not a misspelling of "conserver".
   */
  has(word: string): boolean;
  /**
   * Which language a folded word belongs to, from -1 (English only) to 1 (French only): 0 for a word of both
   * alike or of neither ("oracle"), and in between for a word much commoner in one ("data" is English).
   */
  readonly lean: (word: string) => number;
  readonly size: number;
}

const FILES = ['frequency-en.txt', 'frequency-fr.txt'] as const;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export function buildLexicon(lists: readonly string[]): Lexicon {
  const ranks = new Map<string, number>();
  const byList = lists.map(() => new Map<string, number>());
  lists.forEach((list, i) => {
    let rank = 0;
    for (const line of list.split('\n')) {
      if (line === '' || line.includes("'")) continue;
      rank++;
      const word = fold(line);
      if (!ranks.has(word) || ranks.get(word)! > rank) ranks.set(word, rank);
      if (!byList[i]!.has(word)) byList[i]!.set(word, rank);
    }
  });
  const [english, french] = byList;
  // Every word's forms with one letter dropped, built once per rank limit: a misspelling is then found
  // by looking up its own forms with one letter dropped (SymSpell), not by trying every letter everywhere.
  const deletions = new Map<number, Map<string, string[]>>();
  const deletionsUpTo = (maxRank: number) => {
    let index = deletions.get(maxRank);
    if (index) return index;
    index = new Map();
    for (const [word, rank] of ranks) {
      if (rank > maxRank) continue;
      for (let i = 0; i < word.length; i++) {
        const form = word.slice(0, i) + word.slice(i + 1);
        const list = index.get(form);
        if (list) list.push(word);
        else index.set(form, [word]);
      }
    }
    deletions.set(maxRank, index);
    return index;
  };
  const typos = (maxRank: number) => {
    const index = deletionsUpTo(maxRank);
    return (word: string): number | undefined => {
      let best: number | undefined;
      const consider = (candidate: string) => {
        const rank = ranks.get(candidate);
        if (rank !== undefined && rank <= maxRank && (best === undefined || rank < best)) best = rank;
      };
      consider(word);
      // A letter dropped from a word ("somthing"): the word, with one letter dropped, is this one.
      for (const candidate of index.get(word) ?? []) if (isLetterInserted(word, candidate)) consider(candidate);
      for (let i = 0; i < word.length; i++) {
        const form = word.slice(0, i) + word.slice(i + 1);
        // A letter added ("somethingg"): this word with one letter dropped is the word.
        consider(form);
        // A letter changed or two swapped ("somethign"): both with one letter dropped are alike.
        for (const candidate of index.get(form) ?? []) if (isChangeOrSwap(word, candidate)) consider(candidate);
      }
      return best;
    };
  };
  // The stems of every word, built now (about a tenth of a second for the shipped lists), not on a question.
  const stems = new Set([...ranks.keys()].map(stem));
  return {
    size: ranks.size,
    // Only for longer words: "wher" is one slip from "where", whatever its stem.
    has: (word) => ranks.has(word) || (word.length >= 7 && stems.has(stem(word))),
    lean: (word) => {
      const en = english?.get(word);
      const fr = french?.get(word);
      if (en === undefined) return fr === undefined ? 0 : 1;
      if (fr === undefined) return -1;
      return Math.max(-1, Math.min(1, Math.log(en / fr) / Math.log(10)));
    },
    rank: (word) => ranks.get(word),
    typos,
  };
}

/** Whether `longer` is `shorter` with one letter a–z added somewhere. */
function isLetterInserted(shorter: string, longer: string): boolean {
  let i = 0;
  while (i < shorter.length && shorter[i] === longer[i]) i++;
  return LETTERS.includes(longer[i]!) && longer.slice(i + 1) === shorter.slice(i);
}

/** Whether two words of one length differ by one letter changed to a–z, or two neighbours swapped. */
function isChangeOrSwap(word: string, other: string): boolean {
  if (word.length !== other.length) return false;
  let i = 0;
  while (i < word.length && word[i] === other[i]) i++;
  if (i === word.length) return true;
  if (word.slice(i + 1) === other.slice(i + 1)) return LETTERS.includes(other[i]!);
  return word[i] === other[i + 1] && word[i + 1] === other[i] && word.slice(i + 2) === other.slice(i + 2);
}

let shipped: Lexicon | undefined;

/** The shipped lists, read on first use: immutable data, shared by every snapshot's index. */
export function shippedLexicon(): Lexicon {
  shipped ??= buildLexicon(
    FILES.map((file) => readFileSync(new URL(`../../data/lexicon/${file}`, import.meta.url), 'utf8')),
  );
  return shipped;
}
