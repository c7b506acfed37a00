import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { report } from '../../src/cli/report.ts';
import { databasePath, openRecorder, type QuestionRecord, type Recorder } from '../../src/record/recorder.ts';
import { applyMigrations, MIGRATIONS } from '../../src/record/migrations.ts';
import { buildReport, MAX_LIMIT, topUnanswered, type Report } from '../../src/record/report.ts';
import { unansweredKey } from '../../src/record/unanswered-key.ts';
import { runTs } from '../cli/run.ts';
import { FIXTURE_KNOWLEDGE_DIR, fixtureAnswerer, TEST_HASH_KEY } from '../helpers.ts';
import { withFixHints } from '../../src/service/report.ts';
import { MINUTE, MONTH_TOTALS, PERIOD, recorderIn, seedMonth, SILENT, T0, tempDir } from './seed.ts';

describe('buildReport', () => {
  it('given a month of questions and votes, when the record is closed and reopened, then the report counts them', () => {
    const dataDir = tempDir();
    seedMonth(dataDir).close();

    const reopened = openRecorder({ dataDir, logger: SILENT, now: () => T0, hashKey: TEST_HASH_KEY });
    onTestFinished(() => reopened.close());
    const result = buildReport(reopened, PERIOD);

    expect(result.totals).toEqual(MONTH_TOTALS);
    expect(result.byLanguage).toEqual({ en: 5, fr: 3 });
    expect(result.byChannelKind).toEqual({ slash: 4, mention: 1, dm: 1, channel: 1, terminal: 1 });
    expect(result.mostAsked).toEqual([
      { factId: 'oracle-routing', count: 2 },
      { factId: 'backups-retained', count: 1 },
      { factId: 'ownership', count: 1 },
    ]);
    expect(result.mostNotHelpful).toEqual([
      { factId: 'oracle-routing', notHelpful: 2, helpful: 1 },
      { factId: 'ownership', notHelpful: 1, helpful: 0 },
    ]);
    expect(result.from).toBe(PERIOD.from.toISOString());
    expect(result.to).toBe(PERIOD.to.toISOString());
  });

  it('given the same unknown question worded three ways, then it is one group of three, ahead of a question asked once', () => {
    const dataDir = tempDir();
    const result = buildReport(seedMonth(dataDir), PERIOD);

    expect(result.topUnanswered).toEqual([
      {
        textStored: true,
        key: 'password wifi',
        count: 3,
        example: "what's the WiFi password",
        lastAsked: new Date(T0.getTime() + 6 * MINUTE).toISOString(),
      },
      {
        textStored: true,
        key: 'cantin',
        count: 1,
        example: 'Où est la cantine ?',
        lastAsked: new Date(T0.getTime() + 7 * MINUTE).toISOString(),
      },
    ]);
  });

  it('given a live recorder, when a report is built from it, then the question just recorded is counted', () => {
    const { recorder, ask } = recorderIn(tempDir());
    ask({ factId: 'ownership' });

    expect(buildReport(recorder, PERIOD).totals).toEqual({
      questions: 1,
      answered: 1,
      unknown: 0,
      votes: 0,
      followUps: 0,
      followUpsUnanswered: 0,
    });
  });

  it('given questions read as follow-ups, then the report counts them and those left unanswered', () => {
    const { recorder, ask } = recorderIn(tempDir());
    ask({ factId: 'ownership' });
    ask({ factId: 'ownership', question: 'who said that?', followUp: true });
    ask({ question: 'and his salary?', followUp: true });
    ask({ question: 'what is the wifi password' });
    expect(buildReport(recorder, PERIOD).totals).toMatchObject({ questions: 4, followUps: 2, followUpsUnanswered: 1 });
  });

  it('given questions before, inside and at the end of the period, then only those inside are counted', () => {
    const { recorder, ask, setTime } = recorderIn(tempDir());
    setTime(new Date(PERIOD.from.getTime() - MINUTE - 1));
    ask({ question: 'just before' });
    ask({ question: 'first instant' });
    setTime(new Date(PERIOD.to.getTime() - MINUTE));
    ask({ question: 'end of period, excluded' });

    const result = buildReport(recorder, PERIOD);

    expect(result.totals.questions).toBe(1);
    expect(result.topUnanswered).toMatchObject([{ example: 'first instant' }]);
  });

  it('given question text was not stored, then unknown questions are grouped by language and channel, marked as such', () => {
    const result = buildReport(seedMonth(tempDir(), { storeQuestionText: false }), PERIOD);

    expect(result.totals).toEqual(MONTH_TOTALS);
    expect(result.topUnanswered).toEqual([
      expect.objectContaining({ textStored: false, language: 'fr', channelKind: 'slash', count: 1 }),
      expect.objectContaining({ textStored: false, language: 'en', channelKind: 'terminal', count: 1 }),
      expect.objectContaining({ textStored: false, language: 'en', channelKind: 'channel', count: 1 }),
      expect.objectContaining({ textStored: false, language: 'en', channelKind: 'slash', count: 1 }),
    ]);
  });

  it('given a limit, then each top list is cut to it', () => {
    const result = buildReport(seedMonth(tempDir()), { ...PERIOD, limit: 1 });

    expect(result.mostAsked).toHaveLength(1);
    expect(result.mostNotHelpful).toHaveLength(1);
    expect(result.topUnanswered).toHaveLength(1);
  });

  it('given an empty period, then every count is zero and every list empty', () => {
    const result = buildReport(seedMonth(tempDir()), { from: new Date('2020-01-01'), to: new Date('2020-02-01') });

    expect(result.totals).toEqual({
      questions: 0,
      answered: 0,
      unknown: 0,
      votes: 0,
      followUps: 0,
      followUpsUnanswered: 0,
    });
    expect(result.byChannelKind).toEqual({ slash: 0, mention: 0, dm: 0, channel: 0, terminal: 0 });
    expect([result.topUnanswered, result.mostAsked, result.mostNotHelpful]).toEqual([[], [], []]);
  });
});

