import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { HASH_KEY_BYTES, hashKeyId, hashUserId } from './hash-key.ts';
import { createFailureLog, type RecordFailure } from './failure-log.ts';
import { applyMigrations } from './migrations.ts';
import { registerUnansweredKey } from './unanswered-key.ts';
import { LANGUAGES, type Language } from '../knowledge/schema.ts';
import { DAY_MS } from '../util/time.ts';

/**
 * The record of what staff asked: one row per question, one per vote on an answer. Recording sits on the
 * answer path, so it never throws there: each row is one synchronous insert (about 25 µs, `npm run bench`),
 * and a row that cannot be written is counted and dropped, its failure logged once per kind
 * (`createFailureLog`) and shown in `stats()`; the bot keeps answering.
 */

export const DATABASE_FILE = 'residency-bot.sqlite3';

export function databasePath(dataDir: string): string {
  return join(dataDir, DATABASE_FILE);
}

export const CHANNEL_KINDS = Object.freeze(['slash', 'mention', 'dm', 'channel', 'terminal'] as const);
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** The shape pino's logger has, so the bot's logger can be passed as is. */
export interface RecorderLogger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface RecorderOptions {
  readonly dataDir: string;
  /**
   * Key of the user id hash (HMAC-SHA256), at least 32 bytes, kept outside the record (`loadHashKey`).
   * Opened with another key than last time, the record erases the hashes it holds (see `adoptHashKey`).
   */
  readonly hashKey: Buffer;
  /** Off: the question's text is not kept, only what it was matched to. */
  readonly storeQuestionText?: boolean;
  /** Questions, and their votes, older than this are deleted at open and then hourly. */
  readonly retentionDays?: number;
  readonly now?: () => Date;
  readonly logger?: RecorderLogger;
}

export interface QuestionRecord {
  readonly channelKind: ChannelKind;
  readonly language: Language;
  /** The fact given as the answer; null when the bot did not know. */
  readonly factId: string | null;
  readonly score: number;
  readonly suggestions: readonly string[];
  readonly question: string;
  /** The raw Discord (or terminal) user id; only its keyed hash is stored. */
  readonly userId: string;
  readonly knowledgeVersion: string;
  readonly latencyMs?: number;
  /** Read as a follow-up to the previous answer of a conversation. */
  readonly followUp?: boolean;
}

export interface RecorderStats {
  /** Question and vote rows written since open. */
  readonly rowsWritten: number;
  /** Writes that failed, each losing its row. */
  readonly writeErrors: number;
  /** Rows lost: failed, invalid, or recorded after close. */
  readonly rowsDropped: number;
  /** The last write that failed since open. */
  readonly lastFailure: RecordFailure | undefined;
  /** Writes have failed since the last one that went through. */
  readonly failing: boolean;
}

export interface Recorder {
  /** Writes the question and returns its record id, for the answer's vote buttons. Never throws. */
  recordQuestion(record: QuestionRecord): string;
  /** One vote per user per answer: a later vote replaces the earlier one. Never throws. */
  recordVote(recordId: string, userId: string, helpful: boolean): void;
  /** Deletes questions older than `days` (default: the retention) and their votes; returns the rows deleted. */
  deleteOlderThan(days?: number): number;
  /** Closes the database. Safe to call twice. */
  close(): void;
  stats(): RecorderStats;
  /** Runs a read against the database, e.g. `buildReport`. Throws once closed. */
  read<T>(query: (db: Database.Database) => T): T;
}

const CONSOLE_LOGGER: RecorderLogger = Object.freeze({
  warn: (obj: object, msg: string) => console.warn(msg, obj),
  error: (obj: object, msg: string) => console.error(msg, obj),
});

type Settings = Readonly<Required<RecorderOptions>>;

export const DEFAULT_RECORDER_OPTIONS: Omit<Settings, 'dataDir' | 'hashKey'> = Object.freeze({
  storeQuestionText: true,
  retentionDays: 90,
  now: (): Date => new Date(),
  logger: CONSOLE_LOGGER,
});

const BUSY_TIMEOUT_MS = 5_000;
const RETENTION_EVERY_MS = 60 * 60 * 1000;
/** Where records written before the hash was keyed from outside kept their salt. */
const LEGACY_SALT = 'user_id_salt';
const KEY_ID = 'user_hash_key_id';
/** What a user hash becomes when the key it was made with is gone. */
export const ERASED_HASH = 'erased';

interface QuestionRow {
  readonly id: string;
  readonly askedAt: string;
  readonly channelKind: ChannelKind;
  readonly language: Language;
  readonly factId: string | null;
  readonly score: number;
  readonly suggestions: string;
  readonly question: string | null;
  readonly userHash: string;
  readonly knowledgeVersion: string;
  readonly latencyMs: number | null;
  readonly followUp: 0 | 1;
}

