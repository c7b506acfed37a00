import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/cli/lint.ts';
import { FIXTURE_KNOWLEDGE_DIR, REPO, SHIPPED_KNOWLEDGE_DIR } from '../helpers.ts';

function copyOfKnowledge(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kb-lint-'));
  cpSync(FIXTURE_KNOWLEDGE_DIR, dir, { recursive: true });
  return dir;
}

/** A copy of the knowledge folder in a git repository of its own, committed. */
function committedCopyOfKnowledge(): string {
  const dir = copyOfKnowledge();
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { stdio: 'ignore' });
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'base');
  return dir;
}

async function lintDir(dir: string, args: string[] = []) {
  const lines: string[] = [];
  const code = await lint(['--dir', dir, ...args], {
    out: (line) => lines.push(line),
    err: (line) => lines.push(line),
    env: {},
  });
  return { code, output: lines.join('\n') };
}

async function lintCopy(edit: (dir: string) => void, args: string[] = []) {
  const dir = copyOfKnowledge();
  edit(dir);
  return lintDir(dir, args);
}

function editFile(dir: string, file: string, edit: (text: string) => string): void {
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`fixture edit of ${file} changed nothing`);
  writeFileSync(path, after);
}

function lineOf(dir: string, file: string, needle: string): number {
  const text = readFileSync(join(dir, file), 'utf8');
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`${needle} not in ${file}`);
  return text.slice(0, index).split('\n').length;
}

function addQuestion(dir: string, fact: string, question: string): number {
  const file = `facts/${fact}.yaml`;
  editFile(dir, file, (text) => text.replace(/\nquestions:\n {2}en:\n/, (head) => `${head}    - ${question}\n`));
  return lineOf(dir, file, question);
}

