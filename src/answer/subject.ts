import type { Fact, Language } from '../knowledge/schema.ts';
import type { KnowledgeSnapshot } from '../knowledge/snapshot.ts';
import { analyze, type AnalyzedWord } from '../text/analyze.ts';
import {
  CLOSINGS,
  EVERYDAY_SUBJECTS,
  OPINIONS,
  FIRST_PERSON_POSSESSIVES,
  FIRST_PERSON_SUBJECTS,
  speaksOfAsker,
} from '../text/stopwords.ts';

/** What a question is about instead of the knowledge base's subjects, and the word that says so. */
export interface OffSubject {
  readonly kind: 'asker' | 'other-name' | 'everyday' | 'thanks' | 'opinion';
  readonly word: string | undefined;
}

export interface SubjectRules {
  /** Whether a word is one of other_names' companies (and, if so, the name as the policy team wrote it). */
  otherName(word: string): string | undefined;
  /** Whether a word names the organisation the knowledge base is about (synonyms.yaml's subject_names). */
  subjectName(word: string): boolean;
  /** Marks, by index, the words that are the asker's own thing ("servers" in "our servers"). */
  owned(words: readonly AnalyzedWord[], language: Language): ReadonlySet<number>;
  /**
   * What else than the best fact's subject a question is about, if anything: the asker's own organisation
   * ("our servers" where the fact is about TikTok's servers, "chez nous", "nous aussi", in a knowledge base
   * none of whose examples speaks in the first person), or a company of other_names that the fact does not
   * name ("does facebook…"), or an everyday subject no fact explains ("the weather in Singapore").
   * `explained` says whether the best fact explains the word at an index, `named` whether synonyms.yaml
   * reads it as a thing staff name ("US", "Singapore"); `pointsBack`, whether the question points at the
   * previous answer ("that data", "ces données").
   */
  offSubject(
    words: readonly AnalyzedWord[],
    owned: ReadonlySet<number>,
    language: Language,
    explained: (index: number) => boolean,
    named: (index: number) => boolean,
    pointsBack?: boolean,
  ): OffSubject | undefined;
}

