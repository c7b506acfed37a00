import { randomBytes } from 'node:crypto';
import {
  Client,
  DiscordAPIError,
  Events,
  GatewayCloseCodes,
  RESTJSONErrorCodes,
  GatewayIntentBits,
  MessageFlags,
  Partials,
  type Interaction,
  type RepliableInteraction,
  type Message,
  type RESTOptions,
} from 'discord.js';
import { Agent } from 'undici';
import type { Answerer } from '../answer/answerer.ts';
import type { LiveStore } from '../knowledge/live-store.ts';
import type { Logger } from '../log.ts';
import type { Recorder } from '../record/recorder.ts';
import { createAsking, type AskingOptions } from '../service/asking.ts';
import { autoReload } from '../service/auto-reload.ts';
import { handleButton } from './buttons.ts';
import { findCommand } from './commands/index.ts';
import { UserError, type BotContext, type BotSettings, type Deferral } from './context.ts';
import { createCooldown } from './cooldown.ts';
import { createChannelReplies } from './channel-replies.ts';
import { handleMessage } from './message-handler.ts';
import { announceReloads } from './policy-channel.ts';
import { ACKNOWLEDGE_AFTER_MS, ACKNOWLEDGE_TURNS, REST_CONNECTIONS } from './limits.ts';
import { NO_MENTIONS } from './render.ts';
import { respondPrivately } from './replies.ts';
import { languageOfLocale, UI } from './strings.ts';
import { createWorkQueue } from './work-queue.ts';

export interface BotOptions {
  readonly token: string;
  /** Discord's API base URL (a REST proxy, or a fake in tests); Discord's own when undefined. */
  readonly apiUrl?: string | undefined;
  readonly store: LiveStore<Answerer>;
  readonly settings: BotSettings;
  readonly logger: Logger;
  readonly now?: () => Date;
  readonly recorder?: Recorder | undefined;
  /** Why there is no recorder although recording is on (the record could not be opened), for /kb. */
  readonly recordUnavailable?: string | undefined;
  /** Extra REST settings (tests raise the request rate and lower retries). */
  readonly rest?: Partial<RESTOptions>;
  /** Reload the knowledge shortly after its files change (debounce in ms); off when undefined. */
  readonly watch?: { readonly debounceMs: number } | undefined;
  /** Told of what happens, for metrics; nothing waits on them. */
  readonly hooks?: BotHooks | undefined;
  /** The knowledge repository's pulls (KNOWLEDGE_GIT_PULL_MINUTES), shown in /kb status. */
  readonly knowledgePull?: BotContext['knowledgePull'];
}

export interface BotHooks {
  /** After every question, with what was decided (the log line's fields). */
  readonly onAnswered?: AskingOptions['onAnswered'];
  /** When the error boundary catches a failure: a handler's error, a reply Discord refused, an expired interaction. */
  readonly onFailure?: (failure: FailureReport) => void;
  /** After an interaction that was deferred (acknowledged first, answered later) has been handled. */
  readonly onDeferred?: () => void;
}

export interface FailureReport {
  readonly source: 'interaction' | 'message';
  readonly reason: 'error' | 'refused' | 'expired';
}

/** Discord closed the gateway with 4014: a privileged intent asked for is not enabled for the app. */
export class DisallowedIntentsError extends Error {
  override readonly name = 'DisallowedIntentsError';
  constructor(options: { cause: unknown }) {
    super(
      'Discord refused the Message Content intent (gateway close code 4014). ANSWER_CHANNEL_IDS needs it: enable it in the Developer Portal ' +
        '(your application → Bot → Privileged Gateway Intents → Message Content Intent), or clear ANSWER_CHANNEL_IDS to answer mentions and DMs only.',
      options,
    );
  }
}

export interface RunningBot {
  readonly client: Client<true>;
  readonly context: BotContext;
  /** Logs out and closes every connection. Safe to call twice. */
  stop(): Promise<void>;
}

