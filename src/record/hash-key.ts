import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The key of the user id hash. It is kept out of the record: with the record and the member list (which
 * every member can read), a key stored beside the hashes lets anyone hash every member's id and find
 * who asked what. Without the key, the hashes say nothing about who they are.
 */

/** Bytes of a generated key; a key given in the environment must have at least as many characters. */
export const HASH_KEY_BYTES = 32;

export type HashKeySource =
  { readonly kind: 'environment'; readonly value: string } | { readonly kind: 'file'; readonly path: string };

export interface LoadedHashKey {
  readonly key: Buffer;
  /** The forms it could appear in, for the logger to scrub. */
  readonly secrets: readonly string[];
  /** Set when the key file was made by this call. */
  readonly createdFile?: string;
}

/**
 * The key from the environment, or from its file, made on first start with owner-only permissions. A
 * key file that others may read is refused rather than used. Errors name the file, never its content.
 */
export function loadHashKey(source: HashKeySource): LoadedHashKey {
  if (source.kind === 'environment') {
    if (source.value.length < HASH_KEY_BYTES)
      throw new RangeError(`RECORD_HASH_KEY must have at least ${HASH_KEY_BYTES} characters`);
    return { key: Buffer.from(source.value, 'utf8'), secrets: [source.value] };
  }
  const { path } = source;
  const created = createKeyFile(path);
  if (process.platform !== 'win32') {
    const mode = statSync(path).mode & 0o777;
    if ((mode & 0o077) !== 0)
      throw new Error(
        `the record's hash key file ${path} can be read by other users (mode ${mode.toString(8)}); run chmod 600 ${path}`,
      );
  }
  const text = readFileSync(path, 'utf8').trim();
  if (!/^[0-9a-f]+$/.test(text) || text.length < 2 * HASH_KEY_BYTES || text.length % 2 !== 0)
    throw new Error(
      `the record's hash key file ${path} does not hold a key (at least ${2 * HASH_KEY_BYTES} hexadecimal characters)`,
    );
  return { key: Buffer.from(text, 'hex'), secrets: [text], ...(created ? { createdFile: path } : {}) };
}

/** Writes a new random key to `path` unless a file is there; true when it made one. */
function createKeyFile(path: string): boolean {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  try {
    // 'wx' fails when the file exists: two processes starting together keep the first one's key.
    writeFileSync(path, `${randomBytes(HASH_KEY_BYTES).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** The stored form of a user id: HMAC-SHA256 under the key, in hex. */
export function hashUserId(key: Buffer, userId: string): string {
  return createHmac('sha256', key).update(userId).digest('hex');
}

/**
 * A name for the key that the record may keep, to notice when it is opened with another key: an HMAC of
 * a fixed text, which tells nothing about the key (nor helps to guess it more than the hashes do).
 */
export function hashKeyId(key: Buffer): string {
  return createHmac('sha256', key).update('residency-bot record hash key id').digest('hex').slice(0, 32);
}
