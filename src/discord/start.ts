import { createAnswerer, type Answerer } from '../answer/answerer.ts';
import type { Config } from '../config.ts';
import { loadKnowledge } from '../knowledge/load.ts';
import { openLiveStore, type LiveStore } from '../knowledge/live-store.ts';
import { formatProblem } from '../knowledge/problems.ts';
import { defaultKnowledgeDir } from '../cli/paths.ts';
import { createLogger } from '../log.ts';
import { startBot } from './bot.ts';

/** `npm start` with a token: the production wiring of the bot. Resolves with the exit code. */
export async function startFromConfig(config: Config): Promise<number> {
  const discord = config.discord!;
  const logger = createLogger({ level: config.logLevel, secrets: [discord.token] });
  const knowledgeDir = config.knowledgeDir ?? defaultKnowledgeDir();
  const opened = await openLiveStore<Answerer>({
    load: () => loadKnowledge({ dir: knowledgeDir }),
    build: (snapshot) => createAnswerer(snapshot, config.answerThreshold === undefined ? {} : { answerThreshold: config.answerThreshold }),
  });
  if (!opened.ok) {
    logger.fatal({ event: 'kb.load_failed', errors: opened.errors.map(formatProblem) }, 'the knowledge base has errors; fix them (npm run kb:lint) and start again');
    return 1;
  }
  const store: LiveStore<Answerer> = opened.store;
  let bot;
  try {
    bot = await startBot({
      token: discord.token,
      apiUrl: discord.apiUrl,
      store,
      logger,
      settings: {
        contact: config.contact,
        policyRoleId: discord.policyRoleId,
        policyChannelId: discord.policyChannelId,
        answerChannelIds: discord.answerChannelIds,
        mentionCooldownMs: discord.mentionCooldownMs,
      },
    });
  } catch (err) {
    logger.fatal({ err, event: 'discord.login_failed' }, 'could not connect to Discord (check DISCORD_TOKEN)');
    logger.flush();
    return 1;
  }
  const running = bot;
  return new Promise<number>((resolve) => {
    const shutdown = (signal: string) => {
      logger.info({ event: 'shutdown', signal }, 'shutting down');
      void running.stop().then(() => {
        logger.flush();
        resolve(0);
      });
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
  });
}
