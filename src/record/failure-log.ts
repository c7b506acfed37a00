/**
 * Failed writes to the record, told once: with the disk full every question fails the same way, and a
 * stack per question would bury everything else in the log.
 */

/** What the record could not write, and why. */
export interface RecordFailure {
  /** SQLite's error code (SQLITE_FULL, SQLITE_IOERR_WRITE, SQLITE_READONLY…), else the error's name. */
  readonly kind: string;
  readonly message: string;
  /** What was being written: "a question", "a vote", "the deletion of old questions". */
  readonly what: string;
  /** ISO time. */
  readonly at: string;
}

export interface FailureLogger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface FailureLog {
  failed(what: string, error: unknown): void;
  /** A write went through: when writes had been failing, says so once, with how many failed. */
  succeeded(): void;
  readonly last: RecordFailure | undefined;
  /** Writes have failed since the last one that went through. */
  readonly failing: boolean;
}

/**
 * Logs the first failure of each kind with its error (and stack), then the same kind only when its count
 * reaches 10, 100, 1,000…, with the count and no stack; once writes go through again, one line with the
 * number that failed, and the counting starts over.
 */
export function createFailureLog(logger: FailureLogger, now: () => Date): FailureLog {
  const counts = new Map<string, number>();
  let failedSinceSuccess = 0;
  let last: RecordFailure | undefined;
  return {
    failed(what, error) {
      const kind = kindOf(error);
      const message = error instanceof Error ? error.message : String(error);
      const count = (counts.get(kind) ?? 0) + 1;
      counts.set(kind, count);
      failedSinceSuccess += 1;
      last = { kind, message, what, at: now().toISOString() };
      if (count === 1)
        logger.error(
          { event: 'record.write_failed', kind, what, count, err: error },
          `could not record ${what} (${kind}); further failures of this kind are counted, and logged at 10, 100, 1,000…`,
        );
      else if (isPowerOfTen(count))
        logger.error(
          { event: 'record.write_failed', kind, what, count, message },
          `the record still fails (${kind}): ${count} writes failed since the first`,
        );
    },
    succeeded() {
      if (failedSinceSuccess === 0) return;
      logger.warn(
        { event: 'record.recovered', failed: failedSinceSuccess, kinds: Object.fromEntries(counts) },
        `recording again after ${failedSinceSuccess} failed writes`,
      );
      failedSinceSuccess = 0;
      counts.clear();
    },
    get last() {
      return last;
    },
    get failing() {
      return failedSinceSuccess > 0;
    },
  };
}

function kindOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code !== '') return code;
  return error instanceof Error ? error.name : 'Error';
}

function isPowerOfTen(n: number): boolean {
  while (n >= 10 && n % 10 === 0) n /= 10;
  return n === 1;
}
