import { resolve } from 'node:path';
import { configOrExplain } from '../config.ts';
import { backupDataDir, BackupError, MANIFEST_FILE } from '../ops/backup.ts';
import { CommandFailure, EXIT, processIo, runCommand, UsageError, type CliIo } from './command.ts';
import { runIfMain } from './main-guard.ts';

const SPEC = {
  name: 'backup',
  usage: `Usage: npm run backup -- DEST [--data-dir DIR]
  Copies what must be kept of the bot's data folder into DEST, a new or empty folder, while the bot runs:
  the question record through SQLite's online backup (checked with PRAGMA integrity_check), then a
  manifest, ${MANIFEST_FILE}, written last. Restore with npm run restore -- DEST.
  --data-dir     the bot's data folder (default: $DATA_DIR, then ./data)`,
  options: { 'data-dir': { type: 'string' } },
  allowPositionals: true,
} as const;

export function backup(argv: readonly string[], io: CliIo): Promise<number> {
  return runCommand(SPEC, argv, io, async ({ values, positionals }) => {
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'DEST is missing' : 'give one DEST');
    const config = configOrExplain(io.env, io.err);
    if (!config) return EXIT.usage;
    const dataDir = resolve(values['data-dir'] ?? config.dataDir);
    const dest = resolve(positionals[0]!);
    try {
      const manifest = await backupDataDir(dataDir, dest);
      for (const file of manifest.files)
        io.out(
          file.bytes === undefined
            ? `${file.name}: not present, skipped (${file.holds})`
            : `${file.name}: ${file.bytes} bytes, sha256 ${file.sha256} (${file.holds})`,
        );
      io.out(`Backed up ${dataDir} to ${dest}.`);
      return EXIT.ok;
    } catch (error) {
      if (error instanceof BackupError) throw new CommandFailure(error.message);
      throw new CommandFailure(`could not back up ${dataDir}: ${(error as Error).message}`);
    }
  });
}

await runIfMain(import.meta.url, () => backup(process.argv.slice(2), processIo()));
