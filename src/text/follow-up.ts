import type { AnalyzedWord } from './analyze.ts';
import { INVOLVED } from './answer-kinds.ts';

/**
 * How a message reads after an answer, in a conversation: a question about that answer itself ("source?",
 * "who said that?", "c'est sûr ?", "since when?", "pourquoi ?"), an elliptical follow-up that needs the
 * previous answer to be understood ("and the backups?", "et à Singapour ?", "where are they stored?"), or a
 * new topic, said as one ("different question: …", "autre chose : …"). Words are analysed words
 * (`analyze`), so case, accents and Discord markup are already folded away.
 */
export type AboutAnswer = 'source' | 'claimant' | 'certainty' | 'date' | 'reason' | 'detail' | 'position';

export interface FollowUpReading {
  /** The message asks about the previous answer itself: where it comes from, who says it, when, why… */
  readonly about: AboutAnswer | undefined;
  /** The message is too short or too allusive to stand alone ("and oracle?", "when was it formed?"). */
  readonly elliptical: boolean;
  /** The message says it changes the subject ("different question", "autre chose", "unrelated"). */
  readonly newTopic: boolean;
  /**
   * The message asks what came before or after the answer's subject, naming nothing else ("and before
   * Biden?", "et avant lui ?", "and after that?"): another fact, not that one. `both` when it says
   * neither or both ("before or after?").
   */
  readonly beforeOrAfter: 'before' | 'after' | 'both' | undefined;
  /**
   * Whether it asks what came after the answer, naming a subject of its own ("et depuis, le gouvernement a
   * continué ?", "since then, what has the government done?"): a later fact, when one fits those words.
   */
  readonly sinceThen: boolean;
  /**
   * Whether it asks what came before the answer, naming a subject of its own ("et avant Biden, Trump avait
   * fait quoi ?", "what did Trump do before that?"): an earlier fact, when one fits those words.
   */
  readonly beforeThen: boolean;
  /** The message opens as a follow-up ("and…", "what about…", "et…"): the same question about something else. */
  readonly opens: boolean;
  /** The message points back at what was just said ("is it run from China?", "elle est dirigée d'où ?"). */
  readonly points: boolean;
  /**
   * The message ends asking the same of something else ("oracle non plus ?", "the Treasury too?", "Oracle
   * either?"), or asks whether it holds despite something ("même avec Oracle ?", "even with Oracle?"):
   * what the previous answer said, said of it.
   */
  readonly likewise: boolean;
  /**
   * The message asks what something is ("c'est quoi ce comité ?", "what's the Treasury's role?"): the fact
   * about that thing, not the answer that only named it.
   */
  readonly definition: boolean;
  /**
   * The message asks how its subject stands to something ("does he report to the new unit?", "is it part
   * of ByteDance?", "elle dépend de Pékin ?"): the words that name that something, after the phrase (none
   * for "is the Treasury one member of it?", whose "it" is the answer's subject). A relation between two,
   * which a fact about one rarely states.
   */
  readonly relatedTo: readonly string[];
  /**
   * The words that say something of their own, before those of the previous answer are set aside: "oracle"
   * in "has oracle confirmed it?" (whether another party confirmed, not how sure the answer is).
   */
  readonly own: readonly string[];
}