/** Starts the bot and resolves once it is connected and ready. */
export async function startBot(options: BotOptions): Promise<RunningBot> {
  const now = options.now ?? (() => new Date());
  const { logger, settings } = options;
  const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];
  // Message Content is privileged; it is only needed to read channels that are answered without a mention.
  if (settings.answerChannelIds.length > 0) intents.push(GatewayIntentBits.MessageContent);
  // Without a cap, a burst of interactions opens a socket per reply and they all crawl; a few dozen
  // kept-alive connections answer a burst of 1,000 several times faster.
  const agent = new Agent({ connections: REST_CONNECTIONS });
  const client = new Client({
    intents,
    partials: [Partials.Channel],
    allowedMentions: NO_MENTIONS,
    rest: { agent, ...(options.apiUrl ? { api: options.apiUrl } : {}), ...options.rest },
  });
  const context: BotContext = {
    store: options.store,
    logger,
    now,
    settings,
    recorder: options.recorder,
    recordUnavailable: options.recordUnavailable,
    knowledgePull: options.knowledgePull,
    cooldown: createCooldown({ ms: settings.questionCooldownMs, now: () => now().getTime() }),
    channelReplies: createChannelReplies(),
    asking: createAsking({
      store: options.store,
      contact: settings.contact,
      now,
      conversationMs: settings.conversationMs,
      recorder: options.recorder,
      onError: (err) => logger.error({ err, event: 'record.failed' }, 'could not record a question'),
      onAnswered: (entry) => {
        logger.info({ event: 'answer', ...entry }, 'question answered');
        options.hooks?.onAnswered?.(entry);
      },
    }),
  };

  const hooks = options.hooks ?? {};
  // Interactions and messages wait their turn on the one thread; an interaction whose turn would come
  // too late for Discord's deadline is deferred first (src/discord/work-queue.ts).
  const work = createWorkQueue({
    acknowledgeAfterMs: ACKNOWLEDGE_AFTER_MS,
    acknowledgeTurns: ACKNOWLEDGE_TURNS,
    now: Date.now,
    onAcknowledge: (waitedMs) =>
      logger.debug({ event: 'interaction.deferred', waitedMs }, 'deferred: the bot is busy with earlier questions'),
  });
  client.on(Events.InteractionCreate, (interaction) => {
    const handle = () => void guard(() => routeInteraction(interaction, context), interaction, context, hooks);
    const deferral = deferralOf(interaction);
    // What cannot be deferred (autocomplete, a form to fill in) is answered at once; it must be cheap.
    if (deferral === 'never' || !interaction.isRepliable()) return handle();
    work.push({
      // Discord's clock and ours may differ: the earlier of the two never defers too late.
      since: Math.min(Date.now(), interaction.createdTimestamp),
      acknowledge: () => acknowledge(interaction, deferral, logger),
      run: handle,
    });
  });
  client.on(Events.MessageCreate, (message) =>
    work.push({
      since: Math.min(Date.now(), message.createdTimestamp),
      run: () => void guard(() => handleMessage(message, context), message, context, hooks),
    }),
  );
  client.on(Events.Error, (err) => logger.error({ err, event: 'discord.error' }, 'Discord client error'));
  client.on(Events.ShardError, (err, shardId) =>
    logger.error({ err, shardId, event: 'discord.shard_error' }, 'gateway connection error'),
  );
  // discord.js waits by itself when Discord's headers say a route's limit is used up: that is routine, not
  // worth a warning. A 429 is Discord refusing a request, and counts toward its invalid-request limit.
  client.rest.on('rateLimited', (info) =>
    logger.debug(
      { event: 'discord.rate_limit_wait', route: info.route, waitMs: info.timeToReset, global: info.global },
      'waiting for a Discord rate limit to reset',
    ),
  );
  client.rest.on('response', (request, response) => {
    if (response.status !== 429) return;
    logger.warn(
      {
        event: 'discord.rate_limited',
        method: request.method,
        route: request.route,
        retryAfter: response.headers.get('retry-after'),
        scope: response.headers.get('x-ratelimit-scope'),
        global: response.headers.has('x-ratelimit-global'),
      },
      'rate limited by Discord (429)',
    );
  });

  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  let closeCode: number | undefined;
  client.on(Events.ShardDisconnect, (event) => (closeCode = event.code));
  try {
    await client.login(options.token);
  } catch (err) {
    await client.destroy();
    await agent.close();
    if (closeCode === GatewayCloseCodes.DisallowedIntents) throw new DisallowedIntentsError({ cause: err });
    throw err;
  }
  const readyClient = await ready;
  logger.info(
    {
      event: 'discord.ready',
      user: readyClient.user.tag,
      guilds: readyClient.guilds.cache.size,
      knowledge: options.store.current().snapshot.version,
    },
    'connected to Discord',
  );

  if (settings.policyRoleId !== undefined && readyClient.guilds.cache.has(settings.policyRoleId)) {
    logger.error(
      { event: 'config.policy_role_everyone', guild: settings.policyRoleId },
      "POLICY_ROLE_ID is a server's @everyone role (its id is the server's): /kb is refused to everyone there until it names the policy team's own role",
    );
  }

  const watcher = options.watch ? autoReload(options.store, settings.knowledgeDir, logger, options.watch) : undefined;
  const unannounce = settings.policyChannelId
    ? announceReloads(readyClient, options.store, settings.policyChannelId, logger)
    : undefined;

  let stopped = false;
  return {
    client: readyClient,
    context,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      watcher?.close();
      unannounce?.();
      await client.destroy();
      await agent.close();
      logger.info({ event: 'discord.stopped' }, 'disconnected from Discord');
    },
  };
}