describe('npm run kb:lint', () => {
  it('given the repository knowledge, then every alias and example question is answered by its own fact, and it exits 0', async () => {
    const { code, output } = await lintDir(SHIPPED_KNOWLEDGE_DIR);
    expect(output).toMatch(
      /^OK: 0 error\(s\), \d+ warning\(s\) — \d+ facts, \d+ sources, \d+ aliases and questions tried/m,
    );
    expect(code).toBe(0);
  });

  it('given errors, then it prints each as file:line:column and exits 1', async () => {
    const { code, output } = await lintCopy((dir) =>
      editFile(dir, 'facts/oracle-routing.yaml', (t) => t.replace('\naliases:', '\naliasses:')),
    );
    expect(code).toBe(1);
    expect(output).toMatch(/^facts\/oracle-routing\.yaml:\d+:1: error: unknown field "aliasses"$/m);
    expect(output).toMatch(/^FAILED: /m);
  });

  it('given a review date in the past, then it lists it by owner, passes, and fails with --strict', async () => {
    const stale = (dir: string) =>
      editFile(dir, 'facts/cfius.yaml', (t) => t.replace(/review_by: .*/, 'review_by: 2020-01-01'));
    const relaxed = await lintCopy(stale);
    expect(relaxed.code).toBe(0);
    expect(relaxed.output).toMatch(/Facts past their review date, by owner:\n {2}policy-team: facts\/cfius\.yaml/);
    const strict = await lintCopy(stale, ['--strict']);
    expect(strict.code).toBe(1);
  });

  it('given an example question another fact answers, then it is an error at its line naming that fact and its confidence', async () => {
    const dir = copyOfKnowledge();
    // Reads as backups-retained's own "Does TikTok still keep its own backups of US user data?" (copy = backup).
    const line = addQuestion(dir, 'cfius', 'Does TikTok still keep its own copies of US user data?');
    const { code, output } = await lintDir(dir);
    expect(code).toBe(1);
    expect(output).toMatch(
      new RegExp(
        `^facts/(cfius\\.yaml:${line}|backups-retained\\.yaml:\\d+):7: error: question "Does TikTok still keep its own (copies|backups) of US user data\\?" is answered by (backups-retained|cfius) \\(\\d\\.\\d\\d\\)$`,
        'm',
      ),
    );
  });

  it('given an example question the engine refuses, then it is an error at its line saying so', async () => {
    const dir = copyOfKnowledge();
    const line = addQuestion(dir, 'no-comment', 'What about it?');
    const { code, output } = await lintDir(dir);
    expect(code).toBe(1);
    expect(output).toContain(
      `facts/no-comment.yaml:${line}:7: error: question "What about it?" is refused: "I don't know" (0.00)`,
    );
  });

  it('given --against a commit, then it names the changed files and every question now answered differently, with where it is listed', async () => {
    const dir = committedCopyOfKnowledge();
    const fixture = join(REPO, 'test', 'fixtures', 'new-fact');
    cpSync(join(fixture, 'eu-data-ireland-norway.yaml'), join(dir, 'facts', 'eu-data-ireland-norway.yaml'));
    for (const name of ['tiktok-europe-note.yaml', 'tiktok-europe-note.txt'])
      cpSync(join(fixture, name), join(dir, 'sources', name));
    const questions = join(mkdtempSync(join(tmpdir(), 'kb-questions-')), 'questions.yaml');
    writeFileSync(
      questions,
      '- { q: "where is tiktok keeping EU user data", expect: eu-data-ireland-norway }\n- { q: "Who owns TikTok?", expect: bytedance-ownership }\n',
    );
    const { code, output } = await lintDir(dir, ['--against', 'HEAD', questions]);
    expect(output).toMatch(/^OK: /m);
    expect(code).toBe(0);
    expect(output).toContain(
      'Files changed since HEAD: facts/eu-data-ireland-norway.yaml, sources/tiktok-europe-note.txt, sources/tiktok-europe-note.yaml.',
    );
    // Before the new fact, "EU" is a name no fact knows: the question is not answered.
    expect(output).toMatch(
      new RegExp(
        `^ {2}${questions}: "where is tiktok keeping EU user data" was (?:refused|asked back)[^\\n]*, now answered by eu-data-ireland-norway \\(0\\.\\d\\d\\)$`,
        'm',
      ),
    );
    expect(output).not.toContain('Who owns TikTok');
  });

  it('given a vocabulary edit that turns a right answer of a question set wrong, then it fails naming synonyms.yaml', async () => {
    const dir = committedCopyOfKnowledge();
    const path = join(dir, 'synonyms.yaml');
    // A newcomer's edit: Ireland read as Singapore, so a question about Ireland finds the Singapore fact.
    writeFileSync(
      path,
      readFileSync(path, 'utf8')
        .replace(/\n {2}- \[Ireland[^\n]*\]/, '')
        .replace('- [Singapore, ', '- [Singapore, Ireland, Irish, Irlande, '),
    );
    const questions = join(mkdtempSync(join(tmpdir(), 'kb-questions-')), 'questions.yaml');
    writeFileSync(
      questions,
      '- { q: "are tiktok backups kept in ireland?", expect: null }\n- { q: "tiktok backups singapore", expect: backup-locations }\n',
    );
    const { code, output } = await lintDir(dir, ['--against', 'HEAD', questions]);
    expect(code).toBe(1);
    expect(output).toContain('Questions that were answered right and are now answered wrongly (1):');
    expect(output).toMatch(
      /"are tiktok backups kept in ireland\?" is now answered by backup-locations \(0\.\d\d\), because of synonyms\.yaml$/m,
    );
    expect(output).toMatch(/^FAILED: 0 error\(s\), 0 warning\(s\), 1 question\(s\) now answered wrongly/m);
  });

  it('given --against a commit of an unchanged knowledge base, then nothing is answered differently', async () => {
    const { code, output } = await lintDir(committedCopyOfKnowledge(), ['--against', 'HEAD']);
    expect(code).toBe(0);
    expect(output).toContain('No other question is answered differently.');
  });
});