/** `everywhere`: words the knowledge base's facts nearly all have, which say nothing of a subject of their own. */
export function readFollowUp(
  words: readonly AnalyzedWord[],
  everywhere: ReadonlySet<string> = new Set(),
): FollowUpReading {
  const plain = words.map((w) => w.word);
  const newTopic = NEW_TOPIC.some((phrase) => containsPhrase(plain, phrase));
  // "ça s'appelle comment en anglais ?", "le nom complet ?", "what's the full name?": what the answer's
  // subject is called, which that answer says in full.
  const naming = NAMING.some((phrase) => containsPhrase(plain, phrase));
  // Words that say something of their own, not the answer's provenance nor the conversation's glue.
  const own = words.filter(
    (w) => !w.stop && !w.framing && !META.has(w.word) && !GLUE.has(w.word) && !(naming && NAME_WORDS.has(w.word)),
  );
  const subject = own.filter((w) => !everywhere.has(w.word));
  // "why would the Treasury even be involved?": what the Treasury's part is, a question of its own.
  // Not "why does that matter?": why the answer is a problem, when it names nothing else.
  const role =
    plain.some((w) => w === 'why' || w === 'pourquoi') &&
    plain.some((w) => INVOLVED.has(w) && (subject.length > 0 || !MATTER.has(w)));
  const content = words.filter((w) => !w.stop && !w.framing && !GLUE.has(w.word));
  const opens = OPENINGS.some((phrase) => startsWithPhrase(plain, phrase));
  // "même avec Oracle ?", "even with Oracle in the picture?": the previous answer, said despite something.
  const likewise =
    LIKEWISE.some((phrase) => endsWithPhrase(plain, phrase)) ||
    DESPITE.some((phrase) => startsWithPhrase(plain, phrase) || startsWithPhrase(plain.slice(1), phrase));
  // Not a relative "that" between a word of substance and a verb in the past ("reporting that questioned
  // whether …"); "who made that public?", "the goal behind that move?" point back.
  const pointing = words.some(
    (w, i) =>
      POINTING.has(w.word) &&
      !(w.word === 'that' && i > 0 && !words[i - 1]!.stop && /ed$/.test(words[i + 1]?.word ?? '')),
  );
  // "did that come out before or after TikTok's announcement?", "c'était avant ou après l'annonce ?": when the
  // answer's claim was made, which its dated source says, whatever else the message names.
  // So "TikTok a publié son annonce avant ou après ?", naming something and ending on it: before or after the
  // answer's own claim. ("before or after?" alone asks what came on either side.)
  const endsComparing = subject.length > 0 && COMPARING_DATES.some((phrase) => endsWithPhrase(plain, phrase));
  const comparesDate =
    (pointing || plain.includes('c') || endsComparing) &&
    COMPARING_DATES.some((phrase) => containsPhrase(plain, phrase));
  // "what's his role?", "c'est quoi son poste ?": the position of someone the answer names, nothing else.
  // So "what does he do (at TikTok)?": what someone does, said of a person ("he", "she"; not French "il", as
  // often a thing: "et le comité, il fait quoi ?").
  // The words of its own, whether or not the answer has them ("division" in "of TikTok's public policy
  // division").
  const position =
    (own.length > 0 &&
      own.every((w) => POSITIONS.has(w.word)) &&
      (plain.some((w) => PERSONS.has(w)) || plain.length <= 3)) ||
    (subject.length === 0 && DOES_PERSON.some((phrase) => containsPhrase(plain, phrase)));
  const about =
    newTopic || role
      ? undefined
      : comparesDate
        ? 'date'
        : position
          ? 'position'
          : subject.length > 0
            ? undefined
            : naming
              ? 'detail'
              : aboutAnswer(plain);
  // "In-house people, or outside firms too?": a few words asking the same of something else, no verb needed.
  const elliptical = !newTopic && (opens || pointing || content.length <= 2 || (likewise && content.length <= 4));
  const beforeOrAfter = newTopic || comparesDate || subject.length > 0 ? undefined : direction(plain);
  // "et depuis, …" opening the message, not "et depuis quand ?" (since when).
  const sinceThen =
    !newTopic &&
    !comparesDate &&
    subject.length > 0 &&
    (SINCE_THEN.some((phrase) => containsPhrase(plain, phrase)) ||
      (plain[0] === 'et' && plain[1] === 'depuis' && !SINCE_WHEN.has(plain[2] ?? '')) ||
      // "what has Biden's team done since?", "qu'a fait Biden depuis ?": since then, the message's end.
      plain.at(-1) === 'since' ||
      plain.at(-1) === 'depuis');
  // Not "what's it supposed to do?": "it" is the answer's own subject.
  const definition =
    role ||
    DEFINITION.some((phrase) => {
      const at = indexOfPhrase(plain, phrase);
      if (at < 0 || PRONOUNS.has(plain[at + phrase.length] ?? '')) return false;
      // Not "what is the stated purpose of that move?", "quelle est la source ?": what the answer rests on.
      const next = words.slice(at + phrase.length).find((w) => !w.stop);
      return !META.has(next?.word ?? '');
    });
  return {
    about,
    elliptical,
    newTopic,
    beforeOrAfter,
    sinceThen,
    beforeThen:
      !newTopic &&
      !comparesDate &&
      subject.length > 0 &&
      plain.some((w) => BEFORE.has(w)) &&
      !plain.some((w) => AFTER.has(w)),
    opens,
    points: pointing,
    relatedTo: relatedTo(plain),
    likewise,
    definition,
    own: own.map((w) => w.word),
  };
}