interface VoteRow {
  readonly questionId: string;
  readonly userHash: string;
  readonly helpful: 0 | 1;
  readonly votedAt: string;
}

/**
 * Opens (creating if needed) `<dataDir>/residency-bot.sqlite3` and brings its schema up to date.
 * Throws only here, at start-up, for bad options or a database that cannot be opened.
 */
export function openRecorder(options: RecorderOptions): Recorder {
  const settings: Settings = { ...DEFAULT_RECORDER_OPTIONS, ...options };
  assertValid(settings);
  mkdirSync(settings.dataDir, { recursive: true });
  const db = new Database(databasePath(settings.dataDir));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // NORMAL is durable in WAL mode except for the last commits before a power cut: fine for statistics.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    applyMigrations(db, undefined, settings.now());
    const adopted = adoptHashKey(db, settings.hashKey);
    if (adopted.erasedQuestions + adopted.erasedVotes > 0 || adopted.legacySalt)
      settings.logger.warn(
        { event: 'record.hashes_erased', ...adopted },
        adopted.legacySalt
          ? "the record's user hashes were keyed with a salt kept in the record itself; they are erased. Votes already cast still count; answers given before now take no new votes"
          : 'the record was written with another hash key (RECORD_HASH_KEY or its key file changed or was lost); its user hashes are erased. Votes already cast still count; answers given before now take no new votes',
      );
    return createRecorder(db, settings);
  } catch (error) {
    db.close();
    throw error;
  }
}

function assertValid(settings: Settings): void {
  if (!(settings.hashKey.length >= HASH_KEY_BYTES))
    throw new RangeError(`the user id hash key must have at least ${HASH_KEY_BYTES} bytes`);
  if (!(settings.retentionDays > 0))
    throw new RangeError(`retentionDays must be positive, got ${settings.retentionDays}`);
}

export interface AdoptedKey {
  readonly erasedQuestions: number;
  readonly erasedVotes: number;
  /** The record held the salt its earlier versions kept beside the hashes; it is deleted. */
  readonly legacySalt: boolean;
  /** Why the file could not be rebuilt (the erased bytes may then remain in its free space). */
  readonly rebuildFailed?: string;
}

/**
 * Makes `key` the record's hash key. Hashes made with another key (or with the salt earlier versions
 * kept in the record, which let anyone holding the file re-identify members) cannot be re-keyed: the
 * user ids are not kept. They are erased and the salt deleted; then the file is rebuilt (VACUUM) and its
 * write-ahead log emptied, since SQLite leaves deleted bytes in free space, so the file no longer holds
 * them. Votes keep counting in reports; an answer whose asker's hash is erased takes no new vote, since a
 * member's earlier vote on it could not be recognised and one member could vote twice.
 */
export function adoptHashKey(db: Database.Database, key: Buffer): AdoptedKey {
  const id = hashKeyId(key);
  const read = db.prepare('SELECT value FROM settings WHERE key = ?').pluck();
  const adopt = db.transaction((): AdoptedKey => {
    if (read.get(KEY_ID) === id && read.get(LEGACY_SALT) === undefined)
      return { erasedQuestions: 0, erasedVotes: 0, legacySalt: false };
    const erasedQuestions = db
      .prepare('UPDATE questions SET user_hash = ? WHERE user_hash <> ?')
      .run(ERASED_HASH, ERASED_HASH).changes;
    // Votes keep a distinct value each: their key is (answer, user hash).
    const erasedVotes = db
      .prepare("UPDATE votes SET user_hash = ? || '-' || lower(hex(randomblob(16))) WHERE user_hash NOT LIKE ? || '-%'")
      .run(ERASED_HASH, ERASED_HASH).changes;
    const legacySalt = db.prepare('DELETE FROM settings WHERE key = ?').run(LEGACY_SALT).changes > 0;
    db.prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)').run(KEY_ID, id);
    return { erasedQuestions, erasedVotes, legacySalt };
  });
  const adopted = adopt.immediate();
  if (adopted.erasedQuestions + adopted.erasedVotes > 0 || adopted.legacySalt) {
    try {
      db.exec('VACUUM');
      db.pragma('wal_checkpoint(TRUNCATE)');
    } catch (error) {
      // The hashes are erased already; a full disk only leaves their old bytes in free space for a while.
      return { ...adopted, rebuildFailed: (error as Error).message };
    }
  }
  return adopted;
}

