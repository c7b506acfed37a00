import { isoDay, reviewOverdue, type ClaimKind, type Fact, type Language, type Source } from '../knowledge/schema.ts';
import { versionLabel, type KnowledgeSnapshot } from '../knowledge/snapshot.ts';
import type { Decision, FollowUp } from './engine.ts';
import { formatDate, MESSAGES } from './messages.ts';

/** Everything a reply shows, decided here once; the terminal and Discord only lay it out. */
export interface ReplyModel {
  readonly status: 'answered' | 'clarify' | 'unknown';
  readonly language: Language;
  readonly question: string;
  readonly score: number;
  /** The knowledge version as people see it: hash and load time. */
  readonly knowledgeVersion: string;
  readonly fact: FactView | undefined;
  readonly suggestions: readonly FactRef[];
  /**
   * What the reply says besides a fact: "I don't know …" or "Did you mean …?" instead of an answer; before
   * an answer, what a question about the previous answer asked ("Whose claim it is: …"); else empty.
   */
  readonly notice: string;
  /** In a conversation: the previous answer, and whether this question was read with it. */
  readonly followUp: FollowUp | undefined;
}

export interface FactRef {
  readonly id: string;
  readonly title: string;
}

export interface FactView extends FactRef {
  readonly answer: string;
  readonly topic: string;
  readonly attribution: AttributionView;
  readonly citations: readonly CitationView[];
  readonly related: readonly FactRef[];
  readonly asOf: string;
  readonly reviewBy: string;
  /** Set when the review date has passed: the reply must say so. */
  readonly staleNotice: string | undefined;
}

export interface AttributionView {
  readonly claimant: string;
  readonly kind: ClaimKind;
  readonly date: string | undefined;
  /** e.g. "Company statement — TikTok, 17 June 2022". */
  readonly label: string;
  /** Set for a company speaking about itself. */
  readonly caveat: string | undefined;
}

export interface CitationView {
  readonly sourceId: string;
  readonly title: string;
  readonly publisher: string;
  readonly kind: ClaimKind;
  readonly published: string | undefined;
  readonly url: string | undefined;
  readonly quote: string;
  readonly translation: string | undefined;
  readonly language: Language;
  /** e.g. "from our notes on this source". */
  readonly keptAs: string;
}

/** Who to ask when the bot does not know, in each language ("the policy team", "l'équipe …"). */
export type Contact = Readonly<Record<Language, string>>;

export interface ReplyContext {
  readonly snapshot: KnowledgeSnapshot;
  readonly now: Date;
  readonly contact: Contact;
}

export function buildReply(question: string, decision: Decision, context: ReplyContext): ReplyModel {
  const { language } = decision;
  const m = MESSAGES[language];
  const fact = decision.fact ? factView(decision.fact, language, context) : undefined;
  const candidate = decision.status === 'clarify' ? decision.suggestions[0] : undefined;
  const about = decision.followUp?.about;
  const notice = fact
    ? about
      ? m.aboutAnswer[about](fact)
      : ''
    : candidate
      ? m.didYouMean(candidate.title[language])
      : question.trim() === ''
        ? m.emptyQuestion
        : decision.offSubject?.kind === 'thanks'
          ? m.welcome
          : `${whyUnknown(decision, context.snapshot)} ${m.askContact(context.contact[language])}`;
  return {
    status: decision.status,
    language,
    question,
    score: decision.score,
    knowledgeVersion: versionLabel(context.snapshot),
    fact,
    suggestions: decision.suggestions.map((f) => factRef(f, language)),
    notice,
    followUp: decision.followUp,
  };
}

/** A fact shown as the answer without a question deciding it: "yes" to "did you mean …?", a draft's preview. */
export function factReply(fact: Fact, language: Language, context: ReplyContext): ReplyModel {
  return {
    status: 'answered',
    language,
    question: fact.title[language],
    score: 1,
    knowledgeVersion: versionLabel(context.snapshot),
    fact: factView(fact, language, context),
    suggestions: [],
    notice: '',
    followUp: undefined,
  };
}

/** "I don't know", and why when the engine ruled the question out: about us, another company, a missing detail. */
function whyUnknown(decision: Decision, snapshot: KnowledgeSnapshot): string {
  const m = MESSAGES[decision.language];
  const off = decision.offSubject;
  if (off?.kind === 'everyday') return m.unknown;
  if (off?.kind === 'opinion') return m.noOpinion;
  if (off) return off.kind === 'asker' || off.word === undefined ? m.aboutAsker : m.aboutOther(off.word);
  const best = decision.ranking[0];
  const nearest = best && snapshot.factsById.get(best.id);
  const kind = best?.lacks[0];
  return nearest && kind ? m.lacks(nearest.title[decision.language], m.kinds[kind]) : m.unknown;
}

export function factRef(fact: Fact, language: Language): FactRef {
  return { id: fact.id, title: fact.title[language] };
}

export function factView(fact: Fact, language: Language, context: Omit<ReplyContext, 'contact'>): FactView {
  const m = MESSAGES[language];
  const { snapshot } = context;
  const citations = fact.citations.flatMap((citation) => {
    const source = snapshot.sources.get(citation.source);
    return source ? [citationView(citation.quote, citation.translation, source, language)] : [];
  });
  const date = fact.attribution.date ?? citations[0]?.published;
  const kind = fact.attribution.kind;
  const today = isoDay(context.now);
  return {
    ...factRef(fact, language),
    answer: fact.answer[language],
    topic: fact.topic,
    attribution: {
      claimant: fact.attribution.claimant,
      kind,
      date,
      label: `${m.claimKinds[kind]} — ${fact.attribution.claimant}${date ? `, ${formatDate(date, language)}` : ''}`,
      caveat: kind === 'company-statement' ? m.notIndependent : undefined,
    },
    citations,
    related: fact.related.flatMap((id) => {
      const related = snapshot.factsById.get(id);
      return related ? [factRef(related, language)] : [];
    }),
    asOf: fact.as_of,
    reviewBy: fact.review_by,
    staleNotice: reviewOverdue(fact, today)
      ? m.stale(formatDate(fact.as_of, language), formatDate(fact.review_by, language))
      : undefined,
  };
}

function citationView(
  quote: string,
  translation: string | undefined,
  source: Source,
  language: Language,
): CitationView {
  return {
    sourceId: source.id,
    title: source.title,
    publisher: source.publisher,
    kind: source.kind,
    published: source.published,
    url: source.url,
    quote: quote.replace(/\s+/g, ' ').trim(),
    translation: translation?.replace(/\s+/g, ' ').trim(),
    language: source.language,
    keptAs: MESSAGES[language].textIs[source.text_is],
  };
}