function direction(words: readonly string[]): 'before' | 'after' | 'both' | undefined {
  const before = words.some((w) => BEFORE.has(w));
  const after = words.some((w) => AFTER.has(w));
  return before && after ? 'both' : before ? 'before' : after ? 'after' : undefined;
}

function aboutAnswer(words: readonly string[]): AboutAnswer | undefined {
  const has = (...list: string[]) => list.some((w) => words.includes(w));
  const phrase = (...list: string[][]) => list.some((p) => containsPhrase(words, p));
  if (
    has(
      'source',
      'sources',
      'sourced',
      'sourcing',
      'proof',
      'evidence',
      'preuve',
      'preuves',
      'reference',
      'link',
      'lien',
      'cite',
    )
  )
    return 'source';
  if (phrase(['where', 'did'], ['where', 'does'], ['where', 'do'], ['d', 'ou'], ['vient', 'd'], ['viennent', 'd']))
    return 'source';
  // "where's that from?", "where is this from?"
  if (has('where', 'wheres') && has('from')) return 'source';
  // "where was it announced?", "c'est annoncé où ?", "publié où ça ?": where the claim was made, its source.
  // French "où" is folded to "ou" ("or"): where only last, or beside "ça" ("publié où ça ?", "il a dit ça où ?").
  const where =
    has('where', 'wheres') ||
    words.some((w, i) => w === 'ou' && (i === words.length - 1 || words[i + 1] === 'ca' || words[i - 1] === 'ca'));
  if (where && has(...PUBLISHED)) return 'source';
  // "how did they get that?", "ils ont eu ça comment ?", "comment ils l'ont obtenu ?": how the claimant came
  // by it, which its source says.
  // "based on what?", "ils se basent sur quoi ?", "ils s'appuient sur quoi ?": what the claim rests on, its
  // source.
  if (
    phrase(
      ['based', 'on', 'what'],
      ['basent', 'sur', 'quoi'],
      ['base', 'sur', 'quoi'],
      ['basee', 'sur', 'quoi'],
      ['appuient', 'sur', 'quoi'],
      ['appuie', 'sur', 'quoi'],
      ['relying', 'on', 'what'],
      ['rely', 'on', 'what'],
    )
  )
    return 'source';
  if (has('how', 'comment') && has(...OBTAINED) && has('they', 'ils', 'elles', 'he', 'she', 'il', 'elle'))
    return 'source';
  // "who's quoted on that?", "qui est cité ?"
  if (has('qui', 'who', 'whos', 'whom') && has('quoted', 'quote', 'cite', 'citee')) return 'claimant';
  // "d'après qui ?", "selon qui ?", "according to whom?"
  if (has('qui', 'who', 'whom') && (has('selon', 'according') || phrase(['d', 'apres']))) return 'claimant';
  // Not "did they say anything to the press?", "ont-ils dit quelque chose ?": whether someone reacted, asked of them.
  if (
    !has('anything', 'something', 'quelque', 'rien') &&
    has(
      'said',
      'announced',
      'says',
      'say',
      'claims',
      'claim',
      'claimed',
      'statement',
      'official',
      'officially',
      'word',
      'dit',
      'dire',
      'disent',
      'affirme',
      'affirment',
      'pretend',
      'pretendent',
      'declaration',
      'officiel',
      'officielle',
      'annonce',
      'annoncee',
      'stated',
    ) &&
    has(
      'who',
      'qui',
      'says',
      'official',
      'statement',
      'officiel',
      'officielle',
      'reporting',
      'presse',
      'press',
      'boite',
      'company',
      'or',
      'ou',
      'just',
      'only',
      'juste',
      'seulement',
    )
  )
    return 'claimant';
  if (
    has(
      'confirmed',
      'confirm',
      'independent',
      'independently',
      'verified',
      'true',
      'sure',
      'certain',
      'reliable',
      'trustworthy',
      'credible',
      'legit',
      'vrai',
      'fiable',
      'confirme',
      'independant',
      'verifie',
      'officiel',
    )
  )
    return 'certainty';
  if (phrase(['c', 'est', 'sur'], ['c', 'est', 'certain'], ['vraiment'])) return 'certainty';
  // "sûr ?", "t'es sûr ?", "sûr de ça ?" (folded to "sur", also "on": only alone or so placed).
  if ((words.length === 1 && words[0] === 'sur') || phrase(['es', 'sur'], ['etes', 'sur'], ['sur', 'de', 'ca']))
    return 'certainty';
  // "how do we know?", "comment on le sait ?"
  if (
    phrase(
      ['how', 'do', 'we', 'know'],
      ['how', 'do', 'you', 'know'],
      ['how', 'do', 'they', 'know'],
      ['comment', 'on', 'le', 'sait'],
      ['comment', 'le', 'sait'],
      ['comment', 'savoir'],
      ['comment', 'on', 'sait'],
    )
  )
    return 'certainty';
  // "why does that matter?", "en quoi c'est un souci ?", "is that a problem?": why the answer is a
  // problem, which it says only if it gives a cause or a consequence.
  if (has('matter', 'matters', 'problem', 'problems', 'souci', 'soucis', 'probleme', 'problemes')) return 'reason';
  // "why not?", "pourquoi ça s'est pas fait ?": why something did not happen, which the answer, giving why
  // it was done, does not say; "pourquoi pas de date ?" asks why, not when.
  if (has('why', 'pourquoi')) return has(...NEGATIONS) ? undefined : 'reason';
  if (
    has('when', 'quand', 'date', 'since', 'recent', 'recently', 'recemment', 'year', 'annee', 'month', 'mois') ||
    phrase(['how', 'old'], ['depuis', 'combien'])
  )
    return 'date';
  // What it is for, or what it does: "what does it do?", "elle sert à quoi ?", "c'est pour quoi faire ?".
  if (
    has(
      'purpose',
      'aim',
      'goal',
      'objective',
      'objectif',
      'objectifs',
      'finalite',
      'sert',
      'servent',
      'servir',
      // "what was the rationale?", "what's the motive?"
      'rationale',
      'motive',
      'motives',
      'motivation',
      'motivations',
    ) ||
    PURPOSE.some((p) => containsPhrase(words, p))
  )
    return 'reason';
  // "more details?", "can you elaborate?", "tu peux développer ?", "tell me more": the answer again, whole.
  if (
    has(...DETAIL_WORDS) ||
    phrase(['tell', 'me', 'more'], ['en', 'dire', 'plus'], ['more', 'info'], ['plus', 'd', 'infos']) ||
    // "sur quoi exactement ?", "about what exactly?", "like what?", "c'est-à-dire ?": what the answer says, in full.
    phrase(
      ['sur', 'quoi'],
      ['quoi', 'exactement'],
      ['about', 'what'],
      ['what', 'exactly'],
      ['like', 'what'],
      ['comme', 'quoi'],
      ['c', 'est', 'a', 'dire'],
    )
  )
    return 'detail';
  return undefined;
}

