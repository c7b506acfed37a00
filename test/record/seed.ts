import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { openRecorder, type QuestionRecord, type Recorder, type RecorderOptions } from '../../src/record/recorder.ts';
import { DAY_MS } from '../../src/util/time.ts';
import { TEST_HASH_KEY } from '../helpers.ts';

/** Records of questions for the report's tests: a month of them, or one question at a time. */

export const T0 = new Date('2026-11-10T09:00:00Z');
export const MINUTE = 60 * 1000;
export const PERIOD = { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') };
export const SILENT = { warn: () => {}, error: () => {} };

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'record-report-'));
}

/** A recorder whose clock moves one minute per question, starting at T0. */
export function recorderIn(dataDir: string, options: Partial<Omit<RecorderOptions, 'dataDir' | 'now'>> = {}) {
  let time = T0.getTime();
  const recorder = openRecorder({
    dataDir,
    logger: SILENT,
    hashKey: TEST_HASH_KEY,
    now: () => new Date(time),
    ...options,
  });
  onTestFinished(() => recorder.close());
  const ask = (r: Partial<QuestionRecord>): string => {
    time += MINUTE;
    return recorder.recordQuestion({
      channelKind: 'slash',
      language: 'en',
      factId: null,
      score: 0.5,
      suggestions: [],
      question: 'a question',
      userId: 'user-1',
      knowledgeVersion: 'kb-1',
      ...r,
    });
  };
  return { recorder, ask, setTime: (at: Date) => void (time = at.getTime()) };
}

/** A month of questions: four answered, four not (three of them the same question, worded three ways). */
export function seedMonth(dataDir: string, options: Partial<Omit<RecorderOptions, 'dataDir' | 'now'>> = {}): Recorder {
  const { recorder, ask } = recorderIn(dataDir, options);
  const oracle = ask({ factId: 'oracle-routing', question: 'Is US data routed through Oracle?' });
  recorder.recordVote(oracle, 'user-1', false);
  recorder.recordVote(oracle, 'user-2', false);
  recorder.recordVote(oracle, 'user-3', true);
  ask({ factId: 'oracle-routing', channelKind: 'mention', question: 'oracle servers?' });
  recorder.recordVote(
    ask({
      factId: 'backups-retained',
      channelKind: 'dm',
      language: 'fr',
      question: 'TikTok garde-t-il des sauvegardes ?',
    }),
    'user-1',
    true,
  );
  ask({ channelKind: 'slash', question: 'What is the wifi password?' });
  ask({ channelKind: 'channel', question: 'wifi password??' });
  ask({ channelKind: 'terminal', question: "what's the WiFi password" });
  ask({ channelKind: 'slash', language: 'fr', question: 'Où est la cantine ?' });
  recorder.recordVote(ask({ factId: 'ownership', language: 'fr', question: 'Qui possède TikTok ?' }), 'user-1', false);
  return recorder;
}

export const MONTH_TOTALS = { questions: 8, answered: 4, unknown: 4, votes: 5, followUps: 0, followUpsUnanswered: 0 };

/**
 * A record in a new folder holding these questions, asked the day before `today` and left unanswered in
 * `language`: what a draft's preview tries again.
 */
export function unansweredYesterday(today: Date, questions: readonly (readonly [string, 'en' | 'fr'])[]): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'record-unanswered-'));
  const recorder = openRecorder({ dataDir, now: () => new Date(today.getTime() - DAY_MS), hashKey: TEST_HASH_KEY });
  for (const [question, language] of questions)
    recorder.recordQuestion({
      channelKind: 'slash',
      language,
      factId: null,
      score: 0.1,
      suggestions: [],
      userId: 'u',
      knowledgeVersion: 'v',
      question,
    });
  recorder.close();
  return dataDir;
}
