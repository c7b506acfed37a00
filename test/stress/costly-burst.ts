/**
 * The costliest questions Discord can deliver (one 500-letter word, 500 digits), from a thousand
 * different members at once, so the per-member cooldown cannot help; meanwhile other members keep asking
 * ordinary questions, and other processes keep the machine's cores busy. Through the real discord.js
 * client, the fake Discord with Discord's 3-second deadline, and discord.js's production request rate.
 *
 * Every interaction must be acknowledged in time (answered, or deferred) and then answered: a deferred
 * interaction is answered by editing its deferral, within the 15 minutes its token lives.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { InteractionResponseType, type APIInteraction } from 'discord-api-types/v10';
import { startHarness } from '../support/bot-harness.ts';
import { DISCORD_RULES } from '../support/fake-discord/rules.ts';
import type { InteractionReply } from '../support/fake-discord.ts';

export interface CostlyBurstOptions {
  /** Members each sending one costly question, all at once. */
  readonly costly: number;
  /** Ordinary questions per second from other members while the burst is worked through. */
  readonly streamRate: number;
  /** For how long the ordinary questions keep coming, from the burst on. */
  readonly streamMs: number;
  /** Processes spinning on the CPU meanwhile (the machine's other work). */
  readonly busyProcesses: number;
  readonly seed?: number;
}

export interface Outcome {
  readonly sent: number;
  /** Acknowledged within Discord's deadline (the fake refuses anything later with 10062). */
  readonly acknowledged: number;
  readonly deferred: number;
  /** Answered with the right content (an answer or "I don't know", never an error). */
  readonly answered: number;
  readonly lost: number;
  readonly ackP50Ms: number;
  readonly ackMaxMs: number;
  readonly answerP50Ms: number;
  readonly answerP99Ms: number;
  readonly answerMaxMs: number;
}

export interface CostlyBurstFigures {
  readonly costly: Outcome;
  readonly ordinary: Outcome;
  /** The fake's 10062 refusals: callbacks that came after the deadline. */
  readonly refusedLate: number;
  readonly handlerFailures: number;
  readonly durationMs: number;
  readonly problems: readonly string[];
}

const ORDINARY = [
  { text: 'Does TikTok keep backups?', fact: 'backups-retained' },
  { text: 'who owns tiktok', fact: 'bytedance-ownership' },
  { text: 'Is US user data routed through Oracle?', fact: 'oracle-routing' },
] as const;

/** mulberry32, as the load scenario: a failing run can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/**
 * A process that spins on the CPU, and ends by itself once the process that started it is gone (a test
 * that times out is not always given the chance to stop it).
 */
const SPIN =
  'const parent = process.ppid; for (;;) { if (process.ppid !== parent) process.exit(); for (let i = 0; i < 1e7; i++); }';

