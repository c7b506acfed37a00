import { setTimeout as delay } from 'node:timers/promises';
import { DiscordjsErrorCodes } from 'discord.js';
import type { Config } from '../config.ts';
import { createLogger, type Logger } from '../log.ts';
import { acquireInstanceLock, InstanceLockedError, type InstanceLock } from '../ops/instance-lock.ts';
import { startOperations, type Operations } from '../ops/operations.ts';
import type { LoadedHashKey } from '../record/hash-key.ts';
import { DisallowedIntentsError, startBot } from './bot.ts';
import { formatProblem } from '../service/display.ts';
import { loadRecordKey, openKnowledge, openRecord } from '../service/knowledge.ts';

const STOP_TIMEOUT_MS = 5_000;
/** Time left for the event loop to empty by itself after a stop, before the process is ended. */
const EXIT_GRACE_MS = 1_000;

/** `npm start` with a token: the production wiring of the bot. Resolves with the exit code. */
export async function startFromConfig(config: Config): Promise<number> {
  const discord = config.discord!;
  // The hash key is read before the logger exists, so that the logger can scrub it like the token.
  const { key: hashKey, error: hashKeyError } = loadRecordKey(config.record);
  const keySource = config.record?.hashKeySource;
  const logger = createLogger({
    level: config.logLevel,
    secrets: [
      discord.token,
      ...(keySource?.kind === 'environment' ? [keySource.value] : []),
      ...(hashKey?.secrets ?? []),
    ],
  });
  if (hashKey?.createdFile)
    logger.info(
      { event: 'record.key_created', file: hashKey.createdFile },
      "made the record's hash key; back it up apart from the record (without it, earlier answers take no new votes)",
    );
  let lock: InstanceLock | undefined;
  try {
    lock = acquireInstanceLock(config.dataDir);
  } catch (err) {
    if (err instanceof InstanceLockedError) {
      fatal(logger, { event: 'instance.already_running', pid: err.pid, dataDir: config.dataDir }, err.message);
      return 1;
    }
    // A DATA_DIR that cannot be written loses the record and the guard against a second instance, not
    // the answers: the bot runs, and says so loudly (the record's own failure follows, in /kb status too).
    logger.error(
      { err, event: 'instance.lock_failed', dataDir: config.dataDir },
      `cannot lock DATA_DIR ${config.dataDir}; running without the guard against a second instance`,
    );
  }
  try {
    return await startLocked(config, logger, { hashKey, hashKeyError });
  } finally {
    lock?.release();
  }
}

/** `hashKey`: the record's key when recording is on, else `hashKeyError` says why it could not be read. */
async function startLocked(
  config: Config,
  logger: Logger,
  { hashKey, hashKeyError }: { hashKey: LoadedHashKey | undefined; hashKeyError: unknown },
): Promise<number> {
  const discord = config.discord!;
  const { knowledgeDir } = config;
  const opened = await openKnowledge(config);
  if (!opened.ok) {
    const errors = opened.errors.map(formatProblem);
    fatal(
      logger,
      { event: 'kb.load_failed', errors },
      'the knowledge base has errors; fix them (npm run kb:lint) and start again',
      errors,
    );
    return 1;
  }
  const { store } = opened;
  const { ignored } = store.current().snapshot;
  if (ignored.length > 0)
    logger.warn({ event: 'kb.ignored', files: ignored.map(formatProblem) }, 'files left out of the knowledge base');
  const { recorder, unavailable: recordUnavailable } = openRecord(config.record, hashKey?.key, hashKeyError, logger);
  let operations: Operations;
  try {
    operations = await startOperations({ config, store, recorder, logger });
  } catch (err) {
    fatal(logger, { err, event: 'ops.start_failed' }, `cannot start: ${(err as Error).message}`);
    recorder?.close();
    return 1;
  }
  let bot;
  try {
    bot = await startBot({
      token: discord.token,
      apiUrl: discord.apiUrl,
      store,
      logger,
      recorder,
      recordUnavailable,
      watch: { debounceMs: 250 },
      hooks: operations.hooks,
      knowledgePull: operations.knowledgePull,
      settings: {
        contact: config.contact,
        policyRoleId: discord.policyRoleId,
        policyChannelId: discord.policyChannelId,
        answerChannelIds: discord.answerChannelIds,
        questionCooldownMs: discord.questionCooldownMs,
        conversationMs: config.conversationMs,
        knowledgeDir,
      },
    });
  } catch (err) {
    const network = networkFailure(err);
    if (err instanceof DisallowedIntentsError) fatal(logger, { event: 'discord.intent_not_enabled' }, err.message);
    else if (network !== undefined) {
      const host = new URL(discord.apiUrl ?? 'https://discord.com/api').host;
      fatal(
        logger,
        { event: 'discord.unreachable', host, code: network },
        `could not reach Discord at ${host} (${network}): check the network, DNS and any proxy (DISCORD_API_URL); the token was not tried`,
      );
    } else if (isTokenRefused(err))
      fatal(
        logger,
        { event: 'discord.token_refused' },
        'Discord refused the token: check DISCORD_TOKEN (Developer Portal → Bot → Reset Token)',
      );
    else fatal(logger, { err, event: 'discord.login_failed' }, 'could not connect to Discord');
    await operations.close();
    recorder?.close();
    return 1;
  }
  const running = bot;
  operations.attach(running.client);
  return new Promise<number>((resolve) => {
    const shutdown = (signal: string) => {
      logger.info({ event: 'shutdown', signal }, 'shutting down');
      // A gateway connection still opening when the client is destroyed can end in an 'error' that
      // nothing listens to any more (ws: "socket hang up"), which would crash a clean stop with exit 1.
      // From here on such an error is logged, and the stop goes on.
      process.on('uncaughtException', (err) =>
        logger.warn({ err, event: 'shutdown.late_error' }, 'error from a connection closed by the stop'),
      );
      // While a gateway reconnect is pending, @discordjs/ws ignores destroy() and keeps the process
      // alive: stopping gets a few seconds, then the process ends anyway, once the record is flushed.
      const stopped = running
        .stop()
        .catch((err: unknown) => logger.warn({ err, event: 'shutdown.stop_failed' }, 'could not disconnect cleanly'));
      void Promise.race([stopped, delay(STOP_TIMEOUT_MS, undefined, { ref: false })]).then(async () => {
        await operations.close();
        recorder?.close();
        logger.flush();
        resolve(0);
        setTimeout(() => process.exit(0), EXIT_GRACE_MS).unref();
      });
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
  });
}

/**
 * A start-up failure: logged, and always said on stderr too, in one line, whatever LOG_LEVEL is (with
 * LOG_LEVEL=silent the log alone would leave an operator with an exit code and nothing else).
 */
function fatal(
  logger: Logger,
  fields: Record<string, unknown>,
  message: string,
  details: readonly string[] = [],
): void {
  logger.fatal(fields, message);
  logger.flush();
  process.stderr.write(`residency-bot: ${message}\n${details.map((d) => `  ${d}\n`).join('')}`);
}

/** Network failures, by the codes Node and undici give them: Discord was never reached, so the token was not judged. */
const NETWORK_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

/** The network error's code (ENOTFOUND: DNS), looked for along the error's causes; undefined for any other failure. */
function networkFailure(error: unknown): string | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
    // @discordjs/rest aborts a request that has had no answer for its timeout (15 s).
    if (e.name === 'AbortError') return 'no answer in time';
  }
  return undefined;
}

function isTokenRefused(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === DiscordjsErrorCodes.TokenInvalid;
}
