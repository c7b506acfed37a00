import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { backup } from '../../src/cli/backup.ts';
import { restore } from '../../src/cli/restore.ts';
import { backupDataDir, MANIFEST_FILE, restoreDataDir } from '../../src/ops/backup.ts';
import { acquireInstanceLock } from '../../src/ops/instance-lock.ts';
import { keptFiles } from '../../src/ops/kept-files.ts';
import { databasePath, DATABASE_FILE, openRecorder } from '../../src/record/recorder.ts';
import { TEST_HASH_KEY } from '../helpers.ts';
import { captureIo } from '../cli/cli-io.ts';
import { REPO } from '../helpers.ts';

const temp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

function record(dataDir: string, questions: readonly string[]): void {
  const recorder = openRecorder({
    dataDir,
    hashKey: TEST_HASH_KEY,
    logger: { warn: () => undefined, error: () => undefined },
  });
  for (const [i, question] of questions.entries())
    recorder.recordQuestion({
      channelKind: 'dm',
      language: 'en',
      factId: null,
      score: 0.1,
      suggestions: [],
      question,
      userId: `user-${i}`,
      knowledgeVersion: 'kb-1',
    });
  recorder.close();
}

function questionsIn(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT question FROM questions ORDER BY rowid').pluck().all() as string[];
  } finally {
    db.close();
  }
}

