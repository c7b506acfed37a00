import type Database from 'better-sqlite3';
import { contentTerms } from '../text/analyze.ts';

/**
 * The grouping key of an unanswered question: its content words as the engine reads them (the one text
 * pipeline's `contentTerms`: folded, stemmed, stop words of either language out, Discord markup gone),
 * each once, sorted. "What is the wifi password?" and "wifi passwords??" share "password wifi".
 */
export function unansweredKey(text: string): string {
  return [...new Set(contentTerms(text))].sort().join(' ');
}

/** The SQL function that computes a question's grouping key, as the record stores it. */
export const UNANSWERED_KEY_FUNCTION = 'unanswered_key_of';

/**
 * Makes `unanswered_key_of(question)` callable in SQL on `db`: the one place the record computes a
 * grouping key, for the rows it inserts and for the migration that keyed the rows already there. A
 * change of key function leaves the stored keys of older rows as they were: it needs a migration that
 * recomputes them (`UPDATE questions SET unanswered_key = unanswered_key_of(question) WHERE …`).
 */
export function registerUnansweredKey(db: Database.Database): void {
  db.function(UNANSWERED_KEY_FUNCTION, { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? unansweredKey(text) : null,
  );
}