/** `rareName`: whether the answers write a word as a name rare in general language ("Oracle", not "US"). */
export function subjectRules(snapshot: KnowledgeSnapshot, rareName: (word: string) => boolean): SubjectRules {
  // Each word of other_names, with the name as the policy team wrote it ("youtube" → "YouTube").
  const otherNames = new Map(
    snapshot.synonyms.other_names.flatMap((name) =>
      analyze(name, { language: 'en' }).words.map((w) => [w.word, name] as const),
    ),
  );
  // "our servers" is the asker's own only in a knowledge base whose examples never speak of "our" things;
  // "chez nous" only in one whose examples never say "nous" or "we".
  const possessives = new Set(FIRST_PERSON_POSSESSIVES);
  let firstPerson = true;
  for (const fact of snapshot.facts) {
    for (const text of examplesOf(fact)) {
      for (const { word } of analyze(text, { language: 'en' }).words) {
        possessives.delete(word);
        if (FIRST_PERSON_SUBJECTS.has(word)) firstPerson = false;
      }
    }
  }

  // The organisation the knowledge base is about, as synonyms.yaml names it ("TikTok").
  const subjectNames = new Set(
    snapshot.synonyms.subject_names.flatMap((name) => analyze(name, { language: 'en' }).words.map((w) => w.word)),
  );
  const subjectName = (word: string) => subjectNames.has(word);
  // "do we still keep our own backups of US data, or is it all on Oracle now?", "on bosse avec Oracle depuis
  // quand ?": staff of the organisation the knowledge base is about, speaking of it as "we". So when the
  // question names one of the answers' names or a thing synonyms.yaml names ("US data", "Singapour"), not the
  // subject's own ("does TikTok keep our data" sets the asker apart from it), that the best fact explains,
  // and nothing sets the asker apart: not "my", not "we too", "like TikTok", "our company", "our
  // clients' data".
  // So also in a conversation when it points back at the answer just given ("ok and do we still keep our
  // own copies of that data?"), which was about the organisation.
  const speaksAsOrganisation = (
    words: readonly AnalyzedWord[],
    explained: (index: number) => boolean,
    named: (index: number) => boolean,
    pointsBack: boolean,
  ) =>
    words.some(
      (w, i) => !w.stop && (pointsBack || rareName(w.word) || named(i)) && !subjectName(w.word) && explained(i),
    ) &&
    !words.some((w) => SINGULAR_FIRST_PERSON.has(w.word) || APART.has(w.word) || subjectName(w.word)) &&
    words.at(-1)?.word !== 'nous' &&
    !speaksOfAsker(words.map((w) => w.word));

  return {
    otherName: (word) => otherNames.get(word),
    subjectName,
    owned: (words, language) => markOwned(words, language, possessives),
    offSubject: (words, owned, language, explained, named, pointsBack = false) => {
      // "thanks!", "ok merci", "great, got it": the conversation closing, no question.
      if (words.length > 0 && words.every((w) => CLOSINGS.has(w.word)) && words.some((w) => !GLUE.has(w.word)))
        return { kind: 'thanks', word: undefined };
      // "what do you think?", "t'en penses quoi ?", "your take?": the bot's own opinion, which it has none of;
      // not "what was he worried about?", "qu'en pensent-ils ?", which ask someone else's.
      const content = words.filter((w) => !w.stop && !w.framing);
      if (
        content.length > 0 &&
        content.every((w) => OPINIONS.has(w.word)) &&
        !words.some((w) => SOMEONE_ELSE.has(w.word))
      )
        return { kind: 'opinion', word: content[0]!.word };
      // Not a name that says who asks ("our European client", "un client européen", "a customer in India").
      const asker = (i: number) =>
        ASKERS.has(words[i - 1]?.word ?? '') ||
        ASKERS.has(words[i + 1]?.word ?? '') ||
        (ASKERS.has(words[i - 2]?.word ?? '') && ASKER_PLACE.has(words[i - 1]!.word));
      // Nor the medium the question came through ("in a Slack thread", "un message WhatsApp").
      // "A partner on Slack asked …": a tool the question came through, before the words that say so.
      // "A prospect asked on Slack whether …", "someone pinged me on Teams": after the words that say so.
      const medium = (i: number) =>
        MEDIA.has(words[i + 1]?.word ?? '') ||
        MEDIA.has(words[i - 1]?.word ?? '') ||
        (THROUGH.has(words[i - 1]?.word ?? '') && (words[i + 1]?.framing === true || framedBefore(words, i - 1)));
      const other = words.findIndex((w, i) => otherNames.has(w.word) && !explained(i) && !asker(i) && !medium(i));
      if (other >= 0) return { kind: 'other-name', word: otherNames.get(words[other]!.word) };
      // "what's the weather in Singapore": the weather, which no fact explains, not Singapore's data centers.
      // Not when it is only when the question came up ("a partner at lunch insisted…", "au déjeuner").
      const everyday = words.findIndex(
        (w, i) =>
          (EVERYDAY_SUBJECTS.has(w.word) || weather(words, i)) &&
          !w.framing &&
          !w.frame &&
          !explained(i) &&
          !(WHEN_IT_CAME_UP.has(words[i - 1]?.word ?? '') || words[i - 2]?.word === 'lors'),
      );
      if (everyday >= 0) return { kind: 'everyday', word: words[everyday]!.word };
      if (speaksAsOrganisation(words, explained, named, pointsBack)) return undefined;
      for (const i of owned) if (explained(i)) return { kind: 'asker', word: words[i]!.word };
      if (!firstPerson) return undefined;
      // "do we store…", "est-ce qu'on garde…": we do what a fact says the company does.
      const doing = words.findIndex(
        (_, i) => asksWhatWeDo(words, i, language) && !words[i + 1]!.stop && explained(i + 1),
      );
      if (doing >= 0) return { kind: 'asker', word: words[doing + 1]!.word };
      return speaksOfAsker(words.map((w) => w.word)) ? { kind: 'asker', word: undefined } : undefined;
    },
  };
}

/** "il fait quel temps à Singapour ?", "quel temps fait-il ?": the weather, not a length of time. */
function weather(words: readonly AnalyzedWord[], i: number): boolean {
  if (words[i]!.word !== 'temps' || words[i - 1]?.word !== 'quel') return false;
  return words[i - 2]?.word === 'fait' || words[i + 1]?.word === 'fait';
}

/**
 * The asker's own things, as one person: "my payroll", "mes données". Not "I"/"je" or "me", which only say
 * who asks ("pourriez-vous me préciser …").
 */
const SINGULAR_FIRST_PERSON: ReadonlySet<string> = new Set(['my', 'mine', 'mon', 'ma', 'mes']);

/**
 * Words that set the asker's organisation apart from the one the knowledge base is about: a comparison
 * ("too", "aussi", "comme TikTok") or the asker's own clients ("our customer data", "nos clients").
 */
const APART: ReadonlySet<string> = new Set(
  'too also either aussi egalement comme like pareil customer customers client clients'.split(' '),
);

/** What a question comes through: "a Slack thread", "a WhatsApp message", "un appel Teams", "un post LinkedIn". */
const MEDIA: ReadonlySet<string> = new Set(
  'thread threads call calls message messages email emails mail mails chat chats channel meeting meetings dm dms post posts appel appels reunion reunions groupe'.split(
    ' ',
  ),
);

const THROUGH: ReadonlySet<string> = new Set(['on', 'in', 'via', 'over', 'sur', 'dans', 'par']);
const WROTE: ReadonlySet<string> = new Set(
  'wrote written messaged texted pinged posted ecrit ecrivait envoye poste'.split(' '),
);

/**
 * A framing word ("asked", "mentioned", "demandé") or a verb of writing to someone ("m'a écrit", "messaged")
 * shortly before `i`, with only stop words between.
 */