/** The database of `recorder`, seen through a wrapper that counts the rows each statement hands to JavaScript. */
function countingRows(db: Database.Database) {
  let rows = 0;
  const counted = new Proxy(db, {
    get(target, property) {
      if (property !== 'prepare') return Reflect.get(target, property, target) as unknown;
      return (sql: string) => {
        const statement = target.prepare(sql);
        return new Proxy(statement, {
          get(inner, name) {
            const value = Reflect.get(inner, name, inner) as unknown;
            if (name !== 'all' && name !== 'get')
              return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(inner) : value;
            return (...args: unknown[]) => {
              const result = (value as (...a: unknown[]) => unknown).apply(inner, args);
              rows += Array.isArray(result) ? result.length : result === undefined ? 0 : 1;
              return result;
            };
          },
        });
      };
    },
  });
  return { db: counted, rows: () => rows };
}

/** Writes `count` unanswered questions, each its own group, and `answered` answered ones, in one transaction. */
function seedMany(recorder: Recorder, count: number, answered = 0): void {
  recorder.read((db) =>
    db.transaction(() => {
      for (let i = 0; i < count; i++)
        recorder.recordQuestion({
          ...BASE,
          question: `is thing ${i.toString(36)} stored near ${(i * 7).toString(36)}`,
        });
      for (let i = 0; i < answered; i++) recorder.recordQuestion({ ...BASE, factId: `fact-${i % 7}` });
    })(),
  );
}

const BASE: QuestionRecord = {
  channelKind: 'slash',
  language: 'en',
  factId: null,
  score: 0.2,
  suggestions: [],
  question: 'a question',
  userId: 'user-1',
  knowledgeVersion: 'kb-1',
};

