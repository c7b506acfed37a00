import type { Answerer } from '../answer/answerer.ts';
import { contextAfter, type Context } from '../answer/engine.ts';
import { buildReply, factView, type FactView, type ReplyModel } from '../answer/reply.ts';
import type { Language } from '../knowledge/schema.ts';
import type { LiveStore } from '../knowledge/live-store.ts';
import { versionLabel } from '../knowledge/snapshot.ts';
import type { ChannelKind, QuestionRecord } from '../record/recorder.ts';
import type { Contact } from '../answer/reply.ts';

export type { ChannelKind };

/** Where answers are recorded for the policy team. Recording never fails an answer. */
export interface QuestionRecorder {
  recordQuestion(record: QuestionRecord): string;
  recordVote(recordId: string, userId: string, helpful: boolean): void;
}

export interface AskingOptions {
  readonly store: LiveStore<Answerer>;
  readonly contact: Contact;
  readonly now: () => Date;
  /** How long a conversation lasts after its last question; 0 reads every question on its own. */
  readonly conversationMs?: number;
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

  const conversations = conversationMemory(options.conversationMs ?? 0);

  const ask = (
    question: string,
    from: {
      channelKind: ChannelKind;
      userId: string;
      language?: Language;
      /**
       * Where this member's conversation with the bot happens (a DM, a thread, a channel), and whether this
       * question continues it (in a channel, only a reply to the bot's answer does): a follow-up is read
       * after the previous answer. Never shared by two members.
       */
      conversation?: { readonly place: string; readonly continues: boolean };
      /** A fact to read the question after, as if it had just been the answer (`ask --after`). */
      after?: string;
    },
  ): Asked => {
    const started = performance.now();
    const answerer = options.store.current();
    const { snapshot } = answerer;
    const now = options.now().getTime();
    const key = from.conversation && `${from.userId}\u0000${from.conversation.place}`;
    const context: Context | undefined = from.after
      ? { previous: from.after }
      : key && from.conversation?.continues
        ? conversations.previous(key, now)
        : undefined;
    const decision = answerer.ask(question, context);
    // An answer is what the next question follows; a question with none keeps the answer before it.
    const next = contextAfter(context, decision, answerer.engine.options.clarifyThreshold);
    if (key && next) conversations.remember(key, next, now);
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
        followUp: decision.followUp?.used === true,
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

/** Conversations remembered at most: a memory bound (the oldest is forgotten first), not a tuning number. */
const MAX_CONVERSATIONS = 10_000;

/**
 * The last answer of each recent conversation (`contextAfter`), kept while the conversation goes on and
 * for `lifetimeMs` of silence after.
 */
function conversationMemory(lifetimeMs: number) {
  const last = new Map<string, { context: Context; at: number }>();
  return {
    previous(key: string, now: number): Context | undefined {
      const entry = last.get(key);
      if (!entry || now - entry.at > lifetimeMs) return undefined;
      return entry.context;
    },
    remember(key: string, context: Context, now: number): void {
      if (lifetimeMs <= 0) return;
      last.delete(key);
      last.set(key, { context, at: now });
      if (last.size > MAX_CONVERSATIONS) last.delete(last.keys().next().value!);
    },
  };
}

export type Asking = ReturnType<typeof createAsking>;
