import { spawn } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ApplicationCommandOptionType, type APIEmbed } from 'discord-api-types/v10';
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
      // Never the real ~/.config of whoever runs the tests.
      RECORD_HASH_KEY_FILE: join(mkdtempSync(join(tmpdir(), 'start-e2e-key-')), 'record-hash.key'),
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

  it('given the record on, then its hash key file is made on first start for the owner alone, outside DATA_DIR, and the key is in no log line and nowhere in the record', async () => {
    const fake = await startFakeDiscord();
    const dataDir = mkdtempSync(join(tmpdir(), 'start-e2e-'));
    const keyFile = join(mkdtempSync(join(tmpdir(), 'start-e2e-key-')), 'residency-bot', 'record-hash.key');
    const bot = startProcess(fake, { DATA_DIR: dataDir, RECORD_HASH_KEY_FILE: keyFile, LOG_LEVEL: 'trace' });
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
    const bot = startProcess(fake, {
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
    const bot = startProcess(fake, { DATA_DIR: notADirectory });
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
    const bot = startProcess(fake);
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
