import type { Fact, Language } from '../knowledge/schema.ts';
import type { KnowledgeSnapshot } from '../knowledge/snapshot.ts';
import { editDistance } from '../util/edit-distance.ts';
import { analyze, questionCues, type AnalyzedWord, type Cue } from '../text/analyze.ts';
import { DEMONSTRATIVES, readFollowUp, withoutOpening, type AboutAnswer } from '../text/follow-up.ts';
import { askedKinds, asksReaction, reactionParty, type AskedKind } from '../text/answer-kinds.ts';
import { buildLexicon, shippedLexicon, type Lexicon } from '../text/lexicon.ts';
import { STOP_WORDS } from '../text/stopwords.ts';
import { answerProbability, type DecisionFeatures } from './decision.ts';
import {
  buildEvidence,
  sequenceTokens,
  type EvidenceIndex,
  type Expansion,
  type FactScore,
  type ScoredQuestion,
  type ScoredTerm,
} from './evidence.ts';
import { factKinds, type FactKinds } from './fact-kinds.ts';
import { DEFAULT_ENGINE_OPTIONS, type EngineOptions } from './options.ts';
import { subjectRules, type OffSubject, type SubjectRules } from './subject.ts';
import type { Term } from './synonyms.ts';

export type { OffSubject };

/**
 * What the engine decided for one question. Rendering (terminal, Discord) is someone else's job.
 * - answered: the best fact is the answer;
 * - clarify: one fact is a likely but uncertain match: ask "did you mean …?" (it is `suggestions[0]`);
 * - unknown: the knowledge base does not cover the question; `suggestions` are the nearest facts.
 */
export interface Decision {
  readonly status: 'answered' | 'clarify' | 'unknown';
  /** The answering fact, when status is "answered". */
  readonly fact: Fact | undefined;
  /** Probability (0–1) that the best fact is right; 0 when it is ruled out (off subject, or not giving what is asked). */
  readonly score: number;
  readonly language: Language;
  /** Up to `maxSuggestions` nearest facts, never including the answer; for "clarify", the candidate first. */
  readonly suggestions: readonly Fact[];
  /** The question's content words and what each matched, for explaining a decision. */
  readonly terms: readonly QueryTerm[];
  /** The best-ranked facts, best first, with what decided their order, for explaining a decision. */
  readonly ranking: readonly RankedFact[];
  /** What decided: the best fact's features, as the decision read them (undefined when nothing matched). */
  readonly features: DecisionFeatures | undefined;
  /**
   * What the question is about instead, when it is about the asker's own organisation ("our servers",
   * "chez nous") or names a company of `other_names` ("does facebook…"): no fact is about that, so facts
   * may be suggested, never given as the answer or the "did you mean".
   */
  readonly offSubject: OffSubject | undefined;
  /** In a conversation: what the previous answer was and whether it was used to read this question. */
  readonly followUp: FollowUp | undefined;
}

/** How a question was read after a previous answer. */
export interface FollowUp {
  /** The previous answer's fact. */
  readonly previous: string;
  /** The previous answer helped: the question was about it, or read with it as context. */
  readonly used: boolean;
  /** The question asked about the previous answer itself: its source, who says it, how sure, when, why. */
  readonly about?: AboutAnswer;
  /**
   * The fact chosen for being linked to the previous answer (`related`): of facts the question's words fit
   * as well (`tie`), as the one that says where (`place`, "where?" after a fact that does not say), or
   * offered as what came before or after it (`around`, "and before Biden?"); or that answer itself, every
   * word of the question being one of its own (`same`, "which team is he on?" after an answer quoting
   * someone "of TikTok's public policy division"), or the one in which the party the question asks to
   * have reacted speaks (`speaker`, "did TikTok react?" after a report TikTok does not speak in), or the
   * one that tells of a plan the previous answer does not (`plan`, "is that supposed to change?"), or that
   * has the word the question points back with and the previous answer lacks (`related`, "doesn't that
   * undercut the Oracle plan?" after where the backups are, of the fact saying they could complicate it).
   */
  readonly linked?: 'tie' | 'place' | 'around' | 'same' | 'points' | 'speaker' | 'plan' | 'related';
}

/** What a conversation brings to a question: the fact of the last answer given. */
export interface Context {
  readonly previous: string;
  /**
   * The member's last message got no answer ("I don't know" or "did you mean …?"), so `previous` is the
   * answer before it: still the conversation's subject, but not what "source?" or "who said that?" is about.
   */
  readonly unanswered?: boolean;
  /**
   * `previous` was offered ("did you mean …?" to a message read on its own), not given: a follow-up leaning
   * on it ("elle date de qd ?", "source ?") accepts it, as a member who had answered "yes" would.
   */
  readonly offered?: boolean;
}

/**
 * What a conversation remembers after a decision: its answer's fact; after a message read on its own
 * that got "did you mean …?", the fact offered, marked as only offered; otherwise the answer before it,
 * marked as followed by an unanswered message.
 */
export function contextAfter(
  context: Context | undefined,
  decision: Decision,
  clarifyThreshold = DEFAULT_ENGINE_OPTIONS.clarifyThreshold,
): Context | undefined {
  if (decision.status === 'answered') return { previous: decision.fact!.id };
  // A message read on its own that got "did you mean …?" turns the conversation to the fact offered; in a
  // conversation, only when that fact was likely ("where is it based?" offered a fact only because it was
  // the one to have its word keeps the conversation where it was). So does a fact offered because the
  // conversation pointed to it ("et les backups ?" after the routing answer).
  const offered =
    decision.status === 'clarify' &&
    (!decision.followUp?.used || decision.followUp.linked === 'tie') &&
    (context === undefined || decision.score >= clarifyThreshold)
      ? decision.suggestions[0]
      : undefined;
  if (offered) return { previous: offered.id, unanswered: true, offered: true };
  return context && { ...context, unanswered: true };
}

export interface RankedFact {
  readonly id: string;
  /** The ranking score: coverage + rankSimilarity × similarity. */
  readonly rank: number;
  /** Share (0–1) of the question's weighted words this fact explains. */
  readonly coverage: number;
  /** How close the question is to one of this fact's own examples (0–1). */
  readonly similarity: number;
  /** What the question asks for (a figure, a length of time, a date, a name) that this fact does not give. */
  readonly lacks: readonly AskedKind[];
}

export interface QueryTerm {
  readonly word: string;
  readonly term: string;
  /** Its weight as evidence for a fact that explains it. */
  readonly weight: number;
  /** Its weight against a fact that does not (more for a name). */
  readonly missWeight: number;
  readonly matches: readonly { readonly term: string; readonly strength: number }[];
  /** In the question's frame ("For the vendor DPIA: …"), so counted for less. */
  readonly frame: boolean;
  /** Written as a name, owned by the asker, or a thing synonyms.yaml names: heavy against a fact that does not explain it. */
  readonly named: boolean;
  /** Not the question's: a word of the previous answer, read with a follow-up. */
  readonly context: boolean;
}

/** The answer engine over one snapshot: built once, asked many times. */
export interface Engine {
  readonly snapshot: KnowledgeSnapshot;
  readonly options: EngineOptions;
  readonly evidence: EvidenceIndex;
  /** The decision for a question, read after the previous answer when there is one (a conversation). */
  decide(question: string, rankingSize?: number, context?: Context): Decision;
}

