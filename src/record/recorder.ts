import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { applyMigrations } from './migrations.ts';
import { registerUnansweredKey } from './unanswered-key.ts';
import { LANGUAGES, type Language } from '../knowledge/schema.ts';

/**
 * The record of what staff asked: one row per question, one per vote on an answer. Recording sits on the
 * answer path, so it never throws there: each row is one synchronous insert (about 25 µs, `npm run bench`),
 * and a row that cannot be written is logged, counted and dropped; the bot keeps answering.
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
  /** Key of the user id hash. Without it a random salt is made on first start and kept in the database. */
  readonly salt?: string;
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
  /** The raw Discord (or terminal) user id; only its salted hash is stored. */
  readonly userId: string;
  readonly knowledgeVersion: string;
  readonly latencyMs?: number;
}

export interface RecorderStats {
  /** Question and vote rows written since open. */
  readonly rowsWritten: number;
  /** Writes that failed, each losing its row. */
  readonly writeErrors: number;
  /** Rows lost: failed, invalid, or recorded after close. */
  readonly rowsDropped: number;
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

type Settings = Readonly<Required<Omit<RecorderOptions, 'salt'>>> & Pick<RecorderOptions, 'salt'>;

export const DEFAULT_RECORDER_OPTIONS: Omit<Settings, 'dataDir' | 'salt'> = Object.freeze({
  storeQuestionText: true,
  retentionDays: 90,
  now: (): Date => new Date(),
  logger: CONSOLE_LOGGER,
});

const BUSY_TIMEOUT_MS = 5_000;
const RETENTION_EVERY_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const SALT_KEY = 'user_id_salt';

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
    const salt = settings.salt ?? storedSalt(db);
    return createRecorder(db, salt, settings);
  } catch (error) {
    db.close();
    throw error;
  }
}

function assertValid(settings: Settings): void {
  if (settings.salt === '') throw new RangeError('recorder salt must not be empty');
  if (!(settings.retentionDays > 0))
    throw new RangeError(`retentionDays must be positive, got ${settings.retentionDays}`);
}

/** The salt kept in the database; the first process to start makes it. */
function storedSalt(db: Database.Database): string {
  db.prepare('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)').run(
    SALT_KEY,
    randomBytes(32).toString('hex'),
  );
  return db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(SALT_KEY) as string;
}

export function hashUserId(salt: string, userId: string): string {
  return createHmac('sha256', salt).update(userId).digest('hex');
}

function createRecorder(db: Database.Database, salt: string, settings: Settings): Recorder {
  const { logger, now } = settings;
  registerUnansweredKey(db);
  const insertQuestion = db.prepare(`
    INSERT INTO questions (id, asked_at, channel_kind, language, fact_id, score, suggestions, question, user_hash, knowledge_version, latency_ms, unanswered_key)
    VALUES (@id, @askedAt, @channelKind, @language, @factId, @score, @suggestions, @question, @userHash, @knowledgeVersion, @latencyMs,
            CASE WHEN @factId IS NULL THEN unanswered_key_of(@question) END)`);
  // A vote for an answer that is not recorded (expired, or its write failed) is skipped, not an error.
  const upsertVote = db.prepare(`
    INSERT INTO votes (question_id, user_hash, helpful, voted_at)
    SELECT @questionId, @userHash, @helpful, @votedAt WHERE EXISTS (SELECT 1 FROM questions WHERE id = @questionId)
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

  function deleteOlderThan(days: number = settings.retentionDays): number {
    if (!(days >= 0)) throw new RangeError(`days must not be negative, got ${days}`);
    if (closed) return 0;
    const at = now();
    lastRetentionMs = at.getTime();
    try {
      return deleteBefore(new Date(at.getTime() - days * DAY_MS).toISOString());
    } catch (error) {
      writeErrors += 1;
      logger.error({ err: error }, 'could not delete old questions from the record');
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
      if (now().getTime() - lastRetentionMs >= RETENTION_EVERY_MS) deleteOlderThan();
      return true;
    } catch (error) {
      writeErrors += 1;
      rowsDropped += 1;
      logger.error({ err: error }, `could not record ${what}`);
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
          userHash: hashUserId(salt, record.userId),
          knowledgeVersion: record.knowledgeVersion,
          latencyMs: record.latencyMs ?? null,
        };
        return insertQuestion.run(row).changes;
      });
      return id;
    },

    recordVote(recordId, userId, helpful) {
      write('a vote', () => {
        const row: VoteRow = {
          questionId: recordId,
          userHash: hashUserId(salt, userId),
          helpful: helpful ? 1 : 0,
          votedAt: now().toISOString(),
        };
        const written = upsertVote.run(row).changes;
        if (written === 0) logger.warn({ votes: 1 }, 'a vote on an answer that is not in the record was skipped');
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

    stats: () => ({ rowsWritten, writeErrors, rowsDropped }),

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
