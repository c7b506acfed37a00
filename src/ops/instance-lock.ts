import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';

/**
 * One bot per data folder: two processes with the same token would both answer every mention.
 *
 * The lock is an exclusive SQLite lock (an fcntl lock, held for the life of the connection) on
 * `DATA_DIR/residency-bot.lock`. The kernel drops it when the process ends, however it ends (kill -9,
 * a crash, a power cut), so a stale lock cannot exist and nothing has to guess whether an old pid is
 * still this bot. The pid file beside it only says who holds the lock, for the message.
 */

export const LOCK_FILE = 'residency-bot.lock';
export const PID_FILE = 'residency-bot.pid';

export class InstanceLockedError extends Error {
  override readonly name = 'InstanceLockedError';
  constructor(
    readonly dataDir: string,
    readonly pid: number | undefined,
  ) {
    super(
      `another residency-bot (${pid === undefined ? 'pid unknown' : `pid ${pid}`}) is already running on DATA_DIR ${resolve(dataDir)}; ` +
        'stop it first (two bots would both answer every question), or give this one another DATA_DIR',
    );
  }
}

export interface InstanceLock {
  readonly dataDir: string;
  /** Releases the lock and removes the pid file. Safe to call twice. */
  release(): void;
}

/** Takes the data folder's lock, creating the folder if needed; throws InstanceLockedError when held. */
export function acquireInstanceLock(dataDir: string, pid: number = process.pid): InstanceLock {
  mkdirSync(dataDir, { recursive: true });
  // timeout 0: a held lock is refused at once instead of waited for.
  const db = new Database(join(dataDir, LOCK_FILE), { timeout: 0 });
  try {
    // The lock file holds no data: no journal is needed, and in exclusive locking mode the lock taken
    // by BEGIN EXCLUSIVE is kept after COMMIT until the connection closes.
    db.pragma('journal_mode = OFF');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE; COMMIT');
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new InstanceLockedError(dataDir, holderPid(dataDir));
    throw error;
  }
  const pidPath = join(dataDir, PID_FILE);
  writeFileSync(pidPath, `${pid}\n`);
  let released = false;
  return {
    dataDir,
    release() {
      if (released) return;
      released = true;
      rmSync(pidPath, { force: true });
      db.close();
    },
  };
}

/** Whether a bot holds the folder's lock now, and its pid; for commands that must not run beside one. */
export function lockHolder(dataDir: string): { held: false } | { held: true; pid: number | undefined } {
  try {
    acquireInstanceLock(dataDir).release();
    return { held: false };
  } catch (error) {
    if (error instanceof InstanceLockedError) return { held: true, pid: error.pid };
    throw error;
  }
}

function holderPid(dataDir: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(join(dataDir, PID_FILE), 'utf8'), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
