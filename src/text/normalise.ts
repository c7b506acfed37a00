import type { Language } from '../knowledge/schema.ts';
import { CHAT_SHORTHAND, STOP_WORDS } from './stopwords.ts';

const APOSTROPHES = /[\u2018\u2019\u02bc\u2032`´]/g;

/** Lower case, no accents, typographic apostrophes made plain. */
export function fold(text: string): string {
  return foldKeepingCase(text).toLowerCase();
}

export function foldKeepingCase(text: string): string {
  // Plain ASCII has nothing to fold but its apostrophes.
  if (/^[\x20-\x7e\t\n\r]*$/.test(text)) return text.replace(APOSTROPHES, "'");
  return (
    text
      .normalize('NFKD')
      // Zero-width spaces and joiners, soft hyphens, direction marks: invisible, and never a word break.
      .replace(/\p{Cf}+/gu, '')
      .replace(/\p{M}+/gu, '')
      .replace(APOSTROPHES, "'")
      .replace(/æ/g, 'ae')
      .replace(/Æ/g, 'AE')
      .replace(/œ/g, 'oe')
      .replace(/Œ/g, 'OE')
      .replace(/ß/g, 'ss')
  );
}

/**
 * A quote as it is compared with its source: exact words, case and accents, but whitespace, quotation
 * marks and typographic apostrophes do not count.
 */
export function quoteText(text: string): string {
  return text
    .normalize('NFC')
    .replace(APOSTROPHES, "'")
    .replace(/["\u201c\u201d\u201e\u00ab\u00bb]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A word: letters and digits. */
export const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Words of folded text. French elisions (l', d', qu', j'...) are split off as their own short words, and
 * chat shorthand is read as the word it stands for ("cmb" → combien).
 */
export function words(text: string): string[] {
  const folded = fold(text);
  return [...folded.matchAll(WORD)].map(([word], i, all) =>
    hyphenated(folded, word, all[i], all[i + 1]) ? word : unshorten(word),
  );
}

/** Hyphens that join two words ("US-led", "co-founder"). */
export const HYPHENS: ReadonlySet<string> = new Set(['-', '\u2010', '\u2011']);

/** Whether a word is joined to the next by a hyphen: then a prefix ("co-founder"), never a shorthand. */
export function hyphenated(
  text: string,
  word: string,
  match: { index: number } | undefined,
  next: { index: number } | undefined,
): boolean {
  if (!match || !next) return false;
  const end = match.index + word.length;
  return next.index === end + 1 && HYPHENS.has(text[end]!);
}

export function unshorten(word: string): string {
  return CHAT_SHORTHAND.get(word) ?? word;
}

/**
 * A light stemmer for English and French together, so that a question's language does not have to be
 * known to match: plural s, and the commonest verb and participle endings. Typos and the rest are left
 * to fuzzy matching.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word) || UNSTEMMED.has(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  for (const [ending, minStem] of [
    ['ing', 3],
    ['ed', 3],
    ['ent', 4],
  ] as const) {
    if (w.endsWith(ending) && w.length - ending.length >= minStem) {
      w = w.slice(0, -ending.length);
      break;
    }
  }
  // French verbs in -dre: "vendre", "vende", "vendu", "vendent" are one word ("vend"), as are "répondre",
  // "répondu".
  if (/[^aeiou]dre$/.test(w) && w.length >= 6) return w.slice(0, -2);
  const participle = /[^aeiou]d(?:u|ue|us|ues)$/.exec(word);
  if (participle && participle.index + 2 >= 4) return word.slice(0, participle.index + 2);
  // "er" only on long words: French infinitives (supprimer), not English nouns (owner, order).
  for (const [ending, minStem] of [
    ['eur', 4],
    ['ee', 3],
    ['er', 5],
    ['e', 3],
  ] as const) {
    if (w.endsWith(ending) && w.length - ending.length >= minStem) {
      return w.slice(0, -ending.length);
    }
  }
  return w;
}

/** Words whose ending is not an inflection, where stemming would make them another language's word. */
const UNSTEMMED: ReadonlySet<string> = new Set(['pays', 'serveur', 'serveurs']);

/**
 * A language guess from stop words, accents and elisions; `wordLean` (-1 English to 1 French) adds evidence
 * from the other words ("sauvegardes tiktok" has no stop word).
 */
export function detectLanguage(text: string, wordLean?: (word: string) => number): Language {
  let french = 0;
  let english = 0;
  for (const w of words(text)) {
    const fr = STOP_WORDS.fr.has(w);
    const en = STOP_WORDS.en.has(w);
    if (fr && !en) french++;
    if (en && !fr) english++;
    // A word common in both languages ("source", "information") tells nothing; one clearly of one does.
    if (wordLean && !fr && !en) {
      const lean = wordLean(w);
      if (lean > 0.5) french += lean * 0.5;
      if (lean < -0.5) english -= lean * 0.5;
    }
  }
  french += (text.normalize('NFC').match(/[éèêàùçôîûëïœ]/gi)?.length ?? 0) * 0.5;
  french += text.match(/\b(?:l|d|qu|j|n|s|c|m|t)['’]\p{L}/giu)?.length ?? 0;
  return french > english ? 'fr' : 'en';
}
