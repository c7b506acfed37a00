/**
 * Load with injected faults, through the fake Discord: the real discord.js client, the real SQLite
 * recorder and a private copy of the knowledge folder, driven by a stream of interactions while the fake
 * fails, rate-limits and slows callbacks, drops the gateway, and the policy team reloads, breaks and
 * fixes the knowledge.
 *
 * Definitions used in the figures:
 * - sent: interactions dispatched by the fake (INTERACTION_CREATE) in the measured run.
 * - acknowledged: interactions with a callback request that the fake accepted (2xx): an answer, or a
 *   deferral when the bot was busy (`deferred`).
 * - answered: acknowledged, and answered: by the callback itself, or, after a deferral, by the accepted
 *   edit of the original response (or a follow-up).
 * - lost: interactions not answered once the run has settled, among those Discord would still have
 *   accepted an answer for. Faults leave every interaction answerable by construction: at most
 *   `retries` 500s are injected on one interaction and discord.js is configured to retry `retries` times,
 *   429s are waited out, slow responses stay far below discord.js's 15 s REST timeout. So an interaction
 *   that ends unanswered was lost by the bot, and lost must be 0. The exception is made on purpose:
 *   `faults.unanswerable` interactions fail on every attempt; unanswered, they count as `lostToFaults`.
 * - late: acknowledged, but the accepted callback arrived more than 3 s after dispatch. The fake refuses
 *   that (10062 Unknown interaction) as Discord does, so late shows as lost, unless the deadline is
 *   lifted (`deadline: 'lifted'`, for npm test on a busy machine, where the fake shares the bot's thread):
 *   then it is counted here instead, and not asserted.
 * - latency (p50/p99/max): dispatch (just before the fake writes INTERACTION_CREATE, or buffers it while
 *   the gateway is down) → arrival at the fake of the callback request that was accepted. Failed attempts
 *   and the time the fake holds a slow response do not count: Discord's clock stops when it receives the
 *   callback. `answer` latency: dispatch → the answer itself (the callback, or the edit after a deferral).
 * - failedAnswers: accepted callbacks whose content is wrong: "something went wrong", a different fact
 *   than the knowledge base gives for that question, or an answer from a version that was never live.
 * - heap: `heapUsed` after a forced full GC, once the harness is warm (before) and once the run has
 *   settled (after). `testRecordsMiB` is what the TEST side keeps on purpose and grows with the run
 *   (every REST request, message and interaction the fake records, every gateway dispatch it keeps for
 *   RESUME, every captured log line); `botGrowthMiB` = growth − that, i.e. what the bot itself keeps.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  InteractionResponseType,
  Locale,
  MessageFlags,
  type APIInteraction,
  type APIInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import { DISCORD_RULES } from '../support/fake-discord/rules.ts';
import type { ReloadOutcome } from '../../src/knowledge/live-store.ts';
import { UI } from '../../src/discord/strings.ts';
import { createLogger } from '../../src/log.ts';
import { startOperations, type Operations } from '../../src/ops/operations.ts';
import { parseMetrics } from '../ops/metrics-text.ts';
import { startHarness, type Harness } from '../support/bot-harness.ts';
import type { RecordedRequest } from '../support/fake-discord.ts';

export interface FaultMix {
  /** Share of interactions whose callback gets 1…`retries` injected 500s before it is let through. */
  readonly http500?: number;
  /** Share of interactions whose first callback attempt gets a 429 with `retry-after`. */
  readonly http429?: number;
  /** `retry-after` range in seconds (fractional, for speed). Default [0.05, 0.3]. */
  readonly retryAfterSeconds?: readonly [number, number];
  /** Share of interactions whose callback response the fake holds (`delayNext`). */
  readonly slow?: number;
  /** How long a slow response is held, in ms. Default [200, 1500] (discord.js times out at 15 s). */
  readonly slowMs?: readonly [number, number];
  /** Drop the gateway once this fraction of the interactions has been dispatched (0–1). */
  readonly gatewayDropAt?: number;
  /**
   * Interactions (spread over the run) on which EVERY callback attempt gets a 500: more than the
   * retries, and the error boundary's own "something went wrong" reply fails too. They are lost to the
   * fault, counted as `lostToFaults`, not `lost`: they show that the count sees an unanswered interaction.
   */
  readonly unanswerable?: number;
}

