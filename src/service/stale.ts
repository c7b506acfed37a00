import { isoDay, reviewOverdue, type Fact } from '../knowledge/schema.ts';
import type { KnowledgeSnapshot } from '../knowledge/snapshot.ts';

/** Facts past their review date, grouped by owner: what `kb:lint`, `/kb stale` and `/kb status` show. */
export interface StaleFacts {
  readonly count: number;
  readonly byOwner: readonly { readonly owner: string; readonly facts: readonly StaleFact[] }[];
}

export interface StaleFact {
  readonly id: string;
  readonly reviewBy: string;
  /** The file the fact is written in, relative to the knowledge folder. */
  readonly file: string | undefined;
}

export function staleFacts(snapshot: Pick<KnowledgeSnapshot, 'facts' | 'factFiles'>, now: Date): StaleFacts {
  const today = isoDay(now);
  const stale = snapshot.facts.filter((f: Fact) => reviewOverdue(f, today));
  const byOwner = new Map<string, StaleFact[]>();
  for (const f of stale)
    byOwner.set(f.owner, [
      ...(byOwner.get(f.owner) ?? []),
      { id: f.id, reviewBy: f.review_by, file: snapshot.factFiles.get(f.id) },
    ]);
  return { count: stale.length, byOwner: [...byOwner].map(([owner, facts]) => ({ owner, facts })) };
}