export function buildEngine(
  snapshot: KnowledgeSnapshot,
  options: EngineOptions,
  lexicon: Lexicon = shippedLexicon(),
): Engine {
  const salience = wordSalience(lexicon, options);
  const general = generalProbability(lexicon);
  // A fact's own words are not misspellings: their weight is their rank's, remembered per word.
  const known = new Map<string, number>();
  const factSalience = (word: string) => {
    let weight = known.get(word);
    if (weight === undefined) known.set(word, (weight = salience(word, false)));
    return weight;
  };
  const evidence = buildEvidence(snapshot, options, factSalience);
  known.clear();
  const kinds = factKinds(
    snapshot.facts,
    lexicon,
    options,
    (fact) =>
      fact.attribution.date !== undefined ||
      fact.citations.some((c) => snapshot.sources.get(c.source)?.published !== undefined),
    (word) => canonicalTerm(evidence, word),
  );
  const subjects = subjectRules(snapshot, (word) => kinds.isRareName(word));
  const links = evidence.links;
  // Each fact's own terms, read once, on the first follow-up that needs them (the previous answer's, or a
  // fact linked to it): at most one set per fact of this snapshot.
  const ownTermsRead = new Map<string, ReadonlySet<string>>();
  const ownTerms = (fact: Fact): ReadonlySet<string> => {
    let terms = ownTermsRead.get(fact.id);
    if (!terms) ownTermsRead.set(fact.id, (terms = factTerms(evidence, fact)));
    return terms;
  };
  const engine: Engine = {
    snapshot,
    options,
    evidence,
    decide: (question, rankingSize = options.maxSuggestions + 1, context) =>
      decide(
        { snapshot, links, options, evidence, subjects, kinds, lexicon, salience, general, ownTerms },
        question,
        rankingSize,
        context,
      ),
  };
  return engine;
}

/** A message ending on one of these points back at the answer ("and the Treasury's on it?"). */
const ENDS_POINTING: ReadonlySet<string> = new Set(['it', 'them', 'that', 'this', 'those']);

interface Parts {
  readonly snapshot: KnowledgeSnapshot;
  /** Each fact's links, both ways: the facts it lists in `related` and those that list it. */
  readonly links: ReadonlyMap<string, ReadonlySet<string>>;
  readonly options: EngineOptions;
  readonly evidence: EvidenceIndex;
  readonly subjects: SubjectRules;
  readonly kinds: FactKinds;
  readonly lexicon: Lexicon;
  readonly salience: (word: string, typo?: boolean) => number;
  readonly general: (word: string) => number;
  /** The terms of a fact's title, keywords and answer, in both languages, as a question's are read. */
  readonly ownTerms: (fact: Fact) => ReadonlySet<string>;
}

interface ResolvedTerm extends QueryTerm, ScoredTerm {
  readonly expansions: readonly Expansion[];
}

/** The question as read once, whether it is then decided alone or with the previous answer. */
interface Reading {
  readonly language: Language;
  readonly words: readonly AnalyzedWord[];
  readonly owned: ReadonlySet<number>;
  readonly read: readonly Term[];
  readonly terms: readonly ResolvedTerm[];
  readonly asked: ReadonlySet<AskedKind>;
  /** The indices of words synonyms.yaml reads as a thing staff name ("chinois" as China), whatever their case. */
  readonly namedBySynonyms: ReadonlySet<number>;
  /**
   * Whose reaction the question asks for, when it names them ("how did Beijing respond?"), as the knowledge
   * base reads their names (their synonyms.yaml term or stem).
   */
  readonly party: readonly string[];
  readonly questionWords: ReadonlySet<string>;
  readonly cues: ReadonlySet<Cue>;
}