export interface LoadOptions {
  /** Interactions in the measured run (after the warm-up). */
  readonly interactions: number;
  /** Interactions per second, or `burst`: every one dispatched at once. */
  readonly rate: number | 'burst';
  /** discord.js `rest.retries`. Default 3. */
  readonly retries?: number;
  readonly faults?: FaultMix;
  /**
   * When this fraction has been answered, add a fact and reload. Knowledge steps run one at a time, in
   * order of their fraction; a step at 0 is done before the first dispatch.
   */
  readonly reloadAt?: number;
  /** When this fraction has been answered, break a fact's YAML and reload (must be refused). */
  readonly brokenEditAt?: number;
  /** When this fraction has been answered, fix that file and reload. Needs an earlier `brokenEditAt`. */
  readonly fixAt?: number;
  /** Fault-free interactions before the heap is measured. Default 200. */
  readonly warmup?: number;
  /**
   * Measure the heap before and after (default true): it waits for the run's idle connections to close
   * (about 5 s) and forces full collections. npm test's reduced runs, which assert no heap figure, skip it.
   */
  readonly measureHeap?: boolean;
  /** Seed of the fault and question draw, for a reproducible run. Default 1. */
  readonly seed?: number;
  /** How long to wait for the last callbacks after the last dispatch. Default 15 s. */
  readonly settleMs?: number;
  /**
   * Wire the health port and the metrics as npm start does (the bot's hooks, discord.js's events), and
   * scrape /metrics every second during the run, as Prometheus would, only more often.
   */
  readonly operations?: boolean;
  /**
   * `enforced` (default): the fake refuses a first response after Discord's 3 s, as Discord does.
   * `lifted`: it accepts it, and lateness is only counted: npm test checks what the bot does, on a
   * machine that may be busy, and leaves timing to npm run test:stress.
   */
  readonly deadline?: 'enforced' | 'lifted';
}

export interface LoadFigures {
  readonly sent: number;
  readonly acknowledged: number;
  /** Acknowledged by a deferral: the bot was busy, and answered by editing it. */
  readonly deferred: number;
  readonly answered: number;
  readonly lost: number;
  /** Interactions on which every attempt was made to fail (`faults.unanswerable`) and that got no callback. */
  readonly lostToFaults: number;
  readonly late: number;
  readonly failedAnswers: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** Dispatch → the answer itself (the callback, or the edit after a deferral). */
  readonly answerP50Ms: number;
  readonly answerP99Ms: number;
  readonly answerMaxMs: number;
  readonly heapBeforeMiB: number;
  readonly heapAfterMiB: number;
  /** heapAfter − heapBefore. */
  readonly heapGrowthMiB: number;
  /** Part of the growth held by the test side (fake's records, captured logs), measured by releasing it. */
  readonly testRecordsMiB: number;
  /** heapGrowth − testRecords: what the bot keeps. */
  readonly botGrowthMiB: number;
  /** Reload attempts during the run, good or refused. */
  readonly reloads: number;
  readonly reloadsRefused: number;
  /** How long each reload took (load, validate, build the index, swap). */
  readonly reloadMs: readonly number[];
  /** Every fault the fake applied: 500s and 429s answered, responses held, gateway drops. */
  readonly faultsInjected: number;
  readonly faults: {
    readonly http500: number;
    readonly http429: number;
    readonly slow: number;
    readonly gatewayDrops: number;
  };
  /** Callback requests the fake received (attempts, including failed ones). */
  readonly callbackAttempts: number;
  /**
   * Most REST connections open at once beyond those before the run (each loopback connection is two
   * sockets in this process, both counted, then halved). discord.js's HTTP agent has no connection cap.
   */
  readonly peakConnections: number;
  /** `handler.failed` log entries: the bot's error boundary caught something. */
  readonly handlerFailures: number;
  /** /ask interactions sent (warm-up included) and questions in the SQLite record, rows it dropped, failed writes. */
  /** With `operations`: what /metrics said at the end, and how long its scrapes took during the run. */
  readonly metrics?: {
    readonly questions: number;
    readonly interactionsFailed: number;
    readonly scrapes: number;
    readonly scrapeMaxMs: number;
  };
  readonly record: {
    readonly asks: number;
    readonly questions: number;
    readonly dropped: number;
    readonly writeErrors: number;
  };
  /**
   * Answers that reached the fake while a reload ran (± 250 ms) / between the broken save and the fix
   * being live, and how many of them were failed answers.
   */
  readonly duringReload: { readonly answered: number; readonly failed: number };
  readonly duringBrokenEdit: { readonly answered: number; readonly failed: number };
  /** Interactions dispatched while the gateway was down (buffered, replayed on RESUME). */
  readonly duringGatewayDrop: number;
  /** Dispatch phase, first dispatch → last dispatch, and the rate achieved. */
  readonly dispatchMs: number;
  readonly achievedRate: number;
  /** First dispatch → last accepted callback. */
  readonly durationMs: number;
  /** First few failures, lost or late interactions, described. */
  readonly problems: readonly string[];
}

// ---------------------------------------------------------------------------
// What is asked, and what a correct answer is
// ---------------------------------------------------------------------------

const NEW_FACT_ID = 'zebulon-rule';
const NEW_FACT = `id: ${NEW_FACT_ID}
topic: data-location
title: { en: "The zebulon rule", fr: "La règle zebulon" }
answer: { en: "TikTok says the zebulon rule applies.", fr: "TikTok affirme que la règle zebulon s'applique." }
attribution: { claimant: TikTok, kind: company-statement, date: 2022-06-17 }
citations:
  - source: tiktok-oracle-article-fr
    quote: "Mais TikTok a ajouté qu’il stockerait toujours ses propres sauvegardes"
aliases: { en: ["zebulon rule"], fr: ["règle zebulon"] }
keywords: { en: [zebulon], fr: [zebulon] }
related: []
as_of: 2022-06-17
owner: policy-team
review_by: 2027-06-30
`;
/** The fact the broken edit breaks: questions about it must keep their answer from the last good version. */
const EDITED_FACT = 'oracle-routing';

