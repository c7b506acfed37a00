import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintKnowledge, type LintInput } from '../../src/service/lint.ts';
import { FIXTURE_KNOWLEDGE_DIR, knowledgeFiles, REPO, TODAY } from '../helpers.ts';

/** A copy of the fixture knowledge folder, edited. */
function knowledgeWith(edit: (dir: string) => void = () => {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'service-lint-'));
  cpSync(FIXTURE_KNOWLEDGE_DIR, dir, { recursive: true });
  edit(dir);
  return dir;
}

function editFile(dir: string, file: string, edit: (text: string) => string): void {
  const path = join(dir, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
}

const lint = (dir: string, options: Partial<LintInput> = {}) =>
  lintKnowledge({ dir, now: TODAY, strict: false, ...options });

describe('the knowledge base checked as CI checks it', () => {
  it('given the fixture knowledge, then nothing fails, and it says what was loaded and tried', async () => {
    const result = await lint(FIXTURE_KNOWLEDGE_DIR);
    expect(result.errors).toEqual([]);
    expect(result.failed).toBe(false);
    expect(result.loaded).toMatchObject({ stale: { count: 0 } });
    expect(result.loaded!.facts).toBeGreaterThan(10);
    expect(result.loaded!.examples).toBeGreaterThan(result.loaded!.facts);
    expect(result.comparison).toBeUndefined();
  });

  it('given a file that does not validate, then its errors are the result, nothing is tried, and the baseline is not read', async () => {
    const dir = knowledgeWith((d) =>
      editFile(d, 'facts/oracle-routing.yaml', (t) => t.replace('\naliases:', '\naliasses:')),
    );
    const result = await lint(dir, {
      against: {
        ref: 'HEAD',
        files: () => {
          throw new Error('the baseline was read');
        },
        questions: [],
      },
    });
    expect(result.failed).toBe(true);
    expect(result.loaded).toBeUndefined();
    expect(result.errors).toMatchObject([{ file: 'facts/oracle-routing.yaml', message: 'unknown field "aliasses"' }]);
    expect(result.comparison).toBeUndefined();
  });

  it('given a review date in the past, then the fact is stale under its owner with its file, a warning that fails only when strict', async () => {
    const dir = knowledgeWith((d) =>
      editFile(d, 'facts/cfius.yaml', (t) => t.replace(/review_by: .*/, 'review_by: 2020-01-01')),
    );
    const relaxed = await lint(dir);
    expect(relaxed.loaded!.stale.byOwner).toEqual([
      { owner: 'policy-team', facts: [{ id: 'cfius', reviewBy: '2020-01-01', file: 'facts/cfius.yaml' }] },
    ]);
    expect(relaxed.warnings.length).toBeGreaterThan(0);
    expect(relaxed.failed).toBe(false);
    expect((await lint(dir, { strict: true })).failed).toBe(true);
  });

  it('given an example question the engine refuses, then it is an error at its line, and the result fails', async () => {
    const dir = knowledgeWith((d) =>
      editFile(d, 'facts/no-comment.yaml', (t) =>
        t.replace(/\nquestions:\n {2}en:\n/, (head) => `${head}    - What about it?\n`),
      ),
    );
    const result = await lint(dir);
    expect(result.failed).toBe(true);
    expect(result.errors).toMatchObject([
      {
        file: 'facts/no-comment.yaml',
        column: 7,
        message: 'question "What about it?" is refused: "I don\'t know" (0.00)',
      },
    ]);
  });

  it('given a baseline, then it names the changed files and each question answered differently, with where it is listed', async () => {
    const fixture = join(REPO, 'test', 'fixtures', 'new-fact');
    const dir = knowledgeWith((d) => {
      cpSync(join(fixture, 'eu-data-ireland-norway.yaml'), join(d, 'facts', 'eu-data-ireland-norway.yaml'));
      for (const name of ['tiktok-europe-note.yaml', 'tiktok-europe-note.txt'])
        cpSync(join(fixture, name), join(d, 'sources', name));
    });
    const result = await lint(dir, {
      against: {
        ref: 'main',
        files: () => knowledgeFiles(),
        questions: [
          { text: 'where is tiktok keeping EU user data', where: 'set.yaml', expect: 'eu-data-ireland-norway' },
        ],
      },
    });
    expect(result.failed).toBe(false);
    expect(result.comparison).toMatchObject({
      ref: 'main',
      ok: true,
      files: ['facts/eu-data-ireland-norway.yaml', 'sources/tiktok-europe-note.txt', 'sources/tiktok-europe-note.yaml'],
    });
    const changes = result.comparison?.ok ? result.comparison.changes : [];
    expect(changes).toContainEqual(
      expect.objectContaining({ question: 'where is tiktok keeping EU user data', where: 'set.yaml' }),
    );
    expect(result.broken).toEqual([]);
  });

  it('given a vocabulary edit that turns a right answer of a question set wrong, then it is broken by synonyms.yaml, and the result fails', async () => {
    const dir = knowledgeWith((d) =>
      editFile(d, 'synonyms.yaml', (t) =>
        t.replace(/\n {2}- \[Ireland[^\n]*\]/, '').replace('- [Singapore, ', '- [Singapore, Ireland, Irish, Irlande, '),
      ),
    );
    const result = await lint(dir, {
      against: {
        ref: 'HEAD',
        files: () => knowledgeFiles(),
        questions: [{ text: 'are tiktok backups kept in ireland?', where: 'set.yaml', expect: null }],
      },
    });
    expect(result.broken).toMatchObject([
      { question: 'are tiktok backups kept in ireland?', brokenBy: ['synonyms.yaml'] },
    ]);
    expect(result.errors).toEqual([]);
    expect(result.failed).toBe(true);
  });

  it('given a baseline that does not load, then it says how many errors it has, and compares nothing', async () => {
    const broken = knowledgeFiles();
    broken.set('facts/oracle-routing.yaml', 'id: [');
    const result = await lint(FIXTURE_KNOWLEDGE_DIR, { against: { ref: 'old', files: () => broken, questions: [] } });
    expect(result.comparison).toMatchObject({ ref: 'old', ok: false });
    expect(result.failed).toBe(false);
  });
});