function decide(parts: Parts, question: string, rankingSize: number, context?: Context): Decision {
  const reading = readQuestion(parts, question);
  const previous = context && parts.snapshot.factsById.get(context.previous);
  if (!previous) return offerSpeaker(parts, reading, preferPlace(parts, reading, rankingSize));
  // A word most facts have ("TikTok" here) names the knowledge base's whole subject, not a new one: "is
  // that TikTok's word or the press?" still asks about the answer just given; so does a word of that
  // answer's own title, keywords or text ("c'est juste ce que dit BuzzFeed ?" after the BuzzFeed report,
  // "why's that a problem?" after an answer saying it could complicate things).
  const own = parts.ownTerms(previous);
  const subjectWide = (term: string) => {
    const id = parts.evidence.termId(term);
    return id !== undefined && parts.evidence.factShare(id) >= parts.options.subjectWideShare;
  };
  // The facts linked to the previous answer that have a word of the question it lacks (not the whole
  // knowledge base's): "could complicate the effort", of TikTok keeping its backups, after where they are.
  const linkedHaving = (): Fact[] => {
    const lacked = reading.terms.filter((t) => !own.has(t.term) && !subjectWide(t.term));
    return [...parts.links.get(previous.id)!]
      .map((id) => parts.snapshot.factsById.get(id)!)
      .filter((fact) => {
        const theirs = parts.ownTerms(fact);
        return lacked.some((t) => theirs.has(t.term));
      });
  };
  // A word no fact has ("isn't that a problem for the plan?" where nothing reads "problem") may be the one
  // that says which linked fact: then nothing to choose by.
  const allKnown = () => reading.terms.every((t) => parts.evidence.termId(t.term) !== undefined);
  const everywhere = new Set(reading.terms.filter((t) => subjectWide(t.term) || own.has(t.term)).map((t) => t.word));
  const read = readFollowUp(reading.words, everywhere);
  // "has oracle confirmed it?", "c'est confirmé par oracle ?" after TikTok's own claim: whether another
  // party confirmed it, a question of its own, not how sure the answer is.
  const claimant = new Set(analyze(previous.attribution.claimant).words.map((w) => w.word));
  const party = read.about === 'certainty' && read.own.some((word) => parts.kinds.isName(word) && !claimant.has(word));
  // "what's his role?" after an answer that names nobody's position: read as any other message.
  const followUp = party
    ? { ...read, about: undefined, newTopic: true }
    : read.about === 'position' && !parts.kinds.positioned(previous.id)
      ? { ...read, about: undefined }
      : read;
  // "source?", "who said that?", "c'est sûr ?", "pourquoi ?": about the answer just given, which is the
  // answer; so after a fact offered ("did you mean …?"), which leaning on it accepts. After a message that
  // got no answer, it is about that message, which no fact answered: the older answer is only offered.
  // "why?", "pourquoi ?" after an answer that gives no cause nor aim: "I don't know", saying so. (What
  // something does, "what does it do?", is what the answer says.)
  // So "pourquoi ça pose problème ?" after where the backups are: pointing back in a word that answer lacks
  // and the one fact linked to it that has it gives a reason for ("could complicate the effort"): that fact.
  if (followUp.about === 'reason' && reading.cues.has('why')) {
    const lacks = parts.kinds.lacks(previous.id, new Set(['reason']), reading.questionWords);
    const having = lacks.length > 0 ? linkedHaving() : [];
    if (
      having.length === 1 &&
      parts.kinds.lacks(having[0]!.id, new Set(['reason']), reading.questionWords).length === 0 &&
      allKnown()
    ) {
      const followUp = { previous: previous.id, used: true, linked: 'related' } as const;
      return { ...settle(parts, reading, rankingSize), status: 'answered', fact: having[0], score: 1, followUp };
    }
    if (lacks.length > 0)
      return lacking(settle(parts, reading, rankingSize), previous, lacks, {
        previous: previous.id,
        used: true,
        about: 'reason',
      });
  }
  // "what's his full name?" after an answer that names no one, "will anyone independently verify it?" after
  // one that tells of no audit: "I don't know", saying what it does not give.
  // So "c'était quelle date exacte ?" after an answer that gives a year, not a day (when, of a dated
  // answer, is its date).
  const exactDay = followUp.about === 'date' && reading.asked.has('day');
  if (followUp.about === 'detail' || followUp.about === 'certainty' || exactDay) {
    const asked = exactDay ? new Set<AskedKind>(['day']) : reading.asked;
    const lacks = parts.kinds.lacks(previous.id, asked, reading.questionWords);
    if (lacks.length > 0)
      return lacking(settle(parts, reading, rankingSize), previous, lacks, {
        previous: previous.id,
        used: true,
        about: followUp.about,
      });
  }
  if (followUp.about) {
    const offered = context.unanswered === true && context.offered !== true;
    return {
      ...settle(parts, reading, rankingSize),
      status: offered ? 'clarify' : 'answered',
      fact: offered ? undefined : previous,
      score: offered ? 0 : 1,
      suggestions: offered ? [previous] : [],
      offSubject: undefined,
      followUp: { previous: previous.id, used: true, about: followUp.about },
    };
  }
  // "and before Biden?", "et avant lui ?": not the answer just given, which it only names, but what came
  // before or after it: the fact related to it nearest in time on that side, when one is (a fact is dated
  // by the first year its answer gives, or else by the date it describes the world at); otherwise asked
  // back with the facts related to it.
  // Not "et elles iraient où après ?", which asks where.
  if (followUp.beforeOrAfter && !reading.cues.has('where')) {
    const related = previous.related.flatMap((id) => parts.snapshot.factsById.get(id) ?? []);
    const next = nearestInTime(parts.kinds, previous, related, followUp.beforeOrAfter);
    if (next) {
      const followUp = { previous: previous.id, used: true, linked: 'around' } as const;
      return {
        ...settle(parts, reading, rankingSize),
        status: 'answered',
        fact: next,
        score: 1,
        suggestions: [],
        followUp,
      };
    }
    return {
      ...settle(parts, reading, rankingSize),
      status: related.length > 0 ? 'clarify' : 'unknown',
      fact: undefined,
      score: 0,
      suggestions: related.slice(0, parts.options.maxSuggestions),
      offSubject: undefined,
      followUp: { previous: previous.id, used: true, linked: 'around' },
    };
  }
  const aloneWithRunnerUp = preferPlace(parts, reading, Math.max(rankingSize, parts.options.maxSuggestions + 1));
  const alone = { ...aloneWithRunnerUp, ranking: aloneWithRunnerUp.ranking.slice(0, Math.max(rankingSize, 1)) };
  const unused = { ...alone, followUp: { previous: previous.id, used: false } };
  // "thanks!", "what do you think?": no question about any answer.
  if (alone.offSubject?.kind === 'thanks' || alone.offSubject?.kind === 'opinion') return unused;
  // "et depuis, le gouvernement américain a continué à regarder le dossier ?" after the 2020 order: of the
  // related facts later in time, the best ranked that the message's own words fit well enough to answer and
  // that gives what it asks. So of those earlier for "et avant Biden, Trump avait fait quoi ?".
  if ((followUp.sinceThen || followUp.beforeThen) && !reading.cues.has('where')) {
    const year = parts.kinds.year(previous.id);
    const sign = followUp.sinceThen ? 1 : -1;
    const onSide = new Set(previous.related.filter((id) => sign * (parts.kinds.year(id) - year) > 0));
    const fits = aloneWithRunnerUp.ranking.find(
      (r) => onSide.has(r.id) && r.lacks.length === 0 && r.coverage >= parts.options.minCoverage,
    );
    const next = fits && parts.snapshot.factsById.get(fits.id);
    if (next) {
      const suggestions = alone.suggestions.filter((f) => f.id !== next.id);
      const followUp = { previous: previous.id, used: true, linked: 'around' } as const;
      return { ...alone, status: 'answered', fact: next, score: 1, suggestions, followUp };
    }
  }
  // A message that stands on its own, or says it changes the subject, is never bent toward the previous
  // answer; an elliptical one ("and the backups?", "when was it formed?") is read with it when it cannot
  // be answered alone.
  if (followUp.newTopic || (!followUp.elliptical && alone.status === 'answered')) return unused;
  // "does he report to the new US unit?", "is it part of ByteDance?" after an answer about him or it: how it
  // stands to something that answer does not name, which neither fact says: "I don't know", saying so.
  if (
    followUp.points &&
    context.unanswered !== true &&
    reading.terms.some((t) => followUp.relatedTo.includes(t.word) && !own.has(t.term) && !subjectWide(t.term))
  ) {
    // The other of the two is offered too: of the facts ranked for the message, the one with most of the
    // words that name it.
    const named = reading.terms.filter((t) => followUp.relatedTo.includes(t.word) && !subjectWide(t.term));
    const having = (f: Fact) => named.filter((t) => parts.ownTerms(f).has(t.term)).length;
    const other = aloneWithRunnerUp.ranking
      .map((r) => parts.snapshot.factsById.get(r.id)!)
      .filter((f) => f.id !== previous.id && having(f) > 0)
      .reduce<Fact | undefined>((best, f) => (best && having(best) >= having(f) ? best : f), undefined);
    const lacks = lacking(settle(parts, reading, rankingSize), previous, ['relation'], {
      previous: previous.id,
      used: true,
    });
    return other ? { ...lacks, suggestions: [previous, other] } : lacks;
  }
  // "which team is he on?" after an answer quoting someone "of TikTok's public policy division", "que tiktok
  // ou d'autres boîtes chinoises aussi ?" after the Biden review: every word of the message is one of that
  // answer's own, and not all of them the whole knowledge base's ("tiktok data" asks about no answer in
  // particular) unless the message is elliptical and asks where, when, who… ("where would the data go
  // instead?" after the plan to move it to Oracle's US servers), so it asks about that answer, unless it
  // opens on another subject ("and the Treasury?", "what about Oracle?"), asks where when that answer says
  // not where, or asks what that answer lacks.
  // So also when it asks the same of something that answer names ("oracle non plus ?" after the White House
  // and the Treasury declining to comment, and Oracle too), whatever other facts name it.
  const ownWords =
    reading.terms.every((t) => own.has(t.term)) &&
    (reading.terms.some((t) => !subjectWide(t.term)) ||
      (followUp.elliptical && (reading.cues.size > 0 || followUp.likewise) && reading.terms.length > 0));
  if (
    ownWords &&
    // "and the Treasury?" opens another subject; "and where would the data go instead?" none of its own.
    // "and the Treasury's on it?" ends pointing back at that answer: not another subject.
    (!followUp.opens ||
      ENDS_POINTING.has(reading.words.at(-1)?.word ?? '') ||
      reading.terms.every((t) => subjectWide(t.term))) &&
    !followUp.definition &&
    // After "did you mean …?", leaning on the fact offered accepts it.
    (context.unanswered !== true || context.offered === true) &&
    !(reading.cues.has('where') && !parts.kinds.placed(previous.id)) &&
    parts.kinds.lacks(previous.id, reading.asked, reading.questionWords, reading.party).length === 0
  ) {
    const followUp = { previous: previous.id, used: true, linked: 'same' } as const;
    return { ...alone, status: 'answered', fact: previous, score: 1, suggestions: [], followUp };
  }
  const asksWhere = reading.cues.has('where');
  // "what's their role?" after the Oracle relationship: pointing back at that answer, in words that name
  // nothing (no name, no word of that fact's own title, keywords or answer), answered alone by a fact
  // unrelated to it ("role" is in one of CFIUS's example questions): that fact is only a guess at what
  // "their" is, offered, not given.
  if (
    alone.status === 'answered' &&
    followUp.points &&
    followUp.elliptical &&
    !followUp.opens &&
    alone.fact!.id !== previous.id &&
    !parts.links.get(previous.id)!.has(alone.fact!.id) &&
    !reading.terms.some((t) => t.named) &&
    !reading.terms.some((t) => parts.ownTerms(alone.fact!).has(t.term) && !subjectWide(t.term))
  )
    return {
      ...alone,
      status: 'clarify',
      fact: undefined,
      suggestions: [alone.fact!, ...alone.suggestions].slice(0, parts.options.maxSuggestions),
      followUp: { previous: previous.id, used: false },
    };
  // "qu'en est-il d'Oracle ?" after who declined to comment: the same asked of a name, read with the answer
  // (which names it), not as the bare name alone ("Oracle ?" is the routing fact).
  // Not "and what did the Treasury say?", which asks something of its own.
  const sameOfName =
    followUp.opens &&
    reading.terms.length > 0 &&
    reading.terms.every((t) => t.named) &&
    !withoutOpening(reading.words).some((w) => WHAT.has(w.word));
  if (alone.status === 'answered' && !sameOfName)
    return breakTie(parts, aloneWithRunnerUp, previous, alone.ranking.length, asksWhere);
  // "where?", "où ça ?", "where are those kept?" after "TikTok keeps its own backups", which says not where:
  // the fact linked to that answer that says where, when the message's own words, if any, point to it too.
  const placed =
    reading.cues.has('where') && !parts.kinds.placed(previous.id)
      ? relatedPlace(parts, previous, reading.language)
      : undefined;
  const top = alone.ranking[0];
  if (
    placed &&
    alone.offSubject === undefined &&
    (reading.terms.length === 0 || (top?.id === placed.id && top.lacks.length === 0))
  ) {
    const suggestions = alone.suggestions.filter((f) => f.id !== placed.id);
    const followUp = { previous: previous.id, used: true, linked: 'place' } as const;
    return { ...alone, status: 'answered', fact: placed, score: 1, suggestions, followUp };
  }
  // "tiktok a réagi ?" after the BuzzFeed report, in which TikTok does not speak: the fact linked to that
  // answer in which it does; "is that supposed to change?" after a fact that plans nothing: the fact linked
  // to it that tells of a plan.
  const reacting = reading.party.length > 0;
  const speaking =
    reacting || reading.asked.has('future')
      ? relatedGiving(parts, reading, previous, aloneWithRunnerUp.ranking)
      : undefined;
  if (speaking && alone.offSubject === undefined) {
    const suggestions = alone.suggestions.filter((f) => f.id !== speaking.id);
    const followUp = { previous: previous.id, used: true, linked: reacting ? 'speaker' : 'plan' } as const;
    return { ...alone, status: 'answered', fact: speaking, score: 1, suggestions, followUp };
  }
  // "did they say anything to the press?", "et il a dit quelque chose sur TikTok ?" after CFIUS, on which the
  // Treasury sits: a reaction asked of "they", someone the previous answer names who does not speak in it:
  // the one fact linked to that answer in which one of them speaks (the Treasury declining to comment).
  if (
    reading.party.length === 0 &&
    followUp.points &&
    alone.offSubject === undefined &&
    context.unanswered !== true &&
    asksReaction(reading.words.map((w) => w.word))
  ) {
    const silent = [...own].filter(
      (t) =>
        !subjectWide(t) &&
        parts.kinds.isName(t) &&
        parts.kinds.lacks(previous.id, new Set(), new Set(), [t]).length > 0,
    );
    const speaking = [...parts.links.get(previous.id)!].filter(
      (id) => silent.length > 0 && parts.kinds.lacks(id, reading.asked, reading.questionWords, silent).length === 0,
    );
    const fact = speaking.length === 1 ? parts.snapshot.factsById.get(speaking[0]!) : undefined;
    if (fact) {
      const suggestions = alone.suggestions.filter((f) => f.id !== fact.id);
      const followUp = { previous: previous.id, used: true, linked: 'speaker' } as const;
      return { ...alone, status: 'answered', fact, score: 1, suggestions, followUp };
    }
  }
  // "is it run from China?" after the unit "US-led": a short question pointing back at the answer just
  // given, in a word of that answer's own, that nothing answers alone: about that answer.
  if (
    followUp.points &&
    followUp.elliptical &&
    !followUp.opens &&
    !followUp.likewise &&
    !followUp.definition &&
    alone.offSubject === undefined &&
    !reading.cues.has('where') &&
    context.unanswered !== true &&
    reading.terms.some((t) => own.has(t.term) && !subjectWide(t.term)) &&
    // Not "is that a GDPR problem?": a name no fact knows is what it is about.
    !reading.read.some((t) => reading.words[t.at]?.name === true && parts.evidence.termId(t.term) === undefined) &&
    parts.kinds.lacks(previous.id, reading.asked, reading.questionWords, reading.party).length === 0
  ) {
    const followUp = { previous: previous.id, used: true, linked: 'points' } as const;
    return { ...alone, status: 'answered', fact: previous, score: 1, suggestions: [], followUp };
  }
  // "doesn't that undercut the whole Oracle thing?" after where TikTok's backups are kept, which says
  // nothing of Oracle's plan: pointing back at the conversation in a word that answer does not have and a
  // fact linked to it does ("could complicate the effort", of TikTok keeping its backups): that fact, when
  // it is the best ranked of the two, the message's words fit it well enough and it gives what is asked.
  if (
    followUp.points &&
    followUp.elliptical &&
    !followUp.likewise &&
    !followUp.definition &&
    alone.offSubject === undefined &&
    reading.cues.size === 0 &&
    reading.asked.size === 0 &&
    context.unanswered !== true &&
    // A yes or no about it: not "ils ont conclu quoi ?", asking what the Biden administration concluded.
    !reading.words.some((w) => WHAT.has(w.word)) &&
    allKnown()
  ) {
    const having = linkedHaving();
    const fits = having.length === 1 ? aloneWithRunnerUp.ranking.find((r) => r.id === having[0]!.id) : undefined;
    const next = fits && parts.snapshot.factsById.get(fits.id);
    if (next && fits.lacks.length === 0 && fits.coverage >= parts.options.minCoverage) {
      const suggestions = alone.suggestions.filter((f) => f.id !== next.id);
      const followUp = { previous: previous.id, used: true, linked: 'related' } as const;
      return { ...alone, status: 'answered', fact: next, score: 1, suggestions, followUp };
    }
  }
  // "to whom?", "how much?", "lesquels ?", "did it go through?": no word of its own, so nothing but the
  // previous answer it could be about. When it asks for a kind of answer, that answer gives it or not
  // ("did it go through?" after the 2020 order, which never materialised; "pour combien ?" after it, which
  // names no sum: "I don't know", saying what that fact does not give). Otherwise nothing says that answer
  // gives what it asks: asked back ("did you mean …?" with that fact), as answering was wrong as often as right.
  if (reading.terms.length === 0) {
    const lacks = parts.kinds.lacks(previous.id, reading.asked, reading.questionWords, reading.party);
    // "où ça ?", "et elles iraient où après ?" after an answer that says where: that answer.
    const asks = reading.asked.size > 0 || (reading.cues.has('where') && parts.kinds.placed(previous.id));
    const given = asks && lacks.length === 0 && context.unanswered !== true;
    const status = lacks.length > 0 ? 'unknown' : given ? 'answered' : 'clarify';
    return {
      ...alone,
      status,
      fact: given ? previous : undefined,
      score: given ? 1 : 0,
      suggestions: given ? [] : [previous],
      ranking: [{ id: previous.id, rank: 0, coverage: 0, similarity: 0, lacks }],
      followUp: { previous: previous.id, used: true },
    };
  }
  // "c'est quoi ce comité dont il fait partie ?" after an answer that names the committee: what that
  // thing is, which the answer that only named it does not say: read alone.
  if (followUp.definition) return unused;
  const withContext = settle(parts, reading, rankingSize, previous);
  if (withContext.status === 'answered' && followUp.elliptical)
    return { ...withContext, followUp: { previous: previous.id, used: true } };
  // "et les backups ?" after the routing answer, read alone a "did you mean" between two facts its words
  // fit as well: the one the conversation points to is offered.
  // "which firms were they?" after the experts TikTok brought in, whom it does not name: a short message
  // asking a name of the answer just given, which it lacks, rather than another fact its words fit.
  if (alone.status === 'clarify' && followUp.elliptical && !followUp.opens) {
    const named = new Set<AskedKind>([...reading.asked].filter((k) => k === 'name' || k === 'person'));
    const lacks = named.size > 0 ? parts.kinds.lacks(previous.id, named, reading.questionWords) : [];
    if (lacks.length > 0) return lacking(alone, previous, lacks, { previous: previous.id, used: true });
  }
  return alone.status === 'clarify'
    ? breakTie(parts, aloneWithRunnerUp, previous, alone.ranking.length, asksWhere)
    : unused;
}