/**
 * The message without the words that open a follow-up ("ok, and…", "et…", "what about…"): they tie it to
 * the conversation and say nothing of which fact it asks about.
 */
export function withoutOpening<W extends { readonly word: string }>(words: readonly W[]): readonly W[] {
  let start = 0;
  while (start < words.length && FILLERS.has(words[start]!.word)) start++;
  const plain = words.slice(start).map((w) => w.word);
  const opening = OPENINGS.filter((phrase) => startsWithPhrase(plain, phrase)).reduce(
    (longest, phrase) => Math.max(longest, phrase.length),
    0,
  );
  return words.slice(start + opening);
}

function containsPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  return indexOfPhrase(words, phrase) >= 0;
}

function indexOfPhrase(words: readonly string[], phrase: readonly string[]): number {
  for (let i = 0; i + phrase.length <= words.length; i++) if (phrase.every((w, k) => words[i + k] === w)) return i;
  return -1;
}

function startsWithPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  // Fillers before the opening do not count ("ok, and…", "merci, et…").
  let start = 0;
  while (start < words.length && FILLERS.has(words[start]!)) start++;
  return phrase.every((w, k) => words[start + k] === w);
}

function endsWithPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  return phrase.length <= words.length && phrase.every((w, k) => words[words.length - phrase.length + k] === w);
}

