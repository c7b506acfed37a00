import { readFileSync } from 'node:fs';
import { fold } from './normalise.ts';

/**
 * How common a word is in everyday English and French, from the 30,000 commonest words of each language
 * in film and TV subtitles (data/lexicon/README.md: OpenSubtitles 2018, CC BY-SA 4.0). Rank 1 is the commonest
 * word; a word common in either language counts as common.
 */
export interface Lexicon {
  /** The rank of a folded word, undefined when rare. */
  rank(word: string): number | undefined;
  /**
   * The rank of the commonest word at most `maxRank` that a folded word is one typo (a letter added,
   * dropped, changed, or two swapped) away from; undefined when there is none.
   */
  typoOf(word: string, maxRank: number): number | undefined;
  /** Whether a folded word is itself a word of general language (so not a misspelling of another). */
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
  const typoOf = (word: string, maxRank: number): number | undefined => {
    let best: number | undefined;
    const consider = (candidate: string) => {
      const rank = ranks.get(candidate);
      if (rank !== undefined && rank <= maxRank && (best === undefined || rank < best)) best = rank;
    };
    for (let i = 0; i <= word.length; i++) {
      const head = word.slice(0, i);
      const tail = word.slice(i);
      if (tail.length > 0) consider(head + tail.slice(1));
      if (tail.length > 1) consider(head + tail[1] + tail[0] + tail.slice(2));
      for (const letter of LETTERS) {
        consider(head + letter + tail);
        if (tail.length > 0) consider(head + letter + tail.slice(1));
      }
    }
    return best;
  };
  return {
    size: ranks.size,
    has: (word) => ranks.has(word),
    lean: (word) => {
      const en = english?.get(word);
      const fr = french?.get(word);
      if (en === undefined) return fr === undefined ? 0 : 1;
      if (fr === undefined) return -1;
      return Math.max(-1, Math.min(1, Math.log(en / fr) / Math.log(10)));
    },
    rank: (word) => ranks.get(word),
    typoOf,
  };
}

let shipped: Lexicon | undefined;

/** The shipped lists, read on first use: immutable data, shared by every snapshot's index. */
export function shippedLexicon(): Lexicon {
  shipped ??= buildLexicon(
    FILES.map((file) => readFileSync(new URL(`../../data/lexicon/${file}`, import.meta.url), 'utf8')),
  );
  return shipped;
}
