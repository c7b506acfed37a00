import { createAnswerer, type Answerer } from '../answer/answerer.ts';
import { buildReply, type ReplyModel } from '../answer/reply.ts';
import type { Config } from '../config.ts';
import { loadOrExplain } from './knowledge.ts';

/** What a terminal command needs: the engine over the current knowledge base, and a way to reply. */
export interface TerminalEngine {
  readonly answerer: Answerer;
  reply(question: string): ReplyModel;
}

export async function openTerminalEngine(
  config: Pick<Config, 'knowledgeDir' | 'answerThreshold' | 'contact'>,
  err: (line: string) => void,
  now: () => Date = () => new Date(),
): Promise<TerminalEngine | undefined> {
  const snapshot = await loadOrExplain(config.knowledgeDir, err);
  if (!snapshot) return undefined;
  const answerer = createAnswerer(snapshot, config.answerThreshold === undefined ? {} : { answerThreshold: config.answerThreshold });
  return {
    answerer,
    reply: (question) => buildReply(question, answerer.ask(question), { snapshot, now: now(), contact: config.contact }),
  };
}