/** Words asking for more of the answer: "more details?", "can you elaborate?", "tu peux développer ?". */
const DETAIL_WORDS = [
  'details',
  'detail',
  'elaborate',
  'elaborer',
  'expand',
  'developper',
  'developpe',
  'developpez',
  'precisions',
  'preciser',
  'precisez',
];

/** Asking what something is called: "ça s'appelle comment ?", "le nom complet", "the full name". */
const NAMING: readonly (readonly string[])[] = [
  ['appelle', 'comment'],
  ['comment', 'ca', 's', 'appelle'],
  ['nom', 'complet'],
  ['full', 'name'],
  // "what's it short for?", "what does it stand for?", "le sigle veut dire quoi ?": an acronym in full.
  ['short', 'for'],
  ['stand', 'for'],
  ['stands', 'for'],
  ['acronym'],
  ['acronyme'],
  ['sigle'],
];
/** The words of such a question, with the language the name is asked in. */
const NAME_WORDS: ReadonlySet<string> = new Set(
  'appelle appellent nom complet full name anglais english francais french langue short stand stands acronym acronyme sigle'.split(
    ' ',
  ),
);

/** Words about an answer's provenance and trust, which a question about the previous answer is made of. */
const META: ReadonlySet<string> = new Set(
  `source sources sourced sourcing proof evidence reference link cite citation said says say claims claim claimed
  claiming statement stated official officially quoted quote quoting saying stating matter matters problem problems
  blog post article separate billet communique communiques press release
  souci soucis probleme problemes annonce annoncee annonces confirmed confirm confirmation independent independently verified verify
  true sure certain certainty reliable reliability trustworthy credible legit reporting reported report press
  paper newspaper word company media outlet anyone else get come comes from where when date since why announce
  announced announcement just only purpose point aim goal objective recent recently supposedly allegedly apparently reportedly
  dit dire disent dites affirme affirment affirmation declaration officiel officielle confirme confirmee confirmer
  independant independante verifie verifiee sur sure certain certaine vrai vraie vraiment fiable fiables preuve
  preuves reference lien presse journal media boite entreprise vient viennent tiens tient quand date pourquoi
  annonce annonces annoncee pretend pretendent juste seulement sert servent servir recemment apparemment
  soi disant according selon sait quoted quote citee tiennent tenez year annee tell dire info infos based basent appuient appuie appuyer rely relies relying
  appuyait appuyaient repose reposent reposait rationale motive motives motivation motivations behalf affiche
  affichee affiches affichees
  basee meant supposed achieve accomplish pose posent poser month mois objectif objectifs finalite but buts`
    .split(/\s+/)
    .concat(DETAIL_WORDS),
);

const NEGATIONS = ['not', 'never', 'didn', 'didnt', 'wasn', 'wasnt', 'isn', 'isnt', 'pas', 'jamais', 'ne', 'n'];