/** Spins `count` processes on the CPU until `stop`; ends only the processes it started, by their id. */
function busyProcesses(count: number): { stop(): void } {
  const children: ChildProcess[] = Array.from({ length: count }, () =>
    spawn(process.execPath, ['-e', SPIN], { stdio: 'ignore' }),
  );
  return {
    stop: () => {
      for (const child of children) if (child.pid !== undefined && child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

export async function runCostlyBurst(options: CostlyBurstOptions): Promise<CostlyBurstFigures> {
  const draw = random(options.seed ?? 1);
  const costlyQuestion = (i: number) =>
    i % 2 === 0
      ? Array.from({ length: 500 }, () => String.fromCharCode(97 + Math.floor(draw() * 26))).join('')
      : Array.from({ length: 500 }, () => String(Math.floor(draw() * 10))).join('');
  const h = await startHarness({
    retries: 3,
    // discord.js's own pace (50 requests a second outside interaction callbacks), as in production.
    globalRequestsPerSecond: 50,
    settings: { questionCooldownMs: 5_000 },
  });
  const { fake } = h;
  const problems: string[] = [];
  const note = (problem: string) => void (problems.length < 12 && problems.push(problem));
  const busy = busyProcesses(options.busyProcesses);
  try {
    for (let i = 0; i < 10; i++) {
      const warm = fake.createUser({ username: `warm-up-${i}` });
      const sent = await fake.sendInteraction(
        fake.slashCommand({ name: 'ask', user: warm, options: { question: ORDINARY[i % 3]!.text } }),
      );
      await fake.waitForReply(sent, 10_000);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }

    type Asked = { kind: 'costly' | 'ordinary'; payload: APIInteraction; sentAt: number; fact?: string };
    const asked: Asked[] = [];
    const replies: Promise<InteractionReply | undefined>[] = [];
    const send = (entry: Omit<Asked, 'sentAt'>) => {
      const record = { ...entry, sentAt: Date.now() };
      asked.push(record);
      // The whole token lifetime: a deferred answer may come any time before it ends.
      replies.push(
        fake
          .waitForReply(entry.payload, DISCORD_RULES.interactionTokenLifetimeMs)
          .catch((error: unknown) => (note(`${entry.kind}: ${String(error).slice(0, 160)}`), undefined)),
      );
      void fake.sendInteraction(entry.payload);
    };

    const members = Array.from({ length: options.costly }, (_, i) => fake.createUser({ username: `member-${i}` }));
    const others = Array.from({ length: Math.ceil((options.streamRate * options.streamMs) / 1000) }, (_, i) =>
      fake.createUser({ username: `other-${i}` }),
    );
    const started = Date.now();
    members.forEach((user, i) =>
      send({
        kind: 'costly',
        payload: fake.slashCommand({ name: 'ask', user, options: { question: costlyQuestion(i) } }),
      }),
    );
    for (let i = 0; i < others.length; i++) {
      const wait = started + (i * 1000) / options.streamRate - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const question = ORDINARY[i % ORDINARY.length]!;
      send({
        kind: 'ordinary',
        fact: question.fact,
        payload: fake.slashCommand({ name: 'ask', user: others[i]!, options: { question: question.text } }),
      });
    }
    const results = await Promise.all(replies);
    const durationMs = Date.now() - started;

    const outcome = (kind: Asked['kind']): Outcome => {
      const acks: number[] = [];
      const answers: number[] = [];
      let deferred = 0;
      let answered = 0;
      asked.forEach((entry, i) => {
        if (entry.kind !== kind) return;
        const reply = results[i];
        if (reply === undefined) return;
        acks.push(reply.callback.at - entry.sentAt);
        if (reply.deferred) deferred += 1;
        const content = reply.data.content ?? '';
        const footer = reply.data.embeds?.[0]?.footer?.text ?? '';
        const right =
          reply.callbackType !== InteractionResponseType.ChannelMessageWithSource &&
          reply.callbackType !== InteractionResponseType.DeferredChannelMessageWithSource
            ? false
            : entry.fact !== undefined
              ? footer.startsWith(`${entry.fact} · `)
              : content.startsWith("I don't know");
        if (right) {
          answered += 1;
          answers.push(reply.answer.at - entry.sentAt);
        } else note(`${kind} #${i}: ${content.slice(0, 80) || footer}`);
      });
      acks.sort((a, b) => a - b);
      answers.sort((a, b) => a - b);
      const sent = asked.filter((entry) => entry.kind === kind).length;
      return {
        sent,
        acknowledged: acks.filter((ms) => ms <= DISCORD_RULES.interactionDeadlineMs).length,
        deferred,
        answered,
        lost: sent - answered,
        ackP50Ms: percentile(acks, 50),
        ackMaxMs: acks.at(-1) ?? NaN,
        answerP50Ms: percentile(answers, 50),
        answerP99Ms: percentile(answers, 99),
        answerMaxMs: answers.at(-1) ?? NaN,
      };
    };
    return {
      costly: outcome('costly'),
      ordinary: outcome('ordinary'),
      refusedLate: fake.requests.filter((r) => (r.responseBody as { code?: number } | undefined)?.code === 10062)
        .length,
      handlerFailures: h.logs.entries().filter((e) => e.event === 'handler.failed').length,
      durationMs,
      problems,
    };
  } finally {
    busy.stop();
    await h.stop();
  }
}

/** The figures as a Markdown table, for the README. */
export function costlyBurstTable(f: CostlyBurstFigures): string {
  const row = (label: string, cell: (o: Outcome) => string) => `| ${label} | ${cell(f.costly)} | ${cell(f.ordinary)} |`;
  return [
    '| | costly questions, all at once | ordinary /ask meanwhile |',
    '|---|---|---|',
    row('sent', (o) => String(o.sent)),
    row('acknowledged within 3 s (of which deferred)', (o) => `${o.acknowledged} (${o.deferred})`),
    row('answered / lost', (o) => `${o.answered} / ${o.lost}`),
    row('dispatch → acknowledgement p50 / max', (o) => `${o.ackP50Ms} / ${o.ackMaxMs} ms`),
    row(
      'dispatch → answer p50 / p99 / max',
      (o) =>
        `${(o.answerP50Ms / 1000).toFixed(1)} / ${(o.answerP99Ms / 1000).toFixed(1)} / ${(o.answerMaxMs / 1000).toFixed(1)} s`,
    ),
    `| callbacks refused as late (10062) / handler failures | ${f.refusedLate} / ${f.handlerFailures} | |`,
    `| first dispatch → last answer | ${(f.durationMs / 1000).toFixed(1)} s | |`,
  ].join('\n');
}
