import type { Answerer } from '../answer/answerer.ts';
import { factReply, type ReplyModel } from '../answer/reply.ts';
import type { Config } from '../config.ts';
import type { ReloadOutcome } from '../knowledge/live-store.ts';
import type { Language } from '../knowledge/schema.ts';
import { createAsking } from '../service/asking.ts';
import { openKnowledge, reloadOnSave } from '../service/knowledge.ts';
import { explainLoadErrors } from './knowledge.ts';

/** What a terminal command needs: the engine over the current knowledge base, and a way to reply. */
export interface TerminalEngine {
  /** The engine over the knowledge live now. */
  current(): Answerer;
  /**
   * The reply to a question; in a conversation (the terminal chat, `ask --conversation`), read after the
   * previous answer of the same conversation; with `after`, read after that fact's answer.
   */
  reply(question: string, conversation?: string, after?: string): ReplyModel;
  /** A fact shown as an answer: what "yes" to "did you mean …?" gets. */
  show(factId: string, language: Language): ReplyModel | undefined;
  /**
   * Reloads the knowledge base after each save in its folder, as the bot does, and tells `onReload` what
   * happened; a broken save keeps the last good version. Until `close`.
   */
  watch(onReload: (outcome: ReloadOutcome) => void): { close(): void };
}

export async function openTerminalEngine(
  config: Pick<Config, 'knowledgeDir' | 'answerThreshold' | 'contact' | 'conversationMs'>,
  err: (line: string) => void,
  now: () => Date = () => new Date(),
): Promise<TerminalEngine | undefined> {
  const opened = await openKnowledge(config);
  if (!opened.ok) {
    explainLoadErrors(opened.errors, err);
    return undefined;
  }
  const { store } = opened;
  const current = () => store.current();
  // The terminal asks as a member in a DM would, nothing recorded.
  const asking = createAsking({ store, contact: config.contact, now, conversationMs: config.conversationMs });
  return {
    current,
    reply: (question, conversation, after) =>
      asking.ask(question, {
        channelKind: 'dm',
        userId: 'terminal',
        ...(conversation === undefined ? {} : { conversation: { place: conversation, continues: true } }),
        ...(after === undefined ? {} : { after }),
      }).reply,
    show: (factId, language) => {
      const { snapshot } = current();
      const fact = snapshot.factsById.get(factId);
      if (!fact) return undefined;
      return factReply(fact, language, { snapshot, now: now(), contact: config.contact });
    },
    watch: (onReload) => reloadOnSave(store, config.knowledgeDir, { onOutcome: onReload }),
  };
}
