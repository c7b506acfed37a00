import type { KnowledgeSnapshot } from '../knowledge/snapshot.ts';
import { buildEngine, type Context, type Decision, type Engine } from './engine.ts';
import { engineOptions, type EngineOptions } from './options.ts';

/** The answer engine for one snapshot: build once, ask many times. */
export interface Answerer {
  readonly snapshot: KnowledgeSnapshot;
  readonly engine: Engine;
  /** The decision for a question; in a conversation, read after the previous answer's fact. */
  readonly ask: (question: string, context?: Context) => Decision;
  /** Ids of the facts nearest to a text, best first, whether or not any would be given as an answer. */
  readonly nearest: (text: string, limit: number) => string[];
}

export function createAnswerer(snapshot: KnowledgeSnapshot, options: Partial<EngineOptions> = {}): Answerer {
  const engine = buildEngine(snapshot, engineOptions(options));
  return {
    snapshot,
    engine,
    ask: (question, context) => engine.decide(question, undefined, context),
    nearest: (text, limit) =>
      engine
        .decide(text, limit)
        .ranking.slice(0, limit)
        .map((r) => r.id),
  };
}
