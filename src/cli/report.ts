import { resolve } from 'node:path';
import { configOrExplain } from '../config.ts';
import { readReport, RecordReadError, recordOnDisk } from '../service/report.ts';
import { formatReportText } from '../service/report-text.ts';
import { openTerminalEngine } from './engine-setup.ts';
import { CommandFailure, EXIT, processIo, runCommand, UsageError, type CliIo } from './command.ts';
import { runIfMain } from './main-guard.ts';
import { DAY_MS, daysBefore, REPORT_DAYS } from '../util/time.ts';

const SPEC = {
  name: 'report',
  usage: `Usage: npm run report -- [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json] [--data-dir DIR]
  What staff asked from --from through --to, whole UTC days (default: the last ${REPORT_DAYS} days).
  --json         the report as one JSON object
  --data-dir     where the bot keeps its record (default: $DATA_DIR, then ./var)`,
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    json: { type: 'boolean', default: false },
    'data-dir': { type: 'string' },
  },
} as const;

export interface ReportIo extends CliIo {
  readonly now?: () => Date;
}

export function report(argv: readonly string[], io: ReportIo): Promise<number> {
  return runCommand(SPEC, argv, io, async ({ values }) => {
    const period = reportPeriod(values.from, values.to, (io.now ?? (() => new Date()))());
    if (typeof period === 'string') throw new UsageError(period);
    const config = configOrExplain(io.env, io.err);
    if (!config) return EXIT.usage;
    const dataDir = resolve(values['data-dir'] ?? config.record?.dataDir ?? 'var');
    const record = recordOnDisk(dataDir);
    if (!record.found) io.err(`no questions recorded yet in ${dataDir}`);
    // With the knowledge base at hand, each unanswered question says what to fix; without, the record alone.
    const engine = await openTerminalEngine(config, io.err);
    let result;
    try {
      result = record.read((db) => readReport(db, period, engine?.current()));
    } catch (error) {
      throw error instanceof RecordReadError ? new CommandFailure(error.message) : error;
    }
    io.out(values.json ? JSON.stringify(result, null, 2) : formatReportText(result));
    return EXIT.ok;
  });
}

/** The half-open period [from, to) the options name, or what is wrong with them. */
export function reportPeriod(
  from: string | undefined,
  to: string | undefined,
  now: Date,
): { from: Date; to: Date } | string {
  const start = from === undefined ? undefined : utcDay(from);
  const endDay = to === undefined ? undefined : utcDay(to);
  if (start === null) return `--from must be a date as YYYY-MM-DD, got "${from}"`;
  if (endDay === null) return `--to must be a date as YYYY-MM-DD, got "${to}"`;
  const end = endDay === undefined ? now : new Date(endDay.getTime() + DAY_MS);
  const period = { from: start ?? daysBefore(end).from, to: end };
  if (period.from >= period.to) return `--from (${from}) must not be after --to (${to ?? 'today'})`;
  return period;
}

function utcDay(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const day = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== text ? null : day;
}

await runIfMain(import.meta.url, () => report(process.argv.slice(2), processIo()));