describe('npm run backup while the bot writes', () => {
  it('given a burst of 1,000 writes from another process, then a backup taken during it opens, passes PRAGMA integrity_check and holds a whole prefix of the burst', async () => {
    const dataDir = temp('backup-live-');
    const dest = join(temp('backup-dest-'), 'copy');
    const writer = spawn(
      process.execPath,
      ['--import', 'tsx', join(REPO, 'test', 'ops', 'support', 'record-writer.ts'), dataDir, '1000', '100'],
      { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    onTestFinished(() => void writer.kill('SIGKILL'));
    let output = '';
    writer.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    writer.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => writer.on('close', resolve));
    await expect.poll(() => output, { timeout: 20_000 }).toContain('paused 100');

    const io = captureIo();
    const backingUp = backup([dest, '--data-dir', dataDir], io);
    writer.stdin.write('go\n');
    expect(await backingUp).toBe(0);
    expect(await exited).toBe(0);
    expect(output).toContain('done 1000 0');

    const copy = new Database(join(dest, DATABASE_FILE), { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      // A single file: no write-ahead log is needed beside it.
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    } finally {
      copy.close();
    }
    const copied = questionsIn(join(dest, DATABASE_FILE));
    expect(copied.length).toBeGreaterThanOrEqual(100);
    expect(copied.length).toBeLessThanOrEqual(1000);
    copied.forEach((question, i) => expect(question.startsWith(`q-${i + 1} `)).toBe(true));
    expect(questionsIn(databasePath(dataDir))).toHaveLength(1000);
    expect(readdirSync(dest).sort()).toEqual([MANIFEST_FILE, DATABASE_FILE].sort());
    expect(statSync(join(dest, DATABASE_FILE)).mode & 0o777).toBe(0o600);
    expect(io.stdout.at(-1)).toBe(`Backed up ${dataDir} to ${dest}.`);
  }, 60_000);

  it('given a folder that already holds files, then nothing is written there', async () => {
    const dataDir = temp('backup-');
    record(dataDir, ['one']);
    const dest = temp('backup-dest-');
    writeFileSync(join(dest, 'older-backup.txt'), 'keep me');
    const io = captureIo();
    expect(await backup([dest, '--data-dir', dataDir], io)).toBe(1);
    expect(io.stderr).toEqual([`backup: ${dest} is not empty: give a new folder for each backup`]);
    expect(readdirSync(dest)).toEqual(['older-backup.txt']);
  });

  it('given a data folder with no record yet, then it says so in one line; without DEST, the usage', async () => {
    const dataDir = temp('backup-');
    const io = captureIo();
    expect(await backup([join(temp('dest-'), 'x'), '--data-dir', dataDir], io)).toBe(1);
    expect(io.stderr[0]).toMatch(/residency-bot\.sqlite3 does not exist \(the record of questions.*has the bot run/);
    const usage = captureIo();
    expect(await backup([], usage)).toBe(2);
    expect(usage.stderr[0]).toBe('backup: DEST is missing');
  });

  it('given DATA_DIR in the environment, then it is the folder backed up', async () => {
    const dataDir = temp('backup-');
    record(dataDir, ['from the environment']);
    const dest = join(temp('dest-'), 'b');
    expect(await backup([dest], captureIo({ DATA_DIR: dataDir }))).toBe(0);
    expect(questionsIn(join(dest, DATABASE_FILE))).toEqual(['from the environment']);
  });
});

describe('npm run restore', () => {
  it('given a backup, then the record is put back as it was, what it replaces is set aside, and the bot opens it', async () => {
    const dataDir = temp('restore-');
    record(dataDir, ['before the backup']);
    const dest = join(temp('dest-'), 'b');
    expect(await backup([dest, '--data-dir', dataDir], captureIo())).toBe(0);
    record(dataDir, ['after the backup']);

    const io = captureIo();
    expect(await restore([dest, '--data-dir', dataDir], io)).toBe(0);
    expect(io.stdout.at(-1)).toMatch(
      /^Restored residency-bot\.sqlite3 into .*, from the backup made .*\. Start the bot\.$/,
    );
    const aside = readdirSync(dataDir).find((name) => name.startsWith('before-restore-'))!;
    expect(questionsIn(join(dataDir, aside, DATABASE_FILE))).toEqual(['before the backup', 'after the backup']);

    const recorder = openRecorder({
      dataDir,
      hashKey: TEST_HASH_KEY,
      logger: { warn: () => undefined, error: () => undefined },
    });
    try {
      expect(recorder.read((db) => db.prepare('SELECT question FROM questions').pluck().all())).toEqual([
        'before the backup',
      ]);
    } finally {
      recorder.close();
    }
  });

  it('given a bot running on the data folder, then it refuses, naming the bot’s pid, and changes nothing', async () => {
    const dataDir = temp('restore-');
    record(dataDir, ['kept']);
    const dest = join(temp('dest-'), 'b');
    expect(await backup([dest, '--data-dir', dataDir], captureIo())).toBe(0);
    const bot = acquireInstanceLock(dataDir, 31337);
    onTestFinished(() => bot.release());
    const io = captureIo();
    expect(await restore([dest, '--data-dir', dataDir], io)).toBe(1);
    expect(io.stderr).toEqual([`restore: a bot is running on ${dataDir} (pid 31337): stop it first`]);
    expect(readdirSync(dataDir).some((name) => name.startsWith('before-restore-'))).toBe(false);
  });

  it('given a backup altered after it was made, or never finished, then --check and restore refuse it', async () => {
    const dataDir = temp('restore-');
    record(dataDir, ['kept']);
    const dest = join(temp('dest-'), 'b');
    expect(await backup([dest, '--data-dir', dataDir], captureIo())).toBe(0);
    const ok = captureIo();
    expect(await restore([dest, '--check'], ok)).toBe(0);
    expect(ok.stdout[0]).toMatch(/is a sound backup of .*, made \d{4}-\d{2}-\d{2}T/);

    const file = join(dest, DATABASE_FILE);
    const bytes = readFileSync(file);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0xff, bytes.length - 1);
    writeFileSync(file, bytes);
    const altered = captureIo();
    expect(await restore([dest, '--data-dir', dataDir], altered)).toBe(1);
    expect(altered.stderr).toEqual([`restore: ${file} has changed since the backup was made`]);

    const unfinished = temp('unfinished-');
    const io = captureIo();
    expect(await restore([unfinished, '--check'], io)).toBe(1);
    expect(io.stderr[0]).toContain(`has no ${MANIFEST_FILE}`);
  });

  it('given a manifest naming a file outside the backup, then it is refused before anything is read or written', async () => {
    const source = temp('evil-');
    writeFileSync(
      join(source, MANIFEST_FILE),
      JSON.stringify({
        format: 1,
        createdAt: 'x',
        dataDir: '/',
        files: [{ name: '../../etc/passwd', kind: 'file', holds: 'x', bytes: 1, sha256: 'a'.repeat(64) }],
      }),
    );
    const io = captureIo();
    expect(await restore([source, '--data-dir', temp('restore-')], io)).toBe(1);
    expect(io.stderr[0]).toMatch(/is not a backup manifest this version can read/);
  });
});

describe('the files kept', () => {
  it('lists the record, copied as a database', () => {
    expect(keptFiles()).toEqual([expect.objectContaining({ name: DATABASE_FILE, kind: 'sqlite', required: true })]);
  });

  it('given another file to keep (a key), then backup and restore carry it, byte for byte, and an absent optional one is noted', async () => {
    const dataDir = temp('kept-');
    record(dataDir, ['with a key']);
    writeFileSync(join(dataDir, 'user-hash.key'), 'secret key bytes', { mode: 0o600 });
    const files = [
      ...keptFiles(),
      { name: 'user-hash.key', kind: 'file' as const, required: true, holds: 'the key' },
      { name: 'optional.txt', kind: 'file' as const, required: false, holds: 'nothing yet' },
    ];
    const dest = join(temp('dest-'), 'b');
    const manifest = await backupDataDir(dataDir, dest, { files });
    expect(manifest.files.map((f) => [f.name, f.bytes !== undefined])).toEqual([
      [DATABASE_FILE, true],
      ['user-hash.key', true],
      ['optional.txt', false],
    ]);
    const target = temp('target-');
    mkdirSync(target, { recursive: true });
    const result = restoreDataDir(dest, target);
    expect(result.restored).toEqual([DATABASE_FILE, 'user-hash.key']);
    expect(result.setAside).toBeUndefined();
    expect(readFileSync(join(target, 'user-hash.key'), 'utf8')).toBe('secret key bytes');
    expect(existsSync(join(target, 'optional.txt'))).toBe(false);
    await expect(backupDataDir(temp('kept-'), join(temp('dest-'), 'c'), { files })).rejects.toThrow(/does not exist/);
  });
});
