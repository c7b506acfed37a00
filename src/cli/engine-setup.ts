import { createAnswerer, type Answerer } from '../answer/answerer.ts';
import { buildReply, type ReplyModel } from '../answer/reply.ts';
import type { Config } from '../config.ts';
import type { Language } from '../knowledge/schema.ts';
import { loadOrExplain } from './knowledge.ts';

/** What a terminal command needs: the engine over the current knowledge base, and a way to reply. */
export interface TerminalEngine {
  readonly answerer: Answerer;
  reply(question: string): ReplyModel;
  /** A fact shown as an answer: what "yes" to "did you mean …?" gets. */
  show(factId: string, language: Language): ReplyModel | undefined;
}

export async function openTerminalEngine(
  config: Pick<Config, 'knowledgeDir' | 'answerThreshold' | 'contact'>,
  err: (line: string) => void,
  now: () => Date = () => new Date(),
): Promise<TerminalEngine | undefined> {
  const snapshot = await loadOrExplain(config.knowledgeDir, err);
  if (!snapshot) return undefined;
  const answerer = createAnswerer(snapshot, config.answerThreshold === undefined ? {} : { answerThreshold: config.answerThreshold });
  const context = () => ({ snapshot, now: now(), contact: config.contact });
  return {
    answerer,
    reply: (question) => buildReply(question, answerer.ask(question), context()),
    show: (factId, language) => {
      const fact = snapshot.factsById.get(factId);
      if (!fact) return undefined;
      return buildReply(fact.title[language], { status: 'answered', fact, score: 1, language, suggestions: [], terms: [], ranking: [] }, context());
    },
  };
}