describe('the report, counted by SQLite', () => {
  it('given 3,000 unanswered questions in 3,000 groups, then the report hands JavaScript its lists, not the questions', () => {
    const { recorder } = recorderIn(tempDir());
    seedMany(recorder, 3_000, 500);

    const counting = recorder.read(countingRows);
    const result = buildReport(counting.db, PERIOD);

    expect(result.totals).toEqual({
      questions: 3_500,
      answered: 500,
      unknown: 3_000,
      votes: 0,
      followUps: 0,
      followUpsUnanswered: 0,
    });
    expect(result.topUnanswered).toHaveLength(10);
    expect(result.mostAsked).toHaveLength(7);
    // Ten (language, channel) counts, ten groups with one wording each, seven facts.
    expect(counting.rows()).toBeLessThan(50);
  });

  it('given a record, then every count of questions is read from an index alone, never from the rows of the period', () => {
    const dataDir = tempDir();
    seedMonth(dataDir).close();
    const statements: string[] = [];
    const db = new Database(databasePath(dataDir), { readonly: true, verbose: (sql) => statements.push(String(sql)) });
    onTestFinished(() => void db.close());

    buildReport(db, PERIOD);

    // A group's wordings are read from its latest 1,000 questions at most: the one read of rows.
    const counting = statements.filter(
      (sql) => /count\(\*\)/.test(sql) && /FROM questions/.test(sql) && !sql.includes('GROUP BY question'),
    );
    expect(counting.length).toBeGreaterThanOrEqual(3);
    for (const sql of counting) {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((p) => p.detail);
      const readsQuestions = plan.filter((line) => /^(SCAN|SEARCH) questions\b/.test(line));
      expect(readsQuestions, `${sql}\n${plan.join('\n')}`).not.toEqual([]);
      for (const line of readsQuestions) expect(line, sql).toContain('USING COVERING INDEX');
    }
  });

  it('given a group asked 1,200 times, then its example is its most frequent wording among its latest 1,000', () => {
    const { recorder } = recorderIn(tempDir());
    recorder.read((db) =>
      db.transaction(() => {
        for (let i = 0; i < 1_200; i++)
          recorder.recordQuestion({ ...BASE, question: i < 700 ? 'wifi password?' : 'Password for the wifi' });
      })(),
    );

    expect(buildReport(recorder, PERIOD).topUnanswered).toEqual([
      expect.objectContaining({ key: 'password wifi', count: 1_200, example: 'Password for the wifi' }),
    ]);
  });

  it('given a limit past the cap or not a positive integer, then lists stop at the cap, and a bad limit is refused', () => {
    const { recorder } = recorderIn(tempDir());
    seedMany(recorder, MAX_LIMIT + 5);

    expect(buildReport(recorder, { ...PERIOD, limit: 10_000 }).topUnanswered).toHaveLength(MAX_LIMIT);
    expect(topUnanswered(recorder, { ...PERIOD, limit: 10_000 })).toHaveLength(MAX_LIMIT);
    expect(() => buildReport(recorder, { ...PERIOD, limit: 0 })).toThrow(RangeError);
    expect(() => buildReport(recorder, { ...PERIOD, limit: 2.5 })).toThrow(RangeError);
  });

  it('given questions recorded, then each unanswered one with its text keeps its grouping key, and no other does', () => {
    const dataDir = tempDir();
    const { recorder, ask } = recorderIn(dataDir);
    ask({ question: 'What is the WiFi password?' });
    ask({ factId: 'ownership', question: 'who owns tiktok' });
    recorder.close();
    const off = recorderIn(dataDir, { storeQuestionText: false });
    off.ask({ question: 'what is the wifi password' });
    off.recorder.close();

    const db = new Database(databasePath(dataDir), { readonly: true });
    onTestFinished(() => void db.close());
    expect(db.prepare('SELECT fact_id, question, unanswered_key FROM questions ORDER BY rowid').all()).toEqual([
      { fact_id: null, question: 'What is the WiFi password?', unanswered_key: 'password wifi' },
      { fact_id: 'ownership', question: 'who owns tiktok', unanswered_key: null },
      { fact_id: null, question: null, unanswered_key: null },
    ]);
  });

  it('given a record written before questions were keyed, when the bot opens it, then its questions are keyed and grouped with new ones', () => {
    const dataDir = tempDir();
    mkdirSync(dataDir, { recursive: true });
    const old = new Database(databasePath(dataDir));
    applyMigrations(old, MIGRATIONS.slice(0, 1));
    const insert = old.prepare(
      `INSERT INTO questions (id, asked_at, channel_kind, language, fact_id, score, suggestions, question, user_hash, knowledge_version)
       VALUES (?, ?, 'slash', 'en', ?, 0.5, '[]', ?, 'h', 'kb-0')`,
    );
    insert.run('a', new Date(T0.getTime() - MINUTE).toISOString(), null, 'wifi password??');
    insert.run('b', new Date(T0.getTime() - MINUTE).toISOString(), 'ownership', 'who owns tiktok');
    insert.run('c', new Date(T0.getTime() - MINUTE).toISOString(), null, null);
    old.close();

    const { recorder, ask } = recorderIn(dataDir);
    ask({ question: 'What is the WiFi password?' });

    expect(buildReport(recorder, PERIOD).topUnanswered).toEqual([
      expect.objectContaining({ textStored: true, key: 'password wifi', count: 2 }),
      expect.objectContaining({ textStored: false, language: 'en', channelKind: 'slash', count: 1 }),
    ]);
    expect(recorder.read((db) => db.prepare('SELECT id, unanswered_key FROM questions ORDER BY rowid').all())).toEqual([
      { id: 'a', unanswered_key: 'password wifi' },
      { id: 'b', unanswered_key: null },
      { id: 'c', unanswered_key: null },
      expect.objectContaining({ unanswered_key: 'password wifi' }),
    ]);
  });
});

