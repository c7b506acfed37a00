import type { Fact } from '../knowledge/schema.ts';
import { analyze, questionCues } from '../text/analyze.ts';
import {
  answersKind,
  askedKinds,
  givenKinds,
  namesPosition,
  REACTIONS,
  type AnswerKind,
  type AskedKind,
} from '../text/answer-kinds.ts';
import type { Lexicon } from '../text/lexicon.ts';

/**
 * What each fact gives besides its words: a figure, a length of time, a date, a frequency, an address
 * (read from its answer, or asked by its own example questions), and the names its answer gives. A
 * question asking for one of these is not answered by a fact that gives none.
 */
export interface FactKinds {
  /**
   * What the question asks for that the fact does not give. `parties`: whose reaction it asks for, as
   * `canonical` reads their names.
   */
  lacks(
    id: string,
    asked: ReadonlySet<AskedKind>,
    questionWords: ReadonlySet<string>,
    parties?: readonly string[],
  ): AskedKind[];
  /** Whether the fact says where something is: one of its own example questions asks where. */
  placed(id: string): boolean;
  /**
   * Whether the fact's answer names someone's position ("Albert Calamug, of TikTok's public policy
   * division", "a Treasury spokesperson"): what "what's his role?" asks after it.
   */
  positioned(id: string): boolean;
  /**
   * The year a fact's events are dated by: the first year its answer gives, or else the year it describes
   * the world at (`as_of`).
   */
  year(id: string): number;
  /** Whether an answer writes the word as a name ("oracle", "treasury"). */
  isName(word: string): boolean;
  /** Whether an answer writes the word as a name rare in general language ("oracle", "bytedance"). */
  isRareName(word: string): boolean;
}

