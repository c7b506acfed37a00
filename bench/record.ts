/**
 * The question record on the answer path: rows per second it sustains and the cost of one recordQuestion
 * call (one synchronous insert, the user id hashed); and what reading it costs the policy team: the
 * report (`/kb report`, `npm run report`) and the recent unanswered questions `/kb preview` tries, over
 * large records.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMain } from '../src/cli/main-guard.ts';
import Database from 'better-sqlite3';
import { databasePath, openRecorder, type QuestionRecord } from '../src/record/recorder.ts';
import { buildReport } from '../src/record/report.ts';
import { recentUnanswered } from '../src/service/preview.ts';
import { writeLargeRecord } from '../test/support/large-record.ts';
import { percentile } from './stats.ts';
import { daysBefore } from '../src/util/time.ts';

const CALLS = 50_000;
const WARM_UP = 1_000;

function sample(i: number): QuestionRecord {
  return {
    channelKind: i % 3 === 0 ? 'mention' : 'slash',
    language: i % 4 === 0 ? 'fr' : 'en',
    factId: i % 5 === 0 ? null : `fact-${i % 13}`,
    score: (i % 100) / 100,
    suggestions: ['fact-1', 'fact-2'],
    question: `Is user data number ${i} stored in the United States or in Singapore?`,
    userId: String(100_000_000_000_000_000n + BigInt(i % 200)),
    knowledgeVersion: 'bench',
    latencyMs: 1.5,
  };
}

export interface RecordFigures {
  readonly rowsPerSecond: number;
  readonly callMedianUs: number;
  readonly callP99Us: number;
  readonly callMaxMs: number;
}

function figures(calls: Float64Array, elapsedMs: number): RecordFigures {
  const sorted = [...calls].sort((a, b) => a - b);
  return {
    rowsPerSecond: Math.round(calls.length / (elapsedMs / 1000)),
    callMedianUs: Number((percentile(sorted, 50) * 1000).toFixed(2)),
    callP99Us: Number((percentile(sorted, 99) * 1000).toFixed(1)),
    callMaxMs: Number(sorted[sorted.length - 1]!.toFixed(2)),
  };
}

export function benchRecorder(): RecordFigures {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-record-'));
  const logger = { warn: () => {}, error: (obj: object, msg: string) => console.error(msg, obj) };
  const recorder = openRecorder({ dataDir, logger, hashKey: randomBytes(32) });
  try {
    for (let i = 0; i < WARM_UP; i++) recorder.recordQuestion(sample(i));
    const inputs = Array.from({ length: CALLS }, (_, i) => sample(i));
    const calls = new Float64Array(CALLS);
    const started = performance.now();
    for (let i = 0; i < CALLS; i++) {
      const t0 = performance.now();
      recorder.recordQuestion(inputs[i]!);
      calls[i] = performance.now() - t0;
    }
    const elapsedMs = performance.now() - started;
    const { writeErrors } = recorder.stats();
    if (writeErrors > 0) throw new Error(`the recorder failed ${writeErrors} writes during the benchmark`);
    return figures(calls, elapsedMs);
  } finally {
    recorder.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export interface ReportFigures {
  readonly rows: number;
  readonly flood: boolean;
  /** The 30-day report, as `npm run report` and `/kb report` build it (without the fix hints), median. */
  readonly reportMs: number;
  /** The recent unanswered questions `/kb preview` tries a draft on, median. */
  readonly recentUnansweredMs: number;
}

/** Times the report over a record of each size, every row inside the report's 30 days (the worst case). */
export function benchReport(sizes: readonly { rows: number; flood?: boolean }[], runs = 3): ReportFigures[] {
  const end = new Date();
  return sizes.map(({ rows, flood = false }) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bench-report-'));
    try {
      writeLargeRecord({ dataDir, rows, end, flood });
      const db = new Database(databasePath(dataDir), { readonly: true });
      try {
        const to = new Date(end.getTime() + 1);
        const { from } = daysBefore(to);
        const time = (run: () => unknown) => {
          const samples = Array.from({ length: runs }, () => {
            const t0 = performance.now();
            run();
            return performance.now() - t0;
          });
          return percentile(
            samples.sort((a, b) => a - b),
            50,
          );
        };
        return {
          rows,
          flood,
          reportMs: time(() => buildReport(db, { from, to })),
          recentUnansweredMs: time(() => recentUnanswered(db, to)),
        };
      } finally {
        db.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
}

if (isMain(import.meta.url)) {
  console.log(benchRecorder());
  console.log(benchReport([{ rows: 100_000 }, { rows: 400_000 }, { rows: 400_000, flood: true }]));
}