/** The terms of a fact's title, keywords and answer, in both languages, as the question's are read. */
function factTerms(evidence: EvidenceIndex, fact: Fact): Set<string> {
  return new Set(
    (['en', 'fr'] as const).flatMap((language) =>
      [fact.title[language], fact.keywords[language].join(', '), fact.answer[language]].flatMap((text) =>
        evidence.rewriter.rewrite(analyze(text, { language }).words, isQueryContent).map((t) => t.term),
      ),
    ),
  );
}

/**
 * "I don't know", about the previous answer, saying what it lacks ("why?" after an answer giving no reason,
 * "which firms?" after one naming none): that answer suggested, and ranked alone with what it lacks.
 */
function lacking(base: Decision, previous: Fact, lacks: AskedKind[], followUp: FollowUp): Decision {
  return {
    ...base,
    status: 'unknown',
    fact: undefined,
    score: 0,
    suggestions: [previous],
    ranking: [{ id: previous.id, rank: 0, coverage: 0, similarity: 0, lacks }],
    offSubject: undefined,
    followUp,
  };
}

/** The fact among `related` nearest in time to `fact` on the side asked, when only one is (`FactKinds.year`). */
function nearestInTime(
  kinds: FactKinds,
  fact: Fact,
  related: readonly Fact[],
  side: 'before' | 'after' | 'both',
): Fact | undefined {
  if (side === 'both') return undefined;
  const year = (f: Fact) => kinds.year(f.id);
  const at = year(fact);
  const sign = side === 'before' ? -1 : 1;
  const onSide = related.filter((f) => sign * (year(f) - at) > 0).sort((a, b) => sign * (year(a) - year(b)));
  const [first, second] = onSide;
  return first && (!second || year(first) !== year(second)) ? first : undefined;
}

