import type Database from 'better-sqlite3';
import { registerUnansweredKey } from './unanswered-key.ts';

/** One step of the record's schema. Released migrations are never edited: a change is a new version. */
export interface Migration {
  readonly version: number;
  readonly up: string;
}

export const MIGRATIONS: readonly Migration[] = Object.freeze([
  {
    version: 1,
    up: `
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );

      -- user_hash is HMAC-SHA256(key, Discord user id): stable per user, never the id itself. The key is
      -- kept outside the record (src/record/hash-key.ts); version 1 kept a salt in settings instead.
      -- question is NULL when question text storage is off.
      CREATE TABLE questions (
        id                TEXT PRIMARY KEY,
        asked_at          TEXT NOT NULL,
        channel_kind      TEXT NOT NULL CHECK (channel_kind IN ('slash', 'mention', 'dm', 'channel', 'terminal')),
        language          TEXT NOT NULL CHECK (language IN ('en', 'fr')),
        fact_id           TEXT,
        score             REAL NOT NULL,
        suggestions       TEXT NOT NULL,
        question          TEXT,
        user_hash         TEXT NOT NULL,
        knowledge_version TEXT NOT NULL,
        latency_ms        REAL
      );
      CREATE INDEX questions_by_time ON questions (asked_at);

      CREATE TABLE votes (
        question_id TEXT NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
        user_hash   TEXT NOT NULL,
        helpful     INTEGER NOT NULL CHECK (helpful IN (0, 1)),
        voted_at    TEXT NOT NULL,
        PRIMARY KEY (question_id, user_hash)
      );
    `,
  },
  {
    version: 2,
    // The report groups unanswered questions by their words. Keyed once, at insert, SQLite can count the
    // groups over an index instead of the bot reading every unanswered question of the period. The key is
    // NULL for answered questions and when the text was not kept (it is the text's words). The two
    // indexes cover every report query: by fact (then key) for the groups and the most asked, by
    // language and channel for the totals.
    up: `
      ALTER TABLE questions ADD COLUMN unanswered_key TEXT;
      UPDATE questions SET unanswered_key = unanswered_key_of(question) WHERE fact_id IS NULL AND question IS NOT NULL;
      CREATE INDEX questions_by_fact ON questions (fact_id, unanswered_key, asked_at, language, channel_kind);
      CREATE INDEX questions_by_kind ON questions (language, channel_kind, asked_at, fact_id);
    `,
  },
  {
    version: 3,
    // Whether a question was read as a follow-up to the answer before it (a DM, a thread, a reply), so
    // that the report can count the follow-ups left unanswered. The partial index holds only follow-ups.
    up: `
      ALTER TABLE questions ADD COLUMN follow_up INTEGER NOT NULL DEFAULT 0 CHECK (follow_up IN (0, 1));
      CREATE INDEX questions_follow_ups ON questions (asked_at, fact_id) WHERE follow_up = 1;
    `,
  },
]);

/** The highest version applied to `db`, 0 for a database that has never been migrated. */
export function schemaVersion(db: Database.Database): number {
  const row = db.prepare('SELECT max(version) AS version FROM schema_migrations').get() as { version: number | null };
  return row.version ?? 0;
}

/**
 * Brings `db` up to the last of `migrations`, each missing version in its own immediate transaction, so
 * two processes starting together cannot apply one twice. Returns the versions applied by this call.
 * Throws when the database is newer than this code, rather than writing to a schema it does not know.
 */
export function applyMigrations(
  db: Database.Database,
  migrations: readonly Migration[] = MIGRATIONS,
  now: Date = new Date(),
): number[] {
  assertOrdered(migrations);
  registerUnansweredKey(db);
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  const known = migrations.at(-1)?.version ?? 0;
  const current = schemaVersion(db);
  if (current > known) {
    throw new Error(
      `the record database is at schema version ${current}, newer than this code (${known}); upgrade the bot`,
    );
  }
  const isApplied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').pluck();
  const markApplied = db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)');
  const applied: number[] = [];
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    const apply = db.transaction(() => {
      if (isApplied.get(migration.version) !== undefined) return;
      db.exec(migration.up);
      markApplied.run(migration.version, now.toISOString());
      applied.push(migration.version);
    });
    apply.immediate();
  }
  return applied;
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((migration, i) => {
    const previous = i === 0 ? 0 : migrations[i - 1]!.version;
    if (!Number.isInteger(migration.version) || migration.version <= previous) {
      throw new Error(`migration versions must be increasing integers; ${migration.version} follows ${previous}`);
    }
  });
}
