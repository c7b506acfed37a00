import { randomBytes, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';

/** SQLite's own default limit, which is far past any disk. */
const NO_LIMIT = 4_294_967_294;

/**
 * Makes the record's database behave as on a full disk: no page may be added (SQLite's max_page_count,
 * which fails writes with SQLITE_FULL as a full disk does), and the free space left in the pages of the
 * questions, the votes and their indexes is filled with copies of the latest rows, so that the next
 * question or vote of the same shape fails. Returns a function that frees the disk.
 */
export function fillDisk(db: Database.Database): () => void {
  db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
  const copyQuestion = db.prepare(
    `INSERT INTO questions (id, asked_at, channel_kind, language, fact_id, score, suggestions, question, user_hash,
                            knowledge_version, latency_ms, unanswered_key)
     SELECT ?, asked_at, channel_kind, language, fact_id, score, suggestions, question, user_hash,
            knowledge_version, latency_ms, unanswered_key
     FROM questions ORDER BY rowid DESC LIMIT 1`,
  );
  untilFull(() => copyQuestion.run(randomUUID()));
  const someQuestion = db.prepare('SELECT id FROM questions LIMIT 1').pluck().get() as string | undefined;
  if (someQuestion !== undefined) {
    const vote = db.prepare('INSERT INTO votes (question_id, user_hash, helpful, voted_at) VALUES (?, ?, 1, ?)');
    untilFull(() => vote.run(someQuestion, randomBytes(32).toString('hex'), new Date().toISOString()));
  }
  return () => void db.pragma(`max_page_count = ${NO_LIMIT}`);
}

function untilFull(write: () => unknown): void {
  for (let i = 0; i < 1_000_000; i++) {
    try {
      write();
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_FULL') return;
      throw error;
    }
  }
  throw new Error('the record never filled up');
}