function deferralOf(interaction: Interaction): Deferral {
  if (interaction.isChatInputCommand())
    return findCommand(interaction.commandName)?.deferral?.(interaction) ?? 'private';
  // Buttons answer privately; a submitted form is the policy team's preview, answered privately.
  if (interaction.isButton() || interaction.isModalSubmit()) return 'private';
  return 'never';
}

/** Defers an interaction that had to wait; false when Discord no longer knows it (nothing left to do). */
async function acknowledge(interaction: RepliableInteraction, deferral: Deferral, logger: Logger): Promise<boolean> {
  if (interaction.deferred || interaction.replied) return true;
  try {
    await interaction.deferReply(deferral === 'private' ? { flags: MessageFlags.Ephemeral } : {});
    return true;
  } catch (error) {
    if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownInteraction) {
      logger.error(
        { err: error, event: 'handler.expired', ...describe(interaction) },
        'the interaction expired before it could be deferred',
      );
      return false;
    }
    logger.warn(
      { err: error, event: 'interaction.defer_failed', ...describe(interaction) },
      'could not defer the interaction; answering it anyway',
    );
    return true;
  }
}

async function routeInteraction(interaction: Interaction, context: BotContext): Promise<void> {
  if (interaction.isChatInputCommand()) {
    const command = findCommand(interaction.commandName);
    if (!command) throw new Error(`no command named ${interaction.commandName}`);
    await command.execute(interaction, context);
  } else if (interaction.isAutocomplete()) {
    await findCommand(interaction.commandName)?.autocomplete?.(interaction, context);
  } else if (interaction.isButton()) {
    await handleButton(interaction, context);
  } else if (interaction.isModalSubmit()) {
    const command = findCommand(interaction.customId.split(':')[0] ?? '');
    if (!command?.modal) throw new Error(`no modal handler for ${interaction.customId}`);
    await command.modal(interaction, context);
  }
}

/**
 * The one error boundary. A UserError's message goes privately to the person; anything else is logged
 * with a short reference that the person is given, and the bot keeps serving. A failure to report the
 * failure (Discord down, interaction expired) is logged too, never thrown.
 */
async function guard(
  run: () => Promise<void>,
  source: Interaction | Message,
  context: BotContext,
  hooks: Pick<BotHooks, 'onFailure' | 'onDeferred'>,
): Promise<void> {
  try {
    await run();
  } catch (error) {
    const report = (reason: FailureReport['reason']) =>
      hooks.onFailure?.({ source: 'isRepliable' in source ? 'interaction' : 'message', reason });
    if (error instanceof DiscordAPIError && (error.status === 401 || error.status === 403)) {
      // A refused request counts toward Discord's limit of 10,000 invalid requests per 10 minutes, after
      // which the IP is banned (discord-api-docs topics/rate-limits.mdx): never answer one with another.
      context.logger.error(
        {
          err: error,
          event: 'handler.refused',
          status: error.status,
          code: error.code,
          channel: source.channelId,
          ...describe(source),
        },
        'Discord refused the reply; not retrying in this channel',
      );
      report('refused');
      return;
    }
    if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownInteraction) {
      // Past the 3-second deadline the interaction is gone: nobody is left to tell.
      context.logger.error(
        { err: error, event: 'handler.expired', ...describe(source) },
        'the interaction expired before it was answered',
      );
      report('expired');
      return;
    }
    if (!(error instanceof UserError)) report('error');
    const language = 'locale' in source ? languageOfLocale(source.locale) : 'en';
    const ref = randomBytes(4).toString('hex');
    const userMessage = error instanceof UserError ? error.message : UI[language].somethingWrong(ref);
    if (!(error instanceof UserError))
      context.logger.error({ err: error, ref, event: 'handler.failed', ...describe(source) }, 'handler failed');
    try {
      if ('isRepliable' in source) {
        if (source.isRepliable()) await respondPrivately(source, userMessage);
      } else {
        await source.reply({ content: userMessage, allowedMentions: NO_MENTIONS });
      }
    } catch (reportError) {
      context.logger.warn(
        { err: reportError, ref, event: 'handler.report_failed' },
        'could not tell the user about a failure',
      );
    }
  } finally {
    if ('isRepliable' in source && source.isRepliable() && source.deferred) hooks.onDeferred?.();
  }
}

function describe(source: Interaction | Message): Record<string, unknown> {
  if ('isRepliable' in source) {
    if (source.isCommand() || source.isAutocomplete()) return { interaction: source.commandName };
    return { interaction: source.customId };
  }
  return { message: source.id, channel: source.channelId };
}
