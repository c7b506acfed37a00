import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { preview } from '../../src/cli/preview.ts';
import { FIXTURE_KNOWLEDGE_DIR, TODAY } from '../helpers.ts';
import { unansweredYesterday } from '../record/seed.ts';
import { spareCopiesDraft as draft } from '../support/drafts.ts';
import { captureIo } from './cli-io.ts';

/** Without a record of questions, unless one is given: a developer's own ./data must not change the output. */
async function run(args: string[], env: Record<string, string> = { RECORD_QUESTIONS: 'off' }) {
  const io = captureIo(env);
  const code = await preview(args, io, TODAY);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

describe('npm run kb:preview', () => {
  it('given a draft saved in the knowledge folder, then it is compared with the knowledge base without it, not with itself', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-preview-'));
    cpSync(FIXTURE_KNOWLEDGE_DIR, dir, { recursive: true });
    const file = join(dir, 'facts', 'spare-copies.yaml');
    writeFileSync(file, draft('spare-copies'));
    const { code, out } = await run(['--dir', dir, file]);
    expect(code).toBe(0);
    expect(out).toContain('Compared with the knowledge base without facts/spare-copies.yaml (not committed yet).');
    expect(out).toContain("  + “Où est le coffre des copies ?” (before: I don't know)");
    expect(out).not.toContain('(unchanged)');
  });

  it('given a record of questions, then the draft is also tried on what staff asked recently and the bot did not answer', async () => {
    const dataDir = unansweredYesterday(TODAY, [
      ['Où est le coffre des copies ?', 'fr'],
      ['what is the wifi password', 'fr'],
    ]);
    const file = join(mkdtempSync(join(tmpdir(), 'kb-preview-')), 'spare-copies.yaml');
    writeFileSync(file, draft('spare-copies'));
    const { code, out } = await run(['--dir', FIXTURE_KNOWLEDGE_DIR, file], { DATA_DIR: dataDir });
    expect(code).toBe(0);
    expect(out).toMatch(/“what is the wifi password”: I don't know \(unchanged\)/);
  });

  it('given a draft whose own question another fact answers, then it names the question at its line and the fact', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-preview-'));
    writeFileSync(join(dir, 'spare-copies.yaml'), draft('spare-copies'));
    const { out } = await run([join(dir, 'spare-copies.yaml')]);
    expect(out).toContain('It would not answer 1 of its own aliases and questions (npm run kb:lint would fail):');
    expect(out).toContain(
      `${join(dir, 'spare-copies.yaml')}:21:7: error: question "Does TikTok still keep its own copies of US user data?" is answered by backups-retained (1.00)`,
    );
  });

  it("given a draft that takes other facts' own questions, then it lists each with the file and line that lists it", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-preview-'));
    writeFileSync(join(dir, 'a-spare-copies.yaml'), draft('a-spare-copies'));
    const { out } = await run([join(dir, 'a-spare-copies.yaml')]);
    expect(out).toMatch(
      /^It would take over \d+ question\(s\) other facts list as their own \(npm run kb:lint would fail\):$/m,
    );
    expect(out).toMatch(
      /^ {2}! facts\/backups-retained\.yaml:\d+: “Does TikTok still keep its own backups of US user data\?”: backups-retained → a-spare-copies$/m,
    );
  });
});
