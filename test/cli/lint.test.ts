import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/cli/lint.ts';
import { FIXTURE_KNOWLEDGE_DIR } from '../helpers.ts';

async function lintCopy(edit: (dir: string) => void, args: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'kb-lint-'));
  cpSync(FIXTURE_KNOWLEDGE_DIR, dir, { recursive: true });
  edit(dir);
  const lines: string[] = [];
  const code = await lint(['--dir', dir, ...args], (line) => lines.push(line));
  return { code, output: lines.join('\n') };
}

describe('npm run kb:lint', () => {
  it('given the repository knowledge, then it exits 0 with a summary', async () => {
    const { code, output } = await lintCopy(() => {});
    expect(code).toBe(0);
    expect(output).toMatch(/^OK: 0 error\(s\), 0 warning\(s\) — \d+ facts/m);
  });

  it('given errors, then it prints each as file:line:column and exits 1', async () => {
    const { code, output } = await lintCopy((dir) => {
      const path = join(dir, 'facts', 'oracle-routing.yaml');
      writeFileSync(path, readFileSync(path, 'utf8').replace('\naliases:', '\naliasses:'));
    });
    expect(code).toBe(1);
    expect(output).toMatch(/^facts\/oracle-routing\.yaml:\d+:1: error: unknown field "aliasses"$/m);
    expect(output).toMatch(/^FAILED: /m);
  });

  it('given a review date in the past, then it lists it by owner, passes, and fails with --strict', async () => {
    const stale = (dir: string) => {
      const path = join(dir, 'facts', 'cfius.yaml');
      writeFileSync(path, readFileSync(path, 'utf8').replace(/review_by: .*/, 'review_by: 2020-01-01'));
    };
    const relaxed = await lintCopy(stale);
    expect(relaxed.code).toBe(0);
    expect(relaxed.output).toMatch(/Facts past their review date, by owner:\n {2}policy-team: facts\/cfius\.yaml/);
    const strict = await lintCopy(stale, ['--strict']);
    expect(strict.code).toBe(1);
  });
});
