import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers.ts';
import { startFakeDiscord, type FakeDiscord } from '../support/fake-discord.ts';

/**
 * `src/main.ts` as `npm start` runs it, pointed at the fake through DISCORD_API_URL. Node loads tsx
 * itself: the tsx CLI relays signals to a child process and kills it (exit 143) when the child does
 * not confirm within 30 ms, which a loaded machine misses.
 */
function startProcess(fake: FakeDiscord, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'src', 'main.ts')], {
    cwd: REPO,
    env: {
      PATH: process.env.PATH ?? '',
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
      POLICY_ROLE_ID: fake.policyRoleId,
      LOG_LEVEL: 'debug',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'start-e2e-')),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return { child, exited, output: () => output };
}

describe('npm start with a Discord token', () => {
  it('joins Discord, answers, and on SIGTERM disconnects cleanly with exit code 0; the token is never logged', async () => {
    const fake = await startFakeDiscord();
    const bot = startProcess(fake);
    try {
      await fake.waitForGatewayEvent('identified', 15_000);
      await expect.poll(() => bot.output(), { timeout: 15_000 }).toContain('"event":"discord.ready"');
      const sent = await fake.sendInteraction(
        fake.slashCommand({ name: 'ask', options: { question: 'who owns tiktok' } }),
      );
      const reply = await fake.waitForRequest<{ data: { embeds: { footer: { text: string } }[] } }>(
        (r) => r.path === fake.callbackPath(sent),
        10_000,
      );
      expect(reply.body.data.embeds[0]!.footer.text).toMatch(/^bytedance-ownership · /);
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
      expect(fake.gatewayEvents.some((e) => e.kind === 'closed')).toBe(true);
      expect(bot.output()).toContain('"event":"discord.stopped"');
      expect(bot.output()).toContain('"event":"answer"');
      expect(bot.output()).not.toContain(fake.token);
    } finally {
      bot.child.kill('SIGKILL');
      await fake.close({ allowConnectedClient: true });
    }
  });

  it('given SIGTERM while the gateway is down and the client keeps reconnecting, then it still ends, with exit code 0', async () => {
    const fake = await startFakeDiscord();
    const bot = startProcess(fake);
    try {
      await expect.poll(() => bot.output(), { timeout: 15_000 }).toContain('"event":"discord.ready"');
      fake.setGatewayOutage(true);
      await fake.dropGateway({ terminate: true });
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      bot.child.kill('SIGTERM');
      const exit = await Promise.race([
        bot.exited,
        new Promise((resolve) => setTimeout(() => resolve('still running'), 10_000)),
      ]);
      expect(exit).toBe(0);
      expect(bot.output()).toContain('"event":"shutdown"');
    } finally {
      bot.child.kill('SIGKILL');
      await fake.close({ allowConnectedClient: true });
    }
  });

  it('given Discord refusing the token, then it exits non-zero saying so, without printing the token', async () => {
    const fake = await startFakeDiscord();
    fake.failNext({ pathMatch: '/gateway/bot', status: 401, times: 5 });
    const bot = startProcess(fake);
    try {
      expect(await bot.exited).toBe(1);
      expect(bot.output()).toContain('residency-bot: Discord refused the token: check DISCORD_TOKEN');
      expect(bot.output()).not.toContain(fake.token);
    } finally {
      bot.child.kill('SIGKILL');
      await fake.close({ allowConnectedClient: true });
    }
  });

  it('given a malformed token, then it exits at once naming the variable, without printing it', async () => {
    const fake = await startFakeDiscord();
    const bad = `${fake.token} with spaces`;
    const bot = startProcess(fake, { DISCORD_TOKEN: bad });
    try {
      expect(await bot.exited).toBe(2);
      expect(bot.output()).toContain('DISCORD_TOKEN does not look like a bot token');
      expect(bot.output()).not.toContain(fake.token);
    } finally {
      await fake.close({ allowConnectedClient: true });
    }
  });

  it('given a DISCORD_API_URL that is not a URL and holds a password, then it exits with 2 naming the variable, printing neither the value nor a stack', async () => {
    const fake = await startFakeDiscord();
    const bot = startProcess(fake, { DISCORD_API_URL: 'http://bot:hunter2-secret@exa mple.com/api' });
    try {
      expect(await bot.exited).toBe(2);
      expect(bot.output()).toContain('DISCORD_API_URL is not a URL');
      expect(bot.output()).not.toContain('hunter2');
      expect(bot.output()).not.toMatch(/\n\s+at /);
    } finally {
      await fake.close({ allowConnectedClient: true });
    }
  });

  it('given LOG_LEVEL=silent and a fatal start-up error, then the error still reaches stderr', async () => {
    const fake = await startFakeDiscord();
    const bot = startProcess(fake, { LOG_LEVEL: 'silent', KNOWLEDGE_DIR: join(tmpdir(), 'no-such-knowledge-folder') });
    try {
      expect(await bot.exited).toBe(1);
      expect(bot.output()).toMatch(/^residency-bot: the knowledge base has errors/m);
      expect(bot.output()).toContain('cannot read the knowledge folder: it does not exist');
    } finally {
      await fake.close({ allowConnectedClient: true });
    }
  });

  it('given Discord unreachable (its name does not resolve), then it says it is the network, not the token, without a stack', async () => {
    const fake = await startFakeDiscord();
    const bot = startProcess(fake, { DISCORD_API_URL: 'http://discord.invalid/api' });
    try {
      expect(await bot.exited).toBe(1);
      expect(bot.output()).toMatch(
        /could not reach Discord at discord\.invalid \((ENOTFOUND|EAI_AGAIN)\): check the network/,
      );
      expect(bot.output()).not.toContain('check DISCORD_TOKEN');
      expect(bot.output()).not.toMatch(/\n\s+at /);
      expect(bot.output()).not.toContain(fake.token);
    } finally {
      await fake.close({ allowConnectedClient: true });
    }
  });
});
