import type { Fact, Source, Synonyms, Topic } from './schema.ts';
import type { Problem } from './problems.ts';

/** One validated, immutable version of the knowledge base. A reload builds a new one. */
export interface KnowledgeSnapshot {
  /** Content hash of every file that was loaded: the same files always give the same version. */
  readonly version: string;
  readonly loadedAt: Date;
  readonly facts: readonly Fact[];
  readonly factsById: ReadonlyMap<string, Fact>;
  readonly sources: ReadonlyMap<string, Source>;
  readonly topics: readonly Topic[];
  /** The vocabulary every fact shares (synonyms.yaml); empty when the file is absent. */
  readonly synonyms: Synonyms;
  /** Where each fact was written, for messages that send a person to the file. */
  readonly factFiles: ReadonlyMap<string, string>;
  readonly warnings: readonly Problem[];
  /** Files in the folder that were left out on purpose (editors' leftovers), each with why; also in warnings. */
  readonly ignored: readonly Problem[];
}

/** The version people see: the content hash, and when it was loaded ("5280ffe29f7f, loaded 2026-11-29 08:15 UTC"). */
export function versionLabel(snapshot: Pick<KnowledgeSnapshot, 'version' | 'loadedAt'>): string {
  return `${snapshot.version}, loaded ${snapshot.loadedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export type LoadResult =
  | { readonly ok: true; readonly snapshot: KnowledgeSnapshot; readonly warnings: readonly Problem[] }
  | { readonly ok: false; readonly errors: readonly Problem[]; readonly warnings: readonly Problem[] };
