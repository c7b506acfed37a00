import type { Answerer } from '../answer/answerer.ts';
import { buildReply, factView, type FactView, type ReplyModel } from '../answer/reply.ts';
import type { Language } from '../knowledge/schema.ts';
import type { LiveStore } from '../knowledge/live-store.ts';
import { versionLabel } from '../knowledge/snapshot.ts';
import type { ChannelKind } from '../record/recorder.ts';
import type { Contact } from '../answer/reply.ts';

export type { ChannelKind };

/** Where answers are recorded for the policy team. Recording never fails an answer. */
export interface QuestionRecorder {
  recordQuestion(record: {
    channelKind: ChannelKind;
    language: Language;
    factId: string | null;
    score: number;
    suggestions: readonly string[];
    question: string;
    userId: string;
    knowledgeVersion: string;
    latencyMs?: number;
  }): string;
  recordVote(recordId: string, userId: string, helpful: boolean): void;
}

export interface AskingOptions {
  readonly store: LiveStore<Answerer>;
  readonly contact: Contact;
  readonly now: () => Date;
  readonly recorder?: QuestionRecorder | undefined;
  readonly onError?: (error: unknown) => void;
  /** Called once per question with what was decided and how long it took (no question text, no user). */
  readonly onAnswered?: (entry: {
    /** answered, clarify ("did you mean"), or unknown. */
    outcome: ReplyModel['status'];
    channelKind: ChannelKind;
    factId: string | null;
    score: number;
    language: Language;
    latencyMs: number;
    knowledgeVersion: string;
  }) => void;
}

export interface Asked {
  readonly reply: ReplyModel;
  /** Set when the question was recorded: votes on the answer refer to it. */
  readonly recordId: string | undefined;
}

/**
 * Asking, for any front end: one snapshot for the whole question (a reload mid-question cannot mix two
 * versions), the reply model, and the record. Also counts what is asked, for autocomplete.
 */
export function createAsking(options: AskingOptions) {
  const popularity = new Map<string, number>();

  const ask = (question: string, from: { channelKind: ChannelKind; userId: string; language?: Language }): Asked => {
    const started = performance.now();
    const answerer = options.store.current();
    const { snapshot } = answerer;
    const decision = answerer.ask(question);
    const language = from.language ?? decision.language;
    const reply = buildReply(
      question,
      { ...decision, language },
      { snapshot, now: options.now(), contact: options.contact },
    );
    if (reply.fact) popularity.set(reply.fact.id, (popularity.get(reply.fact.id) ?? 0) + 1);
    let recordId: string | undefined;
    try {
      recordId = options.recorder?.recordQuestion({
        channelKind: from.channelKind,
        language,
        factId: reply.fact?.id ?? null,
        score: reply.score,
        suggestions: reply.suggestions.map((s) => s.id),
        question,
        userId: from.userId,
        knowledgeVersion: snapshot.version,
        latencyMs: performance.now() - started,
      });
    } catch (error) {
      options.onError?.(error);
    }
    options.onAnswered?.({
      outcome: reply.status,
      channelKind: from.channelKind,
      factId: reply.fact?.id ?? null,
      score: reply.score,
      language,
      latencyMs: Math.round((performance.now() - started) * 1000) / 1000,
      knowledgeVersion: snapshot.version,
    });
    return { reply, recordId };
  };

  const showFact = (factId: string, language: Language): { view: FactView; version: string } | undefined => {
    const { snapshot } = options.store.current();
    const fact = snapshot.factsById.get(factId);
    return fact
      ? { view: factView(fact, language, { snapshot, now: options.now() }), version: versionLabel(snapshot) }
      : undefined;
  };

  const vote = (recordId: string, userId: string, helpful: boolean) => {
    try {
      options.recorder?.recordVote(recordId, userId, helpful);
    } catch (error) {
      options.onError?.(error);
    }
  };

  return { ask, showFact, vote, popularity: popularity as ReadonlyMap<string, number> };
}

export type Asking = ReturnType<typeof createAsking>;
