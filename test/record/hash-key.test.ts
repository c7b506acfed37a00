import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config.ts';
import { loadHashKey } from '../../src/record/hash-key.ts';

const POSIX = process.platform !== 'win32';
const ENV_KEY = 'f'.repeat(24) + '-a-secret-of-40-chars';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'hash-key-'));
}

describe('the hash key file', () => {
  it('given no key file, when the key is loaded, then a random key is written for the owner alone, in a folder for the owner alone', () => {
    const path = join(tempDir(), 'config', 'residency-bot', 'record-hash.key');

    const first = loadHashKey({ kind: 'file', path });
    const second = loadHashKey({ kind: 'file', path });

    expect(first.createdFile).toBe(path);
    expect(second.createdFile).toBeUndefined();
    expect(first.key.length).toBe(32);
    expect(second.key.equals(first.key)).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(`${first.key.toString('hex')}\n`);
    expect(first.secrets).toEqual([first.key.toString('hex')]);
    if (POSIX) {
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(statSync(dirname(path)).mode & 0o077).toBe(0);
    }
  });

  it.skipIf(!POSIX)(
    'given a key file others may read, then it is refused, naming the file and the fix but not the key',
    () => {
      const path = join(tempDir(), 'record-hash.key');
      const key = 'ab'.repeat(32);
      writeFileSync(path, key);
      chmodSync(path, 0o644);

      let message = '';
      try {
        loadHashKey({ kind: 'file', path });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toBe(
        `the record's hash key file ${path} can be read by other users (mode 644); run chmod 600 ${path}`,
      );
    },
  );

  it('given a key file that holds no key, then it is refused, naming the file but not its content', () => {
    const path = join(tempDir(), 'record-hash.key');
    writeFileSync(path, 'not a key, but a secret anyway\n', { mode: 0o600 });

    expect(() => loadHashKey({ kind: 'file', path })).toThrow(
      `the record's hash key file ${path} does not hold a key (at least 64 hexadecimal characters)`,
    );
    expect(() => loadHashKey({ kind: 'file', path })).not.toThrow(/secret/);
  });

  it('given a key in the environment, then its bytes are the key, and a short one is refused', () => {
    expect(loadHashKey({ kind: 'environment', value: ENV_KEY }).key).toEqual(Buffer.from(ENV_KEY));
    expect(() => loadHashKey({ kind: 'environment', value: 'short' })).toThrow(RangeError);
  });
});

describe('configuring the hash key', () => {
  it('given nothing set, then the key file is in the configuration folder (XDG_CONFIG_HOME, else ~/.config), outside DATA_DIR', () => {
    expect(parseConfig({ HOME: '/home/bot' }).record?.hashKeySource).toEqual({
      kind: 'file',
      path: '/home/bot/.config/residency-bot/record-hash.key',
    });
    expect(parseConfig({ HOME: '/home/bot', XDG_CONFIG_HOME: '/etc/xdg' }).record?.hashKeySource).toEqual({
      kind: 'file',
      path: '/etc/xdg/residency-bot/record-hash.key',
    });
  });

  it('given RECORD_HASH_KEY_FILE, then it is used, resolved; given RECORD_HASH_KEY, then the key is taken from the environment', () => {
    expect(parseConfig({ RECORD_HASH_KEY_FILE: 'secrets/record.key' }).record?.hashKeySource).toEqual({
      kind: 'file',
      path: resolve('secrets/record.key'),
    });
    expect(parseConfig({ RECORD_HASH_KEY: ENV_KEY }).record?.hashKeySource).toEqual({
      kind: 'environment',
      value: ENV_KEY,
    });
  });

  it('given a key file inside DATA_DIR, then start-up is refused: a copy of the record would carry its key', () => {
    expect(() => parseConfig({ DATA_DIR: '/srv/bot/data', RECORD_HASH_KEY_FILE: '/srv/bot/data/key' })).toThrow(
      /RECORD_HASH_KEY_FILE must be outside DATA_DIR/,
    );
    expect(() => parseConfig({ DATA_DIR: '/home/bot', HOME: '/home/bot' })).toThrow(
      /RECORD_HASH_KEY_FILE \(by default \/home\/bot\/\.config\/residency-bot\/record-hash\.key\) must be outside DATA_DIR/,
    );
    expect(parseConfig({ DATA_DIR: '/home/bot', HOME: '/home/bot', RECORD_QUESTIONS: 'off' }).record).toBeUndefined();
  });

  it('given a short RECORD_HASH_KEY, or both a key and a key file, then it names the variable and never echoes the key', () => {
    const short = 'secret-but-too-short';
    for (const env of [{ RECORD_HASH_KEY: short }, { RECORD_HASH_KEY: ENV_KEY, RECORD_HASH_KEY_FILE: '/etc/key' }]) {
      let error: unknown;
      try {
        parseConfig(env);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(/RECORD_HASH_KEY(_FILE)? /);
      expect((error as Error).message).not.toContain(short);
      expect((error as Error).message).not.toContain(ENV_KEY);
    }
  });
});
