import type Database from 'better-sqlite3';
import { words } from '../text/normalise.ts';
import { STOP_WORDS } from '../text/stopwords.ts';

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
