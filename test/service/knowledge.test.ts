import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.ts';
import { loadRecordKey } from '../../src/service/knowledge.ts';

const recording = (hashKeySource: NonNullable<Config['record']>['hashKeySource']): Config['record'] => ({
  dataDir: mkdtempSync(join(tmpdir(), 'service-key-')),
  storeQuestionText: true,
  retentionDays: 30,
  hashKeySource,
});

describe('the record’s hash key, read at start', () => {
  it('given recording off, then no key is read and nothing is wrong', () => {
    expect(loadRecordKey(undefined)).toEqual({ key: undefined, error: undefined });
  });

  it('given a key file not made yet, then it is made, and its key is given with the file it was written to', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'service-key-')), 'record-hash.key');
    const { key, error } = loadRecordKey(recording({ kind: 'file', path }));
    expect(error).toBeUndefined();
    expect(key?.key.length).toBe(32);
    expect(key?.createdFile).toBe(path);
  });

  it('given a key that cannot be used, then why is given back instead of thrown: the bot answers without recording', () => {
    const { key, error } = loadRecordKey(recording({ kind: 'environment', value: 'short' }));
    expect(key).toBeUndefined();
    expect(error).toBeInstanceOf(RangeError);
  });
});