/** Phrases asking what something is for or does. */
/** Made public: "announced", "published", "annoncé", "publié". */
const PUBLISHED: readonly string[] = `announced announce published publish posted said written annonce annoncee
  annonces publie publiee publies dit ecrit`.split(/\s+/);

const PURPOSE: readonly (readonly string[])[] = [
  ['what', 'does', 'it', 'do'],
  ['what', 'do', 'they', 'do'],
  ['what', 'is', 'it', 'for'],
  ['whats', 'it', 'for'],
  ['what', 'for'],
  ['what', 's', 'it', 'for'],
  ['pour', 'faire', 'quoi'],
  ['pour', 'quoi', 'faire'],
  ['c', 'est', 'pour', 'quoi'],
  ['meant', 'to', 'do'],
  ['the', 'point'],
  ['to', 'achieve'],
  ['to', 'accomplish'],
  // French "but" (aim), not English "but": after a determiner.
  ['son', 'but'],
  ['leur', 'but'],
  ['le', 'but'],
  ['quel', 'but'],
  ['dans', 'quel', 'but'],
];

const PRONOUNS: ReadonlySet<string> = new Set([
  '',
  'it',
  'its',
  'that',
  'this',
  'they',
  'ca',
  'cela',
  'il',
  'elle',
  'ils',
  'elles',
]);

/** Phrases asking what something is. */
const DEFINITION: readonly (readonly string[])[] = [
  ['c', 'est', 'quoi'],
  ['what', 'is'],
  ['whats'],
  ['what', 's'],
  ['qu', 'est', 'ce', 'que', 'c', 'est'],
  ['quel', 'est', 'ce'],
  ['quelle', 'est', 'cette'],
];

/** Asking whether something came before or after another. */
const COMPARING_DATES: readonly (readonly string[])[] = [
  ['before', 'or', 'after'],
  ['after', 'or', 'before'],
  ['avant', 'ou', 'apres'],
  ['apres', 'ou', 'avant'],
];

/** A position held: "what's his role?", "quel est son poste ?". */
const POSITIONS: ReadonlySet<string> = new Set(
  // "which division is the guy quoted from?": where in the organisation, a position too.
  'role roles job position title poste fonction division departement department service'.split(' '),
);

/** What a person does, asked: "what does he do?", "what does she do there?". */
const DOES_PERSON: readonly (readonly string[])[] = ['does he do', 'does she do', 'is he doing', 'is she doing'].map(
  (phrase) => phrase.split(' '),
);

/** Words naming a person already spoken of: "his", "she", "son", "lui". */
const PERSONS: ReadonlySet<string> = new Set('he she his her him hers son sa lui guy gars mec their leur'.split(' '));

/** Words asking what came before or after. */
const BEFORE: ReadonlySet<string> = new Set(
  'before earlier prior previously beforehand avant auparavant precedemment'.split(' '),
);
const AFTER: ReadonlySet<string> = new Set('after later afterwards apres ensuite'.split(' '));
/** What came after the answer, with a subject of its own: "since then", "depuis lors", "et depuis, …". */
const SINCE_THEN: readonly (readonly string[])[] = [
  ['since', 'then'],
  ['depuis', 'lors'],
  ['depuis', 'ce', 'moment'],
];
const SINCE_WHEN: ReadonlySet<string> = new Set(['quand', 'combien', 'when', 'how']);

/** Words that carry a conversation along without a subject of their own. */
const GLUE: ReadonlySet<string> = new Set(
  `and also too else ok okay thanks thank cool great so then do does doing did done et aussi alors donc merci ok bon ah
  oh hmm font fait faire faisait make makes made making`.split(/\s+/),
);

const FILLERS: ReadonlySet<string> = new Set([
  'ok',
  'okay',
  'thanks',
  'merci',
  'cool',
  'great',
  'bon',
  'ah',
  'oh',
  'so',
  'alors',
]);

