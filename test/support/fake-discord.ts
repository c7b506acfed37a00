/**
 * A small fake Discord (REST + gateway) on loopback, so the REAL discord.js
 * `Client` can log in and talk to it in end-to-end tests.
 *
 * Usage:
 *
 * ```ts
 * const fake = await startFakeDiscord();
 * const client = new Client({
 *   intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
 *   partials: [Partials.Channel],
 *   rest: { api: fake.apiUrl, globalRequestsPerSecond: 10_000 },
 * });
 * const ready = once(client, Events.ClientReady);
 * await client.login(fake.token);
 * await ready;
 * // ... fake.sendInteraction(fake.slashCommand({ name: 'ask', options: { question: 'hi' } })) ...
 * await client.destroy(); // ALWAYS before fake.close(), or the client keeps reconnecting forever
 * await fake.close();
 * ```
 *
 * Everything sent to the client is typed with `discord-api-types/v10`, so payload
 * drift in a discord-api-types upgrade fails type-checking instead of silently
 * producing payloads discord.js no longer accepts.
 *
 * Things this fake does on purpose, because discord.js depends on them:
 * - Every JSON response carries `Content-Type: application/json`. Without it
 *   @discordjs/rest returns an ArrayBuffer and discord.js builds empty objects.
 * - READY is followed by GUILD_CREATE (`unavailable: false`), otherwise the
 *   client waits `waitGuildTimeout` (15 s) before emitting `clientReady`.
 * - Interactions carry `entitlements`, `authorizing_integration_owners`,
 *   `app_permissions`, `application_id`, `token`, `version: 1`, `data.type`.
 * - Dispatches are sequenced and logged per session: a RESUME replays what the
 *   client missed, then RESUMED. Dispatching while the client is disconnected
 *   buffers the event for the resume, like Discord does.
 *
 * Files, by concern: this one holds the servers, the gateway, the waiters and the payload builders;
 * in `fake-discord/`, `world.ts` the guild, channels, users, messages and interactions; `rest.ts` the
 * REST routes; `validate.ts` and `permissions.ts` what Discord refuses; `faults.ts` fault injection;
 * `http.ts` request parsing; `types.ts` the public types; `snowflake.ts` ids.
 *
 * Strict like Discord (each rule cites its page of github.com/discord/discord-api-docs where it is
 * enforced; the numbers are the fake's own copy, `fake-discord/rules.ts`, never the bot's):
 * - Paths must start with `/api` (404 otherwise).
 * - Message bodies (channel messages, interaction responses, follow-ups, edits), autocomplete choices
 *   and modals are checked by `fake-discord/validate.ts`: 400 with 50035 and the offending keys, 50006
 *   for an empty message.
 * - Channel messages need the bot's permissions in the channel, overwrites included
 *   (`fake-discord/permissions.ts`): 403 with 50013 for embeds without Embed Links, a reply without
 *   Read Message History, or no Send Messages (Send Messages in Threads in a thread); 50001 without
 *   View Channel.
 * - An interaction callback more than 3 s after the dispatch gets 404 10062; a second one 400 40060.
 * - IDENTIFY with a privileged intent not enabled (`privilegedIntents`) is closed with 4014.
 * - Without the Message Content intent, guild messages that do not mention the bot arrive empty.
 *
 * Caveats:
 * - Re-IDENTIFYing within 5 s of the previous IDENTIFY makes @discordjs/ws sleep
 *   up to ~6.5 s (its identify throttle). `dropGateway()` therefore defaults to
 *   close code 4000, which discord.js answers with RESUME (no throttle); the
 *   client waits ~500 ms before reconnecting.
 * - Do not `client.destroy()` during that 500 ms reconnect sleep: the shard is
 *   "idle" then, destroy is a no-op for it, and it reconnects afterwards.
 *   Wait for `waitForGatewayEvent('resumed')` first.
 * - Always `await client.destroy()` BEFORE `await fake.close()`. A client that
 *   loses the gateway retries every ~500 ms forever, and once it is in that
 *   loop `client.destroy()` can no longer stop it (same idle-shard race), so
 *   the test process keeps a timer alive. `close()` rejects (after cleaning up)
 *   when a gateway client was still connected, to make that mistake loud.
 * - `retry-after` is sent exactly as given (fractional seconds allowed, so
 *   tests stay fast); real Discord sends whole seconds in the header.
 * - @discordjs/rest retries 5xx (default `rest.retries: 3`) and network errors,
 *   and waits out 429s; every attempt is recorded in `requests`.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ButtonStyle,
  ChannelType,
  ComponentType,
  GatewayCloseCodes,
  GatewayDispatchEvents,
  GatewayIntentBits,
  GatewayOpcodes,
  ThreadAutoArchiveDuration,
  InteractionContextType,
  InteractionResponseType,
  InteractionType,
  Locale,
  MessageReferenceType,
  MessageType,
  type APIActionRowComponent,
  type ApplicationFlags,
  type ChannelFlags,
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIApplicationCommandInteractionDataOption,
  type APIButtonComponent,
  type APIChatInputApplicationCommandInteraction,
  type APIOverwrite,
  type APIThreadChannel,
  type APIInteraction,
  type APIInteractionGuildMember,
  type APIMessage,
  type APIMessageComponentButtonInteraction,
  type APIMessageTopLevelComponent,
  type APIModalSubmissionComponent,
  type APIModalSubmitInteraction,
  type APIUser,
  type GatewayDispatchPayload,
  type GatewayIdentifyData,
  type GatewayMessageCreateDispatchData,
  type GatewayReadyDispatchData,
  type GatewayResumeData,
  type Snowflake,
} from 'discord-api-types/v10';

import { createFaults } from './fake-discord/faults.ts';
import { createRoutes } from './fake-discord/rest.ts';
import { DISCORD_RULES } from './fake-discord/rules.ts';
import { createWorld } from './fake-discord/world.ts';
import { isRecord, normalisePath, parseBody, writeResponse, type RouteResult } from './fake-discord/http.ts';
import { randomToken, snowflake } from './fake-discord/snowflake.ts';
import type {
  RecordedRequest,
  DispatchData,
  RequestPredicate,
  GatewayEventKind,
  GatewayEvent,
  StartFakeDiscordOptions,
  InteractionTarget,
  SlashCommandInit,
  AutocompleteInit,
  ButtonInit,
  ModalSubmitInit,
  SendMessageInit,
  FakeDiscord,
  InteractionReply,
} from './fake-discord/types.ts';

export * from './fake-discord/types.ts';
export { snowflake } from './fake-discord/snowflake.ts';

// ---------------------------------------------------------------------------
// Implementation
// ---------------------------------------------------------------------------

interface Waiter<T> {
  accepts: (item: T) => boolean;
  resolve: (item: T) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

interface SessionState {
  id: string;
  seq: number;
  log: { s: number; raw: string }[];
}

function simpleOption(
  name: string,
  value: string | number | boolean,
): APIApplicationCommandInteractionDataBasicOption<InteractionType.ApplicationCommand> {
  if (typeof value === 'string') return { name, type: ApplicationCommandOptionType.String, value };
  if (typeof value === 'boolean') return { name, type: ApplicationCommandOptionType.Boolean, value };
  if (Number.isInteger(value)) return { name, type: ApplicationCommandOptionType.Integer, value };
  return { name, type: ApplicationCommandOptionType.Number, value };
}

export async function startFakeDiscord(options: StartFakeDiscordOptions = {}): Promise<FakeDiscord> {
  const heartbeatIntervalMs = options.heartbeatIntervalMs ?? 41_250;

  const world = createWorld(options);
  const {
    guildLocale,
    applicationId,
    botUser,
    token,
    guildId,
    everyoneRoleId,
    policyRoleId,
    botRoleId,
    botPermissions,
    textChannel,
    forumChannel,
    threads,
    users,
    createUser,
    staffUser,
    outsiderUser,
    memberOf,
    lookupUser,
    memberPermissions,
    isThread,
    permissionsIn,
    dmChannelFor,
    findGuildChannel,
    commands,
    messages,
    interactions,
    buildMessage,
    guildCreatePayload,
  } = world;

  // ---- waiters ------------------------------------------------------------
  let closed = false;
  const requests: RecordedRequest[] = [];
  const claimedRequests = new Set<number>();
  const requestWaiters = new Set<Waiter<RecordedRequest>>();
  const gatewayEvents: GatewayEvent[] = [];
  const claimedEvents = new Set<number>();
  const eventWaiters = new Set<Waiter<GatewayEvent>>();
  const pendingTimers = new Set<{ timer: NodeJS.Timeout; cancel: () => void }>();

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          pendingTimers.delete(entry);
          resolve();
        }, ms),
        cancel: () => resolve(),
      };
      pendingTimers.add(entry);
    });

  const offer = <T extends { index: number }>(item: T, waiters: Set<Waiter<T>>, claimed: Set<number>): void => {
    for (const waiter of waiters) {
      if (claimed.has(item.index)) return;
      if (waiter.accepts(item)) {
        claimed.add(item.index);
        waiters.delete(waiter);
        clearTimeout(waiter.timer);
        waiter.resolve(item);
        return;
      }
    }
  };

  const waitFor = <T extends { index: number }>(
    items: readonly T[],
    isDone: (item: T) => boolean,
    accepts: (item: T) => boolean,
    waiters: Set<Waiter<T>>,
    claimed: Set<number>,
    timeoutMs: number,
    describe: () => string,
  ): Promise<T> => {
    if (closed) return Promise.reject(new Error('fake discord is closed'));
    const found = items.find((item) => !claimed.has(item.index) && isDone(item) && accepts(item));
    if (found !== undefined) {
      claimed.add(found.index);
      return Promise.resolve(found);
    }
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = {
        accepts,
        resolve,
        reject,
        timer: setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${describe()}`));
        }, timeoutMs),
      };
      waiters.add(waiter);
    });
  };

  const recordGatewayEvent = (kind: GatewayEventKind, extra: { code?: number; url?: string } = {}): void => {
    const event: GatewayEvent = { index: gatewayEvents.length, kind, at: Date.now(), ...extra };
    gatewayEvents.push(event);
    offer(event, eventWaiters, claimedEvents);
  };

  // ---- REST ---------------------------------------------------------------
  const faults = createFaults();

  let gatewayUrl = '';
  const route = createRoutes(world, () => gatewayUrl, {
    interactionDeadlineMs: options.interactionDeadlineMs ?? DISCORD_RULES.interactionDeadlineMs,
    channelRateLimits: options.channelRateLimits ?? false,
  });

  const handleHttp = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const { body, files } = parseBody(req.headers['content-type'], raw);
    const path = normalisePath(url.pathname);
    const request: RecordedRequest = {
      index: requests.length,
      method: (req.method ?? 'GET').toUpperCase(),
      path: path ?? url.pathname,
      rawUrl: req.url ?? '/',
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body,
      files,
      status: 0,
      responseBody: undefined,
      at: Date.now(),
    };
    requests.push(request);

    const delay = faults.takeDelay(request);
    if (delay !== undefined) await sleep(delay.ms);
    if (closed) {
      res.destroy();
      return;
    }

    const failure = faults.takeFailure(request);
    let result: RouteResult;
    try {
      if (path === undefined) result = { status: 404, body: { message: '404: Not Found', code: 0 } };
      else result = failure ?? route(request);
    } catch (cause) {
      result = { status: 500, body: { message: `fake discord route crashed: ${String(cause)}`, code: 0 } };
    }
    request.status = result.status;
    request.responseBody = result.body;
    writeResponse(res, result);
    offer(request, requestWaiters, claimedRequests);
  };

  // ---- gateway --------------------------------------------------------------
  let session: SessionState | null = null;
  let activeSocket: WebSocket | null = null;
  const identifies: GatewayIdentifyData[] = [];
  const resumes: GatewayResumeData[] = [];

  const sendRaw = (socket: WebSocket, raw: string): Promise<void> =>
    new Promise((resolve) => {
      if (socket.readyState !== socket.OPEN) {
        resolve();
        return;
      }
      socket.send(raw, () => resolve());
    });

  const dispatch = async <T extends GatewayDispatchPayload['t']>(t: T, d: DispatchData<T>): Promise<number> => {
    if (closed) throw new Error('fake discord is closed');
    if (session === null) throw new Error(`cannot dispatch ${t}: no gateway session (has the client logged in?)`);
    if (t === GatewayDispatchEvents.InteractionCreate) registerInteraction(d as APIInteraction);
    session.seq += 1;
    const s = session.seq;
    const raw = JSON.stringify({ op: GatewayOpcodes.Dispatch, t, s, d });
    session.log.push({ s, raw });
    if (activeSocket !== null) await sendRaw(activeSocket, raw);
    return s;
  };

  const registerInteraction = (interaction: APIInteraction): void => {
    if (!interactions.has(interaction.token)) {
      interactions.set(interaction.token, {
        interaction,
        acknowledged: false,
        callbacks: [],
        dispatchedAt: Date.now(),
        original: null,
        followUps: [],
        deleted: false,
      });
    }
  };

  const handleGatewayPayload = async (socket: WebSocket, data: RawData): Promise<void> => {
    let payload: unknown;
    try {
      payload = JSON.parse(
        (Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer)).toString('utf8'),
      );
    } catch {
      socket.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
      return;
    }
    if (!isRecord(payload) || typeof payload['op'] !== 'number') {
      socket.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
      return;
    }
    switch (payload['op'] as GatewayOpcodes) {
      case GatewayOpcodes.Heartbeat: {
        recordGatewayEvent('heartbeat');
        await sendRaw(socket, JSON.stringify({ op: GatewayOpcodes.HeartbeatAck }));
        return;
      }
      case GatewayOpcodes.Identify: {
        const d = payload['d'] as GatewayIdentifyData;
        identifies.push(d);
        // discord-api-docs events/gateway.mdx, "Privileged Intents": an intent not enabled in the
        // Developer Portal closes the connection with 4014 Disallowed intent(s).
        const privileged =
          GatewayIntentBits.GuildMembers | GatewayIntentBits.GuildPresences | GatewayIntentBits.MessageContent;
        if ((Number(d.intents) & privileged & ~(options.privilegedIntents ?? 0)) !== 0) {
          socket.close(GatewayCloseCodes.DisallowedIntents, 'Disallowed intent(s).');
          return;
        }
        if (activeSocket !== null && activeSocket !== socket) activeSocket.terminate();
        activeSocket = socket;
        session = { id: randomBytes(16).toString('hex'), seq: 0, log: [] };
        const ready: GatewayReadyDispatchData = {
          v: 10,
          user: botUser,
          guilds: [{ id: guildId, unavailable: true }],
          session_id: session.id,
          resume_gateway_url: gatewayUrl,
          shard: d.shard ?? [0, 1],
          application: { id: applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
        };
        await dispatch(GatewayDispatchEvents.Ready, ready);
        await dispatch(GatewayDispatchEvents.GuildCreate, guildCreatePayload());
        recordGatewayEvent('identified');
        return;
      }
      case GatewayOpcodes.Resume: {
        const d = payload['d'] as GatewayResumeData;
        resumes.push(d);
        if (session === null || d.session_id !== session.id || d.seq > session.seq) {
          await sendRaw(socket, JSON.stringify({ op: GatewayOpcodes.InvalidSession, d: false }));
          recordGatewayEvent('invalid-session');
          return;
        }
        if (activeSocket !== null && activeSocket !== socket) activeSocket.terminate();
        activeSocket = socket;
        for (const entry of session.log) {
          if (entry.s > d.seq) await sendRaw(socket, entry.raw);
        }
        await dispatch(GatewayDispatchEvents.Resumed, undefined);
        recordGatewayEvent('resumed');
        return;
      }
      default:
        // Presence updates, guild member requests, voice state updates: accepted and ignored.
        return;
    }
  };

  // ---- servers ------------------------------------------------------------
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    handleHttp(req, res).catch((cause: unknown) => {
      writeResponse(res, { status: 500, body: { message: `fake discord crashed: ${String(cause)}`, code: 0 } });
    });
  });
  server.keepAliveTimeout = 5_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const wss = new WebSocketServer({ noServer: true });
  let gatewayDown = false;
  server.on('upgrade', (req, socket, head) => {
    if (gatewayDown || (req.url ?? '').startsWith('/api')) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  wss.on('connection', (ws: WebSocket, req: IncomingMessage) => {
    recordGatewayEvent('connected', { url: req.url ?? '/' });
    ws.on('message', (data) => {
      handleGatewayPayload(ws, data).catch(() => ws.terminate());
    });
    ws.on('close', (code) => {
      if (activeSocket === ws) activeSocket = null;
      recordGatewayEvent('closed', { code });
    });
    ws.on('error', () => ws.terminate());
    void sendRaw(ws, JSON.stringify({ op: GatewayOpcodes.Hello, d: { heartbeat_interval: heartbeatIntervalMs } }));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const apiUrl = `http://127.0.0.1:${port}/api`;
  gatewayUrl = `ws://127.0.0.1:${port}`;

  // ---- builders -------------------------------------------------------------
  const baseInteraction = (target: InteractionTarget) => {
    const fakeUser = lookupUser(target.user ?? staffUser);
    const locale = target.locale ?? Locale.EnglishUS;
    const common = {
      id: snowflake(),
      application_id: applicationId,
      token: `aW50ZXJhY3Rpb246${randomToken(120)}`,
      version: 1 as const,
      locale,
      entitlements: [],
      attachment_size_limit: 10 * 1024 * 1024,
    };
    if (target.dm === true) {
      const channel = dmChannelFor(fakeUser.user);
      return {
        ...common,
        user: fakeUser.user,
        channel_id: channel.id,
        channel: channel,
        app_permissions: botPermissions,
        context: InteractionContextType.BotDM,
        // A guild-installed app used in the bot's DM: GUILD_INSTALL owner is "0".
        authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: '0' },
      };
    }
    const memberRoles = target.roles ?? fakeUser.roles;
    const member: APIInteractionGuildMember = {
      ...memberOf(fakeUser, memberRoles),
      user: fakeUser.user,
      permissions: memberPermissions(memberRoles),
    };
    return {
      ...common,
      guild_id: guildId,
      guild: { id: guildId, locale: guildLocale, features: [] },
      guild_locale: guildLocale,
      member,
      channel_id: textChannel.id,
      channel: textChannel,
      app_permissions: permissionsIn(textChannel, botUser.id).toString(),
      context: InteractionContextType.Guild,
      authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: guildId },
    };
  };

  const commandIdFor = (name: string, explicit: Snowflake | undefined): Snowflake => {
    if (explicit !== undefined) return explicit;
    for (const list of commands.values()) {
      const found = list.find((c) => c.name === name);
      if (found !== undefined) return found.id;
    }
    return snowflake();
  };

  const botMessage = (
    init: { content?: string; channelId?: Snowflake; components?: APIMessageTopLevelComponent[] } = {},
  ): APIMessage =>
    buildMessage(
      init.channelId ?? textChannel.id,
      { content: init.content ?? 'Answer', ...(init.components !== undefined ? { components: init.components } : {}) },
      {
        author: botUser,
        application_id: applicationId,
      },
    );

  const slashCommand = (init: SlashCommandInit): APIChatInputApplicationCommandInteraction => {
    const rawOptions =
      init.options === undefined
        ? []
        : Array.isArray(init.options)
          ? init.options
          : Object.entries(init.options).map(([name, value]) => simpleOption(name, value));
    return {
      ...baseInteraction(init),
      type: InteractionType.ApplicationCommand,
      data: {
        id: commandIdFor(init.name, init.commandId),
        name: init.name,
        type: ApplicationCommandType.ChatInput,
        options: rawOptions,
      },
    };
  };

  const autocomplete = (init: AutocompleteInit): APIApplicationCommandAutocompleteInteraction => {
    const others: APIApplicationCommandInteractionDataOption<InteractionType.ApplicationCommandAutocomplete>[] =
      Object.entries(init.options ?? {}).map(
        ([
          name,
          value,
        ]): APIApplicationCommandInteractionDataBasicOption<InteractionType.ApplicationCommandAutocomplete> => {
          // While typing, Discord sends numeric option values as strings.
          if (typeof value === 'string') return { name, type: ApplicationCommandOptionType.String, value };
          if (typeof value === 'boolean') return { name, type: ApplicationCommandOptionType.Boolean, value };
          return {
            name,
            type: Number.isInteger(value) ? ApplicationCommandOptionType.Integer : ApplicationCommandOptionType.Number,
            value: String(value),
          };
        },
      );
    const focused: APIApplicationCommandInteractionDataBasicOption<InteractionType.ApplicationCommandAutocomplete> = {
      name: init.focused,
      type: init.focusedType ?? ApplicationCommandOptionType.String,
      value: init.value,
      focused: true,
    };
    return {
      ...baseInteraction(init),
      type: InteractionType.ApplicationCommandAutocomplete,
      data: {
        id: commandIdFor(init.name, init.commandId),
        name: init.name,
        type: ApplicationCommandType.ChatInput,
        options: [...others, focused],
      },
    };
  };

  const button = (init: ButtonInit): APIMessageComponentButtonInteraction => {
    const base = baseInteraction(init);
    const buttonComponent: APIButtonComponent = {
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: init.customId,
      custom_id: init.customId,
    };
    const row: APIActionRowComponent<APIButtonComponent> = {
      type: ComponentType.ActionRow,
      components: [buttonComponent],
    };
    const message = init.message ?? botMessage({ channelId: base.channel_id, components: [row] });
    return {
      ...base,
      type: InteractionType.MessageComponent,
      message,
      data: { custom_id: init.customId, component_type: ComponentType.Button },
    };
  };

  const modalSubmit = (init: ModalSubmitInit): APIModalSubmitInteraction => {
    const components: APIModalSubmissionComponent[] = Object.entries(init.fields).map(([customId, value], i) =>
      (init.layout ?? 'actionRow') === 'label'
        ? {
            type: ComponentType.Label,
            id: i + 1,
            component: { type: ComponentType.TextInput, id: i + 100, custom_id: customId, value },
          }
        : {
            type: ComponentType.ActionRow,
            id: i + 1,
            components: [{ type: ComponentType.TextInput, id: i + 100, custom_id: customId, value }],
          },
    );
    return {
      ...baseInteraction(init),
      type: InteractionType.ModalSubmit,
      data: { custom_id: init.customId, components },
      ...(init.message !== undefined ? { message: init.message } : {}),
    };
  };

  const sendMessage = async (init: SendMessageInit): Promise<GatewayMessageCreateDispatchData> => {
    const author = lookupUser(init.author ?? staffUser);
    const prefix = [
      init.mentionsBot === true ? `<@${botUser.id}>` : '',
      init.mentionsRole !== undefined ? `<@&${init.mentionsRole}>` : '',
    ]
      .filter(Boolean)
      .join(' ');
    const mentioned: APIUser[] = init.mentionsBot === true ? [botUser] : [];
    // A reply pings the replied-to author unless the sender turned it off; Discord lists them in `mentions`.
    const replied = init.replyTo?.author;
    if (replied !== undefined && init.pingReplied !== false && !mentioned.some((u) => u.id === replied.id))
      mentioned.push(replied);
    const base = {
      id: snowflake(),
      author: author.user,
      content: prefix ? `${prefix} ${init.content}` : init.content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mention_roles: init.mentionsRole !== undefined ? [init.mentionsRole] : [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      type: init.replyTo !== undefined ? MessageType.Reply : MessageType.Default,
      flags: 0,
      nonce: snowflake(),
      ...(init.replyTo !== undefined
        ? {
            message_reference: {
              type: MessageReferenceType.Default,
              message_id: init.replyTo.id,
              channel_id: init.replyTo.channel_id,
              ...(init.dm === true ? {} : { guild_id: guildId }),
            },
            referenced_message: init.replyTo,
          }
        : {}),
    };
    let payload: GatewayMessageCreateDispatchData;
    if (init.dm === true) {
      const channel = dmChannelFor(author.user);
      payload = { ...base, channel_id: channel.id, channel_type: ChannelType.DM, mentions: mentioned };
      channel.last_message_id = payload.id;
    } else {
      const channel = findGuildChannel(init.channelId ?? textChannel.id);
      if (channel === undefined || channel.type === ChannelType.GuildForum)
        throw new Error(`sendMessage: no channel ${init.channelId} to post in (forum posts are threads: createThread)`);
      const { user: _authorUser, ...authorMember } = memberOf(author, init.roles);
      const withMember = (user: APIUser) => {
        const known = users.get(user.id);
        if (known === undefined || !known.inGuild) return user;
        const { user: _user, ...member } = memberOf(known);
        return { ...user, member };
      };
      // Without the Message Content intent, Discord empties what members typed, except in DMs and in
      // messages that mention the app (discord-api-docs events/gateway.mdx, "Message Content Intent").
      const intents = identifies.at(-1)?.intents ?? 0;
      const mentionsApp = mentioned.some((u) => u.id === botUser.id) || base.mention_roles.includes(botRoleId);
      const hidden = (Number(intents) & GatewayIntentBits.MessageContent) === 0 && !mentionsApp;
      payload = {
        ...base,
        ...(hidden ? { content: '', embeds: [], attachments: [], components: [] } : {}),
        channel_id: channel.id,
        channel_type: channel.type,
        guild_id: guildId,
        member: authorMember,
        mentions: mentioned.map(withMember),
      };
      if ('last_message_id' in channel || channel.type === ChannelType.GuildText) channel.last_message_id = payload.id;
    }
    await dispatch(GatewayDispatchEvents.MessageCreate, payload);
    return payload;
  };

  const createThread = async (init: { name?: string; parentId?: Snowflake } = {}): Promise<APIThreadChannel> => {
    const parent = findGuildChannel(init.parentId ?? textChannel.id);
    if (parent === undefined || isThread(parent))
      throw new Error(`createThread: no channel ${init.parentId} to start a thread in`);
    const now = new Date().toISOString();
    const thread: APIThreadChannel = {
      id: snowflake(),
      type: ChannelType.PublicThread,
      guild_id: guildId,
      name: init.name ?? `thread ${threads.length + 1}`,
      parent_id: parent.id,
      owner_id: staffUser.id,
      last_message_id: null,
      message_count: 0,
      member_count: 1,
      rate_limit_per_user: 0,
      thread_metadata: {
        archived: false,
        auto_archive_duration: ThreadAutoArchiveDuration.OneDay,
        archive_timestamp: now,
        locked: false,
        create_timestamp: now,
      },
      flags: 0 as ChannelFlags,
      total_message_sent: 0,
    };
    threads.push(thread);
    if (session !== null) await dispatch(GatewayDispatchEvents.ThreadCreate, { ...thread, newly_created: true });
    return thread;
  };

  const setPermissionOverwrites = async (channelId: Snowflake, overwrites: APIOverwrite[]): Promise<void> => {
    const channel = findGuildChannel(channelId);
    if (channel === undefined || isThread(channel))
      throw new Error(`setPermissionOverwrites: no channel ${channelId} with overwrites of its own`);
    channel.permission_overwrites = overwrites;
    if (session !== null)
      await dispatch(GatewayDispatchEvents.ChannelUpdate, channel as DispatchData<GatewayDispatchEvents.ChannelUpdate>);
  };

  // ---- the object -----------------------------------------------------------
  const fake: FakeDiscord = {
    apiUrl,
    gatewayUrl,
    token,
    botUser,
    applicationId,
    guildId,
    channelId: textChannel.id,
    textChannel,
    everyoneRoleId,
    policyRoleId,
    botRoleId,
    forumChannel,
    staffUser,
    outsiderUser,
    requests,
    gatewayEvents,
    identifies,
    resumes,
    get intents() {
      return identifies.at(-1)?.intents ?? null;
    },
    commands,
    messages,
    interactions,
    get sequence() {
      return session?.seq ?? 0;
    },
    slashCommand,
    autocomplete,
    button,
    modalSubmit,
    botMessage,
    createUser,
    dmChannelFor,
    createThread,
    setPermissionOverwrites,
    async sendInteraction<T extends APIInteraction>(payload: T): Promise<T> {
      registerInteraction(payload);
      await dispatch(GatewayDispatchEvents.InteractionCreate, payload);
      return payload;
    },
    sendMessage,
    dispatch,
    async dropGateway(dropOptions = {}) {
      const socket = activeSocket;
      if (socket === null) throw new Error('dropGateway: no client is connected');
      activeSocket = null;
      const closedPromise = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      if (dropOptions.terminate === true) socket.terminate();
      else socket.close(dropOptions.code ?? GatewayCloseCodes.UnknownError, dropOptions.reason ?? 'Unknown error');
      // A client that never answers the close frame is cut off after 1 s.
      const cutoff = setTimeout(() => socket.terminate(), 1_000);
      await closedPromise;
      clearTimeout(cutoff);
    },
    setGatewayOutage(down) {
      gatewayDown = down;
    },
    waitForGatewayEvent(kind, timeoutMs = 3_000) {
      return waitFor(
        gatewayEvents,
        () => true,
        (e) => e.kind === kind,
        eventWaiters,
        claimedEvents,
        timeoutMs,
        () => `gateway event "${kind}"`,
      );
    },
    waitForRequest<Body = unknown>(predicate: RequestPredicate, timeoutMs = 2_000): Promise<RecordedRequest<Body>> {
      return waitFor(
        requests,
        (r) => r.status !== 0,
        predicate,
        requestWaiters,
        claimedRequests,
        timeoutMs,
        () =>
          `a matching request; recorded so far:\n${requests.map((r) => `  ${r.method} ${r.path} -> ${r.status}`).join('\n') || '  (none)'}`,
      ) as Promise<RecordedRequest<Body>>;
    },
    async waitForReply<Data>(interaction: APIInteraction, timeoutMs = 5_000): Promise<InteractionReply<Data>> {
      const accepted = (r: RecordedRequest) => r.status >= 200 && r.status < 300;
      const callback = await fake.waitForRequest<{ type: InteractionResponseType; data?: Data }>(
        (r) => r.method === 'POST' && r.path === fake.callbackPath(interaction) && accepted(r),
        timeoutMs,
      );
      const callbackType = callback.body.type;
      if (callbackType !== InteractionResponseType.DeferredChannelMessageWithSource) {
        return { callbackType, deferred: false, data: (callback.body.data ?? {}) as Data, callback, answer: callback };
      }
      const answer = await fake.waitForRequest<Data & { flags?: number }>(
        (r) =>
          accepted(r) &&
          ((r.method === 'PATCH' && r.path === fake.originalPath(interaction)) ||
            (r.method === 'POST' && r.path === fake.followUpPath(interaction))),
        timeoutMs,
      );
      const deferredFlags = (callback.body.data as { flags?: number } | undefined)?.flags ?? 0;
      const flags = answer.method === 'POST' ? (answer.body.flags ?? 0) : deferredFlags;
      return { callbackType, deferred: true, data: { ...answer.body, flags }, callback, answer };
    },
    failNext: faults.failNext,
    delayNext: faults.delayNext,
    clearFaults: faults.clear,
    callbackPath: (interaction) => `/interactions/${interaction.id}/${interaction.token}/callback`,
    originalPath: (interaction) => `/webhooks/${applicationId}/${interaction.token}/messages/@original`,
    followUpPath: (interaction) => `/webhooks/${applicationId}/${interaction.token}`,
    async close(closeOptions = {}) {
      if (closed) return;
      closed = true;
      const stillConnected = [...wss.clients].filter((ws) => ws.readyState === ws.OPEN).length;
      for (const entry of pendingTimers) {
        clearTimeout(entry.timer);
        entry.cancel();
      }
      pendingTimers.clear();
      for (const waiter of [...requestWaiters, ...eventWaiters]) {
        clearTimeout(waiter.timer);
        waiter.reject(new Error('fake discord closed while waiting'));
      }
      requestWaiters.clear();
      eventWaiters.clear();
      activeSocket = null;
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      for (const socket of sockets) socket.destroy();
      await serverClosed;
      if (stillConnected > 0 && closeOptions.allowConnectedClient !== true) {
        throw new Error(
          `fake discord closed while ${stillConnected} gateway client(s) were still connected: ` +
            'await client.destroy() before fake.close(), or the client reconnects forever',
        );
      }
    },
  };
  return fake;
}
