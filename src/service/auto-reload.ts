import type { ReloadOutcome } from '../knowledge/live-store.ts';
import { formatProblem } from '../knowledge/problems.ts';
import type { Logger } from '../log.ts';
import { reloadOnSave, type LiveKnowledge } from './knowledge.ts';

/**
 * Reloads the live knowledge shortly after files under `dir` change, and logs each outcome: the new
 * version and what changed, or every error with its file:line:column while the last good version
 * keeps serving.
 */
export function autoReload(
  store: LiveKnowledge,
  dir: string,
  logger: Logger,
  options: { debounceMs?: number } = {},
): { close(): void } {
  return reloadOnSave(store, dir, {
    ...options,
    onOutcome: (outcome) => logOutcome(logger, outcome, 'watch'),
    onCrash: (err) =>
      logger.error(
        { err, event: 'kb.reload_crashed' },
        'knowledge reload crashed; still serving the last good version',
      ),
    onWatchError: (err) =>
      logger.error({ err, event: 'kb.watch_failed' }, 'cannot watch the knowledge folder; use /kb reload'),
  });
}

export function logOutcome(logger: Logger, outcome: ReloadOutcome, by: string): void {
  if (outcome.ok) {
    logger.info(
      {
        event: 'kb.reloaded',
        by,
        version: outcome.version,
        previous: outcome.previousVersion,
        added: outcome.added,
        removed: outcome.removed,
        edited: outcome.edited,
        ...(outcome.ignored.length > 0 ? { ignored: outcome.ignored.map(formatProblem) } : {}),
      },
      'knowledge reloaded',
    );
  } else {
    logger.error(
      { event: 'kb.reload_failed', by, serving: outcome.version, errors: outcome.errors.map(formatProblem) },
      'knowledge has errors; still serving the last good version',
    );
  }
}