/**
 * The fact related to the previous answer that gives what the message asks and it does not (a reaction of
 * the party named, a plan): the one the message's words fit best, or the first `related` lists.
 */
function relatedGiving(
  parts: Parts,
  reading: Reading,
  previous: Fact,
  ranking: readonly RankedFact[],
): Fact | undefined {
  const gives = (id: string) => parts.kinds.lacks(id, reading.asked, reading.questionWords, reading.party).length === 0;
  if (gives(previous.id)) return undefined;
  const speaking = [...parts.links.get(previous.id)!].filter(gives);
  const chosen = ranking.find((r) => speaking.includes(r.id))?.id ?? speaking[0];
  return chosen === undefined ? undefined : parts.snapshot.factsById.get(chosen);
}

/**
 * "How did TikTok respond to the BuzzFeed report?": the report, in which TikTok does not speak, lacks only
 * that reaction; the fact related to it in which TikTok does speak is offered ("did you mean …?"), not
 * given, as nothing says it answers that report.
 */
function offerSpeaker(parts: Parts, reading: Reading, decision: Decision): Decision {
  const best = decision.ranking[0];
  if (decision.status !== 'unknown' || decision.offSubject !== undefined || best === undefined) return decision;
  if (best.lacks.length !== 1 || best.lacks[0] !== 'reaction') return decision;
  const speaking = relatedGiving(parts, reading, parts.snapshot.factsById.get(best.id)!, decision.ranking);
  if (!speaking) return decision;
  const suggestions = [speaking, ...decision.suggestions.filter((f) => f.id !== speaking.id)].slice(
    0,
    parts.options.maxSuggestions,
  );
  return { ...decision, status: 'clarify', suggestions };
}

/**
 * "sauvegardes TikTok stockées où ?": two facts explain the question's words as well (coverage, and an
 * example at least as close), and only word pairs chose between them; the question asks where, and one
 * of them says where (one of its own questions asks where): that one.
 */
function preferPlace(parts: Parts, reading: Reading, rankingSize: number): Decision {
  const decision = settle(parts, reading, Math.max(rankingSize, 2));
  const [best, second] = decision.ranking;
  const trimmed = { ...decision, ranking: decision.ranking.slice(0, Math.max(rankingSize, 1)) };
  if (decision.status !== 'answered' || !best || !second || !reading.cues.has('where')) return trimmed;
  // The question asks where and only the runner-up says where: its words explaining the question as fully
  // is enough, however close the best fact's own example ("does TikTok keep backup copies?").
  // Words of the question's frame ("for my briefing note: …") count for little, and never decide this.
  const total = reading.terms.reduce((sum, t) => sum + t.weight, 0);
  const framed = reading.terms.reduce((sum, t) => sum + (t.frame ? t.weight : 0), 0);
  const slack = total > 0 ? framed / total : 0;
  const asFully = second.coverage >= best.coverage - slack && second.lacks.length === 0;
  if (!asFully || parts.kinds.placed(best.id) || !parts.kinds.placed(second.id)) return trimmed;
  const fact = parts.snapshot.factsById.get(second.id)!;
  const suggestions = [decision.fact!, ...decision.suggestions.filter((f) => f.id !== fact.id)];
  const ranking = [second, best, ...decision.ranking.slice(2)].slice(0, Math.max(rankingSize, 1));
  return { ...decision, fact, suggestions: suggestions.slice(0, parts.options.maxSuggestions), ranking };
}

/**
 * "and the backups?" after "is the traffic going through Oracle?": two facts explain the question's own words
 * as well, and only word pairs ("the backups") chose between them. The conversation chooses instead: of the
 * facts tied on the question's words (coverage, and an example at least as close), the one linked to the
 * previous answer (`related`), when exactly one is. The previous answer itself is never chosen this way:
 * read as context, its own words would always favour it. It is given as the answer, also when the question
 * read alone is only asked back between them ("and the backups, are they gone?"). `alone` carries a
 * runner-up; the ranking returned has `rankingSize` facts.
 */