/** Openings of a follow-up that leans on the previous answer. */
const OPENINGS: readonly (readonly string[])[] = [
  ['and'],
  ['et'],
  ['what', 'about'],
  ['how', 'about'],
  ['and', 'what', 'about'],
  ['et', 'pour'],
  ['et', 'sous'],
  ['pour', 'aller'],
  ['also'],
  // "qu'en est-il d'Oracle ?", "et qu'en est-il du Trésor ?": what about.
  ['qu', 'en', 'est', 'il'],
  ['et', 'qu', 'en', 'est', 'il'],
];

const MATTER: ReadonlySet<string> = new Set(['matter', 'matters']);

/** Endings asking the same of something else: "oracle non plus ?", "the Treasury too?". */
/** Opening on what the previous answer holds despite: "même avec …", "even with …", "malgré …". */
const DESPITE: readonly (readonly string[])[] = [
  ['even', 'with'],
  ['even', 'if'],
  ['even', 'though'],
  ['meme', 'avec'],
  ['meme', 'si'],
  ['malgre'],
  ['despite'],
  ['in', 'spite', 'of'],
];

const LIKEWISE: readonly (readonly string[])[] = [
  ['non', 'plus'],
  ['either'],
  ['neither'],
  ['too'],
  ['aussi'],
  ['as', 'well'],
  ['egalement'],
];

/** Words pointing at a thing just named: "that data", "ces données". */
export const DEMONSTRATIVES: ReadonlySet<string> = new Set([
  'that',
  'this',
  'those',
  'these',
  'ces',
  'cette',
  'ce',
  'ca',
  'cela',
]);

/** Words pointing back at what was just said: "it", "they", "that", "ça", "ces", "il", "elle". */
const POINTING: ReadonlySet<string> = new Set(
  `it its they them their those these that this he him his she her ca cela ceci ces cette celui celle ceux celles il
  elle ils elles leur leurs lui y en`.split(/\s+/),
);

/** How one thing stands to another: reporting to it, part of it, depending on it, independent from it. */
const RELATION: readonly (readonly string[])[] = [
  ['report', 'to'],
  ['reports', 'to'],
  ['reporting', 'to'],
  ['part', 'of'],
  ['member', 'of'],
  ['belong', 'to'],
  ['belongs', 'to'],
  ['independent', 'from'],
  ['independent', 'of'],
  ['answer', 'to'],
  ['answers', 'to'],
  ['fait', 'partie'],
  ['font', 'partie'],
  ['depend', 'de'],
  ['dependent', 'de'],
  ['rattache', 'a'],
  ['rattachee', 'a'],
  ['independant', 'de'],
  ['independante', 'de'],
];

/** The words after a phrase of relation, up to the message's end. */
function relatedTo(words: readonly string[]): readonly string[] {
  for (const phrase of RELATION) {
    const at = indexOfPhrase(words, phrase);
    if (at >= 0) return words.slice(at + phrase.length);
  }
  return [];
}

/** Phrases that change the subject: the message is read on its own. */
const NEW_TOPIC: readonly (readonly string[])[] = [
  ['different', 'question'],
  ['another', 'question'],
  ['new', 'question'],
  ['other', 'question'],
  ['another', 'one'],
  ['other', 'thing'],
  ['different', 'topic'],
  ['switching', 'topics'],
  ['changing', 'topic'],
  ['change', 'of', 'topic'],
  ['unrelated'],
  ['separately'],
  ['completely', 'different'],
  ['autre', 'chose'],
  ['autre', 'question'],
  ['nouvelle', 'question'],
  ['rien', 'a', 'voir'],
  ['changement', 'de', 'sujet'],
  ['autre', 'sujet'],
  ['sans', 'rapport'],
];

/** Came by something: "how did they get that?", "ils l'ont obtenu comment ?". */
const OBTAINED = [
  'get',
  'got',
  'obtain',
  'obtained',
  'eu',
  'obtenu',
  'obtenus',
  'procure',
  'recupere',
  // "how did they know?", "comment ils l'ont su ?"
  'know',
  'knew',
  'learn',
  'learned',
  'learnt',
  'su',
  'appris',
];