function framedBefore(words: readonly AnalyzedWord[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    if (words[k]!.framing || WROTE.has(words[k]!.word)) return true;
    if (!words[k]!.stop) return false;
  }
  return false;
}

/** Words that join a closing to the conversation without closing it ("and so…"). */
const GLUE: ReadonlySet<string> = new Set([
  'and',
  'so',
  'alors',
  'et',
  'bon',
  'ah',
  'oh',
  'you',
  'much',
  'lot',
  'beaucoup',
]);

function* examplesOf(fact: Fact): Generator<string> {
  for (const language of ['en', 'fr'] as const) {
    yield fact.title[language];
    yield* fact.aliases[language];
    yield* fact.questions[language];
    yield* fact.keywords[language];
  }
}

/**
 * The thing a first-person possessive owns: the head of the words after it, up to a stop word ("our data
 * center", "nos serveurs de secours"), skipping "own"/"propres". The asker's own document or adviser
 * ("our vendor questionnaire", "our outside counsel", "our data protection officer", "notre note") is no
 * such thing: the question is asked for them, not about them.
 */
function markOwned(words: readonly AnalyzedWord[], language: Language, possessives: ReadonlySet<string>): Set<number> {
  const owned = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    if (!possessives.has(words[i]!.word)) continue;
    // "during our quarterly review", "pendant notre réunion": when the question came up, not what it asks.
    if (words[i - 1]?.word !== 'le' && WHEN_IT_CAME_UP.has(words[i - 1]?.word ?? '')) continue;
    let start = i + 1;
    while (start < words.length && OWN.has(words[start]!.word)) start++;
    // Up to a stop word or the end of the sentence ("our risk register. TikTok mentioned…").
    let end = start;
    while (end < words.length && !words[end]!.stop) if (words[end++]!.clauseEnd) break;
    // "our memo mentions leaked recordings": a phrase opening on the asker's document is about what it cites;
    // "in our Slack channel someone mentioned leaked audio": on the medium it came through, likewise.
    const phrase = words.slice(start, end);
    if (end === start || phrase.some((w) => ADVISERS.has(w.word) || MEDIA.has(w.word)) || words[start]!.framing)
      continue;
    // The head of the phrase: first in French ("nos serveurs de secours"); last in English ("our press
    // monitoring digest"), leaving out a participle that follows it ("where is our data kept").
    let last = end - 1;
    while (last > start && PARTICIPLE.test(words[last]!.word)) last--;
    const head = language === 'fr' ? start : last;
    // "our vendor questionnaire", "notre note": the asker's document, asked for, not about.
    if (!words[head]!.framing && !words[head]!.frame) owned.add(head);
  }
  return owned;
}

/** Whether the word at `i` is "we" asked about ("do we", "are we") or French "on", followed by a word. */
function asksWhatWeDo(words: readonly AnalyzedWord[], i: number, language: Language): boolean {
  if (i + 1 >= words.length) return false;
  const { word } = words[i]!;
  if (language === 'fr') return word === 'on';
  return word === 'we' && i > 0 && WE_ASKED.has(words[i - 1]!.word);
}

const WE_ASKED: ReadonlySet<string> = new Set(['do', 'did', 'are', 'were', 'can', 'could', 'should', 'will', 'would']);

/** The asker's colleagues and advisers: "our CISO", "notre équipe juridique" asks on their behalf. */
const ADVISERS: ReadonlySet<string> = new Set(
  `team teams officer lead head department dept legal counsel lawyers board committee manager managers director boss ciso cso
  cto ceo cfo dpo rssi cio equipe service direction comite juriste juristes responsable dsi`.split(/\s+/),
);

/** "at lunch", "over lunch", "pendant le déjeuner" (by its article), "au déjeuner": when it came up, not what. */
const WHEN_IT_CAME_UP: ReadonlySet<string> = new Set(['at', 'over', 'during', 'au', 'pendant', 'le']);

const OWN: ReadonlySet<string> = new Set(['own', 'propre', 'propres']);

const PARTICIPLE = /^(?:\p{L}{3,}ed|kept|held|sent|run|made|done|put|set)$/u;

/** Who a question comes from, named with a company or a place: "our European client", "a partner at Google". */
const ASKERS: ReadonlySet<string> = new Set(
  `client clients cliente clientes customer customers partner partners partenaire partenaires colleague colleagues
  collegue collegues contact contacts prospect prospects counterpart counterparts homologue homologues office
  bureau subsidiary filiale team equipe`.split(/\s+/),
);
/** "a client in India", "my contact at Google", "un client de Malaisie": where the asker's contact is. */
const ASKER_PLACE: ReadonlySet<string> = new Set(['in', 'at', 'from', 'of', 'chez', 'de', 'du', 'en', 'au']);

/** Someone else than the bot or the asker: "he", "they", "ils" (not "il", impersonal in "faut-il s'inquiéter ?"). */
const SOMEONE_ELSE: ReadonlySet<string> = new Set([
  'he',
  'she',
  'they',
  'him',
  'them',
  'his',
  'their',
  'ils',
  'elles',
  'elle',
]);
