import type Database from 'better-sqlite3';
import { words } from '../text/normalise.ts';
import { STOP_WORDS } from '../text/stopwords.ts';
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
      /** Filled in by `withFixHints` (src/service/report-hints.ts) when the knowledge base is at hand. */
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
  /** Longest list in each "top" section. */
  readonly limit?: number;
}

export interface UnansweredRow {
  readonly question: string | null;
  readonly language: Language;
  readonly channelKind: ChannelKind;
  readonly askedAt: string;
}

const DEFAULT_LIMIT = 10;

/** Reads the report from the record's database, or from a live recorder. */
export function buildReport(source: Database.Database | Recorder, options: ReportOptions): Report {
  return isRecorder(source) ? source.read((db) => query(db, options)) : query(source, options);
}

function isRecorder(source: Database.Database | Recorder): source is Recorder {
  return 'recordQuestion' in source;
}

function query(db: Database.Database, { from, to, limit = DEFAULT_LIMIT }: ReportOptions): Report {
  const period = { from: from.toISOString(), to: to.toISOString(), limit };
  const inPeriod = 'q.asked_at >= @from AND q.asked_at < @to';
  const all = <T>(sql: string) => db.prepare(sql).all(period) as T[];

  const totals = db
    .prepare(
      `SELECT count(*) AS questions, count(q.fact_id) AS answered,
                (SELECT count(*) FROM votes v JOIN questions q ON q.id = v.question_id WHERE ${inPeriod}) AS votes
              FROM questions q WHERE ${inPeriod}`,
    )
    .get(period) as { questions: number; answered: number; votes: number };

  const unanswered = all<UnansweredRow>(
    `SELECT q.question, q.language, q.channel_kind AS channelKind, q.asked_at AS askedAt
     FROM questions q WHERE q.fact_id IS NULL AND ${inPeriod} ORDER BY q.asked_at`,
  );

  const mostNotHelpful = all<FactVotes>(
    `SELECT q.fact_id AS factId, sum(v.helpful = 0) AS notHelpful, sum(v.helpful = 1) AS helpful
     FROM votes v JOIN questions q ON q.id = v.question_id
     WHERE q.fact_id IS NOT NULL AND ${inPeriod}
     GROUP BY q.fact_id HAVING notHelpful > 0
     ORDER BY notHelpful DESC, helpful ASC, factId LIMIT @limit`,
  );

  const mostAsked = all<FactCount>(
    `SELECT q.fact_id AS factId, count(*) AS count FROM questions q
     WHERE q.fact_id IS NOT NULL AND ${inPeriod}
     GROUP BY q.fact_id ORDER BY count DESC, factId LIMIT @limit`,
  );

  const countBy = <K extends string>(column: string, keys: readonly K[]): Record<K, number> => {
    const counts = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
    for (const row of all<{ key: K; count: number }>(
      `SELECT q.${column} AS key, count(*) AS count FROM questions q WHERE ${inPeriod} GROUP BY key`,
    )) {
      counts[row.key] = row.count;
    }
    return counts;
  };

  return {
    from: period.from,
    to: period.to,
    totals: {
      questions: totals.questions,
      answered: totals.answered,
      unknown: totals.questions - totals.answered,
      votes: totals.votes,
    },
    topUnanswered: groupUnanswered(unanswered, limit),
    mostNotHelpful,
    mostAsked,
    byLanguage: countBy('language', LANGUAGES),
    byChannelKind: countBy('channel_kind', CHANNEL_KINDS),
  };
}

/**
 * The grouping key of an unanswered question: its words as the engine reads them (folded, stop words of
 * either language out), sorted. "What is the wifi password?" and "wifi password??" share "password wifi".
 */
export function unansweredKey(text: string): string {
  const all = words(text);
  const content = all.filter((w) => w.length > 1 && !STOP_WORDS.en.has(w) && !STOP_WORDS.fr.has(w));
  // A question made only of stop words ("what is it?") still groups with its own wording, not with all such.
  return [...new Set(content.length > 0 ? content : all)].sort().join(' ');
}

/** Groups unanswered questions, most asked first, then most recently asked. */
export function groupUnanswered(rows: readonly UnansweredRow[], limit: number = DEFAULT_LIMIT): UnansweredGroup[] {
  const groups = new Map<string, { rows: UnansweredRow[]; textStored: boolean }>();
  for (const row of rows) {
    const textStored = row.question !== null;
    const key = textStored ? `text:${unansweredKey(row.question ?? '')}` : `where:${row.language}:${row.channelKind}`;
    const group = groups.get(key) ?? { rows: [], textStored };
    group.rows.push(row);
    groups.set(key, group);
  }
  const result = [...groups.entries()].map(([key, { rows: members, textStored }]): UnansweredGroup => {
    const lastAsked = members.reduce((latest, r) => (r.askedAt > latest ? r.askedAt : latest), '');
    const first = members[0]!;
    return textStored
      ? {
          textStored,
          key: key.slice('text:'.length),
          count: members.length,
          example: mostFrequentWording(members),
          lastAsked,
        }
      : { textStored, language: first.language, channelKind: first.channelKind, count: members.length, lastAsked };
  });
  return result
    .sort((a, b) => b.count - a.count || b.lastAsked.localeCompare(a.lastAsked) || sortKey(a).localeCompare(sortKey(b)))
    .slice(0, limit);
}

function sortKey(group: UnansweredGroup): string {
  return group.textStored ? group.key : `${group.language} ${group.channelKind}`;
}

/** The wording asked most often; among equals, the latest. */
function mostFrequentWording(rows: readonly UnansweredRow[]): string {
  const counts = new Map<string, { count: number; last: string }>();
  for (const row of rows) {
    const text = (row.question ?? '').trim();
    const seen = counts.get(text);
    counts.set(text, {
      count: (seen?.count ?? 0) + 1,
      last: row.askedAt > (seen?.last ?? '') ? row.askedAt : (seen?.last ?? ''),
    });
  }
  let best: [string, { count: number; last: string }] | undefined;
  for (const entry of counts) {
    if (!best || entry[1].count > best[1].count || (entry[1].count === best[1].count && entry[1].last > best[1].last))
      best = entry;
  }
  return best?.[0] ?? '';
}
