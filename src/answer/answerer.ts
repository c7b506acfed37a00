import type { KnowledgeSnapshot } from '../knowledge/snapshot.ts';
import { decide, type Decision } from './engine.ts';
import { buildIndex, type FactIndex } from './fact-index.ts';
import { engineOptions, type EngineOptions } from './options.ts';

/** The answer engine for one snapshot: build once, ask many times. */
export interface Answerer {
  readonly snapshot: KnowledgeSnapshot;
  readonly index: FactIndex;
  readonly ask: (question: string) => Decision;
  /** Ids of the facts nearest to a text, best first, whether or not any would be given as an answer. */
  readonly nearest: (text: string, limit: number) => string[];
}

export function createAnswerer(snapshot: KnowledgeSnapshot, options: Partial<EngineOptions> = {}): Answerer {
  const index = buildIndex(snapshot, engineOptions(options));
  return {
    snapshot,
    index,
    ask: (question) => decide(index, question),
    nearest: (text, limit) =>
      decide(index, text, limit)
        .ranking.slice(0, limit)
        .map((r) => r.id),
  };
}
