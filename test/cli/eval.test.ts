import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEval } from '../../src/cli/eval.ts';
import { FIXTURE_KNOWLEDGE_DIR } from '../helpers.ts';
import { captureIo } from './cli-io.ts';

async function evalFile(text: string) {
  const file = join(mkdtempSync(join(tmpdir(), 'cli-eval-')), 'set.yaml');
  writeFileSync(file, text);
  const io = captureIo();
  const code = await runEval([file, '--dir', FIXTURE_KNOWLEDGE_DIR], io);
  return { code, out: io.stdout, err: io.stderr };
}

describe('npm run eval', () => {
  it('given questions marked with style and language, then each style and language gets its own line', async () => {
    const { code, out } = await evalFile(
      [
        '- { q: "who owns tiktok", expect: bytedance-ownership, style: keyword, lang: en }',
        '- { q: "what is the weather in paris tomorrow", expect: null, style: chat, lang: en }',
        '- { q: "qui possède tiktok ?", expect: bytedance-ownership, style: chat, lang: fr }',
      ].join('\n'),
    );
    expect(code).toBe(0);
    const line = (name: string) => out.find((l) => l.startsWith(`  ${name} `));
    expect(line('keyword')).toMatch(/in scope 1: right 1, .* \| out of scope 0:/);
    expect(line('chat')).toMatch(/in scope 1: right 1, .* \| out of scope 1: refused 1,/);
    expect(line('fr')).toMatch(/in scope 1: right 1,/);
    expect(line('context')).toBeUndefined();
  });

  it('given a question set whose items name their language first, then it is read as questions, not conversations', async () => {
    const { code, out } = await evalFile(
      ['- lang: en', '  q: who owns tiktok', '  expect: bytedance-ownership', '  style: keyword'].join('\n'),
    );
    expect(code).toBe(0);
    expect(out[0]).toMatch(/^in scope \(1\): +right 1 /);
  });

  it('given a plain question set, then no breakdown is printed', async () => {
    const { out } = await evalFile('- { q: "who owns tiktok", expect: bytedance-ownership }');
    expect(out.some((l) => l.startsWith('by style'))).toBe(false);
  });

  it('given a conversation set, then each turn is asked after the previous ones and tallied by kind', async () => {
    const { code, out } = await evalFile(
      [
        '- lang: en',
        '  turns:',
        '    - { q: "does tiktok still keep backups of US data?", expect: backups-retained, kind: first }',
        '    - { q: "ok, and who says so?", expect: backups-retained, kind: followup }',
      ].join('\n'),
    );
    expect(code).toBe(0);
    expect(out[0]).toMatch(/^first \(1\): right 1 /);
    expect(out[1]).toMatch(/^followup \(1\): right 1 /);
    expect(out.find((l) => l.startsWith('wrong answers'))).toMatch(/read with the previous answer: 1$/);
  });
});
