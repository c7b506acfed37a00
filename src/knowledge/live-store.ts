import type { Problem } from './problems.ts';
import type { KnowledgeSnapshot, LoadResult } from './snapshot.ts';

/** What a reload did, for the policy team: the new version and what changed, or why nothing did. */
export type ReloadOutcome =
  | {
      readonly ok: true;
      readonly version: string;
      readonly previousVersion: string;
      readonly added: readonly string[];
      readonly removed: readonly string[];
      readonly edited: readonly string[];
      readonly warnings: readonly Problem[];
      /** Files left out on purpose (editors' leftovers), each with why. */
      readonly ignored: readonly Problem[];
    }
  | { readonly ok: false; readonly version: string; readonly errors: readonly Problem[]; readonly at: Date };

/**
 * What is built from a snapshot and served (the answer engine, which carries its snapshot). Generic only so
 * that knowledge loading does not depend on the engine.
 */
export interface Built {
  readonly snapshot: KnowledgeSnapshot;
}

/**
 * The knowledge that is live now. A reload loads and builds a complete new version before swapping it
 * in with one assignment, so a question always runs against one whole version, and a broken edit never
 * replaces what was live: the error is kept for /kb status until a good version loads.
 */
export interface LiveStore<T extends Built> {
  /** The version live now: one whole snapshot and what was built from it. */
  current(): T;
  reload(): Promise<ReloadOutcome>;
  readonly lastError: Extract<ReloadOutcome, { ok: false }> | undefined;
  /** Called after every reload attempt, good or bad. */
  onReload(listener: (outcome: ReloadOutcome) => void): () => void;
}

export async function openLiveStore<T extends Built>(options: {
  load: () => Promise<LoadResult>;
  build: (snapshot: KnowledgeSnapshot) => T;
}): Promise<{ ok: true; store: LiveStore<T> } | { ok: false; errors: readonly Problem[] }> {
  const first = await options.load();
  if (!first.ok) return { ok: false, errors: first.errors };
  let live: T = options.build(first.snapshot);
  let lastError: Extract<ReloadOutcome, { ok: false }> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const listeners = new Set<(outcome: ReloadOutcome) => void>();

  const reloadOnce = async (): Promise<ReloadOutcome> => {
    const result = await options.load();
    let outcome: ReloadOutcome;
    if (!result.ok) {
      lastError = { ok: false, version: live.snapshot.version, errors: result.errors, at: new Date() };
      outcome = lastError;
    } else if (unchanged(live.snapshot, result.snapshot)) {
      // The same files with the same warnings (a save that changed nothing, the watcher's reload after a
      // pull had already reloaded): what is live is what a build would give, so nothing is rebuilt.
      lastError = undefined;
      outcome = {
        ok: true,
        version: live.snapshot.version,
        previousVersion: live.snapshot.version,
        added: [],
        removed: [],
        edited: [],
        warnings: result.warnings,
        ignored: result.snapshot.ignored,
      };
    } else {
      const next = options.build(result.snapshot);
      const previous = live.snapshot;
      live = next;
      lastError = undefined;
      outcome = {
        ok: true,
        version: next.snapshot.version,
        previousVersion: previous.version,
        ...diffFacts(previous, next.snapshot),
        warnings: result.warnings,
        ignored: next.snapshot.ignored,
      };
    }
    for (const listener of listeners) listener(outcome);
    return outcome;
  };

  const store: LiveStore<T> = {
    current: () => live,
    get lastError() {
      return lastError;
    },
    // Reloads run one after another, so the last one requested always sees the files as they were
    // when it was requested, and two never race to swap.
    reload: () => {
      const run = queue.then(reloadOnce);
      queue = run.catch(() => undefined);
      return run;
    },
    onReload: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { ok: true, store };
}

/** The same version (a hash of every file loaded) with the same warnings: nothing a build reads differs. */
function unchanged(live: KnowledgeSnapshot, loaded: KnowledgeSnapshot): boolean {
  return live.version === loaded.version && JSON.stringify(live.warnings) === JSON.stringify(loaded.warnings);
}

function diffFacts(before: KnowledgeSnapshot, after: KnowledgeSnapshot) {
  const added: string[] = [];
  const edited: string[] = [];
  for (const fact of after.facts) {
    const old = before.factsById.get(fact.id);
    if (!old) added.push(fact.id);
    else if (JSON.stringify(old) !== JSON.stringify(fact)) edited.push(fact.id);
  }
  const removed = before.facts.filter((f) => !after.factsById.has(f.id)).map((f) => f.id);
  return { added, removed, edited };
}
