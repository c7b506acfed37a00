import type { Language } from '../knowledge/schema.ts';
import { splitFrame } from './frame.ts';
import { shippedLexicon } from './lexicon.ts';
import { stripMarkup } from './markup.ts';
import { detectLanguage, foldKeepingCase, hyphenated, stem, unshorten, WORD } from './normalise.ts';
import { FRAMING_WORDS, STOP_WORDS } from './stopwords.ts';

/**
 * The one text pipeline: every text the engine reads — a question, a fact's fields, a lint check, the
 * report's grouping, an autocomplete lookup — goes through `analyze` (or `textKey`, built on it), so what
 * was indexed and what is searched can never disagree.
 *
 * Discord markup out; case, accents, typographic apostrophes and invisible characters folded; words
 * split (French elisions become words of their own); chat shorthand read as the word it stands for;
 * lightly stemmed; stop words (function words, chat fillers) marked by language, and framing words (who
 * asks and why); words written as names marked; the frame of a professional question ("For the vendor
 * DPIA: …") marked.
 */
export interface AnalyzedWord {
  /** Folded and lower case, shorthand expanded ("backpus", "combien"). */
  readonly word: string;
  /** Its stem ("backpu", "backup"). */
  readonly term: string;
  /** A stop word of the text's language: carries no topic. */
  readonly stop: boolean;
  /** A stop word of the other language only ("comment" in English, "date" nowhere): a topic word there. */
  readonly otherStop: boolean;
  /** A word of a question's framing ("client", "memo", "réunion"): why someone asks, not what about. */
  readonly framing: boolean;
  /** Written as a name is: capitalised after the first word ("does Facebook…") or in capitals ("EU"). */
  readonly name: boolean;
  /** In the frame of the question: what the answer is for, not what it is about. */
  readonly frame: boolean;
  /** Joined to the next word by a hyphen ("back-ups", "US-led"): the two may be one word. */
  readonly hyphenNext: boolean;
  /** Followed by the end of a sentence or clause (". ", "? ", ": ", ";"): "our risk register. TikTok mentioned…". */
  readonly clauseEnd: boolean;
}

export interface Analysis {
  readonly language: Language;
  readonly words: readonly AnalyzedWord[];
}

export interface AnalyzeOptions {
  /** The text's language when known (a fact's field); detected otherwise. */
  readonly language?: Language;
  /** Which language a word belongs to, -1 (English) to 1 (French); general language's by default. */
  readonly languageHint?: (word: string) => number;
  /** Longest text read, in characters; the rest is ignored. */
  readonly maxLength?: number;
  /** Most words a leading frame has; 0 reads no frame (a fact's own text has none). */
  readonly frameMaxWords?: number;
}

/**
 * "where does the traffic go?": where it is sent, which "go" alone, a function word, would not say. Not
 * "where would the data go instead?", "where does it go afterwards?": what is to come. One sentence at a
 * time.
 */
