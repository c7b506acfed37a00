import { DATABASE_FILE } from '../record/recorder.ts';

/**
 * What `npm run backup` copies out of DATA_DIR and `npm run restore` puts back: the one list of the
 * files that cannot be made again. Everything else there (the -wal and -shm files beside the database,
 * the lock and pid files) is rebuilt by the bot. A file added to DATA_DIR that must survive the loss of
 * the server goes here.
 *
 * The record's hash key is deliberately not one of them: it is kept outside DATA_DIR (RECORD_HASH_KEY or
 * its file) so that a copy of the record cannot tell who asked; operators back it up apart.
 */
export interface KeptFile {
  /** Its name inside DATA_DIR. */
  readonly name: string;
  /** 'sqlite' is copied with SQLite's online backup (consistent while the bot writes); 'file' byte for byte. */
  readonly kind: 'sqlite' | 'file';
  /** A backup fails when a required file is missing; an optional one is noted as absent. */
  readonly required: boolean;
  /** What it holds, for the backup's listing and its manifest. */
  readonly holds: string;
}

export function keptFiles(): readonly KeptFile[] {
  return [
    {
      name: DATABASE_FILE,
      kind: 'sqlite',
      required: true,
      holds: 'the record of questions and votes, members only as hashes keyed by a key kept elsewhere',
    },
  ];
}
