import { createHash, createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { applyMigrations, MIGRATIONS } from '../../src/record/migrations.ts';
import {
  databasePath,
  openRecorder,
  type QuestionRecord,
  type Recorder,
  type RecorderOptions,
} from '../../src/record/recorder.ts';
import { TEST_HASH_KEY } from '../helpers.ts';
import { fillDisk } from '../support/full-disk.ts';

const RAW_USER = '123456789012345678';
const DAY_MS = 24 * 60 * 60 * 1000;
const T0 = new Date('2026-11-01T09:00:00Z');
const LATEST = MIGRATIONS.at(-1)!.version;

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'record-'));
}

/** A logger that keeps what it is told, to assert on. */
function memoryLogger() {
  const lines: { level: 'warn' | 'error'; obj: object; msg: string }[] = [];
  return {
    lines,
    warn: (obj: object, msg: string) => void lines.push({ level: 'warn', obj, msg }),
    error: (obj: object, msg: string) => void lines.push({ level: 'error', obj, msg }),
  };
}

/** A clock the test moves by hand. */
function clock(start: Date) {
  let time = start.getTime();
  return { now: () => new Date(time), advance: (ms: number) => void (time += ms) };
}

function recorderIn(dataDir: string, options: Partial<Omit<RecorderOptions, 'dataDir'>> = {}): Recorder {
  const recorder = openRecorder({ dataDir, logger: memoryLogger(), hashKey: TEST_HASH_KEY, ...options });
  onTestFinished(() => recorder.close());
  return recorder;
}

function question(overrides: Partial<QuestionRecord> = {}): QuestionRecord {
  return {
    channelKind: 'slash',
    language: 'en',
    factId: 'oracle-routing',
    score: 0.82,
    suggestions: ['backups-retained'],
    question: 'Is US user data routed through Oracle?',
    userId: RAW_USER,
    knowledgeVersion: 'kb-1',
    latencyMs: 3.5,
    ...overrides,
  };
}