function breakTie(parts: Parts, alone: Decision, previous: Fact, rankingSize: number, asksWhere = false): Decision {
  const unused = {
    ...alone,
    ranking: alone.ranking.slice(0, rankingSize),
    followUp: { previous: previous.id, used: false },
  };
  // "thanks!", "what do you think?": no question about any answer.
  if (alone.offSubject?.kind === 'thanks' || alone.offSubject?.kind === 'opinion') return unused;
  const best = alone.ranking[0];
  // The fact given, or offered first when asked back.
  const first = alone.status === 'answered' ? alone.fact : alone.suggestions[0];
  if (!best || !first) return unused;
  const tied = alone.ranking.filter((r) => r === best || (fitsAsWell(r, best) && r.id !== previous.id));
  // "et les sauvegardes, elles sont où ?": not a fact that says not where.
  const related = tied.filter(
    (r) => parts.links.get(previous.id)!.has(r.id) && (!asksWhere || parts.kinds.placed(r.id)),
  );
  if (tied.length < 2 || related.length !== 1) return unused;
  const chosen = related[0]!;
  if (alone.status === 'answered' && chosen.id === first.id) return unused;
  const chosenFact = parts.snapshot.factsById.get(chosen.id)!;
  const others = [first, ...alone.suggestions].filter((f, i, all) => f.id !== chosen.id && all.indexOf(f) === i);
  return {
    ...alone,
    status: 'answered',
    fact: chosenFact,
    suggestions: others.slice(0, parts.options.maxSuggestions),
    ranking: [chosen, ...alone.ranking.filter((r) => r !== chosen)].slice(0, rankingSize),
    followUp: { previous: previous.id, used: true, linked: 'tie' },
  };
}

/**
 * The fact related to this one that says where it is: of the facts linked to it that say where, the one
 * that explains most of its title and keywords ("where?" after "TikTok keeps its own backups" asks where the
 * backups are), if it explains at least `placeShare` of them. None when two explain it as well: a fact
 * about something else says where that thing is ("where?" after "a unit created in May" is not where the
 * traffic goes).
 */
function relatedPlace(parts: Parts, previous: Fact, language: Language): Fact | undefined {
  const { snapshot, evidence, kinds } = parts;
  const candidates = new Set([...parts.links.get(previous.id)!].filter((id) => kinds.placed(id)));
  const terms = contextTerms(parts, previous, []);
  const total = terms.reduce((sum, t) => sum + t.weight, 0);
  const explained = evidence
    .score({ terms, sequence: [], cues: new Set(), language })
    .filter((s) => candidates.has(snapshot.facts[s.doc]!.id) && s.explained >= parts.options.placeShare * total)
    .sort((a, b) => b.explained - a.explained);
  const [first, second] = explained;
  return first && (!second || first.explained > second.explained) ? snapshot.facts[first.doc] : undefined;
}

/**
 * Whether the question's words fit a runner-up as well as the best fact: as much of them explained, an
 * example at least as close, nothing asked that it does not give. Then only word pairs ranked them.
 */
function fitsAsWell(runnerUp: RankedFact, best: RankedFact): boolean {
  return runnerUp.coverage >= best.coverage && runnerUp.similarity >= best.similarity && runnerUp.lacks.length === 0;
}

function readQuestion(parts: Parts, question: string): Reading {
  const { options, evidence, subjects, lexicon } = parts;
  const analysis = analyze(question, {
    maxLength: options.maxQuestionLength,
    frameMaxWords: options.frameMaxWords,
    languageHint: lexicon.lean,
  });
  const { language } = analysis;
  const read0 = readWords(parts, analysis.words, language);
  // Where a sentence opens: the first word, after one that ends a clause, or after the question's frame.
  const starts = new Set(
    read0.flatMap((w, i) => (i === 0 || read0[i - 1]!.clauseEnd || (read0[i - 1]!.frame && !w.frame) ? [i] : [])),
  );
  const cues = questionCues(
    read0.map((w) => w.word),
    language,
    starts,
  );
  // "where is it based?", "based where?": "based" says no more than "where" (not "what's that based on?").
  const words = cues.has('where')
    ? read0.map((w) => (BASED.has(w.word) ? { ...w, stop: true, otherStop: false } : w))
    : read0;
  // Written with capitals where names are: then a name is one as written.
  const cased = analysis.words.some((w) => w.name);
  const owned = subjects.owned(words, language);
  const read = evidence.rewriter.rewrite(words, isQueryContent);
  // Words synonyms.yaml reads as a thing staff name ("chinois" as China), whatever their case.
  const namedBySynonyms = new Set(read.filter((t) => evidence.rewriter.names.has(t.term)).map((t) => t.at));
  return {
    language,
    words,
    owned,
    read,
    terms: resolve(parts, words, read, owned),
    // A question asking how many, how long, when or which name is not answered by a fact that gives none.
    asked: askedKinds(
      words.map((w) => w.word),
      starts,
    ),
    // A party is named as a name: capitalised, in a question that capitalises names ("the cloud provider" is
    // none, "Oracle Cloud" is); any word the answers write as a name in one written without.
    namedBySynonyms,
    party: reactionParty(
      words.map((w) => w.word),
      (i) =>
        !words[i]!.stop &&
        (namedBySynonyms.has(i) || (parts.kinds.isName(words[i]!.word) && (!cased || words[i]!.name || i === 0))),
    ).map((word) => canonicalTerm(evidence, word)),
    questionWords: new Set(words.map((w) => w.word)),
    cues,
  };
}

/** Asking for a thing, not yes or no. */
const WHAT: ReadonlySet<string> = new Set('what whats which quoi que qu quel quelle quels quelles'.split(' '));

/** Where something is based: said by "where" alone. */
const BASED: ReadonlySet<string> = new Set(['based', 'basee', 'basees', 'headquartered']);

/**
 * Ranks the facts for a question and decides. With the previous answer's fact, its title and keywords count
 * as context (never against a fact) and facts related to it are preferred; the question's own words must
 * still be explained.
 */
