import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { applyMigrations } from './migrations.ts';
import { LANGUAGES, type Language } from '../knowledge/schema.ts';

/**
 * The record of what staff asked: one row per question, one per vote on an answer. Recording sits on the
 * answer path, so it never throws there and never waits for the disk: rows are buffered and written in
 * one transaction per batch, by size or by a short timer. A batch that cannot be written is logged,
 * counted and dropped; the bot keeps answering.
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
  /** Buffered rows that trigger a write. */
  readonly batchSize?: number;
  /** Longest time a row waits in the buffer. */
  readonly flushIntervalMs?: number;
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
  /** Question and vote rows committed since open. */
  readonly rowsWritten: number;
  /** Writes that failed (each loses its batch) and records that could not be taken. */
  readonly writeErrors: number;
  /** Rows lost: in a failed batch, invalid, or recorded after close. */
  readonly rowsDropped: number;
  readonly buffered: number;
}

export interface Recorder {
  /** Buffers the question and returns its record id, for the answer's vote buttons. Never throws. */
  recordQuestion(record: QuestionRecord): string;
  /** One vote per user per answer: a later vote replaces the earlier one. Never throws. */
  recordVote(recordId: string, userId: string, helpful: boolean): void;
  /** Deletes questions older than `days` (default: the retention) and their votes; returns the rows deleted. */
  deleteOlderThan(days?: number): number;
  /** Writes the buffer now. Never throws. */
  flush(): void;
  /** Flushes and closes the database. Safe to call twice. */
  close(): void;
  stats(): RecorderStats;
  /** Runs a read against the database once the buffer is written, e.g. `buildReport`. Throws once closed. */
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
  batchSize: 100,
  flushIntervalMs: 250,
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
  if (!(settings.retentionDays > 0)) throw new RangeError(`retentionDays must be positive, got ${settings.retentionDays}`);
  if (!Number.isInteger(settings.batchSize) || settings.batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${settings.batchSize}`);
  if (!(settings.flushIntervalMs >= 0)) throw new RangeError(`flushIntervalMs must not be negative, got ${settings.flushIntervalMs}`);
}

/** The salt kept in the database; the first process to start makes it. */
function storedSalt(db: Database.Database): string {
  db.prepare('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)').run(SALT_KEY, randomBytes(32).toString('hex'));
  return db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(SALT_KEY) as string;
}

export function hashUserId(salt: string, userId: string): string {
  return createHmac('sha256', salt).update(userId).digest('hex');
}

function createRecorder(db: Database.Database, salt: string, settings: Settings): Recorder {
  const { logger, now } = settings;
  const insertQuestion = db.prepare(`
    INSERT INTO questions (id, asked_at, channel_kind, language, fact_id, score, suggestions, question, user_hash, knowledge_version, latency_ms)
    VALUES (@id, @askedAt, @channelKind, @language, @factId, @score, @suggestions, @question, @userHash, @knowledgeVersion, @latencyMs)`);
  // A vote for an answer that is not recorded (expired, or lost in a failed batch) is skipped, not an error.
  const upsertVote = db.prepare(`
    INSERT INTO votes (question_id, user_hash, helpful, voted_at)
    SELECT @questionId, @userHash, @helpful, @votedAt WHERE EXISTS (SELECT 1 FROM questions WHERE id = @questionId)
    ON CONFLICT (question_id, user_hash) DO UPDATE SET helpful = excluded.helpful, voted_at = excluded.voted_at`);
  const deleteOldVotes = db.prepare('DELETE FROM votes WHERE question_id IN (SELECT id FROM questions WHERE asked_at < ?)');
  const deleteOldQuestions = db.prepare('DELETE FROM questions WHERE asked_at < ?');

  const writeBatch = db.transaction((questions: readonly QuestionRow[], votes: readonly VoteRow[]) => {
    for (const row of questions) insertQuestion.run(row);
    let votesWritten = 0;
    for (const row of votes) votesWritten += upsertVote.run(row).changes;
    return { questions: questions.length, votes: votesWritten };
  });
  const deleteBefore = db.transaction((cutoff: string) => deleteOldVotes.run(cutoff).changes + deleteOldQuestions.run(cutoff).changes);

  let questions: QuestionRow[] = [];
  let votes: VoteRow[] = [];
  let timer: NodeJS.Timeout | undefined;
  let immediate: NodeJS.Immediate | undefined;
  let closed = false;
  let warnedClosed = false;
  let lastRetentionMs = -Infinity;
  let rowsWritten = 0;
  let writeErrors = 0;
  let rowsDropped = 0;

  const buffered = () => questions.length + votes.length;

  function clearTimer(): void {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (immediate) clearImmediate(immediate);
    immediate = undefined;
  }

  function writeBuffered(): void {
    clearTimer();
    if (closed || buffered() === 0) return;
    const batch = { questions, votes };
    questions = [];
    votes = [];
    try {
      const written = writeBatch(batch.questions, batch.votes);
      rowsWritten += written.questions + written.votes;
      const skipped = batch.votes.length - written.votes;
      if (skipped > 0) logger.warn({ votes: skipped }, 'votes on answers that are not in the record were skipped');
    } catch (error) {
      const lost = batch.questions.length + batch.votes.length;
      writeErrors += 1;
      rowsDropped += lost;
      logger.error({ err: error, rows: lost }, 'could not write to the question record; this batch is lost');
    }
  }

  function deleteOlderThan(days: number = settings.retentionDays): number {
    if (!(days >= 0)) throw new RangeError(`days must not be negative, got ${days}`);
    if (closed) return 0;
    writeBuffered();
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

  function flush(): void {
    writeBuffered();
    if (!closed && now().getTime() - lastRetentionMs >= RETENTION_EVERY_MS) deleteOlderThan();
  }

  function buffer(add: () => void): void {
    if (closed) {
      rowsDropped += 1;
      if (!warnedClosed) logger.warn({}, 'the question record is closed; further questions and votes are not recorded');
      warnedClosed = true;
      return;
    }
    add();
    // A full batch is written on the next turn of the event loop, after the answer has gone out; only a
    // buffer far past the batch size (a flood) is written on the spot, to bound memory.
    if (buffered() >= settings.batchSize * 10) flush();
    else if (buffered() >= settings.batchSize) {
      if (!immediate) immediate = setImmediate(() => {
        immediate = undefined;
        flush();
      });
    } else if (!timer) {
      timer = setTimeout(flush, settings.flushIntervalMs);
      timer.unref();
    }
  }

  function refuse(error: unknown, what: string): void {
    writeErrors += 1;
    rowsDropped += 1;
    logger.error({ err: error }, `could not record ${what}`);
  }

  deleteOlderThan();

  return {
    recordQuestion(record) {
      const id = randomUUID();
      try {
        const invalid = invalidReason(record);
        if (invalid) {
          rowsDropped += 1;
          logger.warn({ reason: invalid }, 'question not recorded: invalid record');
          return id;
        }
        buffer(() =>
          questions.push({
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
          }),
        );
      } catch (error) {
        refuse(error, 'a question');
      }
      return id;
    },

    recordVote(recordId, userId, helpful) {
      try {
        buffer(() => votes.push({ questionId: recordId, userHash: hashUserId(salt, userId), helpful: helpful ? 1 : 0, votedAt: now().toISOString() }));
      } catch (error) {
        refuse(error, 'a vote');
      }
    },

    deleteOlderThan,
    flush,

    close() {
      if (closed) return;
      writeBuffered();
      closed = true;
      clearTimer();
      try {
        db.close();
      } catch (error) {
        logger.error({ err: error }, 'could not close the question record');
      }
    },

    stats: () => ({ rowsWritten, writeErrors, rowsDropped, buffered: buffered() }),

    read(query) {
      if (closed) throw new Error('the question record is closed');
      writeBuffered();
      return query(db);
    },
  };
}

/** What would make the row fail its table's checks, and with it the whole batch. */
function invalidReason(record: QuestionRecord): string | null {
  if (!CHANNEL_KINDS.includes(record.channelKind)) return `unknown channel kind ${String(record.channelKind)}`;
  if (!LANGUAGES.includes(record.language)) return `unknown language ${String(record.language)}`;
  if (!Number.isFinite(record.score)) return `score is not a number: ${String(record.score)}`;
  if (record.latencyMs !== undefined && !Number.isFinite(record.latencyMs)) return `latency is not a number: ${String(record.latencyMs)}`;
  return null;
}
