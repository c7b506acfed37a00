import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { LANGUAGES } from '../knowledge/schema.ts';
import type { Built, LiveStore } from '../knowledge/live-store.ts';
import type { RecorderStats } from '../record/recorder.ts';

/**
 * What the running bot tells Prometheus. Every value is either counted where it happens (through the
 * bot's hooks, never from inside the engine) or read when scraped from what already keeps it: the live
 * store, the recorder's own counters, the gateway's state. One registry per running bot, so tests can
 * start several without sharing counters.
 */

export const OUTCOMES = ['answered', 'clarify', 'unknown'] as const;
export const FAILURE_REASONS = ['error', 'refused', 'expired'] as const;
export const PULL_RESULTS = ['updated', 'unchanged', 'failed'] as const;

/** Seconds from the question to its reply model and record row: the bot's own work, not Discord's. */
const ANSWER_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

export interface MetricsSources {
  readonly store: LiveStore<Built>;
  /** The recorder's counters; undefined when recording is off. */
  readonly recorderStats?: (() => RecorderStats) | undefined;
  /** Whether every gateway shard is connected now. */
  readonly gatewayUp: () => boolean;
}

export interface AnsweredEvent {
  readonly outcome: (typeof OUTCOMES)[number];
  readonly language: string;
  readonly latencyMs: number;
}

export interface FailureEvent {
  readonly source: 'interaction' | 'message';
  readonly reason: (typeof FAILURE_REASONS)[number];
}

export interface BotMetrics {
  readonly contentType: string;
  answered(event: AnsweredEvent): void;
  deferred(): void;
  failed(event: FailureEvent): void;
  gatewayReconnecting(): void;
  pulled(result: (typeof PULL_RESULTS)[number]): void;
  /** The exposition, in Prometheus's text format. */
  render(): Promise<string>;
  /** Stops listening to the store. */
  close(): void;
}

export function createMetrics(sources: MetricsSources): BotMetrics {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry });
  // Gauges named like counters, which promtool's lint refuses; the same counts by type remain (nodejs_active_handles…).
  for (const name of ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total'])
    registry.removeSingleMetric(name);

  const questions = new Counter({
    name: 'residency_bot_questions_total',
    help: 'Questions answered, by outcome (answered, clarify = "did you mean", unknown) and language.',
    labelNames: ['outcome', 'language'] as const,
    registers,
  });
  const answerSeconds = new Histogram({
    name: 'residency_bot_answer_duration_seconds',
    help: 'Time from a question to its reply model and record row (the engine and the insert; not Discord).',
    buckets: ANSWER_BUCKETS,
    registers,
  });
  const deferred = new Counter({
    name: 'residency_bot_interactions_deferred_total',
    help: 'Interactions acknowledged first and answered later (deferred by the time their handler finished).',
    registers,
  });
  const interactionsFailed = new Counter({
    name: 'residency_bot_interactions_failed_total',
    help: 'Interactions whose handler failed (error: the member got "something went wrong"), or whose reply Discord refused (refused: 401/403) or no longer accepted (expired).',
    labelNames: ['reason'] as const,
    registers,
  });
  const messagesFailed = new Counter({
    name: 'residency_bot_messages_failed_total',
    help: 'Mentions, DMs and answer-channel messages whose handling failed, by the same reasons as interactions.',
    labelNames: ['reason'] as const,
    registers,
  });
  const reconnects = new Counter({
    name: 'residency_bot_gateway_reconnects_total',
    help: 'Times the gateway connection closed and the bot began to reconnect (resume or identify).',
    registers,
  });
  const pulls = new Counter({
    name: 'residency_bot_knowledge_pulls_total',
    help: 'git pull --ff-only runs in the knowledge repository (KNOWLEDGE_GIT_PULL_MINUTES), by result.',
    labelNames: ['result'] as const,
    registers,
  });
  const reloads = new Counter({
    name: 'residency_bot_knowledge_reloads_total',
    help: 'Knowledge reloads (on save, /kb reload, after a pull), by result; a failed one keeps the last good version.',
    labelNames: ['result'] as const,
    registers,
  });

  // Every label value known in advance starts at 0, so rate() and alerts see a series from the first scrape.
  for (const outcome of OUTCOMES) for (const language of LANGUAGES) questions.labels(outcome, language).inc(0);
  for (const reason of FAILURE_REASONS) {
    interactionsFailed.labels(reason).inc(0);
    messagesFailed.labels(reason).inc(0);
  }
  for (const result of PULL_RESULTS) pulls.labels(result).inc(0);
  reloads.labels('ok').inc(0);
  reloads.labels('failed').inc(0);

  let lastReloadOk = true;
  const unlisten = sources.store.onReload((outcome) => {
    lastReloadOk = outcome.ok;
    reloads.labels(outcome.ok ? 'ok' : 'failed').inc();
  });

  new Gauge({
    name: 'residency_bot_knowledge_info',
    help: 'The knowledge base version being served (content hash), as a label; always 1.',
    labelNames: ['version'] as const,
    registers,
    collect() {
      this.reset();
      this.labels(sources.store.current().snapshot.version).set(1);
    },
  });
  new Gauge({
    name: 'residency_bot_knowledge_facts',
    help: 'Facts in the knowledge base being served.',
    registers,
    collect() {
      this.set(sources.store.current().snapshot.facts.length);
    },
  });
  new Gauge({
    name: 'residency_bot_knowledge_loaded_timestamp_seconds',
    help: 'When the knowledge base being served was loaded (Unix time).',
    registers,
    collect() {
      this.set(sources.store.current().snapshot.loadedAt.getTime() / 1000);
    },
  });
  new Gauge({
    name: 'residency_bot_knowledge_last_reload_success',
    help: '1 when the last knowledge reload loaded (or none was tried since start), 0 when it failed and the previous version is still served.',
    registers,
    collect() {
      this.set(lastReloadOk ? 1 : 0);
    },
  });
  const { recorderStats } = sources;
  if (recorderStats) {
    new Counter({
      name: 'residency_bot_record_write_failures_total',
      help: 'Question and vote rows that could not be written to the record (each is logged; answers are not affected).',
      registers,
      collect() {
        this.reset();
        this.inc(recorderStats().writeErrors);
      },
    });
  }
  new Gauge({
    name: 'residency_bot_gateway_up',
    help: '1 when connected to the Discord gateway, 0 while connecting or reconnecting.',
    registers,
    collect() {
      this.set(sources.gatewayUp() ? 1 : 0);
    },
  });

  return {
    contentType: registry.contentType,
    answered(event) {
      questions.labels(event.outcome, event.language).inc();
      answerSeconds.observe(event.latencyMs / 1000);
    },
    deferred: () => deferred.inc(),
    failed(event) {
      (event.source === 'interaction' ? interactionsFailed : messagesFailed).labels(event.reason).inc();
    },
    gatewayReconnecting: () => reconnects.inc(),
    pulled: (result) => pulls.labels(result).inc(),
    render: () => registry.metrics(),
    close: () => void unlisten(),
  };
}
