import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations, MIGRATIONS } from '../../src/record/migrations.ts';
import { databasePath } from '../../src/record/recorder.ts';
import { buildReport } from '../../src/record/report.ts';
import { lastDays, liveReport, readReport, RecordReadError, recordOnDisk } from '../../src/service/report.ts';
import { formatReportText } from '../../src/service/report-text.ts';
import { fixtureAnswerer } from '../helpers.ts';
import { MONTH_TOTALS, PERIOD, recorderIn, seedMonth, T0, tempDir } from '../record/seed.ts';

describe('the report model', () => {
  it('given the engine, then each unanswered group names the nearest fact and the words no fact knows', () => {
    const { recorder, ask } = recorderIn(tempDir());
    ask({ question: 'does tiktok keep backups of the wifi passwords' });
    ask({ question: 'Où est la cantine ?', language: 'fr' });
    const groups = readReport(recorder, PERIOD, fixtureAnswerer()).topUnanswered;
    expect(groups).toMatchObject([
      {
        example: 'Où est la cantine ?',
        hint: { nearest: undefined, unknownWords: ['cantine'] },
      },
      {
        example: 'does tiktok keep backups of the wifi passwords',
        hint: { nearest: { id: 'backups-retained' }, unknownWords: ['wifi', 'passwords'] },
      },
    ]);
  });

  it('given no engine, then the report is the record alone, with no hint', () => {
    const recorder = seedMonth(tempDir());
    const report = readReport(recorder, PERIOD);
    expect(report).toEqual(buildReport(recorder, PERIOD));
    expect(report.topUnanswered.every((g) => !('hint' in g))).toBe(true);
  });

  it('given the last days up to now, then a question asked this very moment is counted', () => {
    const { recorder, ask } = recorderIn(tempDir());
    ask({});
    const now = new Date(T0.getTime() + 60_000);
    expect(readReport(recorder, lastDays(now, 1)).totals.questions).toBe(1);
    expect(lastDays(now, 30).from.getTime()).toBe(now.getTime() + 1 - 30 * 86_400_000);
  });
});

describe('the running bot’s report', () => {
  const answerer = fixtureAnswerer();

  it('given recording off, then there is no report, and it says recording is off', () => {
    expect(liveReport({ recorder: undefined, recordUnavailable: undefined }, answerer, PERIOD)).toEqual({
      state: 'off',
    });
  });

  it('given a record that could not be opened at start, then there is no report, and it says why', () => {
    expect(liveReport({ recorder: undefined, recordUnavailable: 'disk full' }, answerer, PERIOD)).toEqual({
      state: 'unavailable',
      reason: 'disk full',
    });
  });

  it('given a record that cannot be read now, then the report failed, with the error', () => {
    const recorder = seedMonth(tempDir());
    recorder.close();
    const report = liveReport({ recorder }, answerer, PERIOD);
    expect(report.state).toBe('failed');
  });

  it('given a record, then the report counts it, with fix hints', () => {
    const report = liveReport({ recorder: seedMonth(tempDir()) }, answerer, PERIOD);
    expect(report.state === 'ready' && report.report.totals).toEqual(MONTH_TOTALS);
    expect(report.state === 'ready' && report.report.topUnanswered[0]).toMatchObject({ hint: {} });
  });
});

describe('the record on disk, read while the bot writes it', () => {
  it('given a data folder with a record, then it reads it, never writing', () => {
    const dataDir = tempDir();
    seedMonth(dataDir).close();
    const record = recordOnDisk(dataDir);
    expect(record).toMatchObject({ file: databasePath(dataDir), found: true });
    expect(record.read((db) => readReport(db, PERIOD).totals)).toEqual(MONTH_TOTALS);
  });

  it('given a data folder with no record yet, then it reads as an empty record, and nothing is created', () => {
    const dataDir = join(tempDir(), 'empty');
    const record = recordOnDisk(dataDir);
    expect(record.found).toBe(false);
    expect(record.read((db) => readReport(db, PERIOD).totals.questions)).toBe(0);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('given a record the bot has not upgraded yet, then reading it fails naming the file and what to do, and leaves it as it was', () => {
    const dataDir = tempDir();
    const old = new Database(databasePath(dataDir));
    applyMigrations(old, MIGRATIONS.slice(0, 1));
    old.close();
    const read = () => recordOnDisk(dataDir).read((db) => readReport(db, PERIOD));
    expect(read).toThrow(RecordReadError);
    expect(read).toThrow(
      `could not read the question record ${databasePath(dataDir)}: it is at schema version 1, older than this code`,
    );
  });
});

describe('the report as text (npm run report, and /kb report in a code block)', () => {
  it('given a report, then it prints each section with aligned counts and the example wording', () => {
    const text = formatReportText(buildReport(seedMonth(tempDir()), PERIOD));

    expect(text).toContain('What staff asked, 2026-11-01 00:00 to 2026-12-01 00:00 UTC');
    expect(text).toContain(
      ['Totals', '  questions  8', '  answered   4  50%', '  unknown    4  50%', '  votes      5'].join('\n'),
    );
    expect(text).toMatch(/^ {2}3 {2}“what's the WiFi password” {2}last 2026-11-10 09:06$/m);
    expect(text).toContain(
      [
        'Most voted not helpful',
        '  oracle-routing  2 not helpful  1 helpful',
        '  ownership       1 not helpful  0 helpful',
      ].join('\n'),
    );
    expect(text).toContain(['By language', '  en  5', '  fr  3'].join('\n'));
  });

  it('given text was not stored and nothing was voted, then it says so', () => {
    const { ask, recorder } = recorderIn(tempDir(), { storeQuestionText: false });
    ask({ language: 'fr', channelKind: 'dm' });
    const text = formatReportText(buildReport(recorder, PERIOD));

    expect(text).toMatch(/^ {2}1 {2}\(text not stored\) fr, dm {2}last /m);
    expect(text).toContain('Most voted not helpful\n  none');
  });

  it('given follow-ups, then they are counted with their share of the questions', () => {
    const { recorder, ask } = recorderIn(tempDir());
    ask({ factId: 'ownership' });
    ask({ factId: 'ownership', question: 'who said that?', followUp: true });
    ask({ question: 'and his salary?', followUp: true });
    ask({ question: 'what is the wifi password' });
    expect(formatReportText(buildReport(recorder, PERIOD))).toMatch(
      /Follow-ups\n {2}asked +2 +50%\n {2}unanswered +1 +25%/,
    );
  });

  it('given a multi-line question, then its example is printed on one line', () => {
    const { ask, recorder } = recorderIn(tempDir());
    ask({ question: 'line one\n\u001b[31mline two' });
    expect(formatReportText(buildReport(recorder, PERIOD))).toContain('“line one [31mline two”');
  });
});
