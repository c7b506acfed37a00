import Database from 'better-sqlite3';
import { MIGRATIONS, schemaVersion } from './migrations.ts';
import { LANGUAGES, type Language } from '../knowledge/schema.ts';
import { CHANNEL_KINDS, type ChannelKind, type Recorder } from './recorder.ts';

/**
 * What staff asked over a period, as a plain object: the terminal and Discord render it their own way,
 * and `--json` prints it as is. Times are ISO strings so that the JSON and the object say the same.
 */
export interface Report {
  /** Inclusive start of the period. */
  readonly from: string;
  /** Exclusive end of the period. */
  readonly to: string;
  readonly totals: {
    readonly questions: number;
    readonly answered: number;
    readonly unknown: number;
    /** Votes on the answers to this period's questions. */
    readonly votes: number;
    /** Questions read as a follow-up to the answer before them, and those of them left unanswered. */
    readonly followUps: number;
    readonly followUpsUnanswered: number;
  };
  readonly topUnanswered: readonly UnansweredGroup[];
  readonly mostNotHelpful: readonly FactVotes[];
  readonly mostAsked: readonly FactCount[];
  readonly byLanguage: Readonly<Record<Language, number>>;
  readonly byChannelKind: Readonly<Record<ChannelKind, number>>;
}

/** Questions the bot did not know, grouped by their words, or by where they came from when text was not kept. */
export type UnansweredGroup =
  | {
      readonly textStored: true;
      readonly key: string;
      readonly count: number;
      /** The group's most frequent wording. */
      readonly example: string;
      readonly lastAsked: string;
      /** Filled in by `withFixHints` (src/service/report.ts) when the knowledge base is at hand. */
      readonly hint?: FixHint;
    }
  | {
      readonly textStored: false;
      readonly language: Language;
      readonly channelKind: ChannelKind;
      readonly count: number;
      readonly lastAsked: string;
    };

/** What to fix for an unanswered question: the fact nearest to it, and its words no fact knows. */
export interface FixHint {
  readonly nearest: { readonly id: string; readonly confidence: number } | undefined;
  readonly unknownWords: readonly string[];
}

export interface FactVotes {
  readonly factId: string;
  readonly notHelpful: number;
  readonly helpful: number;
}

export interface FactCount {
  readonly factId: string;
  readonly count: number;
}

export interface ReportOptions {
  readonly from: Date;
  /** Exclusive. */
  readonly to: Date;
  /** Longest list in each "top" section (default 10, at most `MAX_LIMIT`). */
  readonly limit?: number;
}

const DEFAULT_LIMIT = 10;
/** The longest list any report section returns, whatever the caller asks. */
export const MAX_LIMIT = 100;
/** A group's example is its most frequent wording among its latest questions, at most this many. */
const EXAMPLE_SAMPLE = 1_000;

/**
 * Reads the report from the record's database, or from a live recorder. SQLite counts over the record's
 * indexes, never reading a question's row except for the wordings of the groups shown: what reaches
 * JavaScript is bounded by the lists shown and the number of facts, not by the number of questions.
 */
export function buildReport(source: Database.Database | Recorder, options: ReportOptions): Report {
  return isRecorder(source) ? source.read((db) => query(db, options)) : query(source, options);
}

/**
 * Opens the record at `file` to read a report from it, as a process of its own while the bot writes.
 * Reading never migrates: a record the bot has not upgraded yet is refused with what to do.
 */
