import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations, MIGRATIONS } from '../../src/record/migrations.ts';
import { databasePath } from '../../src/record/recorder.ts';
import { previewDraftFile, previewFact, type DraftFileInput } from '../../src/service/preview.ts';
import { RecordReadError } from '../../src/service/report.ts';
import { FIXTURE_KNOWLEDGE_DIR, fixtureAnswerer, knowledgeFiles, TODAY } from '../helpers.ts';
import { unansweredYesterday } from '../record/seed.ts';
import { spareCopiesDraft } from '../support/drafts.ts';

const DRAFT = spareCopiesDraft('spare-copies');

const CONTACT = { en: 'the policy team', fr: 'l’équipe politique' };
const NEVER_COMMITTED = { ref: 'HEAD', file: () => undefined };

function preview(input: Partial<DraftFileInput>) {
  return previewDraftFile({
    knowledgeDir: FIXTURE_KNOWLEDGE_DIR,
    draftPath: join(tmpdir(), 'spare-copies.yaml'),
    draft: DRAFT,
    questions: [],
    dataDir: undefined,
    now: TODAY,
    contact: CONTACT,
    committed: NEVER_COMMITTED,
    ...input,
  });
}

function knowledgeWithDraft(): { dir: string; draftPath: string } {
  const dir = mkdtempSync(join(tmpdir(), 'service-preview-'));
  cpSync(FIXTURE_KNOWLEDGE_DIR, dir, { recursive: true });
  const draftPath = join(dir, 'facts', 'spare-copies.yaml');
  writeFileSync(draftPath, DRAFT);
  return { dir, draftPath };
}

describe('a draft fact, previewed without changing anything', () => {
  it('given a draft, then it shows the answer staff would see, the questions it would take, and its own questions it would not answer', () => {
    const result = previewFact({
      files: knowledgeFiles(),
      draft: DRAFT,
      live: fixtureAnswerer(),
      questions: ['where is the spare copy vault'],
      now: TODAY,
      contact: CONTACT,
    });
    if (!result.ok) throw new Error('the draft should validate');
    expect(result.file).toBe('facts/spare-copies.yaml');
    expect(result.reply.fact?.title).toBe("TikTok's spare copies");
    expect(result.asked).toEqual([{ question: 'where is the spare copy vault', before: null, after: 'spare-copies' }]);
    expect(result.wins).toContainEqual({
      question: 'Où est le coffre des copies ?',
      before: null,
      after: 'spare-copies',
    });
    expect(result.misses).toMatchObject([
      {
        file: 'facts/spare-copies.yaml',
        message: expect.stringMatching(
          /^question "Does TikTok still keep its own copies of US user data\?" is answered by backups-retained/,
        ) as unknown,
      },
    ]);
  });

  it('given a draft that does not validate, then its own errors are the result', () => {
    const result = previewFact({
      files: knowledgeFiles(),
      draft: DRAFT.replace('owner:', 'ownr:'),
      live: fixtureAnswerer(),
      questions: [],
      now: TODAY,
      contact: CONTACT,
    });
    expect(result).toMatchObject({
      ok: false,
      errors: [{ file: 'facts/spare-copies.yaml', message: 'unknown field "ownr"' }],
    });
  });
});

describe('a draft saved in a file', () => {
  it('given a draft outside the knowledge folder, then it is compared with the folder as it is on disk', async () => {
    expect(await preview({})).toMatchObject({ ok: true, against: 'as it is on disk', result: { ok: true } });
  });

  it('given a draft saved in the knowledge folder and never committed, then it is compared with the folder without it', async () => {
    const { dir, draftPath } = knowledgeWithDraft();
    const shown = await preview({ knowledgeDir: dir, draftPath });
    expect(shown.against).toBe('without facts/spare-copies.yaml (not committed yet)');
    expect(shown.ok && shown.result.ok && shown.result.wins.length).toBeGreaterThan(0);
  });

  it('given a draft saved in the knowledge folder over a committed version, then it is compared with the committed one', async () => {
    const { dir, draftPath } = knowledgeWithDraft();
    const committed = { ref: 'main', file: (name: string) => (name === 'facts/spare-copies.yaml' ? DRAFT : undefined) };
    const shown = await preview({ knowledgeDir: dir, draftPath, committed });
    expect(shown.against).toBe('with facts/spare-copies.yaml as committed at main');
    // Compared with itself, nothing changes.
    expect(shown.ok && shown.result.ok && shown.result.wins).toEqual([]);
  });

  it('given a knowledge folder with errors of its own, then there is nothing to compare with', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'service-preview-'));
    cpSync(FIXTURE_KNOWLEDGE_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'facts', 'broken.yaml'), 'id: [');
    expect(await preview({ knowledgeDir: dir })).toEqual({ ok: false, against: 'as it is on disk' });
  });

  it('given a record of questions, then the draft is also tried on what staff asked recently and the bot did not answer', async () => {
    const dataDir = unansweredYesterday(TODAY, [['what is the wifi password', 'en']]);
    const shown = await preview({ dataDir });
    expect(shown.ok && shown.result.ok && shown.result.asked).toEqual([
      { question: 'what is the wifi password', before: null, after: null },
    ]);
  });

  it('given a record that cannot be read, then the preview fails naming the record', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'service-preview-record-'));
    const old = new Database(databasePath(dataDir));
    applyMigrations(old, MIGRATIONS.slice(0, 1));
    old.close();
    await expect(preview({ dataDir })).rejects.toThrow(RecordReadError);
  });
});