/** `null`: "I don't know". `added`: unknown before the reload, the new fact once it has loaded. */
/** A fact id, null for "I don't know", or 'added' for the fact the scenario's reload adds. */
type Expected = string | null;

interface Question {
  readonly text: string;
  readonly locale: Locale;
  readonly expected: Expected;
}

const QUESTIONS: readonly Question[] = [
  { text: 'Does TikTok keep backups?', locale: Locale.EnglishUS, expected: 'backups-retained' },
  { text: 'who owns tiktok', locale: Locale.EnglishUS, expected: 'bytedance-ownership' },
  { text: 'Is US user data routed through Oracle?', locale: Locale.EnglishUS, expected: EDITED_FACT },
  { text: 'Where is US user data hosted?', locale: Locale.EnglishGB, expected: EDITED_FACT },
  {
    text: 'Les données des utilisateurs américains transitent-elles par Oracle ?',
    locale: Locale.French,
    expected: EDITED_FACT,
  },
  { text: 'TikTok garde-t-il ses propres sauvegardes ?', locale: Locale.French, expected: 'backups-retained' },
  { text: 'biden administartion stance', locale: Locale.EnglishUS, expected: 'biden-review' },
  { text: 'what is the wifi password', locale: Locale.EnglishUS, expected: null },
  { text: 'what is the zebulon rule', locale: Locale.EnglishUS, expected: 'added' },
];
const TYPED = ['', 'oracle', 'backpus', 'biden', 'gouvernance'];
const SHOWN_FACTS = ['backups-retained', 'oracle-routing', 'governance-unit-may', 'cfius'];

type Kind = 'ask' | 'autocomplete' | 'sources' | 'fact';

interface CallbackBody {
  type?: InteractionResponseType;
  data?: APIInteractionResponseCallbackData & { choices?: { name: string; value: string }[] };
}

const SOMETHING_WRONG = [UI.en.somethingWrong('').split('(')[0]!, UI.fr.somethingWrong('').split('(')[0]!];

/**
 * Whether the added fact may answer: `loaded` when the interaction was dispatched after the reload had
 * swapped it in, `either` before that (it may still be handled after the swap), `absent` with no reload.
 */
type AddedFact = 'loaded' | 'either' | 'absent';

/** Why the accepted callback is not a correct answer, or undefined when it is. */
function wrongness(kind: Kind, expected: Expected, added: AddedFact, body: CallbackBody): string | undefined {
  const data = body.data ?? {};
  const content = data.content ?? '';
  if (SOMETHING_WRONG.some((s) => content.startsWith(s))) return `error reply: ${content.slice(0, 80)}`;
  const footer = data.embeds?.[0]?.footer?.text ?? '';
  const factOf = () => (footer === '' ? null : (footer.split(' · ')[0] ?? null));
  switch (kind) {
    case 'ask': {
      if (body.type !== InteractionResponseType.ChannelMessageWithSource) return `callback type ${String(body.type)}`;
      const got = factOf();
      const allowed =
        expected !== 'added'
          ? [expected]
          : added === 'loaded'
            ? [NEW_FACT_ID]
            : added === 'absent'
              ? [null]
              : [null, NEW_FACT_ID];
      return allowed.includes(got)
        ? undefined
        : `answered ${String(got)}, expected ${allowed.map(String).join(' or ')}`;
    }
    case 'fact':
      if (body.type !== InteractionResponseType.ChannelMessageWithSource) return `callback type ${String(body.type)}`;
      return factOf() === expected ? undefined : `showed ${String(factOf())}, expected ${String(expected)}`;
    case 'sources':
      if (((data.flags ?? 0) & MessageFlags.Ephemeral) === 0) return 'sources not private';
      return data.embeds?.[0]?.title?.startsWith('Sources') === true
        ? undefined
        : `sources title ${String(data.embeds?.[0]?.title)}`;
    case 'autocomplete':
      if (body.type !== InteractionResponseType.ApplicationCommandAutocompleteResult)
        return `callback type ${String(body.type)}`;
      return (data.choices?.length ?? 0) > 0 && (data.choices?.length ?? 0) <= DISCORD_RULES.autocompleteChoices
        ? undefined
        : `${data.choices?.length ?? 0} choices`;
  }
}

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

/** mulberry32: a seeded draw, so a failing run can be replayed exactly. */
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

/** `{"op":0,"t":"INTERACTION_CREATE","s":12345,"d":…}` around each payload, plus V8's string header. */
const DISPATCH_ENVELOPE_CHARS = 64;

/** An answer given this close to a reload counts as "during the reload". */
const RELOAD_MARGIN_MS = 250;