/** Reads the database file through a connection of its own, as another process would. */
function rows<T = Record<string, unknown>>(dataDir: string, sql: string): T[] {
  const db = new Database(databasePath(dataDir), { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

describe('opening the record', () => {
  it('given a data dir that does not exist, when the recorder opens, then it creates it and a WAL database at the latest schema', () => {
    const dataDir = join(tempDir(), 'nested', 'data');
    recorderIn(dataDir).close();

    expect(existsSync(databasePath(dataDir))).toBe(true);
    const db = new Database(databasePath(dataDir), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    expect(rows(dataDir, 'SELECT version FROM schema_migrations')).toEqual(
      MIGRATIONS.map((m) => ({ version: m.version })),
    );
  });

  it('given an existing record, when it is reopened, then no migration runs again and nothing is lost', () => {
    const dataDir = tempDir();
    const first = recorderIn(dataDir);
    first.recordQuestion(question());
    first.close();
    const appliedAt = rows(dataDir, 'SELECT * FROM schema_migrations');

    recorderIn(dataDir).close();

    expect(rows(dataDir, 'SELECT * FROM schema_migrations')).toEqual(appliedAt);
    expect(rows(dataDir, 'SELECT count(*) AS n FROM questions')).toEqual([{ n: 1 }]);
    const db = new Database(databasePath(dataDir));
    expect(applyMigrations(db)).toEqual([]);
    db.close();
  });

  it('given a record with rows, when a new migration is added, then only it is applied and the rows keep their values', () => {
    const dataDir = tempDir();
    const first = recorderIn(dataDir);
    const id = first.recordQuestion(question());
    first.close();
    const next = { version: LATEST + 1, up: "ALTER TABLE questions ADD COLUMN guild TEXT NOT NULL DEFAULT 'unknown'" };

    const db = new Database(databasePath(dataDir));
    const applied = applyMigrations(db, [...MIGRATIONS, next]);
    const again = applyMigrations(db, [...MIGRATIONS, next]);
    db.close();

    expect(applied).toEqual([LATEST + 1]);
    expect(again).toEqual([]);
    expect(rows(dataDir, 'SELECT version FROM schema_migrations ORDER BY version')).toEqual(
      [...MIGRATIONS, next].map((m) => ({ version: m.version })),
    );
    expect(rows(dataDir, 'SELECT id, fact_id, guild FROM questions')).toEqual([
      { id, fact_id: 'oracle-routing', guild: 'unknown' },
    ]);
  });

  it('given a migration that fails, when it is applied, then none of its statements remain and its version is not recorded', () => {
    const db = new Database(join(tempDir(), 'x.sqlite3'));
    const broken = { version: LATEST + 1, up: 'CREATE TABLE half_done (x); INSERT INTO no_such_table VALUES (1);' };

    expect(() => applyMigrations(db, [...MIGRATIONS, broken])).toThrow(/no_such_table/);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").all()).toEqual([]);
    expect(db.prepare('SELECT version FROM schema_migrations').pluck().all()).toEqual(MIGRATIONS.map((m) => m.version));
    db.close();
  });
});

describe('recording questions', () => {
  it('given a recorded question, when the recorder is closed, then the row holds what was recorded', () => {
    const dataDir = tempDir();
    const now = clock(T0);
    const recorder = recorderIn(dataDir, { now: now.now });
    const id = recorder.recordQuestion(question());
    recorder.close();

    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(rows(dataDir, 'SELECT * FROM questions')).toEqual([
      expect.objectContaining({
        id,
        asked_at: T0.toISOString(),
        channel_kind: 'slash',
        language: 'en',
        fact_id: 'oracle-routing',
        score: 0.82,
        suggestions: '["backups-retained"]',
        question: 'Is US user data routed through Oracle?',
        knowledge_version: 'kb-1',
        latency_ms: 3.5,
      }),
    ]);
  });

  it('given a question recorded, then it is in the database before recordQuestion returns', () => {
    const dataDir = tempDir();
    const recorder = recorderIn(dataDir);
    recorder.recordQuestion(question());

    expect(recorder.stats()).toMatchObject({ rowsWritten: 1 });
    expect(rows(dataDir, 'SELECT count(*) AS n FROM questions')).toEqual([{ n: 1 }]);
  });

  it('given question text storage is off, when a question is recorded, then its text is NULL and the rest is kept', () => {
    const dataDir = tempDir();
    const recorder = recorderIn(dataDir, { storeQuestionText: false });
    recorder.recordQuestion(question({ question: 'what is the wifi password', factId: null }));
    recorder.close();

    expect(rows(dataDir, 'SELECT question, fact_id, language FROM questions')).toEqual([
      { question: null, fact_id: null, language: 'en' },
    ]);
  });

  it('given a record the table would refuse, when it is recorded, then it alone is dropped and the others are written', () => {
    const dataDir = tempDir();
    const logger = memoryLogger();
    const recorder = recorderIn(dataDir, { logger });
    recorder.recordQuestion(question());
    recorder.recordQuestion(question({ score: Number.NaN }));
    recorder.recordQuestion(question({ channelKind: 'carrier-pigeon' as QuestionRecord['channelKind'] }));

    expect(recorder.stats()).toMatchObject({ rowsWritten: 1, rowsDropped: 2, writeErrors: 0 });
    expect(logger.lines.map((l) => l.level)).toEqual(['warn', 'warn']);
  });
});

describe('user ids', () => {
  it('given questions and votes recorded, then the raw user id occurs in no column of any table', () => {
    const dataDir = tempDir();
    const recorder = recorderIn(dataDir);
    const id = recorder.recordQuestion(question({ question: 'a question that does not name its author' }));
    recorder.recordVote(id, RAW_USER, false);
    recorder.close();

    const tables = rows<{ name: string }>(dataDir, "SELECT name FROM sqlite_master WHERE type = 'table'").map(
      (t) => t.name,
    );
    expect(tables).toEqual(expect.arrayContaining(['questions', 'votes', 'settings', 'schema_migrations']));
    let cells = 0;
    for (const table of tables) {
      for (const row of rows(dataDir, `SELECT * FROM "${table}"`)) {
        for (const value of Object.values(row)) {
          cells++;
          expect(String(value)).not.toContain(RAW_USER);
        }
      }
    }
    expect(cells).toBeGreaterThan(15);
  });

  it('given the same key, when the recorder is reopened, then the same user gets the same stored id, which is not the raw id', () => {
    const dataDir = tempDir();
    const first = recorderIn(dataDir);
    first.recordQuestion(question());
    first.close();
    const second = recorderIn(dataDir);
    second.recordQuestion(question());
    second.recordQuestion(question({ userId: '999999999999999999' }));
    second.close();

    const hashes = rows<{ user_hash: string }>(dataDir, 'SELECT user_hash FROM questions ORDER BY rowid').map(
      (r) => r.user_hash,
    );
    expect(hashes[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(hashes[0]).not.toBe(RAW_USER);
    expect(hashes[1]).toBe(hashes[0]);
    expect(hashes[2]).not.toBe(hashes[0]);
  });

  it('given a key, then the stored id is the hex HMAC-SHA256 of the raw id under that key', () => {
    const dataDir = tempDir();
    const key = randomBytes(32);
    const recorder = recorderIn(dataDir, { hashKey: key });
    recorder.recordQuestion(question());
    recorder.close();

    const expected = createHmac('sha256', key).update(RAW_USER).digest('hex');
    expect(rows(dataDir, 'SELECT user_hash FROM questions')).toEqual([{ user_hash: expected }]);
  });

  it('given a key shorter than 32 bytes, then the recorder refuses to open', () => {
    expect(() => openRecorder({ dataDir: tempDir(), hashKey: Buffer.alloc(31, 1) })).toThrow(RangeError);
  });

  it('given the record file and the id of every member, then an attacker who tries every value in it as the key re-identifies no one', () => {
    const dataDir = tempDir();
    const members = Array.from({ length: 200 }, (_, i) => String(300_000_000_000_000_000n + BigInt(i * 7919)));
    const recorder = recorderIn(dataDir, { hashKey: randomBytes(32) });
    for (const [i, member] of members.slice(0, 40).entries()) {
      const id = recorder.recordQuestion(question({ userId: member, question: `question number ${i} of member` }));
      recorder.recordVote(id, member, i % 2 === 0);
    }
    recorder.close();

    // Everything the file holds: every cell of every table, as text, and as bytes where it is hexadecimal.
    const tables = rows<{ name: string }>(dataDir, "SELECT name FROM sqlite_master WHERE type = 'table'");
    const cells = new Set<string>();
    for (const { name } of tables)
      for (const row of rows(dataDir, `SELECT * FROM "${name}"`))
        for (const value of Object.values(row) as (string | number | bigint | Buffer | null)[])
          if (value !== null) cells.add(Buffer.isBuffer(value) ? value.toString('hex') : String(value));
    const stored = new Set(
      [...rows<{ h: string }>(dataDir, 'SELECT user_hash AS h FROM questions UNION SELECT user_hash FROM votes')].map(
        (r) => r.h,
      ),
    );
    const candidates: (string | Buffer)[] = ['', ...cells];
    for (const cell of cells) if (/^([0-9a-f]{2})+$/.test(cell)) candidates.push(Buffer.from(cell, 'hex'));
    const found = new Set<string>();
    for (const member of members) {
      const guesses = [createHash('sha256').update(member).digest('hex')];
      for (const key of candidates) guesses.push(createHmac('sha256', key).update(member).digest('hex'));
      for (const guess of guesses) if (stored.has(guess)) found.add(member);
    }

    expect(stored.size).toBe(40);
    expect([...found]).toEqual([]);
  });

  it('given a record that kept its salt beside the hashes, when it is opened with a key, then the salt and old hashes are gone from the file, votes still count, and old answers take no new vote', () => {
    const dataDir = tempDir();
    const salt = randomBytes(32).toString('hex');
    const legacy = (userId: string) => createHmac('sha256', salt).update(userId).digest('hex');
    const members = Array.from({ length: 60 }, (_, i) => `${RAW_USER.slice(0, -2)}${String(i).padStart(2, '0')}`);
    // As earlier versions wrote it: enough rows for SQLite to split pages and leave old bytes in free space.
    const db = new Database(databasePath(dataDir));
    db.pragma('journal_mode = WAL');
    applyMigrations(db);
    db.prepare("INSERT INTO settings (key, value) VALUES ('user_id_salt', ?)").run(salt);
    const ask = db.prepare(
      `INSERT INTO questions (id, asked_at, channel_kind, language, fact_id, score, suggestions, question, user_hash, knowledge_version)
       VALUES (?, ?, 'slash', 'en', 'oracle-routing', 0.9, '[]', 'is data in oracle', ?, 'kb-0')`,
    );
    const vote = db.prepare('INSERT INTO votes (question_id, user_hash, helpful, voted_at) VALUES (?, ?, 0, ?)');
    for (const [i, member] of members.entries()) {
      ask.run(`old-${i}`, T0.toISOString(), legacy(member));
      vote.run('old-0', legacy(member), T0.toISOString());
    }
    db.close();

    const logger = memoryLogger();
    const recorder = recorderIn(dataDir, { logger, now: () => T0 });
    recorder.recordVote('old-0', members[0]!, true);
    const fresh = recorder.recordQuestion(question());
    recorder.recordVote(fresh, RAW_USER, true);
    recorder.recordVote(fresh, RAW_USER, false);
    recorder.close();

    expect(rows(dataDir, "SELECT * FROM settings WHERE key = 'user_id_salt'")).toEqual([]);
    expect(rows(dataDir, "SELECT DISTINCT user_hash FROM questions WHERE id LIKE 'old-%'")).toEqual([
      { user_hash: 'erased' },
    ]);
    expect(
      rows(
        dataDir,
        "SELECT count(*) AS n, sum(helpful) AS helpful, count(DISTINCT user_hash) AS hashes FROM votes WHERE question_id = 'old-0'",
      ),
    ).toEqual([{ n: 60, helpful: 0, hashes: 60 }]);
    expect(rows(dataDir, `SELECT helpful FROM votes WHERE question_id = '${fresh}'`)).toEqual([{ helpful: 0 }]);
    const file = Buffer.concat(
      ['', '-wal']
        .map((suffix) => `${databasePath(dataDir)}${suffix}`)
        .filter((path) => existsSync(path))
        .map((path) => readFileSync(path)),
    );
    const left = [salt, ...members.map(legacy)].filter((secret) => file.includes(secret));
    expect(left).toEqual([]);
    expect(logger.lines.filter((l) => (l.obj as { event?: string }).event === 'record.hashes_erased')).toEqual([
      expect.objectContaining({
        level: 'warn',
        obj: expect.objectContaining({ erasedQuestions: 60, erasedVotes: 60, legacySalt: true }),
      }),
    ]);
  });

  it('given a record written with another key, when it is opened, then its hashes are erased once, and a reopening with the same key erases nothing', () => {
    const dataDir = tempDir();
    const first = recorderIn(dataDir, { hashKey: randomBytes(32) });
    first.recordVote(first.recordQuestion(question()), RAW_USER, true);
    first.close();

    const logger = memoryLogger();
    const key = randomBytes(32);
    recorderIn(dataDir, { hashKey: key, logger }).close();
    recorderIn(dataDir, { hashKey: key, logger }).close();

    expect(rows(dataDir, 'SELECT user_hash FROM questions')).toEqual([{ user_hash: 'erased' }]);
    expect(logger.lines).toEqual([
      expect.objectContaining({
        level: 'warn',
        msg: expect.stringContaining('written with another hash key'),
        obj: expect.objectContaining({ erasedQuestions: 1, erasedVotes: 1, legacySalt: false }),
      }),
    ]);
  });
});

describe('votes', () => {
  it('given a user votes twice on one answer, then only the later vote is kept; another user adds a vote of their own', () => {
    const dataDir = tempDir();
    const recorder = recorderIn(dataDir);
    const id = recorder.recordQuestion(question());
    recorder.recordVote(id, RAW_USER, true);
    recorder.recordVote(id, RAW_USER, false);
    recorder.recordVote(id, 'another-user', true);
    recorder.close();

    const votes = rows<{ helpful: number }>(dataDir, 'SELECT helpful FROM votes ORDER BY helpful');
    expect(votes).toEqual([{ helpful: 0 }, { helpful: 1 }]);
  });

  it('given a vote for an answer that is not in the record, then it is skipped with a warning and the other rows are written', () => {
    const dataDir = tempDir();
    const logger = memoryLogger();
    const recorder = recorderIn(dataDir, { logger });
    const id = recorder.recordQuestion(question());
    recorder.recordVote('00000000-0000-4000-8000-000000000000', RAW_USER, false);
    recorder.recordVote(id, RAW_USER, true);

    expect(rows(dataDir, 'SELECT question_id FROM votes')).toEqual([{ question_id: id }]);
    expect(recorder.stats()).toMatchObject({ rowsWritten: 2, writeErrors: 0 });
    expect(logger.lines).toEqual([expect.objectContaining({ level: 'warn', obj: { votes: 1 } })]);
  });
});

describe('write failures', () => {
  it('given the questions table is dropped by another connection, when rows are written, then each error is counted, not thrown, and the kind logged once', () => {
    const dataDir = tempDir();
    const logger = memoryLogger();
    const recorder = recorderIn(dataDir, { logger });
    const vandal = new Database(databasePath(dataDir));
    vandal.exec('DROP TABLE votes; DROP TABLE questions;');
    vandal.close();

    expect(() => {
      const id = recorder.recordQuestion(question());
      recorder.recordVote(id, RAW_USER, true);
    }).not.toThrow();

    expect(recorder.stats()).toMatchObject({ rowsWritten: 0, writeErrors: 2, rowsDropped: 2, failing: true });
    expect(logger.lines.map((l) => [l.level, l.msg])).toEqual([
      [
        'error',
        'could not record a question (SQLITE_ERROR); further failures of this kind are counted, and logged at 10, 100, 1,000…',
      ],
    ]);
    expect(String((logger.lines[0]?.obj as { err: unknown }).err)).toMatch(/no such table/);
  });

  it('given the disk is full, when 250 questions and votes come, then none throws, the failure is logged with its stack once and then only at 10 and 100, with the count', () => {
    const logger = memoryLogger();
    const now = clock(T0);
    const recorder = recorderIn(tempDir(), { logger, now: now.now });
    const answered = recorder.recordQuestion(question());
    recorder.read(fillDisk);
    now.advance(60_000);

    expect(() => {
      for (let i = 0; i < 125; i++) {
        recorder.recordQuestion(question());
        recorder.recordVote(answered, `member-${i}`, true);
      }
    }).not.toThrow();

    expect(recorder.stats()).toEqual({
      rowsWritten: 1,
      writeErrors: 250,
      rowsDropped: 250,
      failing: true,
      lastFailure: {
        kind: 'SQLITE_FULL',
        message: 'database or disk is full',
        what: 'a vote',
        at: new Date(T0.getTime() + 60_000).toISOString(),
      },
    });
    const logged = logger.lines.map((l) => ({ level: l.level, ...(l.obj as Record<string, unknown>) }));
    expect(logged).toEqual([
      expect.objectContaining({ level: 'error', event: 'record.write_failed', kind: 'SQLITE_FULL', count: 1 }),
      {
        level: 'error',
        event: 'record.write_failed',
        kind: 'SQLITE_FULL',
        what: expect.any(String),
        count: 10,
        message: 'database or disk is full',
      },
      {
        level: 'error',
        event: 'record.write_failed',
        kind: 'SQLITE_FULL',
        what: expect.any(String),
        count: 100,
        message: 'database or disk is full',
      },
    ]);
    expect(String((logger.lines[0]?.obj as { err: Error }).err.stack)).toContain('SqliteError');
  });

  it('given the disk is full, when space is freed, then the next question is recorded and the recovery logged once with the count of failures', () => {
    const logger = memoryLogger();
    const dataDir = tempDir();
    const recorder = recorderIn(dataDir, { logger });
    recorder.recordQuestion(question());
    const free = recorder.read(fillDisk);
    for (let i = 0; i < 3; i++) recorder.recordQuestion(question());
    const before = rows<{ n: number }>(dataDir, 'SELECT count(*) AS n FROM questions')[0]!.n;

    recorder.read(free);
    recorder.recordQuestion(question());
    recorder.recordQuestion(question());

    expect(rows(dataDir, 'SELECT count(*) AS n FROM questions')).toEqual([{ n: before + 2 }]);
    expect(recorder.stats()).toMatchObject({ writeErrors: 3, failing: false, lastFailure: { kind: 'SQLITE_FULL' } });
    expect(logger.lines.map((l) => (l.obj as { event: string }).event)).toEqual([
      'record.write_failed',
      'record.recovered',
    ]);
    expect(logger.lines[1]).toMatchObject({ level: 'warn', obj: { failed: 3, kinds: { SQLITE_FULL: 3 } } });
  });

  it('given the database handle is closed under the recorder, when questions are recorded, then nothing throws', () => {
    const logger = memoryLogger();
    const recorder = recorderIn(tempDir(), { logger });
    recorder.read((db) => db.close());

    expect(() => {
      recorder.recordQuestion(question());
      recorder.recordQuestion(question());
      recorder.close();
    }).not.toThrow();
    expect(recorder.stats()).toMatchObject({ writeErrors: 2, rowsDropped: 2 });
    expect(logger.lines[0]).toMatchObject({ level: 'error' });
  });

  it('given a closed recorder, when questions and votes arrive, then ids are still returned, nothing throws, and close is idempotent', () => {
    const logger = memoryLogger();
    const recorder = recorderIn(tempDir(), { logger });
    recorder.close();

    const id = recorder.recordQuestion(question());
    recorder.recordVote(id, RAW_USER, true);
    recorder.close();

    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(recorder.stats()).toMatchObject({ rowsDropped: 2, rowsWritten: 0 });
    expect(logger.lines).toHaveLength(1);
  });
});

describe('retention', () => {
  it('given questions 100 days and 10 days old, when old rows are deleted, then the old question and its votes go and the recent stays', () => {
    const dataDir = tempDir();
    const now = clock(T0);
    const recorder = recorderIn(dataDir, { now: now.now });
    const old = recorder.recordQuestion(question({ question: 'old' }));
    recorder.recordVote(old, RAW_USER, false);
    now.advance(90 * DAY_MS);
    const recent = recorder.recordQuestion(question({ question: 'recent' }));
    recorder.recordVote(recent, RAW_USER, true);
    now.advance(10 * DAY_MS);

    expect(recorder.deleteOlderThan()).toBe(2);

    expect(rows(dataDir, 'SELECT id FROM questions')).toEqual([{ id: recent }]);
    expect(rows(dataDir, 'SELECT question_id FROM votes')).toEqual([{ question_id: recent }]);
    expect(recorder.deleteOlderThan(5)).toBe(2);
    expect(rows(dataDir, 'SELECT count(*) AS n FROM questions')).toEqual([{ n: 0 }]);
  });

  it('given rows older than the retention, when the recorder is reopened, then they are deleted at open', () => {
    const dataDir = tempDir();
    const now = clock(T0);
    const first = recorderIn(dataDir, { now: now.now, retentionDays: 30 });
    first.recordQuestion(question());
    first.close();
    now.advance(31 * DAY_MS);

    recorderIn(dataDir, { now: now.now, retentionDays: 30 });

    expect(rows(dataDir, 'SELECT count(*) AS n FROM questions')).toEqual([{ n: 0 }]);
  });

  it('given the recorder runs for days, then writes delete expired rows, at most once an hour', () => {
    const dataDir = tempDir();
    const now = clock(T0);
    const recorder = recorderIn(dataDir, { now: now.now, retentionDays: 1 });
    recorder.recordQuestion(question({ question: 'day one' }));
    now.advance(2 * DAY_MS);
    recorder.recordQuestion(question({ question: 'day three' }));
    expect(rows(dataDir, 'SELECT question FROM questions')).toEqual([{ question: 'day three' }]);

    const writer = new Database(databasePath(dataDir));
    writer
      .prepare(
        "INSERT INTO questions SELECT 'back-dated', ?, channel_kind, language, fact_id, score, suggestions, 'back-dated', user_hash, knowledge_version, latency_ms, unanswered_key, follow_up FROM questions",
      )
      .run(T0.toISOString());
    writer.close();
    now.advance(30 * 60 * 1000);
    recorder.recordVote('not-recorded', RAW_USER, true);
    expect(rows(dataDir, 'SELECT count(*) AS n FROM questions')).toEqual([{ n: 2 }]);

    now.advance(31 * 60 * 1000);
    recorder.recordVote('not-recorded', RAW_USER, true);
    expect(rows(dataDir, 'SELECT question FROM questions')).toEqual([{ question: 'day three' }]);
  });
});
