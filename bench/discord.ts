import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createAnswerer, type Answerer } from '../src/answer/answerer.ts';
import { startBot } from '../src/discord/bot.ts';
import { DISCORD_LIMITS } from '../src/discord/limits.ts';
import { loadKnowledge } from '../src/knowledge/load.ts';
import { openLiveStore } from '../src/knowledge/live-store.ts';
import { createLogger } from '../src/log.ts';
import type { Recorder } from '../src/record/recorder.ts';
import { startFakeDiscord } from '../test/support/fake-discord.ts';
import { percentile } from './stats.ts';

const QUESTIONS = [
  'Does TikTok keep backups?',
  'who owns tiktok',
  'Les données américaines passent-elles par Oracle ?',
  'what is the wifi password',
  'biden administartion stance',
];

export interface DiscordBench {
  readonly sequential: { median: number; p99: number; count: number };
  readonly burst: { sent: number; answered: number; withinDeadline: number; slowestMs: number; medianMs: number };
}

/**
 * Interaction-to-callback latency through the real discord.js client and the fake Discord on loopback:
 * the time from the fake dispatching INTERACTION_CREATE to the bot's callback request arriving.
 */
export async function benchDiscord(options: {
  sequential: number;
  burst: number;
  recorder?: Recorder;
}): Promise<DiscordBench> {
  const dir = mkdtempSync(join(tmpdir(), 'kb-bench-'));
  cpSync(fileURLToPath(new URL('../knowledge', import.meta.url)), dir, { recursive: true });
  const opened = await openLiveStore<Answerer>({ load: () => loadKnowledge({ dir }), build: (s) => createAnswerer(s) });
  if (!opened.ok) throw new Error('knowledge does not load');
  const fake = await startFakeDiscord();
  const sink = new Writable({ write: (_c, _e, done) => done() });
  const bot = await startBot({
    token: fake.token,
    apiUrl: fake.apiUrl,
    store: opened.store,
    logger: createLogger({ level: 'info', secrets: [fake.token], destination: sink }),
    recorder: options.recorder,
    rest: { globalRequestsPerSecond: 100_000 },
    settings: {
      contact: { en: 'the policy team', fr: "l'équipe politique" },
      policyRoleId: fake.policyRoleId,
      policyChannelId: undefined,
      answerChannelIds: [],
      conversationMs: 0,
      questionCooldownMs: 0,
      knowledgeDir: dir,
    },
  });
  try {
    const once = async (i: number) => {
      const payload = fake.slashCommand({ name: 'ask', options: { question: QUESTIONS[i % QUESTIONS.length]! } });
      const path = fake.callbackPath(payload);
      const t0 = performance.now();
      const done = fake.waitForRequest((r) => r.path === path, 10_000);
      await fake.sendInteraction(payload);
      // The fake refuses a callback after the 3-second deadline (10062), as Discord does: not answered.
      const request = await done;
      if (request.status >= 400) throw new Error(`callback refused with ${request.status}`);
      return performance.now() - t0;
    };
    for (let i = 0; i < 20; i++) await once(i);
    const times: number[] = [];
    for (let i = 0; i < options.sequential; i++) times.push(await once(i));
    times.sort((a, b) => a - b);

    const started = performance.now();
    const burst = await Promise.allSettled(
      Array.from({ length: options.burst }, (_, i) => once(i).then(() => performance.now() - started)),
    );
    const finished = burst.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])).sort((a, b) => a - b);
    return {
      sequential: { median: percentile(times, 50), p99: percentile(times, 99), count: times.length },
      burst: {
        sent: options.burst,
        answered: finished.length,
        withinDeadline: finished.filter((t) => t < DISCORD_LIMITS.interactionDeadlineMs).length,
        slowestMs: finished.at(-1) ?? NaN,
        medianMs: percentile(finished, 50),
      },
    };
  } finally {
    await bot.stop();
    await fake.close();
  }
}