export function factKinds(
  facts: readonly Fact[],
  lexicon: Lexicon,
  options: { readonly nameRareRank: number; readonly backgroundNameFacts: number },
  claimDated: (fact: Fact) => boolean = () => false,
  canonical: (word: string) => string = (word) => word,
): FactKinds {
  // Each example is read up to three times below (what it asks, whether why, whether where): once is enough.
  const read = new Map<string, readonly string[]>();
  const words = (text: string) => analyze(text, { language: 'en' }).words;
  const wordsOf = (text: string): readonly string[] => {
    let known = read.get(text);
    if (known === undefined) read.set(text, (known = words(text).map((w) => w.word)));
    return known;
  };
  // A fact answers "how many" if its answer gives a figure, or if it lists such a question among its own
  // examples (a knowledge base whose answers name a service rather than quote a figure); so for "how long"
  // and "when".
  const given = facts.map((fact) => {
    const kinds = givenKinds(`${fact.answer.en} ${fact.answer.fr}`);
    for (const language of ['en', 'fr'] as const)
      for (const text of [fact.title[language], ...fact.aliases[language], ...fact.questions[language]])
        for (const kind of askedKinds(wordsOf(text))) if (kind !== 'since') kinds.add(kind);
    // A fact one of whose own questions asks why gives a reason.
    for (const language of ['en', 'fr'] as const)
      if (fact.questions[language].some((q) => questionCues(wordsOf(q), language).has('why'))) kinds.add('reason');
    return kinds;
  });
  // The names a fact's answer gives: written as names, rare in general language ("ByteDance", "CFIUS",
  // "Calamug"; not "White House" or "United States"), and not the knowledge base's background, found in
  // the answers of more than a few facts ("TikTok", "Oracle").
  // Every word the answers write as a name ("Oracle", "Treasury", "CFIUS").
  const names = new Set<string>();
  const answerNames = facts.map(
    (fact) =>
      new Set(
        [fact.answer.en, fact.answer.fr].flatMap((text) =>
          words(text)
            .filter(
              ({ word, name }) => name && names.add(word) && (lexicon.rank(word) ?? Infinity) > options.nameRareRank,
            )
            .map(({ word }) => word),
        ),
      ),
  );
  // A person's name in a fact's answer: a rare name after a capitalised first name ("Albert Calamug",
  // "Marie J. Dupont"), not a firm's ("BuzzFeed News", "Oracle Cloud").
  facts.forEach((fact, doc) => {
    for (const text of [fact.answer.en, fact.answer.fr])
      for (const m of text.matchAll(PERSON_NAME))
        if (answerNames[doc]!.has(m[1]!.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')))
          given[doc]!.add('person');
  });
  const rareNames = new Set(answerNames.flatMap((names) => [...names]));
  const answersNaming = new Map<string, number>();
  for (const names of answerNames)
    for (const name of names) answersNaming.set(name, (answersNaming.get(name) ?? 0) + 1);
  for (const names of answerNames)
    for (const name of names) if (answersNaming.get(name)! > options.backgroundNameFacts) names.delete(name);

  const placed = new Set(
    facts
      .filter((fact) =>
        (['en', 'fr'] as const).some(
          (l) =>
            fact.questions[l].some((q) => questionCues(wordsOf(q), l).has('where')) || LOCATED.test(fact.answer[l]),
        ),
      )
      .map((fact) => fact.id),
  );

  // Who speaks in each fact: its claimant, and the names its own examples ask to have said something ("What
  // did Oracle say about it?", "La Maison Blanche a-t-elle réagi ?").
  const speakers = facts.map((fact) => {
    const speaking = new Set(wordsOf(fact.attribution.claimant).map(canonical));
    for (const language of ['en', 'fr'] as const)
      for (const text of [fact.title[language], ...fact.aliases[language], ...fact.questions[language]]) {
        // Who speaks: the names before the verb ("Did the White House comment on TikTok's announcement?"),
        // or after it when none comes before ("Qu'a répondu la Maison Blanche ?").
        const said = wordsOf(text);
        const verb = said.findIndex((w) => SPEECH.has(w) || REPLIES.has(w));
        if (verb < 0) continue;
        const before = said.slice(0, verb).filter((w) => names.has(w));
        for (const w of before.length > 0 ? before : said.slice(verb + 1).filter((w) => names.has(w)))
          speaking.add(canonical(w));
      }
    return speaking;
  });
  const positioned = new Set(
    facts.filter((fact) => namesPosition(`${fact.answer.en} ${fact.answer.fr}`)).map((fact) => fact.id),
  );
  const years = new Map(
    facts.map((fact) => {
      const given = [...fact.answer.en.matchAll(YEAR)].map((m) => Number(m[0]));
      return [fact.id, given.length > 0 ? Math.min(...given) : Number(fact.as_of.slice(0, 4))];
    }),
  );
  const dated = facts.map(claimDated);
  const docs = new Map(facts.map((fact, doc) => [fact.id, doc]));
  return {
    placed: (id) => placed.has(id),
    positioned: (id) => positioned.has(id),
    year: (id) => years.get(id)!,
    isName: (word) => names.has(word),
    isRareName: (word) => rareNames.has(word),
    lacks: (id, asked, questionWords, parties) => {
      const doc = docs.get(id);
      if (doc === undefined) return [];
      // "How did the Chinese government respond?": a reaction the fact gives only if one party named speaks in
      // it ("Oracle or the US government": Oracle does).
      if (parties !== undefined && parties.length > 0 && !parties.some((p) => speakers[doc]!.has(p)))
        return ['reaction', ...lacksOf(doc, asked, questionWords)];
      return lacksOf(doc, asked, questionWords);
    },
  };

  function lacksOf(doc: number, asked: ReadonlySet<AskedKind>, questionWords: ReadonlySet<string>): AskedKind[] {
    const gives: ReadonlySet<AnswerKind> = given[doc]!;
    // A name is given only if it is not the question's own ("is ByteDance the owner?" names it already).
    const named = (kind: AskedKind) =>
      kind === 'name' && [...answerNames[doc]!].some((name) => !questionWords.has(name));
    // "When did TikTok announce it?", "ils l'ont annoncé quand ?": when the claim was made, which its
    // dated source gives, whatever its answer says.
    const announced = (kind: AskedKind) =>
      (kind === 'date' || kind === 'day') && dated[doc]! && [...questionWords].some((w) => SPEECH.has(w));
    return [...asked].filter((kind) => !answersKind(gives, kind) && !named(kind) && !announced(kind));
  }
}

/** An answer saying where something is: "servers located in the US", "serveurs situés aux États-Unis". */
const LOCATED =
  /\b(?:located|based|hosted|stored|housed) in\b|\b(?:led|run) from\b|\bsitu[ée]e?s? (?:à|au|aux|en|dans)\b|\bh[ée]berg[ée]e?s? (?:à|au|aux|en|dans)\b|\b(?:dirig|pilot)[ée]e?s? depuis\b/iu;

const YEAR = /\b(?:19|20)\d\d\b/g;

/** A first name, an optional initial, and a name: "Albert Calamug", "Donald J. Trump". */
const PERSON_NAME = /\b\p{Lu}\p{Ll}+\s+(?:\p{Lu}\.\s+)?(\p{Lu}\p{Ll}+)\b/gu;

/** Reacting or commenting: an example asking whether someone did has them speak. */
const REPLIES: ReadonlySet<string> = new Set([
  ...REACTIONS,
  ...'comment comments reply replied commente commenter declaration'.split(' '),
]);

/** Saying or publishing something: asked when, the claim's date answers. */
const SPEECH: ReadonlySet<string> = new Set(
  `announce announced announces announcement said say says stated statement reported publish published revealed
  disclosed claimed annonce annonces annoncee annoncees annoncait dit declare declaree publie publiee revele
  communique`.split(/\s+/),
);
