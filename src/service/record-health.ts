import type { RecordFailure } from '../record/failure-log.ts';
import type { Recorder } from '../record/recorder.ts';

/** The state of the record of questions, as `/kb status` shows it. */
export type RecordHealth =
  | { readonly state: 'off' }
  /** Recording is on but the record could not be opened at start: questions are answered, not recorded. */
  | { readonly state: 'unavailable'; readonly reason: string }
  | {
      readonly state: 'recording' | 'failing';
      /** Since the bot started. */
      readonly rowsWritten: number;
      readonly writeErrors: number;
      readonly rowsDropped: number;
      readonly lastFailure: RecordFailure | undefined;
    };

export function recordHealth(recorder: Recorder | undefined, unavailable: string | undefined): RecordHealth {
  if (!recorder) return unavailable === undefined ? { state: 'off' } : { state: 'unavailable', reason: unavailable };
  const { rowsWritten, writeErrors, rowsDropped, lastFailure, failing } = recorder.stats();
  return { state: failing ? 'failing' : 'recording', rowsWritten, writeErrors, rowsDropped, lastFailure };
}
