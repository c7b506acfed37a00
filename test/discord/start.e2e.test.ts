import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ApplicationCommandOptionType, type APIEmbed } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { startBotProcess } from '../support/bot-process.ts';
import { startFakeDiscord, type FakeDiscord } from '../support/fake-discord.ts';

/** Asks as the staff member, then votes on the answer, so that the record holds both kinds of hash. */
async function askAndVote(fake: FakeDiscord): Promise<void> {
  const sent = await fake.sendInteraction(fake.slashCommand({ name: 'ask', options: { question: 'who owns tiktok' } }));
  const reply = await fake.waitForRequest((r) => r.path === fake.callbackPath(sent), 10_000);
  const customId = /vote:down:[0-9a-f-]{36}/.exec(JSON.stringify(reply.body))?.[0];
  expect(customId).toBeDefined();
  const vote = await fake.sendInteraction(fake.button({ customId: customId! }));
  await fake.waitForRequest((r) => r.path === fake.callbackPath(vote), 10_000);
}

/** The record holds the staff member's question and vote under `key`, and neither it nor the logs hold the key. */
function expectKeptSecret(key: Buffer, forms: readonly string[], dataDir: string, output: string, userId: string) {
  const db = new Database(join(dataDir, 'residency-bot.sqlite3'), { readonly: true });
  const hashes = db
    .prepare('SELECT user_hash FROM questions UNION ALL SELECT user_hash FROM votes')
    .pluck()
    .all() as string[];
  db.close();
  expect(hashes).toEqual(Array(2).fill(createHmac('sha256', key).update(userId).digest('hex')));
  const file = Buffer.concat(readdirSync(dataDir).map((name) => readFileSync(join(dataDir, name))));
  for (const form of [...forms, key.toString('hex'), key.toString('base64')]) {
    expect(output).not.toContain(form);
    expect(file.includes(form)).toBe(false);
  }
  expect(file.includes(key)).toBe(false);
}

describe('npm start with a Discord token', () => {
  it('joins Discord, answers, and on SIGTERM disconnects cleanly with exit code 0; the token is never logged', async () => {
    const fake = await startFakeDiscord();
    const bot = startBotProcess(fake);
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

  it('given the record on, then its hash key file is made on first start for the owner alone, outside DATA_DIR, and the key is in no log line and nowhere in the record', async () => {
    const fake = await startFakeDiscord();
    const dataDir = mkdtempSync(join(tmpdir(), 'start-e2e-'));
    const keyFile = join(mkdtempSync(join(tmpdir(), 'start-e2e-key-')), 'residency-bot', 'record-hash.key');
    const bot = startBotProcess(fake, { DATA_DIR: dataDir, RECORD_HASH_KEY_FILE: keyFile, LOG_LEVEL: 'trace' });
    try {
      await expect.poll(() => bot.output(), { timeout: 15_000 }).toContain('"event":"discord.ready"');
      await askAndVote(fake);
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);

      const key = readFileSync(keyFile, 'utf8').trim();
      expect(key).toMatch(/^[0-9a-f]{64}$/);
      if (process.platform !== 'win32') expect(statSync(keyFile).mode & 0o777).toBe(0o600);
      expect(bot.output()).toContain('"event":"record.key_created"');
      expectKeptSecret(Buffer.from(key, 'hex'), [key], dataDir, bot.output(), fake.staffUser.id);
    } finally {
      bot.child.kill('SIGKILL');
      await fake.close({ allowConnectedClient: true });
    }
  });

  it('given RECORD_HASH_KEY, then questions and votes are hashed under it, and it is in no log line and nowhere in the record', async () => {
    const fake = await startFakeDiscord();
    const dataDir = mkdtempSync(join(tmpdir(), 'start-e2e-'));
    const key = `key-${randomBytes(24).toString('base64url')}`;
    const bot = startBotProcess(fake, {
      DATA_DIR: dataDir,
      RECORD_HASH_KEY: key,
      RECORD_HASH_KEY_FILE: '',
      LOG_LEVEL: 'trace',
    });
    try {
      await expect.poll(() => bot.output(), { timeout: 15_000 }).toContain('"event":"discord.ready"');
      await askAndVote(fake);
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
      expectKeptSecret(Buffer.from(key), [key], dataDir, bot.output(), fake.staffUser.id);
    } finally {
      bot.child.kill('SIGKILL');
      await fake.close({ allowConnectedClient: true });
    }
  });

  it('given a record that cannot be opened, then the bot answers, and /kb report and /kb status say the record could not be opened', async () => {
    const fake = await startFakeDiscord();
    const notADirectory = join(mkdtempSync(join(tmpdir(), 'start-e2e-')), 'data');
    writeFileSync(notADirectory, 'a file where the data folder should be');
    const bot = startBotProcess(fake, { DATA_DIR: notADirectory });
    try {
      await expect.poll(() => bot.output(), { timeout: 15_000 }).toContain('"event":"discord.ready"');
      expect(bot.output()).toContain('"event":"record.open_failed"');
      const asked = await fake.sendInteraction(
        fake.slashCommand({ name: 'ask', options: { question: 'who owns tiktok' } }),
      );
      await fake.waitForRequest((r) => r.path === fake.callbackPath(asked) && r.status < 300, 10_000);

      const kb = (name: string) =>
        fake.sendInteraction(
          fake.slashCommand({
            name: 'kb',
            options: [{ type: ApplicationCommandOptionType.Subcommand, name, options: [] }],
          }),
        );
      const report = await kb('report');
      const posted = await fake.waitForRequest<{ content: string }>(
        (r) => r.method === 'PATCH' && r.path === fake.originalPath(report),
        10_000,
      );
      expect(posted.body.content).toMatch(
        /^The question record could not be opened when the bot started, so there is nothing to report: questions are answered but not recorded\. The reason: EEXIST/,
      );
      expect(posted.body.content).not.toContain('RECORD_QUESTIONS');
      const status = await kb('status');
      const embed = (
        await fake.waitForRequest<{ data: { embeds: APIEmbed[] } }>((r) => r.path === fake.callbackPath(status), 10_000)
      ).body.data.embeds[0]!;
      expect(embed.fields).toContainEqual({
        name: 'Question record: not recording',
        value: expect.stringMatching(
          /^Could not be opened when the bot started; questions are answered but not recorded\. EEXIST/,
        ),
      });
    } finally {
      bot.child.kill('SIGKILL');
      await fake.close({ allowConnectedClient: true });
    }
  });

  it('given SIGTERM while the gateway is down and the client keeps reconnecting, then it still ends, with exit code 0', async () => {
    const fake = await startFakeDiscord();
    const bot = startBotProcess(fake);
    try {
      await expect.poll(() => bot.output(), { timeout: 15_000 }).toContain('"event":"discord.ready"');
      fake.setGatewayOutage(true);
      await fake.dropGateway({ terminate: true });
      await new Promise((resolve) => setTimeout(resolve, 500));
      bot.child.kill('SIGTERM');
      const exit = await Promise.race([
        bot.exited,
        new Promise((resolve) => setTimeout(() => resolve('still running'), 10_000)),
      ]);
      expect(exit, bot.output()).toBe(0);
      expect(bot.output()).toContain('"event":"shutdown"');
    } finally {
      bot.child.kill('SIGKILL');
      await fake.close({ allowConnectedClient: true });
    }
  });
});