function whereSent(sentence: string): string {
  const at = sentence.search(/\bwhere\b/i);
  if (at < 0 || /\bwhere\s+(?:would|will|could|should)\b/i.test(sentence)) return sentence;
  if (/\b(?:instead|afterwards|after|then|next|later)\b/i.test(sentence)) return sentence;
  return sentence.slice(0, at) + sentence.slice(at).replace(/\b(?:go|goes|went)\b/gi, 'sent');
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const stripped = stripMarkup(options.maxLength === undefined ? text : text.slice(0, options.maxLength)).trim();
  // "what % of TikTok?": a share asked, which the word pattern would drop with the "%". (Each rewrite only
  // where its sign is: most texts, the facts' included, have none.)
  const shared = stripped.includes('%')
    ? stripped.replace(/\b(what|which|quel|quelle|in|en)\s*%/giu, '$1 percentage')
    : stripped;
  // "où vont les données ?", the same in French.
  const marked = /\bo[uù]\s/iu.test(shared)
    ? shared.replace(/\bo[uù]\s+(?:va|vont)\s+(?=(?:le|la|les|leurs?|ses|ces|nos|notre|l')\b)/giu, 'où transitent ')
    : shared;
  const plain = /\bwhere\b/i.test(marked)
    ? marked
        .split(/(?<=[?.!])/)
        .map(whereSent)
        .join('')
    : marked;
  const language = options.language ?? detectLanguage(plain, options.languageHint ?? shippedLexicon().lean);
  const other: Language = language === 'en' ? 'fr' : 'en';
  const parts = options.frameMaxWords ? splitFrame(plain, options.frameMaxWords) : [{ text: plain, frame: false }];
  const out: AnalyzedWord[] = [];
  for (const part of parts) {
    const cased = foldKeepingCase(part.text);
    const matches = [...cased.matchAll(WORD)];
    // Lower case keeps the length of folded text, so a word's lower-case form is at its own indices.
    const lower = cased.toLowerCase().length === cased.length ? cased.toLowerCase() : undefined;
    // Case means something only when it was written as people write: not shouted, not random.
    let natural = false;
    if (lower !== cased) {
      const raws = matches.map((m) => m[0]);
      const long = raws.filter((raw) => raw.length >= 3);
      const shouted = long.filter((raw) => raw === raw.toUpperCase() && /\p{Lu}/u.test(raw)).length;
      const random = raws.some((raw) => /\p{Ll}\p{Lu}/u.test(raw) && !/^\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)+$/u.test(raw));
      natural = !random && shouted * 2 < long.length;
    }
    matches.forEach((match, i) => {
      const raw = match[0];
      const end = match.index + raw.length;
      const folded = lower?.slice(match.index, end) ?? raw.toLowerCase();
      const next = matches[i + 1];
      const hyphenNext = hyphenated(cased, raw, match, next);
      // A prefix joined by a hyphen is no shorthand: "co-founder" is not "company founder".
      const word = hyphenNext ? folded : unshorten(folded);
      const stop = STOP_WORDS[language].has(word);
      let name = false;
      if (natural && folded !== raw) {
        const upper = raw.length - raw.replace(/\p{Lu}/gu, '').length;
        // Not a capital opening a sentence ("Singapore? Seriously?").
        name =
          (out.length > 0 && out.at(-1)!.clauseEnd !== true && /^\p{Lu}/u.test(raw)) ||
          (upper === raw.length && raw.length >= 2);
      }
      out.push({
        word,
        term: stem(word),
        stop,
        // Not an acronym written as one in a text written as people write ("did the EU react?"): a name.
        otherStop: !stop && STOP_WORDS[other].has(word) && !(name && raw === raw.toUpperCase()),
        framing: (FRAMING_WORDS.en.has(word) || FRAMING_WORDS.fr.has(word)) && !predicate(word, out),
        name,
        frame: part.frame,
        hyphenNext,
        // Not the dots of "U.S.": a sentence ends after a word of two letters or more.
        clauseEnd:
          raw.length > 1 && /^[^\p{L}\p{N}]*[.!?;:](?:\s|$)/u.test(cased.slice(end, next?.index ?? cased.length) + ' '),
      });
    });
  }
  return { language, words: markStopPhrases(out) };
}

/**
 * Phrases whose words say nothing of a topic together, though each may alone: "in the end", "au final",
 * "en fin de compte" (how something turned out, asked by `askedKinds`, not an "end" or a "compte"), "at
 * some point" (some time, not a point), "how recent are we talking?" (chat, asking nothing of "us"), "à ce
 * jour", "to date", "pour l'instant" (now, not a day or an instant), "how long", "combien de temps", "how
 * often" (a length of time or a frequency, asked by `askedKinds`, not a "long" or a "temps").
 */
const STOP_PHRASES: readonly (readonly string[])[] = [
  'in the end',
  'at the end of the day',
  'au final',
  'en fin de compte',
  'au bout du compte',
  'a la fin',
  'at some point',
  'at one point',
  'at any point',
  'a ce sujet',
  'veut dire quoi',
  'veulent dire quoi',
  'voulait dire quoi',
  'd ailleurs',
  'par ailleurs',
  'a ce propos',
  'how long',
  'how often',
  'combien de temps',
  // "for what period of time…", "for what length of time": how long.
  'period of time',
  'length of time',
  'a quelle frequence',
  // "is that still the case today?": whether it still holds, asked by `askedKinds`, no "case" nor "true".
  'still the case today',
  'still true today',
  'still valid today',
  'still the case',
  'still true',
  'still valid',
  'encore le cas',
  'toujours le cas',
  'toujours vrai',
  'toujours valable',
  'a ce jour',
  'to date',
  'as of today',
  'as of now',
  'a l heure actuelle',
  'pour l instant',
  'for now',
  'are we talking about',
  'are we talking',
  'we re talking about',
  'we are talking about',
  // "where does the data go these days?", "de nos jours": now, no days.
  'these days',
  'de nos jours',
  'ces temps ci',
  // "sans rapport, mais…": a change of subject (\`readFollowUp\`), no report.
  'sans rapport',
  // "c quoi le cfius dans l'histoire ?", "in all this": the story asked about, no story of its own.
  'dans l histoire',
  'dans cette histoire',
  'dans toute cette histoire',
  'in this story',
  'in the story',
].map((phrase) => phrase.split(' '));

/**
 * Phrases of a question's framing whose words alone may be a subject: "a sales call" (not a sale), "point
 * blank", "un appel commercial", "l'équipe commerciale".
 */
const FRAMING_PHRASES: readonly (readonly string[])[] = [
  'sales call',
  'sales calls',
  'sales meeting',
  'sales team',
  'sales rep',
  'sales reps',
  'sales deck',
  'sales pitch',
  'point blank',
  // Someone's role at work: "our compliance lead", "my team lead".
  'compliance lead',
  'team lead',
  'tech lead',
  'project lead',
  'product lead',
  'legal lead',
  'privacy lead',
  'appel commercial',
  'equipe commerciale',
  'rendez vous commercial',
  'rdv commercial',
  'reunion commerciale',
].map((phrase) => phrase.split(' '));

const INTENDS: ReadonlySet<string> = new Set(
  'compte comptent comptait comptaient compter comptez comptons comptes'.split(' '),
);
const OBJECT_PRONOUNS: ReadonlySet<string> = new Set('les la le l y en me te se nous vous lui leur'.split(' '));

function markStopPhrases(words: AnalyzedWord[]): AnalyzedWord[] {
  // "ils comptent les supprimer ?": "comptent" says they intend to, as "vont" would, not a count.
  for (let i = 0; i < words.length; i++) {
    if (!INTENDS.has(words[i]!.word)) continue;
    let next = i + 1;
    while (next < words.length && OBJECT_PRONOUNS.has(words[next]!.word)) next++;
    if (/(?:er|ir|re)$/.test(words[next]?.word ?? '')) words[i] = { ...words[i]!, stop: true, otherStop: false };
  }
  // Every framing phrase found marks its words, overlapping or not; a stop phrase is read once, from its start.
  markPhrases(words, FRAMING_BY_FIRST, (w) => ({ ...w, framing: true }), false);
  markPhrases(words, STOP_BY_FIRST, (w) => ({ ...w, stop: true, otherStop: false }), true);
  return words;
}

/**
 * Marks each phrase found in the words, each looked up by its first word (every text of every fact is read
 * here at each load). `once`: a phrase found is skipped past, so no other starts inside it.
 */
function markPhrases(
  words: AnalyzedWord[],
  byFirst: ReadonlyMap<string, readonly (readonly string[])[]>,
  mark: (word: AnalyzedWord) => AnalyzedWord,
  once: boolean,
): void {
  for (let i = 0; i < words.length; i++)
    for (const phrase of byFirst.get(words[i]!.word) ?? [])
      if (phrase.every((p, k) => words[i + k]?.word === p)) {
        for (let k = 0; k < phrase.length; k++) words[i + k] = mark(words[i + k]!);
        if (once) {
          i += phrase.length - 1;
          break;
        }
      }
}

function byFirstWord(phrases: readonly (readonly string[])[]): ReadonlyMap<string, (readonly string[])[]> {
  const map = new Map<string, (readonly string[])[]>();
  for (const phrase of phrases) map.set(phrase[0]!, [...(map.get(phrase[0]!) ?? []), phrase]);
  return map;
}
const FRAMING_BY_FIRST = byFirstWord(FRAMING_PHRASES);
const STOP_BY_FIRST = byFirstWord(STOP_PHRASES);

/**
 * "is it legal?", "c'est légal ?": "legal" said of the thing asked about, not the asker's legal team.
 */
function predicate(word: string, before: readonly AnalyzedWord[]): boolean {
  if (word !== 'legal') return false;
  const said = before.map((w) => w.word).filter((w) => !ADVERBS.has(w));
  const [second, last] = [said.at(-2), said.at(-1)];
  return (COPULAS.has(second ?? '') && SUBJECTS.has(last ?? '')) || (second === 'c' && last === 'est') || last === 'ce';
}

const COPULAS: ReadonlySet<string> = new Set(['is', 'was', 'isn', 'are', 'were', 'be']);
const SUBJECTS: ReadonlySet<string> = new Set(['it', 'that', 'this', 'they', 'those', 'these']);
const ADVERBS: ReadonlySet<string> = new Set(['even', 'actually', 'really', 'still', 'vraiment', 'meme', 'bien']);

/**
 * The stems of a text's content words in either language, in order: stop words of both languages out,
 * unless that leaves nothing ("comment" is a French stop word but an English noun).
 */
export function contentTerms(text: string): string[] {
  const all = analyze(text, { language: 'en' }).words.filter((w) => w.word.length > 1);
  const content = all.filter((w) => !w.stop && !w.otherStop);
  const kept = content.length > 0 ? content : all.filter((w) => !(w.stop && STOP_WORDS.fr.has(w.word)));
  return kept.map((w) => w.term);
}

/**
 * One key per text: two texts with the same key say the same words, whatever their case, accents,
 * punctuation, Discord markup and inflection ("Where are the BACKUPS?" and "where is the backup"). Lint
 * compares aliases and questions with it, autocomplete a typed name with the facts', the report groups
 * questions by the sorted `contentTerms` instead (their words, not their wording).
 */
export function textKey(text: string): string {
  return analyze(text, { language: 'en' })
    .words.map((w) => w.term)
    .join(' ');
}

const FIRST_WORD: ReadonlySet<number> = new Set([0]);

/** The kinds of question `questionCues` tells apart. */
export const CUES = ['where', 'when', 'since', 'who', 'why', 'howmany', 'how'] as const;
export type Cue = (typeof CUES)[number];

/**
 * What kind of question a text asks, as cues: where, when, since when (or how long), who, why, how many,
 * how. Two phrasings of one question share their cue ("where are the backups", "les sauvegardes sont où")
 * even when their other words differ; a question and a fact's example that ask differently ("where" and
 * "since when") are less alike.
 */
export function questionCues(
  words: readonly string[],
  language: Language,
  starts: ReadonlySet<number> = FIRST_WORD,
): Set<Cue> {
  const cues = new Set<Cue>();
  words.forEach((w, i) => {
    const next = words[i + 1];
    const after = words[i + 2];
    // Where something is; not where it comes from ("where did that come from?" asks for a source).
    if ((w === 'where' || w === 'wheres') && !words.slice(i + 1).includes('from')) cues.add('where');
    else if (
      w === 'ou' &&
      words[i - 1] !== 'd' &&
      // "on en est où ?" asks how things stand, not where.
      words[i - 2] !== 'en' &&
      (next === undefined ||
        WHERE_AFTER_OU.has(next) ||
        WHERE_BEFORE_OU.has(words[i - 1] ?? '') ||
        // "Changement de sujet : où TikTok garde-t-il … ?": opening a sentence, "ou" (or) joins nothing.
        (language === 'fr' && starts.has(i) && next !== 'bien' && next !== 'alors'))
    )
      cues.add('where');
    else if ((w === 'since' && next === 'when') || (w === 'depuis' && (next === 'quand' || next === 'combien')))
      cues.add('since');
    else if ((w === 'how' && next === 'long') || (w === 'combien' && next === 'de' && after === 'temps'))
      cues.add('since');
    else if ((w === 'when' && words[i - 1] !== 'since') || (w === 'quand' && words[i - 1] !== 'depuis'))
      cues.add('when');
    else if ((w === 'what' || w === 'which' || w === 'quel' || w === 'quelle') && WHEN_NOUNS.has(next ?? ''))
      cues.add('when');
    else if (w === 'who' || w === 'whom' || w === 'whose' || w === 'whos' || w === 'qui') cues.add('who');
    else if (w === 'why' || w === 'pourquoi') cues.add('why');
    else if ((w === 'how' && (next === 'many' || next === 'much')) || (w === 'combien' && next !== 'de'))
      cues.add('howmany');
    else if (w === 'combien' && next === 'de' && after !== 'temps') cues.add('howmany');
    else if (w === 'how' || (w === 'comment' && language === 'fr')) cues.add('how');
  });
  return cues;
}

/** "où" (folded to "ou") asking where: at the end, before "ça", or before a verb of being or keeping ("où sont…"), or after one. */
const WHERE_AFTER_OU: ReadonlySet<string> = new Set(
  'ca est sont se va vont passe passent transite transitent trouve trouvent sont stocke stockees stockes heberge hebergees conserve conservees garde gardees'.split(
    ' ',
  ),
);
/** "elles sont où, ces sauvegardes ?": a verb of being just before "où". */
const WHERE_BEFORE_OU: ReadonlySet<string> = new Set([
  'sont',
  'est',
  'etaient',
  'etait',
  'seront',
  'sera',
  'vont',
  'va',
  // "elles iraient où après ?", "elles partent où ?"
  'ira',
  'iront',
  'irait',
  'iraient',
  'part',
  'partent',
]);
const WHEN_NOUNS: ReadonlySet<string> = new Set(['year', 'month', 'date', 'day', 'annee', 'mois', 'jour']);
