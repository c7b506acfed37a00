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
  readonly burst: {
    sent: number;
    /** Acknowledged (answered, or deferred when the bot fell behind) within Discord's 3 s. */
    withinDeadline: number;
    deferred: number;
    answered: number;
    slowestAckMs: number;
    medianMs: number;
    /** The answer itself: the callback, or the edit of a deferral. */
    answerMedianMs: number;
    slowestMs: number;
  };
}

/**
 * Interaction latency through the real discord.js client and the fake Discord on loopback: from the fake
 * dispatching INTERACTION_CREATE to the bot's first response (an answer, or a deferral when it fell
 * behind) and to the answer itself.
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
      const t0 = Date.now();
      const reply = fake.waitForReply(payload, 60_000);
      await fake.sendInteraction(payload);
      // The fake refuses a callback after the 3-second deadline (10062), as Discord does: never answered.
      const { callback, answer, deferred } = await reply;
      return { ackMs: callback.at - t0, answerMs: answer.at - t0, deferred };
    };
    for (let i = 0; i < 20; i++) await once(i);
    const times: number[] = [];
    for (let i = 0; i < options.sequential; i++) times.push((await once(i)).answerMs);
    times.sort((a, b) => a - b);

    const burst = await Promise.allSettled(Array.from({ length: options.burst }, (_, i) => once(i)));
    const done = burst.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const acks = done.map((d) => d.ackMs).sort((a, b) => a - b);
    const answers = done.map((d) => d.answerMs).sort((a, b) => a - b);
    return {
      sequential: { median: percentile(times, 50), p99: percentile(times, 99), count: times.length },
      burst: {
        sent: options.burst,
        withinDeadline: acks.filter((t) => t <= DISCORD_LIMITS.interactionDeadlineMs).length,
        deferred: done.filter((d) => d.deferred).length,
        answered: done.length,
        slowestAckMs: acks.at(-1) ?? NaN,
        medianMs: percentile(acks, 50),
        answerMedianMs: percentile(answers, 50),
        slowestMs: answers.at(-1) ?? NaN,
      },
    };
  } finally {
    await bot.stop();
    await fake.close();
  }
}