const tcpSockets = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const MiB = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** The full GC: `global.gc` when node runs with --expose-gc, else the same function fetched at run time. */
function fullGc(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

async function settledHeap(gc: () => void): Promise<number> {
  await sleep(100);
  gc();
  await sleep(20);
  gc();
  return process.memoryUsage().heapUsed;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

// ---------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------

interface Tracked {
  readonly n: number;
  readonly kind: Kind;
  readonly expected: Expected;
  readonly dispatchedAt: number;
  readonly measured: boolean;
  /** Every callback attempt fails on purpose: lost to the fault, not by the bot. */
  readonly doomed: boolean;
  readonly payload: APIInteraction;
}

export async function runLoad(options: LoadOptions): Promise<LoadFigures> {
  const retries = options.retries ?? 3;
  const faults = options.faults ?? {};
  const [retryMin, retryMax] = faults.retryAfterSeconds ?? [0.05, 0.3];
  const [slowMin, slowMax] = faults.slowMs ?? [200, 1500];
  const draw = random(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(draw() * list.length)]!;
  const between = (min: number, max: number) => min + draw() * (max - min);
  const gc = fullGc();

  let operations: Operations | undefined;
  const h: Harness = await startHarness({
    retries,
    ...(options.operations
      ? {
          hooks: {
            onAnswered: (entry) => operations?.hooks.onAnswered?.(entry),
            onFailure: (failure) => operations?.hooks.onFailure?.(failure),
            onDeferred: () => operations?.hooks.onDeferred?.(),
          },
        }
      : {}),
    fake: options.deadline === 'lifted' ? { interactionDeadlineMs: Infinity } : {},
  });
  const { fake } = h;
  const timers: NodeJS.Timeout[] = [];
  const scrapeMs: number[] = [];
  const scrape = async () => {
    const started = performance.now();
    const response = await fetch(`http://127.0.0.1:${operations!.health!.port}/metrics`);
    const text = await response.text();
    scrapeMs.push(performance.now() - started);
    return parseMetrics(text);
  };
  try {
    if (options.operations) {
      operations = await startOperations({
        config: {
          health: { host: '127.0.0.1', port: 0 },
          knowledgePullMinutes: undefined,
          knowledgeDir: h.knowledgeDir,
        },
        store: h.store,
        recorder: h.recorder,
        logger: createLogger({ level: 'silent', secrets: [] }),
      });
      operations.attach(h.bot.client);
      timers.push(setInterval(() => void scrape().catch(() => undefined), 1_000));
    }
    // ---- tracking: callbacks are read from the fake's request log, so nothing waits per interaction ----
    const pending = new Map<string, Tracked>();
    const latencies: number[] = [];
    const problems: string[] = [];
    const note = (problem: string) => {
      if (problems.length < 12) problems.push(problem);
    };
    let cursor = 0;
    let answered = 0;
    let late = 0;
    let failedAnswers = 0;
    let callbackAttempts = 0;
    let lastAnswerAt = 0;
    const seen = { http500: 0, http429: 0 };
    let addedLoadedAt = Infinity;
    const windows = { reload: [Infinity, -Infinity], broken: [Infinity, -Infinity], drop: [Infinity, -Infinity] };
    const inWindow = (w: number[], at: number, margin = 0) => at >= w[0]! - margin && at <= w[1]! + margin;
    const during = { reload: { answered: 0, failed: 0 }, broken: { answered: 0, failed: 0 } };
    const answerTimes: number[] = [];
    const failedAnswerTimes: number[] = [];

    let advanceSteps = () => {};
    let held: RecordedRequest[] = []; // responses a slow-response rule still holds: read once answered
    /** Interactions acknowledged by a deferral, by the paths of the edit or follow-up that will answer them. */
    const awaiting = new Map<string, Tracked & { deferredFlags: number }>();
    let acknowledged = 0;
    let deferred = 0;
    const answerLatencies: number[] = [];
    const judge = (tracked: Tracked, request: RecordedRequest, body: CallbackBody) => {
      answered += 1;
      lastAnswerAt = Math.max(lastAnswerAt, request.at);
      answerTimes.push(request.at);
      answerLatencies.push(request.at - tracked.dispatchedAt);
      const added: AddedFact =
        tracked.dispatchedAt > addedLoadedAt ? 'loaded' : options.reloadAt === undefined ? 'absent' : 'either';
      const wrong = wrongness(tracked.kind, tracked.expected, added, body);
      if (wrong !== undefined) {
        failedAnswers += 1;
        failedAnswerTimes.push(request.at);
        note(`#${tracked.n} ${tracked.kind}: ${wrong}`);
      }
    };
    const read = (request: RecordedRequest) => {
      const accepted = request.status >= 200 && request.status < 300;
      const waiting = awaiting.get(request.path);
      if (waiting !== undefined) {
        if (!accepted) return;
        for (const path of [fake.originalPath(waiting.payload), fake.followUpPath(waiting.payload)])
          awaiting.delete(path);
        if (!waiting.measured) return;
        // The answer to a deferral: an edit keeps the deferral's flags, a follow-up carries its own.
        const body = request.body as CallbackBody['data'] & { flags?: number };
        const flags = request.method === 'POST' ? (body?.flags ?? 0) : waiting.deferredFlags;
        judge(waiting, request, { type: InteractionResponseType.ChannelMessageWithSource, data: { ...body, flags } });
        return;
      }
      const tracked = pending.get(request.path);
      if (tracked === undefined) return;
      if (tracked.measured) callbackAttempts += 1;
      if (request.status === 500) seen.http500 += tracked.measured ? 1 : 0;
      if (request.status === 429) seen.http429 += tracked.measured ? 1 : 0;
      if (!accepted) return;
      pending.delete(request.path);
      const body = request.body as CallbackBody;
      if (body.type === InteractionResponseType.DeferredChannelMessageWithSource) {
        const entry = { ...tracked, deferredFlags: body.data?.flags ?? 0 };
        for (const path of [fake.originalPath(tracked.payload), fake.followUpPath(tracked.payload)])
          awaiting.set(path, entry);
      }
      if (!tracked.measured) return;
      acknowledged += 1;
      const latency = request.at - tracked.dispatchedAt;
      latencies.push(latency);
      if (latency > DISCORD_RULES.interactionDeadlineMs) {
        late += 1;
        note(`#${tracked.n} ${tracked.kind} acknowledged late: ${latency} ms`);
      }
      if (body.type === InteractionResponseType.DeferredChannelMessageWithSource) deferred += 1;
      else judge(tracked, request, body);
    };
    const scan = () => {
      const stillHeld = held.filter((request) => request.status === 0);
      for (const request of held) if (request.status !== 0) read(request);
      held = stillHeld;
      const requests = fake.requests;
      for (; cursor < requests.length; cursor++) {
        const request: RecordedRequest = requests[cursor]!;
        if (request.status === 0) held.push(request);
        else read(request);
      }
      advanceSteps();
    };
    let peakSockets = 0;
    timers.push(
      setInterval(scan, 10),
      setInterval(() => (peakSockets = Math.max(peakSockets, tcpSockets())), 50),
    );

    // ---- one interaction ----
    let n = 0;
    let dispatchedChars = 0;
    let asksSent = 0;
    const dispatchTimes: number[] = [];
    const plannedFaults = { slow: 0 };
    const sends: Promise<unknown>[] = [];
    const build = (): { payload: APIInteraction; kind: Kind; expected: Expected } => {
      const roll = draw();
      if (roll < 0.7) {
        const question = pick(QUESTIONS);
        const isPrivate = draw() < 0.2;
        return {
          kind: 'ask',
          expected: question.expected,
          payload: fake.slashCommand({
            name: 'ask',
            locale: question.locale,
            options: isPrivate ? { question: question.text, private: true } : { question: question.text },
          }),
        };
      }
      const locale = draw() < 0.25 ? Locale.French : Locale.EnglishUS;
      if (roll < 0.85)
        return {
          kind: 'autocomplete',
          expected: null,
          payload: fake.autocomplete({ name: 'fact', focused: 'name', value: pick(TYPED), locale }),
        };
      const factId = pick(SHOWN_FACTS);
      if (roll < 0.95)
        return { kind: 'sources', expected: factId, payload: fake.button({ customId: `sources:${factId}`, locale }) };
      return {
        kind: 'fact',
        expected: factId,
        payload: fake.slashCommand({ name: 'fact', options: { name: factId }, locale }),
      };
    };
    /** Dispatches one interaction; in the measured run, with the faults drawn for it. */
    const fire = (measured: boolean, doomed = false) => {
      const { payload, kind, expected } = build();
      if (kind === 'ask') asksSent += 1;
      const path = fake.callbackPath(payload);
      if (doomed) {
        fake.failNext({ method: 'POST', pathMatch: path, status: 500, times: Infinity });
      } else if (measured) {
        const roll = draw();
        const f500 = faults.http500 ?? 0;
        const f429 = faults.http429 ?? 0;
        const fSlow = faults.slow ?? 0;
        if (roll < f500) {
          fake.failNext({ method: 'POST', pathMatch: path, status: 500, times: 1 + Math.floor(draw() * retries) });
        } else if (roll < f500 + f429) {
          fake.failNext({
            method: 'POST',
            pathMatch: path,
            status: 429,
            retryAfter: Math.round(between(retryMin, retryMax) * 1000) / 1000,
          });
        } else if (roll < f500 + f429 + fSlow) {
          fake.delayNext({ method: 'POST', pathMatch: path, ms: Math.round(between(slowMin, slowMax)) });
          plannedFaults.slow += 1;
        }
      }
      const dispatchedAt = Date.now();
      const tracked: Tracked = { n: n++, kind, expected, dispatchedAt, measured, doomed, payload };
      pending.set(path, tracked);
      if (measured) {
        dispatchTimes.push(dispatchedAt);
        dispatchedChars += JSON.stringify(payload).length + DISPATCH_ENVELOPE_CHARS;
      }
      sends.push(fake.sendInteraction(payload));
    };

    // ---- warm-up: JIT, connection pool, caches; no faults ----
    const warmup = options.warmup ?? 200;
    for (let i = 0; i < warmup; i++) {
      fire(false);
      if (i % 20 === 19) await sleep(5);
    }
    const warmDeadline = Date.now() + 10_000;
    const warming = () => [...pending.values(), ...awaiting.values()].some((t) => !t.measured);
    while (warming() && Date.now() < warmDeadline) await sleep(10);
    if (failedAnswers > 0 || warming()) throw new Error(`warm-up failed: ${problems.join('; ')}`);
    const reloadsAtStart = { all: 0, refused: 0 };
    const unsubscribe = h.store.onReload((outcome: ReloadOutcome) => {
      reloadsAtStart.all += 1;
      if (!outcome.ok) reloadsAtStart.refused += 1;
    });
    const measureHeap = options.measureHeap ?? true;
    const heapBefore = measureHeap ? await settledHeap(gc) : Number.NaN;
    const socketsBefore = tcpSockets();

    // ---- knowledge and gateway events ----
    // Knowledge edits run one after another, each once its share of the run has been ANSWERED: in a
    // burst every interaction is dispatched before the bot has handled the first, so only answers tell
    // where "the middle" is. The gateway drop goes by interactions DISPATCHED: those that follow it are
    // buffered by the fake and replayed on RESUME.
    const total = options.interactions;
    checkStepOrder(options);
    const factPath = join(h.knowledgeDir, 'facts', `${EDITED_FACT}.yaml`);
    const goodText = readFileSync(factPath, 'utf8');
    const reloadTimes: number[] = [];
    const timedReload = async () => {
      const t0 = performance.now();
      const outcome = await h.store.reload();
      reloadTimes.push(performance.now() - t0);
      return outcome;
    };
    const steps: { at: number; run: () => Promise<void> }[] = [];
    const step = (fraction: number | undefined, run: () => Promise<void>) => {
      if (fraction !== undefined) steps.push({ at: Math.floor(fraction * total), run });
    };
    step(options.reloadAt, async () => {
      windows.reload[0] = Date.now();
      writeFileSync(join(h.knowledgeDir, 'facts', `${NEW_FACT_ID}.yaml`), NEW_FACT);
      const outcome = await timedReload();
      if (!outcome.ok) throw new Error(`the reload was refused: ${JSON.stringify(outcome.errors)}`);
      windows.reload[1] = addedLoadedAt = Date.now();
    });
    step(options.brokenEditAt, async () => {
      windows.broken[0] = Date.now();
      writeFileSync(factPath, goodText.replace('\naliases:', '\naliasses:'));
      const outcome = await timedReload();
      if (outcome.ok) throw new Error('the broken edit was loaded');
      if (h.store.current().snapshot.factsById.get(EDITED_FACT)?.owner !== 'policy-team')
        throw new Error('the live fact changed');
      if (options.fixAt === undefined) windows.broken[1] = Infinity;
    });
    step(options.fixAt, async () => {
      writeFileSync(factPath, goodText.replace('owner: policy-team', 'owner: data-policy'));
      const outcome = await timedReload();
      if (!outcome.ok) throw new Error(`the fix was refused: ${JSON.stringify(outcome.errors)}`);
      windows.broken[1] = Date.now();
    });
    steps.sort((x, y) => x.at - y.at);
    // Steps run one at a time, started from the scan that sees their share answered (timers run late
    // when the event loop is saturated, so nothing polls for them).
    let nextStep = 0;
    let running: Promise<void> | undefined;
    const stepErrors: unknown[] = [];
    advanceSteps = () => {
      const due = steps[nextStep];
      if (running !== undefined || due === undefined || answered < due.at) return;
      nextStep += 1;
      running = due
        .run()
        .catch((error: unknown) => void stepErrors.push(error))
        .finally(() => {
          running = undefined;
          advanceSteps();
        });
    };
    const stepsDone = () => nextStep === steps.length && running === undefined;
    // A step at 0 is done before the first dispatch: a broken save already on disk when the load starts.
    advanceSteps();
    while (running !== undefined) await running;
    if (stepErrors.length > 0) throw stepErrors[0];

    let gatewayDrops = 0;
    const dropAt = faults.gatewayDropAt === undefined ? Infinity : Math.floor(faults.gatewayDropAt * total);
    let gateway: Promise<void> = Promise.resolve();
    const dropGateway = async () => {
      windows.drop[0] = Date.now();
      await fake.dropGateway();
      gatewayDrops += 1;
      await fake.waitForGatewayEvent('resumed', 15_000);
      windows.drop[1] = Date.now();
    };
    const startDue = (i: number) => {
      if (i === dropAt) {
        gateway = dropGateway();
        gateway.catch(() => undefined); // awaited (and thrown) after the last dispatch
      }
    };

    // ---- the measured run ----
    const unanswerable = faults.unanswerable ?? 0;
    const doomed = new Set(
      Array.from({ length: unanswerable }, (_, k) => Math.floor(((k + 0.5) * total) / unanswerable)),
    );
    const start = performance.now();
    if (options.rate === 'burst') {
      for (let i = 0; i < total; i++) {
        startDue(i);
        fire(true, doomed.has(i));
      }
    } else {
      const interval = 1000 / options.rate;
      for (let i = 0; i < total; i++) {
        const wait = start + i * interval - performance.now();
        if (wait >= 1) await sleep(wait);
        startDue(i);
        fire(true, doomed.has(i));
      }
    }
    const dispatchMs = performance.now() - start;
    await Promise.all(sends);
    sends.length = 0;
    await gateway;

    const settleDeadline = Date.now() + (options.settleMs ?? 15_000);
    while ((answered < total - doomed.size || !stepsDone()) && Date.now() < settleDeadline) await sleep(20);
    if (doomed.size > 0) await sleep(200); // their last attempts: discord.js retries a 500 at once
    if (stepErrors.length > 0) throw stepErrors[0];
    if (!stepsDone()) throw new Error(`knowledge steps did not all run: ${nextStep} of ${steps.length} started`);
    for (const timer of timers) clearInterval(timer);
    scan();
    unsubscribe();

    let lost = 0;
    let lostToFaults = 0;
    const unanswered = new Map<number, { path: string; tracked: Tracked; stage: string }>();
    for (const [path, tracked] of pending) unanswered.set(tracked.n, { path, tracked, stage: 'never acknowledged' });
    for (const [path, tracked] of awaiting)
      unanswered.set(tracked.n, { path, tracked, stage: 'deferred, never answered' });
    for (const { path, tracked, stage } of unanswered.values()) {
      if (!tracked.measured) continue;
      if (tracked.doomed) {
        lostToFaults += 1;
      } else {
        lost += 1;
        note(`#${tracked.n} ${tracked.kind} lost: ${stage} (${path.slice(0, 40)}…)`);
      }
    }
    for (const at of answerTimes) {
      if (inWindow(windows.reload, at, RELOAD_MARGIN_MS)) during.reload.answered += 1;
      if (inWindow(windows.broken, at)) during.broken.answered += 1;
    }
    for (const at of failedAnswerTimes) {
      if (inWindow(windows.reload, at, RELOAD_MARGIN_MS)) during.reload.failed += 1;
      if (inWindow(windows.broken, at)) during.broken.failed += 1;
    }
    const duringGatewayDrop = dispatchTimes.filter((t) => inWindow(windows.drop, t)).length;

    // ---- heap: all of it, then without what the test side keeps on purpose ----
    fake.clearFaults();
    // Keep-alive connections opened for the run close after 4–5 s idle (undici 4 s, the fake 5 s);
    // measured before that, they would count as growth.
    const idleDeadline = Date.now() + 8_000;
    while (measureHeap && tcpSockets() > socketsBefore && Date.now() < idleDeadline) await sleep(100);
    const heapAfter = measureHeap ? await settledHeap(gc) : Number.NaN;
    const recordedQuestions = h.recorder.read(
      (db) => db.prepare('SELECT COUNT(*) FROM questions').pluck().get() as number,
    );
    const { rowsDropped, writeErrors } = h.recorder.stats();
    const handlerFailures = h.logs.entries().filter((e) => e.event === 'handler.failed').length;
    let metrics: LoadFigures['metrics'];
    if (operations) {
      const samples = await scrape();
      const sum = (name: string) => samples.filter((s) => s.name === name).reduce((total, s) => total + s.value, 0);
      metrics = {
        questions: sum('residency_bot_questions_total'),
        interactionsFailed: sum('residency_bot_interactions_failed_total'),
        scrapes: scrapeMs.length,
        scrapeMaxMs: Math.round(Math.max(...scrapeMs)),
      };
    }
    // The fake's dispatch log for RESUME is not reachable: count it as the one-byte strings it is.
    const testRecords = measureHeap ? heapAfter - (await heapWithoutTestRecords(h, gc)) + dispatchedChars : Number.NaN;

    latencies.sort((a, b) => a - b);
    answerLatencies.sort((a, b) => a - b);
    const faultCounts = { http500: seen.http500, http429: seen.http429, slow: plannedFaults.slow, gatewayDrops };
    return {
      sent: total,
      acknowledged,
      deferred,
      answered,
      lost,
      lostToFaults,
      late,
      failedAnswers,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      maxMs: latencies.at(-1) ?? NaN,
      answerP50Ms: percentile(answerLatencies, 50),
      answerP99Ms: percentile(answerLatencies, 99),
      answerMaxMs: answerLatencies.at(-1) ?? NaN,
      heapBeforeMiB: MiB(heapBefore),
      heapAfterMiB: MiB(heapAfter),
      heapGrowthMiB: MiB(heapAfter - heapBefore),
      testRecordsMiB: MiB(testRecords),
      botGrowthMiB: MiB(heapAfter - heapBefore - testRecords),
      reloads: reloadsAtStart.all,
      reloadsRefused: reloadsAtStart.refused,
      reloadMs: reloadTimes.map((t) => Math.round(t)),
      faultsInjected: faultCounts.http500 + faultCounts.http429 + faultCounts.slow + faultCounts.gatewayDrops,
      faults: faultCounts,
      callbackAttempts,
      peakConnections: Math.max(0, Math.round((peakSockets - socketsBefore) / 2)),
      handlerFailures,
      record: { asks: asksSent, questions: recordedQuestions, dropped: rowsDropped, writeErrors },
      ...(metrics ? { metrics } : {}),
      duringReload: during.reload,
      duringBrokenEdit: during.broken,
      duringGatewayDrop,
      dispatchMs: Math.round(dispatchMs),
      achievedRate: Math.round((total / Math.max(dispatchMs, 1)) * 1000),
      durationMs: lastAnswerAt - (dispatchTimes[0] ?? lastAnswerAt),
      problems,
    };
  } finally {
    for (const timer of timers) clearInterval(timer);
    await operations?.close();
    await h.stop();
  }
}

/** Adding a fact reloads the whole folder: with the broken file on disk it would be refused. */
function checkStepOrder(options: LoadOptions): void {
  const { reloadAt, brokenEditAt, fixAt } = options;
  if (fixAt !== undefined && (brokenEditAt === undefined || fixAt <= brokenEditAt))
    throw new Error('fixAt needs an earlier brokenEditAt');
  if (reloadAt === undefined || brokenEditAt === undefined) return;
  if (reloadAt >= brokenEditAt && (fixAt === undefined || reloadAt <= fixAt)) {
    throw new Error(
      'reloadAt must come before brokenEditAt or after fixAt: the broken file would make the reload fail',
    );
  }
}

/**
 * The heap once the test side's own records are released: the fake's request log, stored messages and
 * interaction states, and the captured log lines. Only the fake's per-session dispatch log (kept for
 * RESUME, not reachable from here) stays, and is estimated from what was dispatched. Call at the very
 * end: the fake's `waitForRequest` no longer works afterwards.
 */
async function heapWithoutTestRecords(h: Harness, gc: () => void): Promise<number> {
  (h.fake.requests as RecordedRequest[]).length = 0;
  (h.fake.messages as Map<string, unknown>).clear();
  (h.fake.interactions as Map<string, unknown>).clear();
  h.logs.lines.length = 0;
  return settledHeap(gc);
}

/** The figures as a Markdown table, one column per run, to paste into the README. */
export function figuresTable(runs: readonly { readonly name: string; readonly figures: LoadFigures }[]): string {
  const rows: [string, (f: LoadFigures) => string][] = [
    ['sent', (f) => String(f.sent)],
    ['acknowledged (of which deferred) / answered', (f) => `${f.acknowledged} (${f.deferred}) / ${f.answered}`],
    ['lost (lost to unanswerable faults)', (f) => `${f.lost} (${f.lostToFaults})`],
    ['late (> 3 s)', (f) => String(f.late)],
    ['failed answers', (f) => String(f.failedAnswers)],
    ['p50 dispatch → callback', (f) => `${f.p50Ms} ms`],
    ['p99 dispatch → callback', (f) => `${f.p99Ms} ms`],
    ['max dispatch → callback', (f) => `${f.maxMs} ms`],
    ['dispatch → answer p50 / p99 / max', (f) => `${f.answerP50Ms} / ${f.answerP99Ms} / ${f.answerMaxMs} ms`],
    [
      'faults injected (500 / 429 / slow / gateway drops)',
      (f) =>
        `${f.faultsInjected} (${f.faults.http500} / ${f.faults.http429} / ${f.faults.slow} / ${f.faults.gatewayDrops})`,
    ],
    ['callback attempts', (f) => String(f.callbackAttempts)],
    ['REST connections open at peak', (f) => String(f.peakConnections)],
    [
      '/ask sent / questions recorded (rows dropped)',
      (f) => `${f.record.asks} / ${f.record.questions} (${f.record.dropped})`,
    ],
    ['reloads (refused), each took', (f) => `${f.reloads} (${f.reloadsRefused}), ${f.reloadMs.join(' / ')} ms`],
    [
      'answered during reload / broken edit (failed)',
      (f) =>
        `${f.duringReload.answered} / ${f.duringBrokenEdit.answered} (${f.duringReload.failed} / ${f.duringBrokenEdit.failed})`,
    ],
    ['sent while the gateway was down', (f) => String(f.duringGatewayDrop)],
    ['heap before → after', (f) => `${f.heapBeforeMiB} → ${f.heapAfterMiB} MiB`],
    ['heap growth: test records / bot', (f) => `${f.testRecordsMiB} / ${f.botGrowthMiB} MiB`],
    ['dispatch phase (rate)', (f) => `${(f.dispatchMs / 1000).toFixed(1)} s (${f.achievedRate}/s)`],
    ['first dispatch → last answer', (f) => `${(f.durationMs / 1000).toFixed(1)} s`],
  ];
  const header = `| | ${runs.map((r) => r.name).join(' | ')} |`;
  const rule = `|---|${runs.map(() => '---').join('|')}|`;
  return [
    header,
    rule,
    ...rows.map(([label, cell]) => `| ${label} | ${runs.map((r) => cell(r.figures)).join(' | ')} |`),
  ].join('\n');
}
