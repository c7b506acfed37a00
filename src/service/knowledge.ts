import { createAnswerer, type Answerer } from '../answer/answerer.ts';
import type { EngineOptions } from '../answer/options.ts';
import type { Config } from '../config.ts';
import { openLiveStore, type LiveStore, type ReloadOutcome } from '../knowledge/live-store.ts';
import { folderLoader } from '../knowledge/load.ts';
import type { Problem } from '../knowledge/problems.ts';
import { watchFolder } from '../knowledge/watch.ts';
import type { Logger } from '../log.ts';
import { loadHashKey, type LoadedHashKey } from '../record/hash-key.ts';
import { openRecorder, type Recorder } from '../record/recorder.ts';

/** The knowledge live now, with the engine built over it: what every front end answers from. */
export type LiveKnowledge = LiveStore<Answerer>;

export type OpenedKnowledge = { ok: true; store: LiveKnowledge } | { ok: false; errors: readonly Problem[] };

/**
 * Loads the knowledge folder and builds the engine over it, once, for `npm start`, the terminal and the
 * tests alike; each reload of the store loads and builds a whole new version the same way. `now` fixes
 * "today" for review dates (the tests' frozen day).
 */
export function openKnowledge(config: {
  readonly knowledgeDir: string;
  readonly answerThreshold?: number | undefined;
  readonly now?: () => Date;
}): Promise<OpenedKnowledge> {
  const options: Partial<EngineOptions> =
    config.answerThreshold === undefined ? {} : { answerThreshold: config.answerThreshold };
  return openLiveStore<Answerer>({
    load: folderLoader(config.knowledgeDir, config.now),
    build: (snapshot) => createAnswerer(snapshot, options),
  });
}

/**
 * Reloads the store shortly after files under `dir` change, telling `onOutcome` what each reload did (a
 * broken save keeps the last good version), until `close`.
 */
export function reloadOnSave(
  store: LiveKnowledge,
  dir: string,
  handlers: {
    readonly onOutcome: (outcome: ReloadOutcome) => void;
    readonly onCrash?: (err: unknown) => void;
    readonly onWatchError?: (err: unknown) => void;
    readonly debounceMs?: number;
  },
): { close(): void } {
  return watchFolder(
    dir,
    () => {
      store.reload().then(handlers.onOutcome, (err: unknown) => handlers.onCrash?.(err));
    },
    {
      ...(handlers.debounceMs === undefined ? {} : { debounceMs: handlers.debounceMs }),
      ...(handlers.onWatchError ? { onError: handlers.onWatchError } : {}),
    },
  );
}

/**
 * The key of the record's user id hash, when recording is on (made on first start when kept in a file),
 * or why it could not be read: the record is then not opened, and the bot answers without recording.
 */
export function loadRecordKey(record: Config['record']): { key: LoadedHashKey | undefined; error: unknown } {
  if (!record) return { key: undefined, error: undefined };
  try {
    return { key: loadHashKey(record.hashKeySource), error: undefined };
  } catch (error) {
    return { key: undefined, error };
  }
}

/**
 * The record of questions, opened as the configuration says; answering matters more than recording, so a
 * record that cannot be opened (or whose key could not be read: `keyError`) is reported, not thrown.
 */
export function openRecord(
  record: Config['record'],
  hashKey: Buffer | undefined,
  keyError: unknown,
  logger: Logger,
): { recorder: Recorder | undefined; unavailable: string | undefined } {
  if (!record) return { recorder: undefined, unavailable: undefined };
  try {
    if (!hashKey) throw keyError;
    const { hashKeySource: _, ...options } = record;
    return { recorder: openRecorder({ ...options, hashKey, logger }), unavailable: undefined };
  } catch (err) {
    logger.error(
      { err, event: 'record.open_failed', dataDir: record.dataDir },
      'cannot open the question record; answering without recording',
    );
    return { recorder: undefined, unavailable: err instanceof Error ? err.message : String(err) };
  }
}
