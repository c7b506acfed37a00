import type { ReloadOutcome } from '../knowledge/live-store.ts';
import { formatProblem } from '../knowledge/problems.ts';

/** What a reload did: rendered once for Discord (`describeReload`) and once for the terminal chat. */
export interface ReloadSummary {
  readonly headline: string;
  /** Each problem to fix, at its file:line:column; empty when the edit loaded. */
  readonly problems: readonly string[];
}

/**
 * What a reload did, in the policy team's words, for every front end: a headline, then the problems to
 * fix (each file:line:column) when the edit was not loaded, or the facts it changed when it was.
 */
export function reloadSummary(outcome: ReloadOutcome): ReloadSummary {
  if (!outcome.ok) {
    return {
      headline: `Knowledge base edit not loaded: still serving ${outcome.version}. Fix and save again:`,
      problems: outcome.errors.map(formatProblem),
    };
  }
  const changed = [
    ['added', outcome.added],
    ['edited', outcome.edited],
    ['removed', outcome.removed],
  ] as const;
  const parts = changed.filter(([, ids]) => ids.length > 0).map(([what, ids]) => `${what} ${ids.join(', ')}`);
  return {
    headline: `Knowledge base loaded: ${outcome.version} (${parts.length > 0 ? parts.join('; ') : 'no fact changed'}).`,
    problems: [],
  };
}