describe('unansweredKey', () => {
  it('given wordings that differ in case, punctuation, contractions and question words, then they share a key', () => {
    const keys = [
      'What is the wifi password?',
      'wifi password??',
      "what's the WiFi password",
      'WIFI — password, where?',
    ].map(unansweredKey);
    expect(new Set(keys)).toEqual(new Set(['password wifi']));
  });

  it('given French with and without accents and elisions, then they share a key', () => {
    expect(unansweredKey("Qu'est-ce que le mot de passe du Wi-Fi ?")).toBe(unansweredKey('mot passe wi fi'));
    expect(unansweredKey('Où est l’équipe sécurité ?')).toBe(unansweredKey('ou equipe securite'));
  });

  it('given questions about different things, then their keys differ', () => {
    expect(unansweredKey('wifi password')).not.toBe(unansweredKey('vpn password'));
  });

  it('given a question made only of stop words, then it keeps its own words rather than an empty key', () => {
    expect(unansweredKey('What is the...?')).toBe('is the what');
    expect(unansweredKey('Where is the...?')).not.toBe(unansweredKey('What is the...?'));
  });
});

describe('npm run report', () => {
  function io(env: Record<string, string> = {}, now = new Date('2026-11-29T12:00:00Z')) {
    const out: string[] = [];
    const err: string[] = [];
    return {
      out,
      err,
      io: {
        out: (l: string) => void out.push(l),
        err: (l: string) => void err.push(l),
        env: { KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE_DIR, ...env },
        now: () => now,
      },
    };
  }

  it('given a record, when run with a data dir, then it prints the text report of the last 30 days', async () => {
    const dataDir = tempDir();
    seedMonth(dataDir).close();
    const run = io();

    expect(await report(['--data-dir', dataDir], run.io)).toBe(0);

    const text = run.out.join('\n');
    expect(text).toContain('What staff asked, 2026-10-30 12:00 to 2026-11-29 12:00 UTC');
    expect(text).toContain('  questions  8');
    expect(text).toContain("“what's the WiFi password”");
    expect(run.err).toEqual([]);
  });

  it('given the knowledge base, then each unanswered question names the nearest fact and the words no fact knows', async () => {
    const dataDir = tempDir();
    const { recorder, ask } = recorderIn(dataDir);
    ask({ question: 'does tiktok keep backups of the wifi passwords' });
    ask({ question: 'Où est la cantine ?' });
    recorder.close();
    const run = io();

    expect(await report(['--data-dir', dataDir], run.io)).toBe(0);

    const text = run.out.join('\n');
    expect(text).toMatch(
      /“does tiktok keep backups of the wifi passwords” +last [\d :-]+ +nearest backups-retained \(0\.\d+\); unknown: wifi, passwords$/m,
    );
    expect(text).toMatch(/“Où est la cantine \?” +last [\d :-]+ +no fact near; unknown: cantine$/m);
  });

  it('given --json and DATA_DIR, then it prints one JSON object with the same counts as the report', async () => {
    const dataDir = tempDir();
    seedMonth(dataDir).close();
    const run = io({ DATA_DIR: dataDir });

    expect(await report(['--json', '--from', '2026-11-01', '--to', '2026-11-30'], run.io)).toBe(0);

    const json = JSON.parse(run.out.join('\n')) as Report;
    const db = new Database(databasePath(dataDir), { readonly: true });
    const expected = withFixHints(buildReport(db, PERIOD), fixtureAnswerer());
    db.close();
    expect(json).toEqual(expected);
    expect(json.totals).toEqual(MONTH_TOTALS);
  });

  it('given --from and --to, then the period runs from the start of one day to the end of the other', async () => {
    const dataDir = tempDir();
    seedMonth(dataDir).close();
    const inside = io();
    const after = io();

    await report(['--json', '--data-dir', dataDir, '--from', '2026-11-10', '--to', '2026-11-10'], inside.io);
    await report(['--json', '--data-dir', dataDir, '--from', '2026-11-11'], after.io);

    expect((JSON.parse(inside.out.join('')) as Report).totals.questions).toBe(8);
    expect((JSON.parse(after.out.join('')) as Report).totals.questions).toBe(0);
  });

  it('given a data dir with no record yet, then it says so and prints an empty report, exit 0', async () => {
    const dataDir = join(tempDir(), 'empty');
    const run = io();

    expect(await report(['--json', '--data-dir', dataDir], run.io)).toBe(0);
    expect(run.err).toEqual([`no questions recorded yet in ${dataDir}`]);
    expect((JSON.parse(run.out.join('\n')) as Report).totals).toEqual({
      questions: 0,
      answered: 0,
      unknown: 0,
      votes: 0,
      followUps: 0,
      followUpsUnanswered: 0,
    });
    expect(existsSync(dataDir)).toBe(false);
  });

  it('given a record the bot has not upgraded yet, then it says to start the bot once, exit 1, and leaves the record as it was', async () => {
    const dataDir = tempDir();
    const old = new Database(databasePath(dataDir));
    applyMigrations(old, MIGRATIONS.slice(0, 1));
    old.close();
    const run = io();

    expect(await report(['--data-dir', dataDir], run.io)).toBe(1);

    expect(run.err.join('\n')).toContain(
      `could not read the question record ${databasePath(dataDir)}: it is at schema version 1, older than this code (${MIGRATIONS.at(-1)!.version}); start the bot once to upgrade it`,
    );
    const db = new Database(databasePath(dataDir), { readonly: true });
    expect(db.prepare('SELECT max(version) FROM schema_migrations').pluck().get()).toBe(1);
    db.close();
  });

  it('given a malformed date or reversed period, then it names the problem and exits 2', async () => {
    const bad = io();
    const reversed = io();

    expect(await report(['--from', '2026-02-30'], bad.io)).toBe(2);
    expect(await report(['--from', '2026-11-20', '--to', '2026-11-10'], reversed.io)).toBe(2);

    expect(bad.err.join('\n')).toContain('--from must be a date as YYYY-MM-DD, got "2026-02-30"');
    expect(reversed.err.join('\n')).toContain('must not be after --to');
  });

  it('given it is run as a program, then it prints the JSON report and exits 0', async () => {
    const dataDir = tempDir();
    seedMonth(dataDir).close();

    const { code, stdout } = await runTs('src/cli/report.ts', [
      '--json',
      '--data-dir',
      dataDir,
      '--from',
      '2026-11-01',
      '--to',
      '2026-11-30',
    ]);

    expect(code).toBe(0);
    expect((JSON.parse(stdout) as Report).totals).toEqual(MONTH_TOTALS);
  });
});
