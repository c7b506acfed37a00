import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Answerer } from '../answer/answerer.ts';
import { explain } from '../answer/explain.ts';
import { applyMigrations } from '../record/migrations.ts';
import { databasePath, type Recorder } from '../record/recorder.ts';
import { buildReport, openRecordForReading, type Report, type ReportOptions } from '../record/report.ts';
import { DAY_MS } from '../util/time.ts';

export type { Report };

/**
 * What staff asked over `period`, read from the record (the bot's own recorder, or a record on disk).
 * With the engine at hand, each group of unanswered questions also says what to fix.
 */
export function readReport(source: Recorder | Database.Database, period: ReportOptions, answerer?: Answerer): Report {
  const report = buildReport(source, period);
  return answerer ? withFixHints(report, answerer) : report;
}

/**
 * The report with, for each group of unanswered questions, the fact nearest to its example and the
 * words of it no fact knows: what the policy team would add as an alias, a question or a synonym.
 */
export function withFixHints(report: Report, answerer: Answerer): Report {
  return {
    ...report,
    topUnanswered: report.topUnanswered.map((group) => {
      if (!group.textStored) return group;
      const { best, words } = explain(answerer, group.example);
      return {
        ...group,
        hint: {
          nearest: best && { id: best.id, confidence: best.coverage },
          unknownWords: words.filter((w) => w.reading === 'unknown').map((w) => w.word),
        },
      };
    }),
  };
}

/** The period of the last `days` days up to `now`, this very moment included (a report's end is exclusive). */
export function lastDays(now: Date, days: number): { from: Date; to: Date } {
  const to = new Date(now.getTime() + 1);
  return { from: new Date(to.getTime() - days * DAY_MS), to };
}

/** The report as the running bot can give it: from its own record, or why there is none. */
export type LiveReport =
  /** Questions are not recorded (RECORD_QUESTIONS=off). */
  | { readonly state: 'off' }
  /** Recording is on, but the record could not be opened at start. */
  | { readonly state: 'unavailable'; readonly reason: string }
  /** The record could not be read now. */
  | { readonly state: 'failed'; readonly error: Error }
  | { readonly state: 'ready'; readonly report: Report };

/** The report of `period` from the running bot's record, with what to fix from the engine live now. */
export function liveReport(
  bot: { readonly recorder: Recorder | undefined; readonly recordUnavailable?: string | undefined },
  answerer: Answerer,
  period: ReportOptions,
): LiveReport {
  if (!bot.recorder)
    return bot.recordUnavailable === undefined
      ? { state: 'off' }
      : { state: 'unavailable', reason: bot.recordUnavailable };
  try {
    return { state: 'ready', report: readReport(bot.recorder, period, answerer) };
  } catch (error) {
    return { state: 'failed', error: error instanceof Error ? error : new Error(String(error)) };
  }
}

/** The record on disk could not be read; the message names its file. */
export class RecordReadError extends Error {
  override readonly name = 'RecordReadError';
  constructor(file: string, cause: unknown) {
    super(`could not read the question record ${file}: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
  }
}

/** The record the bot keeps in `dataDir`, for a process of its own to read while the bot writes it. */
export interface RecordOnDisk {
  readonly file: string;
  /** False when nothing was recorded there yet: it then reads as an empty record, not as an error. */
  readonly found: boolean;
  /** Opens the record read-only (it is never migrated), reads it with `query`, and closes it. */
  read<T>(query: (db: Database.Database) => T): T;
}

export function recordOnDisk(dataDir: string): RecordOnDisk {
  const file = databasePath(dataDir);
  const found = existsSync(file);
  return {
    file,
    found,
    read(query) {
      let db: Database.Database | undefined;
      try {
        if (found) db = openRecordForReading(file);
        else {
          // An empty record answers the same queries as one with nothing in the period.
          db = new Database(':memory:');
          applyMigrations(db);
        }
        return query(db);
      } catch (error) {
        throw new RecordReadError(file, error);
      } finally {
        db?.close();
      }
    },
  };
}