function settle(parts: Parts, reading: Reading, rankingSize: number, previous?: Fact): Decision {
  const { options, evidence, subjects, kinds, snapshot } = parts;
  const { language, words, owned, read, asked, questionWords, cues } = reading;
  const context = previous ? contextTerms(parts, previous, reading.terms) : [];
  const terms = [...reading.terms, ...context];
  const total = reading.terms.reduce((sum, t) => sum + t.weight, 0);
  const scored: ScoredQuestion = {
    terms,
    // The words opening a follow-up ("and…", "et…") tie it to the conversation, not to a fact.
    sequence: sequenceTokens(withoutOpening(words), parts.general, options),
    cues,
    language,
  };
  const scores = total > 0 ? evidence.score(scored) : [];
  const closeness = (doc: number) => {
    if (!previous) return 0;
    const fact = snapshot.facts[doc]!;
    // The previous answer has been given: what follows it is usually another fact, related to it.
    if (fact.id === previous.id) return 0;
    if (parts.links.get(previous.id)!.has(fact.id)) return options.relatedWeight;
    return fact.topic === previous.topic ? options.relatedWeight / 2 : 0;
  };
  const rankOf = (s: FactScore, likelihood: number) =>
    coverageOf(s) +
    options.rankSimilarity * s.similarity +
    options.rankCues * s.cues +
    (options.rankLikelihood * likelihood) / terms.length +
    closeness(s.doc);
  const ranked = scores
    .map((s) => ({ s, rank: rankOf(s, s.likelihood) }))
    .sort((a, b) => b.rank - a.rank || a.s.doc - b.s.doc);
  // The function words and word pairs count for the likeliest facts only: they order close candidates.
  for (const r of ranked.slice(0, options.sequenceCandidates))
    r.rank = rankOf(r.s, r.s.likelihood + evidence.sequenceLikelihood(r.s.doc, scored));
  ranked.sort((a, b) => b.rank - a.rank || a.s.doc - b.s.doc);
  // The fact's own example, asked word for word, is that fact's: first, whatever the scores say.
  const exact = previous ? undefined : evidence.exampleOf(evidence.rewriter.sequence(words, isQueryContent));
  if (exact !== undefined) {
    const at = ranked.findIndex((r) => r.s.doc === exact);
    if (at > 0) ranked.unshift(ranked.splice(at, 1)[0]!);
  }
  // "ont-ils réagi publiquement ?" naming Oracle and the US government: of two facts its words fit as fully,
  // the one in which those it names react comes first; the one in which they do not is no competitor to it.
  // (Only a reaction: a share such as "100% of the traffic" is no answer to "how much is Oracle paid?".)
  const lacksOf = (doc: number) => kinds.lacks(snapshot.facts[doc]!.id, asked, questionWords, reading.party);
  let demoted: (typeof ranked)[number] | undefined;
  if (exact === undefined && ranked.length >= 2 && reading.party.length > 0) {
    const [first, second] = ranked as [(typeof ranked)[number], (typeof ranked)[number]];
    const lacking = lacksOf(first.s.doc);
    if (
      lacking.length === 1 &&
      lacking[0] === 'reaction' &&
      lacksOf(second.s.doc).length === 0 &&
      coverageOf(second.s) >= coverageOf(first.s)
    ) {
      ranked.splice(0, 2, second, first);
      demoted = first;
    }
  }
  const ranking = ranked.slice(0, Math.max(rankingSize, options.maxSuggestions + 1)).map(({ s, rank }): RankedFact => ({
    id: snapshot.facts[s.doc]!.id,
    rank: round(rank),
    coverage: round(coverageOf(s)),
    similarity: round(s.similarity),
    lacks: kinds.lacks(snapshot.facts[s.doc]!.id, asked, questionWords, reading.party),
  }));

  const best = ranked[0];
  const runnerUp = ranked.find((r, i) => i > 0 && r !== demoted);
  const features = best ? featuresOf(best.s, best.rank, runnerUp?.rank ?? 0, terms) : undefined;
  // The question is about the asker's own thing or another company when the best fact explains the word
  // that names it ("our servers" where the fact is about TikTok's servers): not when nothing does.
  const termOf = new Map(terms.map((t, k) => [t.term, k]));
  const termAt = new Map(read.map((t) => [t.at, termOf.get(t.term)]));
  const explainedByBest = (i: number) => {
    const k = termAt.get(i);
    return best !== undefined && k !== undefined && best.s.matched[k]! > 0;
  };
  // After an answer, "that data", "ces données" point at what it was about: the organisation's own.
  const pointing = previous !== undefined && words.some((w) => DEMONSTRATIVES.has(w.word));
  const offSubject = subjects.offSubject(
    words,
    owned,
    language,
    explainedByBest,
    (i) => reading.namedBySynonyms.has(i),
    pointing,
  );
  const probability =
    exact !== undefined && ranked[0]?.s.doc === exact
      ? 1
      : features
        ? answerProbability(features, options.decisionWeights)
        : 0;
  // About something no fact is about, or asking what the best fact does not give: never an answer, at any
  // threshold.
  const ruledOut = offSubject !== undefined || (ranking[0]?.lacks.length ?? 0) > 0;
  // A fact that explains little of the question is not its answer: the rest is another subject. With the
  // previous answer as context, the question's own words must be explained as much.
  // A follow-up made of common words only ("what's it supposed to do?", "pour aller où ?") leans on the
  // previous answer entirely.
  const own = best && previous ? ownEvidence(best.s, reading.terms.length, terms) : undefined;
  const partial =
    exact === undefined &&
    (own
      ? own.coverage < options.minCoverage && own.heaviestMissing >= options.commonMessageWeight
      : (features?.coverage ?? 0) < options.minCoverage);
  const status =
    !best || ruledOut
      ? 'unknown'
      : probability >= options.answerThreshold && !partial
        ? 'answered'
        : probability >= options.clarifyThreshold || (features?.coverage ?? 0) >= options.ambiguousCoverage
          ? 'clarify'
          : 'unknown';
  const byId = snapshot.factsById;
  const nearest = (status === 'answered' ? ranking.slice(1) : ranking).slice(0, options.maxSuggestions + 1);
  // Thanks or a request for an opinion: no fact to suggest.
  const conversational = offSubject?.kind === 'thanks' || offSubject?.kind === 'opinion';
  const suggestions = nearest
    .filter(() => !conversational)
    .filter((r, i) => (status === 'clarify' && i === 0) || r.coverage >= options.suggestionThreshold)
    .slice(0, options.maxSuggestions)
    .map((r) => byId.get(r.id)!);

  return {
    status,
    fact: status === 'answered' ? byId.get(ranking[0]!.id) : undefined,
    score: ruledOut ? 0 : round(probability),
    language,
    suggestions,
    terms: terms.map((t) => ({
      word: t.word,
      term: t.term,
      weight: round(t.weight),
      missWeight: round(t.missWeight),
      matches: t.matches,
      frame: t.frame,
      named: t.named,
      context: t.context,
    })),
    ranking: ranking.slice(0, Math.max(rankingSize, 1)),
    features,
    offSubject,
    followUp: undefined,
  };
}

/** The previous answer's title and keywords, as terms that explain but never count against a fact. */
function contextTerms(parts: Parts, previous: Fact, own: readonly ResolvedTerm[]): ResolvedTerm[] {
  const { evidence, options } = parts;
  const seen = new Set(own.map((t) => t.term));
  const out: ResolvedTerm[] = [];
  const texts = (['en', 'fr'] as const).flatMap((l) => [
    [previous.title[l], l] as const,
    [previous.keywords[l].join(', '), l] as const,
  ]);
  for (const [text, language] of texts) {
    for (const { word, term } of evidence.rewriter.rewrite(analyze(text, { language }).words, isQueryContent)) {
      const id = evidence.termId(term);
      if (id === undefined || seen.has(term)) continue;
      seen.add(term);
      out.push({
        word,
        term,
        weight: options.contextWeight * parts.salience(word, false),
        missWeight: 0,
        matches: [{ term, strength: 1 }],
        frame: false,
        named: false,
        context: true,
        expansions: [{ termId: id, strength: 1 }],
        priors: [parts.general(word)],
        translated: true,
      });
    }
  }
  return out;
}

/** How much of the question's own words (not the context's) a fact explains, and its heaviest word left. */
function ownEvidence(
  s: FactScore,
  own: number,
  terms: readonly ResolvedTerm[],
): { coverage: number; heaviestMissing: number } {
  let explained = 0;
  let missing = 0;
  let heaviestMissing = 0;
  for (let k = 0; k < own; k++) {
    explained += terms[k]!.weight * s.matched[k]!;
    const left = terms[k]!.missWeight * (1 - s.matched[k]!);
    missing += left;
    heaviestMissing = Math.max(heaviestMissing, left);
  }
  return { coverage: explained + missing > 0 ? explained / (explained + missing) : 1, heaviestMissing };
}

function featuresOf(best: FactScore, rank: number, runnerUp: number, terms: readonly ResolvedTerm[]): DecisionFeatures {
  let unexplainedMax = 0;
  terms.forEach((t, k) => (unexplainedMax = Math.max(unexplainedMax, t.missWeight * (1 - best.matched[k]!))));
  return {
    coverage: coverageOf(best),
    similarity: best.similarity,
    exampleCoverage: best.exampleCoverage,
    margin: rank - runnerUp,
    unexplainedMax,
    explained: best.explained,
  };
}

/**
 * The question's words as the engine reads them: two words joined by a hyphen are one when the knowledge
 * base knows them as one ("back-ups"); a stop word of the other language is a word when the knowledge base
 * uses it ("comment" in English); a misspelt stop word ("wher", "taht") is that stop word.
 */
