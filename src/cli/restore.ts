import { resolve } from 'node:path';
import { configOrExplain } from '../config.ts';
import { BackupError, restoreDataDir, verifyBackup } from '../ops/backup.ts';
import { CommandFailure, EXIT, processIo, runCommand, UsageError, type CliIo } from './command.ts';
import { runIfMain } from './main-guard.ts';

const SPEC = {
  name: 'restore',
  usage: `Usage: npm run restore -- SRC [--data-dir DIR] [--check]
  Puts the backup in SRC (made by npm run backup) back into the bot's data folder, after checking every
  file against the backup's manifest and each database with PRAGMA integrity_check. The bot must be
  stopped; the files it replaces are moved into DATA_DIR/before-restore-<time>/, never deleted.
  --check        only check the backup; change nothing
  --data-dir     the bot's data folder (default: $DATA_DIR, then ./data)`,
  options: { 'data-dir': { type: 'string' }, check: { type: 'boolean', default: false } },
  allowPositionals: true,
} as const;

export function restore(argv: readonly string[], io: CliIo): Promise<number> {
  return runCommand(SPEC, argv, io, ({ values, positionals }) => {
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'SRC is missing' : 'give one SRC');
    const config = configOrExplain(io.env, io.err);
    if (!config) return Promise.resolve(EXIT.usage);
    const dataDir = resolve(values['data-dir'] ?? config.dataDir);
    const source = resolve(positionals[0]!);
    try {
      if (values.check) {
        const manifest = verifyBackup(source);
        io.out(`${source} is a sound backup of ${manifest.dataDir}, made ${manifest.createdAt}.`);
        return Promise.resolve(EXIT.ok);
      }
      const result = restoreDataDir(source, dataDir);
      if (result.setAside) io.out(`Moved the files it replaces to ${result.setAside}.`);
      io.out(
        `Restored ${result.restored.join(', ')} into ${dataDir}, from the backup made ${result.manifest.createdAt}. Start the bot.`,
      );
      return Promise.resolve(EXIT.ok);
    } catch (error) {
      if (error instanceof BackupError) throw new CommandFailure(error.message);
      throw new CommandFailure(`could not restore into ${dataDir}: ${(error as Error).message}`);
    }
  });
}

await runIfMain(import.meta.url, () => restore(process.argv.slice(2), processIo()));
