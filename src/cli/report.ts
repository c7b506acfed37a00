import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { formatReportText } from '../record/format-report.ts';
import { databasePath } from '../record/recorder.ts';
import { buildReport } from '../record/report.ts';
import { configOrExplain } from '../config.ts';
import { runIfMain } from './main-guard.ts';

const USAGE = `Usage: npm run report -- [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json] [--data-dir DIR]
  What staff asked from --from through --to, whole UTC days (default: the last 30 days).
  --json         the report as one JSON object
  --data-dir     where the bot keeps its record (default: $DATA_DIR, then ./data)`;

const DEFAULT_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface ReportIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly now?: () => Date;
}

export async function report(argv: readonly string[], io: ReportIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        json: { type: 'boolean', default: false },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    io.err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.out(USAGE);
    return 0;
  }

  const period = reportPeriod(values.from, values.to, (io.now ?? (() => new Date()))());
  if (typeof period === 'string') {
    io.err(`${period}\n${USAGE}`);
    return 2;
  }

  const config = configOrExplain(io.env, io.err);
  if (!config) return 2;
  const dataDir = resolve(values['data-dir'] ?? config.record?.dataDir ?? 'data');
  const file = databasePath(dataDir);
  if (!existsSync(file)) {
    io.err(`no questions recorded yet in ${dataDir}`);
    return 1;
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const result = buildReport(db, period);
    io.out(values.json ? JSON.stringify(result, null, 2) : formatReportText(result));
    return 0;
  } catch (error) {
    io.err(`could not read the question record ${file}: ${(error as Error).message}`);
    return 1;
  } finally {
    db?.close();
  }
}

/** The half-open period [from, to) the options name, or what is wrong with them. */
export function reportPeriod(from: string | undefined, to: string | undefined, now: Date): { from: Date; to: Date } | string {
  const start = from === undefined ? undefined : utcDay(from);
  const endDay = to === undefined ? undefined : utcDay(to);
  if (start === null) return `--from must be a date as YYYY-MM-DD, got "${from}"`;
  if (endDay === null) return `--to must be a date as YYYY-MM-DD, got "${to}"`;
  const end = endDay === undefined ? now : new Date(endDay.getTime() + DAY_MS);
  const period = { from: start ?? new Date(end.getTime() - DEFAULT_DAYS * DAY_MS), to: end };
  if (period.from >= period.to) return `--from (${from}) must not be after --to (${to ?? 'today'})`;
  return period;
}

function utcDay(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const day = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== text ? null : day;
}

await runIfMain(import.meta.url, () =>
  report(process.argv.slice(2), {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    env: process.env,
  }),
);
