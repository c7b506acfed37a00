import { cpSync, mkdirSync, mkdtempSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge, readKnowledgeFiles } from '../../src/knowledge/load.ts';
import { formatProblem } from '../../src/knowledge/problems.ts';
import { FIXTURE_KNOWLEDGE_DIR, TODAY } from '../helpers.ts';

/** A private copy of the fixture knowledge folder. */
function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kb-load-'));
  cpSync(FIXTURE_KNOWLEDGE_DIR, dir, { recursive: true });
  return dir;
}

const FACTS = 13;

describe('loading a folder that editors and operating systems have been through', () => {
  it('given what editors and systems leave behind, then every fact still loads and each leftover is a note saying what it is', async () => {
    const dir = copy();
    const leftovers = {
      'facts/cfius.yaml~': "an editor's backup copy (Emacs, vim, gedit)",
      'facts/#cfius.yaml#': "Emacs's auto-save file",
      'facts/.cfius.yaml.swp': "vim's swap file",
      'facts/4913': "vim's write test",
      'facts/cfius.yaml.orig': 'a leftover of a merge or a patch',
      'facts/cfius.yaml.bak': 'a backup or temporary copy',
      'sources/~$notes.docx': "an office suite's lock file",
      'Thumbs.db': 'a file Windows keeps in folders',
      '.DS_Store': 'a file macOS keeps in folders',
    };
    for (const file of Object.keys(leftovers)) writeFileSync(join(dir, file), 'id: [not yaml at all\n');
    // Emacs's lock file is a link to nowhere.
    symlinkSync('someone@host.1234:1700000000', join(dir, 'facts', '.#cfius.yaml'));

    const result = await loadKnowledge({ dir, now: TODAY });
    if (!result.ok) throw new Error(result.errors.map(formatProblem).join('\n'));
    expect(result.snapshot.facts).toHaveLength(FACTS);
    const ignored = Object.fromEntries(result.snapshot.ignored.map((p) => [p.file, p.message]));
    expect(ignored).toEqual({
      ...Object.fromEntries(Object.entries(leftovers).map(([file, what]) => [file, `ignored: ${what}`])),
      'facts/.#cfius.yaml': "ignored: Emacs's lock file",
    });
    expect(result.snapshot.ignored.every((p) => p.severity === 'warning')).toBe(true);
    expect(result.warnings).toEqual(expect.arrayContaining([...result.snapshot.ignored]));
  });

  it('given a file that is no leftover and not .yaml, .yml or .txt, then it is still an error: it may be a fact saved wrong', async () => {
    const dir = copy();
    writeFileSync(join(dir, 'facts', 'new-fact.json'), '{}');
    const result = await loadKnowledge({ dir, now: TODAY });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map((e) => e.file)).toEqual(['facts/new-fact.json']);
  });

  it('given facts and topics saved as .yml, then they load like .yaml files; the same id in both spellings is an error', async () => {
    const dir = copy();
    renameSync(join(dir, 'facts', 'cfius.yaml'), join(dir, 'facts', 'cfius.yml'));
    renameSync(join(dir, 'topics.yaml'), join(dir, 'topics.yml'));
    const result = await loadKnowledge({ dir, now: TODAY });
    if (!result.ok) throw new Error(result.errors.map(formatProblem).join('\n'));
    expect(result.snapshot.factFiles.get('cfius')).toBe('facts/cfius.yml');
    expect(result.snapshot.facts).toHaveLength(FACTS);

    cpSync(join(dir, 'facts', 'cfius.yml'), join(dir, 'facts', 'cfius.yaml'));
    const twice = await loadKnowledge({ dir, now: TODAY });
    expect(twice.ok ? [] : twice.errors.map((e) => `${e.file}: ${e.message}`)).toEqual([
      'facts/cfius.yml: fact id "cfius" is already defined in facts/cfius.yaml',
    ]);
  });
});

describe('symbolic links in the knowledge folder', () => {
  it('given a fact saved as a link and a folder of facts that is a link, both inside the folder, then they load', async () => {
    const dir = copy();
    mkdirSync(join(dir, '.store'));
    renameSync(join(dir, 'facts', 'cfius.yaml'), join(dir, '.store', 'cfius.yaml'));
    symlinkSync(join('..', '.store', 'cfius.yaml'), join(dir, 'facts', 'cfius.yaml'));
    renameSync(join(dir, 'sources'), join(dir, '.store', 'sources'));
    symlinkSync(join('.store', 'sources'), join(dir, 'sources'));

    const result = await loadKnowledge({ dir, now: TODAY });
    if (!result.ok) throw new Error(result.errors.map(formatProblem).join('\n'));
    expect(result.snapshot.facts).toHaveLength(FACTS);
    expect(result.snapshot.factFiles.get('cfius')).toBe('facts/cfius.yaml');
    expect(result.snapshot.sources.size).toBeGreaterThan(0);
  });

  it('given links leaving the folder, to nowhere, or back to a folder read already, then each is an error at its path', async () => {
    const dir = copy();
    const outside = mkdtempSync(join(tmpdir(), 'kb-outside-'));
    writeFileSync(join(outside, 'elsewhere.yaml'), 'id: elsewhere\n');
    symlinkSync(join(outside, 'elsewhere.yaml'), join(dir, 'facts', 'elsewhere.yaml'));
    symlinkSync(outside, join(dir, 'facts', 'more'));
    symlinkSync(join(dir, 'facts', 'missing.yaml'), join(dir, 'facts', 'broken.yaml'));
    symlinkSync('..', join(dir, 'facts', 'loop'));

    const result = await loadKnowledge({ dir, now: TODAY });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map((e) => `${e.file}: ${e.message}`)).toEqual([
      'facts/broken.yaml: a link to nothing: what it points to does not exist',
      'facts/elsewhere.yaml: a link to a file or folder outside the knowledge folder',
      'facts/loop: a link to a folder read already (the knowledge folder itself): its files would load twice',
      'facts/more: a link to a file or folder outside the knowledge folder',
    ]);
  });
});

describe('a folder far too large to be the knowledge folder', () => {
  it('given more files and folders than the limit, then it stops counting at the limit and says to point at the knowledge folder, reading nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-huge-'));
    for (let i = 0; i < 30; i++) mkdirSync(join(dir, `folder-${i}`, 'inner'), { recursive: true });
    for (let i = 0; i < 30; i++) writeFileSync(join(dir, `folder-${i}`, 'inner', 'fact.yaml'), 'id: x\n');
    const read = await readKnowledgeFiles(dir, 50);
    expect(read.folderRead).toBe(false);
    expect(read.files.size).toBe(0);
    expect(read.problems.map((p) => p.message)).toEqual([
      'cannot read the knowledge folder: it holds more than 50 files and folders, far more than a knowledge base',
    ]);
    expect(read.problems[0]!.hint).toMatch(/KNOWLEDGE_DIR/);
  });
});