function readWords(parts: Parts, words: readonly AnalyzedWord[], language: Language): AnalyzedWord[] {
  const { evidence, lexicon, options } = parts;
  const out: AnalyzedWord[] = [];
  // Only the words the engine will match are worth a typo check: at most maxQueryTerms of them.
  let checked = 0;
  // Known as written, or once read through synonyms.yaml ("commenté" is read as "comment").
  const known = (w: AnalyzedWord) =>
    evidence.termId(w.term) !== undefined ||
    termsOfWord(evidence, w).some((t) => evidence.termId(t.term) !== undefined);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    if (w.hyphenNext && next) {
      const joined = analyze(w.word + next.word, { language }).words[0];
      if (joined && evidence.termId(joined.term) !== undefined) {
        out.push({ ...joined, name: w.name, frame: w.frame, hyphenNext: next.hyphenNext });
        i++;
        continue;
      }
    }
    if (w.otherStop && known(w)) {
      out.push({ ...w, otherStop: false });
      continue;
    }
    if (
      !w.stop &&
      !w.otherStop &&
      w.word.length >= 4 &&
      w.word.length <= options.typoMaxLength &&
      checked++ < options.maxQueryTerms &&
      !known(w) &&
      !lexicon.has(w.word)
    ) {
      if (isStopWordTypo(w.word, language)) {
        out.push({ ...w, stop: true });
        continue;
      }
      // "tiktok parent compnay": one slip from a word of a phrase of synonyms.yaml, next to another word of
      // one, is read as that word, so that the phrase is read.
      const corrected = phraseWordOf(parts, w.word, [words[i - 1]?.word, next?.word]);
      if (corrected) {
        const fixed = analyze(corrected, { language }).words[0];
        if (fixed) {
          out.push({ ...w, word: fixed.word, term: fixed.term });
          continue;
        }
      }
    }
    out.push(w);
  }
  return out;
}

/** The one word of a phrase of synonyms.yaml one slip from `word`, when a neighbour is a word of one too. */
function phraseWordOf(parts: Parts, word: string, neighbours: readonly (string | undefined)[]): string | undefined {
  const { phraseWords } = parts.evidence.rewriter;
  if (!neighbours.some((n) => n !== undefined && phraseWords.has(n))) return undefined;
  let found: string | undefined;
  for (const candidate of phraseWords)
    if (Math.abs(candidate.length - word.length) <= 1 && editDistance(candidate, word) === 1) {
      if (found !== undefined) return undefined;
      found = candidate;
    }
  return found;
}

/**
 * The question's content words, each resolved to knowledge-base terms: itself when known, else its likely
 * misspellings (unless it is a word of general language: "lunch" is not "launch"). Each weighs by how rare it
 * is in general language; a word nothing explains that is written as a name, owned by the asker or named by
 * synonyms.yaml weighs most, and a word of the frame least.
 */
function resolve(
  parts: Parts,
  words: readonly AnalyzedWord[],
  read: readonly Term[],
  owned: ReadonlySet<number>,
): ResolvedTerm[] {
  const { evidence, options, subjects, lexicon, salience } = parts;
  const seen = new Set<string>();
  const terms: ResolvedTerm[] = [];
  for (const { word, term, at } of read) {
    if (seen.has(term) || terms.length >= options.maxQueryTerms) continue;
    seen.add(term);
    const w = words[at]!;
    const id = evidence.termId(term);
    // A word of general language ("lunch") or a company of other_names ("snapchat") is not a misspelling.
    const typo = id === undefined && !owned.has(at) && !lexicon.has(word) && subjects.otherName(word) === undefined;
    const expansions: readonly Expansion[] =
      id !== undefined ? [{ termId: id, strength: 1 }] : typo ? evidence.fuzzy(word) : [];
    // A name, the asker's own thing, or a thing synonyms.yaml names, weighs most against a fact that does
    // not explain it: it is what the question is about ("Facebook", "our servers", "uk").
    const named =
      owned.has(at) || w.name || subjects.otherName(word) !== undefined || evidence.rewriter.names.has(term);
    // The organisation the knowledge base is about ("TikTok") is the background: it weighs little against a
    // fact without it.
    const background = subjects.subjectName(word);
    // The question's own word weighs, whatever words of the facts it was matched to.
    const base = salience(word);
    const scale = (w.frame ? options.frameWeight : 1) * (w.framing ? options.framingWeight : 1);
    terms.push({
      word,
      term,
      weight: base * scale,
      missWeight: background
        ? base * scale * options.subjectNameMissWeight
        : (named ? Math.max(base, options.unknownNameWeight) : base) * scale,
      priors: expansions.map((e) => parts.general(e.word ?? word) * (background ? options.subjectNamePrior : 1)),
      translated: term !== w.term,
      matches: expansions.map((e) => ({ term: evidence.term(e.termId), strength: round(e.strength) })),
      frame: w.frame,
      named,
      context: false,
      expansions,
    });
  }
  return terms;
}

/**
 * How much a word says about what a question is about, from how common it is in general language:
 * "something" or "truc" little, "golf" or "salaire" fully. A misspelt common word ("somethign") weighs as
 * that word does.
 */
function wordSalience(lexicon: Lexicon, options: EngineOptions): (word: string, typo?: boolean) => number {
  const { commonWordRank, commonWordWeight, rareWordRank, typoMaxRank, typoMinLength, typoMaxLength } = options;
  const typoOf = lexicon.typos(typoMaxRank);
  return (word, typo = true) => {
    if (word.length <= 2) return commonWordWeight;
    const rank =
      lexicon.rank(word) ??
      (typo && word.length >= typoMinLength && word.length <= typoMaxLength ? typoOf(word) : undefined);
    if (rank === undefined || rank >= rareWordRank) return 1;
    if (rank <= commonWordRank) return commonWordWeight;
    const t = Math.log(rank / commonWordRank) / Math.log(rareWordRank / commonWordRank);
    return commonWordWeight + (1 - commonWordWeight) * t;
  };
}

/**
 * How likely a word is in general language, from its rank (Zipf's law: the r-th commonest word has a
 * probability of about 0.08/r); a word no list has is taken as rarer than the rarest listed.
 */
function generalProbability(lexicon: Lexicon): (word: string) => number {
  const rarest = 2 * lexicon.size;
  return (word) => 0.08 / (lexicon.rank(word) ?? rarest);
}

/** Each language's stop words as a lexicon of their own, to look up misspellings in. */
const STOP_WORD_TYPOS = {
  en: buildLexicon([[...STOP_WORDS.en].join('\n')]).typos(Infinity),
  fr: buildLexicon([[...STOP_WORDS.fr].join('\n')]).typos(Infinity),
} as const;

/**
 * Whether a word of four letters or more is one typo (a letter added, dropped, changed, or two swapped)
 * from a stop word; shorter words are too close to too many.
 */
function isStopWordTypo(word: string, language: Language): boolean {
  return word.length >= 4 && STOP_WORD_TYPOS[language](word) !== undefined;
}

/** Share (0–1) of the question a fact explains: its explained weight against its explained and missing weight. */
function coverageOf(s: FactScore): number {
  return s.explained + s.missing > 0 ? s.explained / (s.explained + s.missing) : 0;
}

/** One word read through synonyms.yaml as a content word, even a stop word of either language. */
function termsOfWord(evidence: EvidenceIndex, w: AnalyzedWord): Term[] {
  return evidence.rewriter.rewrite([{ ...w, stop: false, otherStop: false }], isQueryContent);
}

/** A word as the knowledge base reads it: its synonyms.yaml term, or its stem ("chinoises", "Chinese": china). */
function canonicalTerm(evidence: EvidenceIndex, word: string): string {
  const w = analyze(word, { language: 'en' }).words[0];
  return (w && termsOfWord(evidence, w)[0]?.term) ?? word;
}

function isQueryContent(w: AnalyzedWord): boolean {
  return !w.stop && !w.otherStop && w.word.length > 1;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export type { DecisionFeatures };
