import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { acquireInstanceLock, InstanceLockedError } from './instance-lock.ts';
import { keptFiles, type KeptFile } from './kept-files.ts';

/**
 * Backups of DATA_DIR while the bot runs, and their restore. A database is copied with SQLite's online
 * backup in one step, inside one read transaction: the copy is the database as it was when the copy
 * began, whatever the bot writes meanwhile (in WAL mode a reader never blocks the writer). The copy is
 * turned into a single self-contained file (rollback journal mode, no -wal beside it) and checked with
 * PRAGMA integrity_check before the manifest, written last, declares the backup complete.
 */

export const MANIFEST_FILE = 'residency-bot-backup.json';
/** More pages than any database has: the whole copy in one step, so concurrent writes never restart it. */
const ALL_PAGES = 0x7fffffff;

/** A backup or restore that cannot be done, said in one line for the operator. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}

const ManifestSchema = z.object({
  format: z.literal(1),
  createdAt: z.string(),
  dataDir: z.string(),
  files: z.array(
    z.object({
      // A name, never a path: restoring must not write outside DATA_DIR.
      name: z.string().regex(/^[\w.-]+$/),
      kind: z.enum(['sqlite', 'file']),
      holds: z.string(),
      /** Absent: an optional file that was not there. */
      bytes: z.number().int().nonnegative().optional(),
      sha256: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .optional(),
    }),
  ),
});

export type Manifest = z.infer<typeof ManifestSchema>;
export type ManifestEntry = Manifest['files'][number];

export async function backupDataDir(
  dataDir: string,
  dest: string,
  options: { files?: readonly KeptFile[]; now?: () => Date } = {},
): Promise<Manifest> {
  const files = options.files ?? keptFiles();
  if (!existsSync(dataDir)) throw new BackupError(`DATA_DIR ${dataDir} does not exist: nothing to back up`);
  if (existsSync(dest) && readdirSync(dest).length > 0)
    throw new BackupError(`${dest} is not empty: give a new folder for each backup`);
  for (const file of files) {
    if (file.required && !existsSync(join(dataDir, file.name)))
      throw new BackupError(
        `${join(dataDir, file.name)} does not exist (${file.holds}); has the bot run with this DATA_DIR?`,
      );
  }
  // The record holds question texts and hash salts: the backup is readable by its owner only.
  mkdirSync(dest, { recursive: true, mode: 0o700 });
  const entries: ManifestEntry[] = [];
  for (const file of files) {
    const source = join(dataDir, file.name);
    const target = join(dest, file.name);
    if (!existsSync(source)) {
      entries.push({ name: file.name, kind: file.kind, holds: file.holds });
      continue;
    }
    if (file.kind === 'sqlite') await copyDatabase(source, target);
    else copyFileSync(source, target);
    chmodSync(target, 0o600);
    entries.push({ name: file.name, kind: file.kind, holds: file.holds, ...digest(target) });
  }
  const manifest: Manifest = {
    format: 1,
    createdAt: (options.now?.() ?? new Date()).toISOString(),
    dataDir: resolve(dataDir),
    files: entries,
  };
  const partial = join(dest, `${MANIFEST_FILE}.partial`);
  writeFileSync(partial, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  renameSync(partial, join(dest, MANIFEST_FILE));
  return manifest;
}

async function copyDatabase(source: string, target: string): Promise<void> {
  // Opened read-write, though nothing is written: a read-only connection would leave -wal and -shm files
  // behind it, owned by whoever ran the backup, which the bot may then be unable to open.
  const db = new Database(source, { fileMustExist: true });
  try {
    await db.backup(target, { progress: () => ALL_PAGES });
  } finally {
    db.close();
  }
  const copy = new Database(target);
  try {
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`the copy of ${source} fails its integrity check: ${String(check)}`);
  } finally {
    copy.close();
  }
}

function digest(path: string): { bytes: number; sha256: string } {
  const content = readFileSync(path);
  return { bytes: content.length, sha256: createHash('sha256').update(content).digest('hex') };
}

/** A backup's manifest, after checking that every file it lists is there, whole and (for databases) sound. */
export function verifyBackup(source: string): Manifest {
  const manifestPath = join(source, MANIFEST_FILE);
  if (!existsSync(manifestPath))
    throw new BackupError(
      `${source} is not a complete backup: it has no ${MANIFEST_FILE} (written last, when a backup succeeds)`,
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch (error) {
    throw new BackupError(`${manifestPath} cannot be read: ${(error as Error).message}`);
  }
  const result = ManifestSchema.safeParse(parsed);
  if (!result.success) throw new BackupError(`${manifestPath} is not a backup manifest this version can read`);
  const manifest = result.data;
  for (const entry of manifest.files) {
    if (entry.sha256 === undefined) continue;
    const path = join(source, entry.name);
    if (!existsSync(path)) throw new BackupError(`${path} is missing from the backup`);
    if (digest(path).sha256 !== entry.sha256) throw new BackupError(`${path} has changed since the backup was made`);
    if (entry.kind === 'sqlite') {
      const db = new Database(path, { readonly: true, fileMustExist: true });
      try {
        const check = db.pragma('integrity_check', { simple: true });
        if (check !== 'ok') throw new BackupError(`${path} fails its integrity check: ${String(check)}`);
      } finally {
        db.close();
      }
    }
  }
  return manifest;
}

export interface Restored {
  readonly manifest: Manifest;
  /** Where the files that were replaced now are; undefined when DATA_DIR held none of them. */
  readonly setAside: string | undefined;
  readonly restored: readonly string[];
}

/**
 * Puts a backup's files into DATA_DIR, refusing while a bot runs on it (and holding its lock meanwhile,
 * so none starts half-way). What was there is moved aside, never deleted.
 */
export function restoreDataDir(source: string, dataDir: string, options: { now?: () => Date } = {}): Restored {
  const manifest = verifyBackup(source);
  let lock;
  try {
    lock = acquireInstanceLock(dataDir);
  } catch (error) {
    if (error instanceof InstanceLockedError)
      throw new BackupError(
        `a bot is running on ${resolve(dataDir)} (${error.pid === undefined ? 'pid unknown' : `pid ${error.pid}`}): stop it first`,
      );
    throw error;
  }
  try {
    const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
    const aside = join(dataDir, `before-restore-${stamp}`);
    let movedAny = false;
    for (const entry of manifest.files) {
      for (const suffix of ['', '-wal', '-shm', '-journal']) {
        const path = join(dataDir, entry.name + suffix);
        if (!existsSync(path)) continue;
        mkdirSync(aside, { recursive: true, mode: 0o700 });
        renameSync(path, join(aside, entry.name + suffix));
        movedAny = true;
      }
    }
    const owner = statSync(dataDir);
    const restored: string[] = [];
    for (const entry of manifest.files) {
      if (entry.sha256 === undefined) continue;
      const target = join(dataDir, entry.name);
      copyFileSync(join(source, entry.name), target);
      chmodSync(target, 0o600);
      // Restored by root into the bot's folder: the bot must still own what it writes to.
      if (process.getuid?.() === 0) chownSync(target, owner.uid, owner.gid);
      restored.push(entry.name);
    }
    return { manifest, setAside: movedAny ? aside : undefined, restored };
  } finally {
    lock.release();
  }
}
