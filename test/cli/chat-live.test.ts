import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runChat } from '../../src/cli/chat.ts';
import { openTerminalEngine } from '../../src/cli/engine-setup.ts';
import { renderText } from '../../src/cli/render-text.ts';
import { FIXTURE_KNOWLEDGE_DIR, knowledgeFiles } from '../helpers.ts';

const CONTACT = { en: 'the policy team', fr: "l'équipe politique" };

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('the terminal chat', () => {
  it('given a fact file saved while it runs, then it reloads, says so, and answers from the new version', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chat-live-'));
    cpSync(FIXTURE_KNOWLEDGE_DIR, dir, { recursive: true });
    const engine = await openTerminalEngine(
      { knowledgeDir: dir, answerThreshold: undefined, conversationMs: 600_000, contact: CONTACT },
      () => {},
    );
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const chat = runChat(engine!, { input, output, banner: [] });

    input.write('Does TikTok keep backups?\n');
    await until(() => text.includes('[backups-retained ·'), 'the first answer');
    const file = join(dir, 'facts', 'backups-retained.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/(answer:\n {2}en: >-\n)/, '$1    Freshly edited.\n'));
    await until(() => text.includes('Knowledge base loaded:'), 'the reload');
    expect(text).toMatch(/Knowledge base loaded: \w+ \(edited backups-retained\)\./);

    input.write('Does TikTok keep backups?\n');
    await until(() => text.includes('Freshly edited.'), 'the answer from the new version');
    input.end();
    await chat;
    expect(text.trim().endsWith('Bye.')).toBe(true);
  });

  it('given a terminal, then the arrow keys edit the line and the up arrow brings back the last question', async () => {
    const engine = await openTerminalEngine(
      { knowledgeDir: FIXTURE_KNOWLEDGE_DIR, answerThreshold: undefined, conversationMs: 600_000, contact: CONTACT },
      () => {},
    );
    const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => {} });
    const output = new PassThrough();
    let text = '';
    output.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const chat = runChat(engine!, { input, output, banner: [], watch: false });
    const LEFT = '\x1b[D';
    const UP = '\x1b[A';
    // "backus", cursor left before the "s", then "p": "backups".
    input.write(`Does TikTok keep backus${LEFT}p\r`);
    await until(() => text.includes('[backups-retained ·'), 'the answer to the edited line');
    expect(text).not.toContain('^[[D');
    input.write(`${UP}\r`);
    await until(() => text.split('[backups-retained ·').length === 3, 'the answer to the recalled line');
    input.end();
    await chat;
  });

  it('given an answer whose related facts are also the nearest, then each is offered once', async () => {
    const engine = await openTerminalEngine(
      { knowledgeDir: FIXTURE_KNOWLEDGE_DIR, answerThreshold: undefined, conversationMs: 600_000, contact: CONTACT },
      () => {},
    );
    const overlapping: string[] = [];
    for (const [file, yaml] of knowledgeFiles()) {
      if (!file.startsWith('facts/')) continue;
      const question = /\nquestions:\n {2}en:\n {4}- (.*)/.exec(yaml)?.[1];
      if (!question) continue;
      const reply = engine!.reply(question);
      const related = new Set(reply.fact?.related.map((r) => r.id));
      if (reply.suggestions.some((s) => related.has(s.id))) overlapping.push(question);
      const rendered = renderText(reply);
      for (const id of related)
        expect(rendered.split(`(${id})`).length - 1, `${question}: ${id}`).toBeLessThanOrEqual(1);
    }
    // The engine does suggest related facts as nearest: the test would see a repeat if the terminal showed both.
    expect(overlapping.length).toBeGreaterThan(0);
  });
});