function createRecorder(db: Database.Database, settings: Settings): Recorder {
  const key = settings.hashKey;
  const { logger, now } = settings;
  registerUnansweredKey(db);
  const insertQuestion = db.prepare(`
    INSERT INTO questions (id, asked_at, channel_kind, language, fact_id, score, suggestions, question, user_hash, knowledge_version, latency_ms, unanswered_key, follow_up)
    VALUES (@id, @askedAt, @channelKind, @language, @factId, @score, @suggestions, @question, @userHash, @knowledgeVersion, @latencyMs,
            CASE WHEN @factId IS NULL THEN unanswered_key_of(@question) END, @followUp)`);
  // A vote for an answer that is not recorded (expired, or its write failed) is skipped, not an error; so
  // is one for an answer recorded under an earlier key (its votes can no longer be told apart by member).
  const upsertVote = db.prepare(`
    INSERT INTO votes (question_id, user_hash, helpful, voted_at)
    SELECT @questionId, @userHash, @helpful, @votedAt
    WHERE EXISTS (SELECT 1 FROM questions WHERE id = @questionId AND user_hash <> '${ERASED_HASH}')
    ON CONFLICT (question_id, user_hash) DO UPDATE SET helpful = excluded.helpful, voted_at = excluded.voted_at`);
  const deleteOldVotes = db.prepare(
    'DELETE FROM votes WHERE question_id IN (SELECT id FROM questions WHERE asked_at < ?)',
  );
  const deleteOldQuestions = db.prepare('DELETE FROM questions WHERE asked_at < ?');

  const deleteBefore = db.transaction(
    (cutoff: string) => deleteOldVotes.run(cutoff).changes + deleteOldQuestions.run(cutoff).changes,
  );

  let closed = false;
  let warnedClosed = false;
  let lastRetentionMs = -Infinity;
  let rowsWritten = 0;
  let writeErrors = 0;
  let rowsDropped = 0;
  const failures = createFailureLog(logger, now);

  function deleteOlderThan(days: number = settings.retentionDays): number {
    if (!(days >= 0)) throw new RangeError(`days must not be negative, got ${days}`);
    if (closed) return 0;
    const at = now();
    lastRetentionMs = at.getTime();
    try {
      return deleteBefore(new Date(at.getTime() - days * DAY_MS).toISOString());
    } catch (error) {
      writeErrors += 1;
      failures.failed('the deletion of old questions', error);
      return 0;
    }
  }

  /** Writes one row; false when the record is closed or the write failed (logged and counted). */
  function write(what: string, run: () => number): boolean {
    if (closed) {
      rowsDropped += 1;
      if (!warnedClosed) logger.warn({}, 'the question record is closed; further questions and votes are not recorded');
      warnedClosed = true;
      return false;
    }
    try {
      rowsWritten += run();
      failures.succeeded();
      if (now().getTime() - lastRetentionMs >= RETENTION_EVERY_MS) deleteOlderThan();
      return true;
    } catch (error) {
      writeErrors += 1;
      rowsDropped += 1;
      failures.failed(what, error);
      return false;
    }
  }

  deleteOlderThan();

  return {
    recordQuestion(record) {
      const id = randomUUID();
      const invalid = invalidReason(record);
      if (invalid) {
        rowsDropped += 1;
        logger.warn({ reason: invalid }, 'question not recorded: invalid record');
        return id;
      }
      write('a question', () => {
        const row: QuestionRow = {
          id,
          askedAt: now().toISOString(),
          channelKind: record.channelKind,
          language: record.language,
          factId: record.factId,
          score: record.score,
          suggestions: JSON.stringify(record.suggestions),
          question: settings.storeQuestionText ? record.question : null,
          userHash: hashUserId(key, record.userId),
          knowledgeVersion: record.knowledgeVersion,
          latencyMs: record.latencyMs ?? null,
          followUp: record.followUp === true ? 1 : 0,
        };
        return insertQuestion.run(row).changes;
      });
      return id;
    },

    recordVote(recordId, userId, helpful) {
      write('a vote', () => {
        const row: VoteRow = {
          questionId: recordId,
          userHash: hashUserId(key, userId),
          helpful: helpful ? 1 : 0,
          votedAt: now().toISOString(),
        };
        const written = upsertVote.run(row).changes;
        if (written === 0)
          logger.warn(
            { votes: 1 },
            'a vote was skipped: its answer is not in the record, or was recorded under an earlier hash key',
          );
        return written;
      });
    },

    deleteOlderThan,

    close() {
      if (closed) return;
      closed = true;
      try {
        db.close();
      } catch (error) {
        logger.error({ err: error }, 'could not close the question record');
      }
    },

    stats: () => ({ rowsWritten, writeErrors, rowsDropped, lastFailure: failures.last, failing: failures.failing }),

    read(query) {
      if (closed) throw new Error('the question record is closed');
      return query(db);
    },
  };
}

/** What would make the row fail its table's checks. */
function invalidReason(record: QuestionRecord): string | null {
  if (!CHANNEL_KINDS.includes(record.channelKind)) return `unknown channel kind ${String(record.channelKind)}`;
  if (!LANGUAGES.includes(record.language)) return `unknown language ${String(record.language)}`;
  if (!Number.isFinite(record.score)) return `score is not a number: ${String(record.score)}`;
  if (record.latencyMs !== undefined && !Number.isFinite(record.latencyMs))
    return `latency is not a number: ${String(record.latencyMs)}`;
  return null;
}