export function openRecordForReading(file: string): Database.Database {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const version = schemaVersion(db);
    const known = MIGRATIONS.at(-1)?.version ?? 0;
    if (version < known)
      throw new Error(
        `it is at schema version ${version}, older than this code (${known}); start the bot once to upgrade it`,
      );
    if (version > known)
      throw new Error(
        `it is at schema version ${version}, newer than this code (${known}); upgrade this copy of the bot`,
      );
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Only the most asked unanswered questions, as `/kb preview` tries a draft on them. */
export function topUnanswered(source: Database.Database | Recorder, options: ReportOptions): UnansweredGroup[] {
  return isRecorder(source)
    ? source.read((db) => unansweredGroups(db, periodOf(options)))
    : unansweredGroups(source, periodOf(options));
}

function isRecorder(source: Database.Database | Recorder): source is Recorder {
  return 'recordQuestion' in source;
}

interface Period {
  readonly from: string;
  readonly to: string;
  readonly limit: number;
}

function periodOf({ from, to, limit = DEFAULT_LIMIT }: ReportOptions): Period {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
  return { from: from.toISOString(), to: to.toISOString(), limit: Math.min(limit, MAX_LIMIT) };
}

const IN_PERIOD = 'asked_at >= @from AND asked_at < @to';

function query(db: Database.Database, options: ReportOptions): Report {
  const period = periodOf(options);
  // Every (language, channel) pair named, so that SQLite reads each one's period as a range of the index.
  const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
  const byKind = db
    .prepare(
      `SELECT language, channel_kind AS channelKind, count(*) AS questions, count(fact_id) AS answered
       FROM questions WHERE language IN (${list(LANGUAGES)}) AND channel_kind IN (${list(CHANNEL_KINDS)}) AND ${IN_PERIOD}
       GROUP BY language, channel_kind`,
    )
    .all(period) as { language: Language; channelKind: ChannelKind; questions: number; answered: number }[];

  const byLanguage = Object.fromEntries(LANGUAGES.map((k) => [k, 0])) as Record<Language, number>;
  const byChannelKind = Object.fromEntries(CHANNEL_KINDS.map((k) => [k, 0])) as Record<ChannelKind, number>;
  let questions = 0;
  let answered = 0;
  for (const row of byKind) {
    byLanguage[row.language] += row.questions;
    byChannelKind[row.channelKind] += row.questions;
    questions += row.questions;
    answered += row.answered;
  }

  // One row per fact and vote value: the total, and each fact's helpful and not helpful, from one pass.
  // CROSS JOIN keeps votes, far fewer than questions, as the outer loop: each one looks up its question.
  const votes = db
    .prepare(
      `SELECT q.fact_id AS factId, v.helpful AS helpful, count(*) AS count
       FROM votes v CROSS JOIN questions q ON q.id = v.question_id
       WHERE q.asked_at >= @from AND q.asked_at < @to GROUP BY q.fact_id, v.helpful`,
    )
    .all(period) as { factId: string | null; helpful: 0 | 1; count: number }[];
  const perFact = new Map<string, { notHelpful: number; helpful: number }>();
  for (const row of votes) {
    if (row.factId === null) continue;
    const counts = perFact.get(row.factId) ?? { notHelpful: 0, helpful: 0 };
    if (row.helpful === 1) counts.helpful += row.count;
    else counts.notHelpful += row.count;
    perFact.set(row.factId, counts);
  }
  const mostNotHelpful = [...perFact]
    .filter(([, c]) => c.notHelpful > 0)
    .map(([factId, c]): FactVotes => ({ factId, ...c }))
    .sort((a, b) => b.notHelpful - a.notHelpful || a.helpful - b.helpful || byCodeUnits(a.factId, b.factId))
    .slice(0, period.limit);

  // Read in the index's order, so that SQLite counts each fact as it goes, with no sort of the rows.
  const mostAsked = db
    .prepare(
      `SELECT fact_id AS factId, count(*) AS count FROM questions INDEXED BY questions_by_fact
       WHERE fact_id IS NOT NULL AND ${IN_PERIOD}
       GROUP BY fact_id ORDER BY count DESC, factId LIMIT @limit`,
    )
    .all(period) as FactCount[];

  // Only follow-ups are in their index: counting them reads no other question.
  const followUps = db
    .prepare(
      `SELECT count(*) AS followUps, count(*) - count(fact_id) AS unanswered FROM questions INDEXED BY questions_follow_ups
       WHERE follow_up = 1 AND ${IN_PERIOD}`,
    )
    .get(period) as { followUps: number; unanswered: number };

  return {
    from: period.from,
    to: period.to,
    totals: {
      questions,
      answered,
      unknown: questions - answered,
      votes: votes.reduce((sum, row) => sum + row.count, 0),
      followUps: followUps.followUps,
      followUpsUnanswered: followUps.unanswered,
    },
    topUnanswered: unansweredGroups(db, period),
    mostNotHelpful,
    mostAsked,
    byLanguage,
    byChannelKind,
  };
}

/**
 * The most asked groups of unanswered questions, then the most recently asked. Questions whose text was
 * kept group by their words (the key stored at insert); the others by language and channel.
 */
function unansweredGroups(db: Database.Database, period: Period): UnansweredGroup[] {
  const byWords = db
    .prepare(
      `SELECT unanswered_key AS key, count(*) AS count, max(asked_at) AS lastAsked
       FROM questions INDEXED BY questions_by_fact
       WHERE fact_id IS NULL AND unanswered_key IS NOT NULL AND ${IN_PERIOD}
       GROUP BY unanswered_key ORDER BY count DESC, lastAsked DESC, key LIMIT @limit`,
    )
    .all(period) as { key: string; count: number; lastAsked: string }[];
  const byWhere = db
    .prepare(
      `SELECT language, channel_kind AS channelKind, count(*) AS count, max(asked_at) AS lastAsked
       FROM questions INDEXED BY questions_by_fact
       WHERE fact_id IS NULL AND unanswered_key IS NULL AND ${IN_PERIOD}
       GROUP BY language, channel_kind`,
    )
    .all(period) as { language: Language; channelKind: ChannelKind; count: number; lastAsked: string }[];
  const wordings = db.prepare(
    `SELECT question, count(*) AS count, max(asked_at) AS lastAsked FROM (
       SELECT question, asked_at FROM questions INDEXED BY questions_by_fact
       WHERE fact_id IS NULL AND unanswered_key = @key AND ${IN_PERIOD}
       ORDER BY asked_at DESC LIMIT ${EXAMPLE_SAMPLE})
     GROUP BY question`,
  );
  const groups: UnansweredGroup[] = [
    ...byWords.map((g): UnansweredGroup => ({
      textStored: true,
      key: g.key,
      count: g.count,
      example: mostFrequentWording(wordings.all({ ...period, key: g.key }) as Wording[]),
      lastAsked: g.lastAsked,
    })),
    ...byWhere.map((g): UnansweredGroup => ({ textStored: false, ...g })),
  ];
  return groups
    .sort((a, b) => b.count - a.count || b.lastAsked.localeCompare(a.lastAsked) || sortKey(a).localeCompare(sortKey(b)))
    .slice(0, period.limit);
}

function sortKey(group: UnansweredGroup): string {
  return group.textStored ? group.key : `${group.language} ${group.channelKind}`;
}

/** SQLite's order for text (BINARY), which is also the order of ASCII fact ids. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Wording {
  readonly question: string;
  readonly count: number;
  readonly lastAsked: string;
}

/** The wording asked most often; among equals, the latest. Wordings that differ only in spaces around are one. */
function mostFrequentWording(rows: readonly Wording[]): string {
  const counts = new Map<string, { count: number; last: string }>();
  for (const row of rows) {
    const text = row.question.trim();
    const seen = counts.get(text);
    counts.set(text, {
      count: (seen?.count ?? 0) + row.count,
      last: row.lastAsked > (seen?.last ?? '') ? row.lastAsked : (seen?.last ?? ''),
    });
  }
  let best: [string, { count: number; last: string }] | undefined;
  for (const entry of counts) {
    if (!best || entry[1].count > best[1].count || (entry[1].count === best[1].count && entry[1].last > best[1].last))
      best = entry;
  }
  return best?.[0] ?? '';
}
