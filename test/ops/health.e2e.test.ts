import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { startFakeDiscord } from '../support/fake-discord.ts';
import { listeningAddresses, startBotProcess } from '../support/bot-process.ts';
import { metricValue, parseMetrics } from './metrics-text.ts';

const PROMTOOL = spawnSync('promtool', ['--version']).error === undefined;

async function get(port: number, path: string) {
  const response = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

describe('the health port of a bot started as npm start does, against the fake Discord', () => {
  /** The exposition after questions were asked, for promtool. */
  let exposition: string | undefined;

  it('given HEALTH_PORT, then /healthz and /readyz answer 200, and /metrics follows the questions, deferrals, failures and a gateway outage (503 meanwhile)', async () => {
    const fake = await startFakeDiscord();
    const bot = startBotProcess(fake, { HEALTH_PORT: '0' });
    try {
      const listening = await bot.waitForEvent('health.listening');
      const port = listening.port as number;
      await bot.waitForEvent('discord.ready');
      expect(listening.host).toBe('127.0.0.1');
      expect(listeningAddresses(bot.child.pid!)).toEqual([`127.0.0.1:${port}`]);

      const health = await get(port, '/healthz');
      expect(health.status).toBe(200);
      expect(JSON.parse(health.text)).toMatchObject({ status: 'ok', knowledge: { facts: expect.any(Number) } });
      expect((await get(port, '/readyz')).status).toBe(200);

      const first = await get(port, '/metrics');
      expect(first.status).toBe(200);
      expect(first.type).toMatch(/^text\/plain; version=0\.0\.4/);
      const before = parseMetrics(first.text);
      const { knowledge } = JSON.parse(health.text) as { knowledge: { version: string; facts: number } };
      expect(metricValue(before, 'residency_bot_knowledge_info', { version: knowledge.version })).toBe(1);
      expect(metricValue(before, 'residency_bot_knowledge_facts')).toBe(knowledge.facts);
      expect(metricValue(before, 'residency_bot_knowledge_last_reload_success')).toBe(1);
      expect(metricValue(before, 'residency_bot_gateway_up')).toBe(1);
      expect(metricValue(before, 'residency_bot_questions_total', { outcome: 'answered', language: 'en' })).toBe(0);
      expect(metricValue(before, 'residency_bot_record_write_failures_total')).toBe(0);

      // Two questions answered, one "I don't know" by mention, a deferred /kb reload, a reply Discord refuses.
      for (const question of ['who owns tiktok', 'who owns tiktok?']) {
        const sent = await fake.sendInteraction(fake.slashCommand({ name: 'ask', options: { question } }));
        await fake.waitForRequest((r) => r.path === fake.callbackPath(sent), 10_000);
      }
      await fake.sendMessage({ content: 'what is on the canteen menu today', mentionsBot: true });
      await fake.waitForRequest(
        (r) => r.method === 'POST' && r.path === `/channels/${fake.channelId}/messages`,
        10_000,
      );
      const reload = await fake.sendInteraction(
        fake.slashCommand({
          name: 'kb',
          options: [{ type: ApplicationCommandOptionType.Subcommand, name: 'reload', options: [] }] as never,
        }),
      );
      await fake.waitForRequest((r) => r.method === 'PATCH' && r.path === fake.originalPath(reload), 10_000);
      const refused = fake.slashCommand({ name: 'ask', options: { question: 'which company owns tiktok' } });
      fake.failNext({ pathMatch: fake.callbackPath(refused), status: 403 });
      await fake.sendInteraction(refused);
      await bot.waitForEvent('handler.refused');

      exposition = (await get(port, '/metrics')).text;
      const after = parseMetrics(exposition);
      expect(metricValue(after, 'residency_bot_questions_total', { outcome: 'answered', language: 'en' })).toBe(3);
      expect(metricValue(after, 'residency_bot_questions_total', { outcome: 'unknown', language: 'en' })).toBe(1);
      expect(metricValue(after, 'residency_bot_answer_duration_seconds_count')).toBe(4);
      expect(metricValue(after, 'residency_bot_answer_duration_seconds_bucket', { le: '+Inf' })).toBe(4);
      expect(metricValue(after, 'residency_bot_interactions_deferred_total')).toBe(1);
      expect(metricValue(after, 'residency_bot_interactions_failed_total', { reason: 'refused' })).toBe(1);
      expect(metricValue(after, 'residency_bot_interactions_failed_total', { reason: 'error' })).toBe(0);
      expect(metricValue(after, 'residency_bot_knowledge_reloads_total', { result: 'ok' })).toBe(1);

      fake.setGatewayOutage(true);
      await fake.dropGateway({ terminate: true });
      await expect.poll(async () => (await get(port, '/readyz')).status, { timeout: 10_000, interval: 50 }).toBe(503);
      const down = await get(port, '/readyz');
      expect(JSON.parse(down.text)).toMatchObject({ status: 'not ready', reason: expect.stringMatching(/gateway/) });
      expect((await get(port, '/healthz')).status).toBe(200);
      const during = parseMetrics((await get(port, '/metrics')).text);
      expect(metricValue(during, 'residency_bot_gateway_up')).toBe(0);
      expect(metricValue(during, 'residency_bot_gateway_reconnects_total')).toBeGreaterThanOrEqual(1);

      fake.setGatewayOutage(false);
      await expect.poll(async () => (await get(port, '/readyz')).status, { timeout: 20_000, interval: 100 }).toBe(200);
      expect(metricValue(parseMetrics((await get(port, '/metrics')).text), 'residency_bot_gateway_up')).toBe(1);

      expect((await get(port, '/nothing')).status).toBe(404);
      expect((await fetch(`http://127.0.0.1:${port}/metrics`, { method: 'POST' })).status).toBe(405);

      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
      await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
      expect(bot.output()).not.toContain(fake.token);
    } finally {
      bot.child.kill('SIGKILL');
      await fake.close({ allowConnectedClient: true });
    }
  }, 90_000);

  it('given no HEALTH_PORT, then the bot listens on no port at all', async () => {
    const fake = await startFakeDiscord();
    const bot = startBotProcess(fake);
    try {
      await bot.waitForEvent('discord.ready');
      const sent = await fake.sendInteraction(
        fake.slashCommand({ name: 'ask', options: { question: 'who owns tiktok' } }),
      );
      await fake.waitForRequest((r) => r.path === fake.callbackPath(sent), 10_000);
      expect(listeningAddresses(bot.child.pid!)).toEqual([]);
      expect(bot.logs().some((e) => e.event === 'health.listening')).toBe(false);
    } finally {
      bot.child.kill('SIGKILL');
      await fake.close({ allowConnectedClient: true });
    }
  }, 60_000);

  it('given HEALTH_PORT already taken, then start-up stops, naming the port, rather than running unmonitored', async () => {
    const fake = await startFakeDiscord();
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    const bot = startBotProcess(fake, { HEALTH_PORT: String(port) });
    try {
      expect(await bot.exited).toBe(1);
      expect(bot.logs().find((e) => e.event === 'ops.start_failed')?.msg).toContain(
        `HEALTH_PORT ${port} on 127.0.0.1: listen EADDRINUSE`,
      );
      expect(fake.identifies).toHaveLength(0);
    } finally {
      bot.child.kill('SIGKILL');
      taken.close();
      await fake.close({ allowConnectedClient: true });
    }
  }, 60_000);

  it.skipIf(!PROMTOOL)(
    'then that exposition passes promtool check metrics (skipped only where promtool, from Debian’s prometheus package, is not installed)',
    () => {
      expect(exposition).toBeDefined();
      const check = spawnSync('promtool', ['check', 'metrics'], { input: exposition, encoding: 'utf8' });
      expect(check.stdout + check.stderr).toBe('');
      expect(check.status).toBe(0);
    },
  );
});
