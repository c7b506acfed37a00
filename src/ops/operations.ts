import type { Client } from 'discord.js';
import type { Config } from '../config.ts';
import type { BotHooks } from '../discord/bot.ts';
import type { Built, LiveStore } from '../knowledge/live-store.ts';
import type { Logger } from '../log.ts';
import type { Recorder } from '../record/recorder.ts';
import { gatewayProblem, watchGateway } from './discord-signals.ts';
import { startHealthServer, type HealthServer } from './health-server.ts';
import { startKnowledgePull, type KnowledgePull } from './knowledge-pull.ts';
import { createMetrics } from './metrics.ts';

/**
 * What keeps the bot operable, around the bot rather than inside it: metrics fed by the bot's hooks,
 * the health port (only when HEALTH_PORT is set), and the knowledge repository's pulls (only when
 * KNOWLEDGE_GIT_PULL_MINUTES is set). Started before the bot logs in, so /healthz answers and /readyz
 * says "not connected yet" while it does.
 */
export interface Operations {
  /** For startBot. */
  readonly hooks: BotHooks;
  readonly knowledgePull: KnowledgePull | undefined;
  readonly health: HealthServer | undefined;
  /** Once the bot is connected: readiness and metrics follow its client from then on. */
  attach(client: Client): void;
  close(): Promise<void>;
}

export async function startOperations(options: {
  readonly config: Pick<Config, 'health' | 'knowledgePullMinutes' | 'knowledgeDir'>;
  readonly store: LiveStore<Built>;
  readonly recorder: Recorder | undefined;
  readonly logger: Logger;
}): Promise<Operations> {
  const { config, store, recorder, logger } = options;
  let client: Client | undefined;
  let unwatch: (() => void) | undefined;
  const notReady = () => (client ? gatewayProblem(client) : 'not connected to the Discord gateway yet');
  const metrics = createMetrics({
    store,
    recorderStats: recorder ? () => recorder.stats() : undefined,
    gatewayUp: () => notReady() === undefined,
  });

  let health: HealthServer | undefined;
  let knowledgePull: KnowledgePull | undefined;
  try {
    if (config.health) {
      const { host, port } = config.health;
      health = await startHealthServer(
        config.health,
        {
          knowledge: () => {
            const { snapshot } = store.current();
            return { version: snapshot.version, facts: snapshot.facts.length };
          },
          notReady,
          metrics,
        },
        (err) => logger.error({ err, event: 'health.failed' }, 'the health port failed to answer'),
      ).catch((error: unknown) => {
        throw new Error(`HEALTH_PORT ${port} on ${host}: ${(error as Error).message}`, { cause: error });
      });
      logger.info(
        { event: 'health.listening', host: health.host, port: health.port },
        `health and metrics on http://${health.host.includes(':') ? `[${health.host}]` : health.host}:${health.port}/`,
      );
    }
    if (config.knowledgePullMinutes !== undefined) {
      knowledgePull = await startKnowledgePull({
        dir: config.knowledgeDir,
        minutes: config.knowledgePullMinutes,
        store,
        logger,
        onPulled: (status) => metrics.pulled(status.result),
      });
      logger.info(
        { event: 'kb.pull_scheduled', repository: knowledgePull.repository, minutes: config.knowledgePullMinutes },
        'the knowledge repository is pulled on a timer',
      );
    }
  } catch (error) {
    await health?.close();
    metrics.close();
    throw error;
  }

  return {
    hooks: {
      onAnswered: (entry) =>
        metrics.answered({ outcome: entry.outcome, language: entry.language, latencyMs: entry.latencyMs }),
      onFailure: (failure) => metrics.failed(failure),
      onDeferred: () => metrics.deferred(),
    },
    knowledgePull,
    health,
    attach(running) {
      client = running;
      unwatch = watchGateway(running, () => metrics.gatewayReconnecting());
    },
    async close() {
      unwatch?.();
      knowledgePull?.stop();
      metrics.close();
      await health?.close();
    },
  };
}
