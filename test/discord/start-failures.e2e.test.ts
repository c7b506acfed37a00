import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBotProcess } from '../support/bot-process.ts';
import { startFakeDiscord } from '../support/fake-discord.ts';

/** `npm start` with a token, when starting cannot succeed: one line saying why, the right exit code, no secret. */
describe('npm start with a Discord token, failing to start', () => {
  it('given Discord refusing the token, then it exits non-zero saying so, without printing the token', async () => {
    const fake = await startFakeDiscord();
    fake.failNext({ pathMatch: '/gateway/bot', status: 401, times: 5 });
    const bot = startBotProcess(fake);
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
    const bot = startBotProcess(fake, { DISCORD_TOKEN: bad });
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
    const bot = startBotProcess(fake, { DISCORD_API_URL: 'http://bot:hunter2-secret@exa mple.com/api' });
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
    const bot = startBotProcess(fake, {
      LOG_LEVEL: 'silent',
      KNOWLEDGE_DIR: join(tmpdir(), 'no-such-knowledge-folder'),
    });
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
    const bot = startBotProcess(fake, { DISCORD_API_URL: 'http://discord.invalid/api' });
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
