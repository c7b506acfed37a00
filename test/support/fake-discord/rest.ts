/** The REST routes the bot uses, answering as Discord does and refusing what Discord refuses. */
import { DISCORD_RULES } from './rules.ts';
import { isRecord, type RouteResult } from './http.ts';
import { refuseMessage } from './permissions.ts';
import { snowflake } from './snowflake.ts';
import { validateAutocomplete, validateCommands, validateMessage, validateModal } from './validate.ts';
import type { MessageBodyLike, World } from './world.ts';
import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  InteractionContextType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  MessageType,
  type APIApplicationCommand,
  type APIApplicationCommandOption,
  type APIInteraction,
  type APIMessage,
  type RESTGetAPIGatewayBotResult,
  type RESTPostAPIInteractionCallbackWithResponseResult,
  type Snowflake,
} from 'discord-api-types/v10';
import type { RecordedFile, RecordedRequest, FakeInteractionState } from './types.ts';

type RouteHandler = (request: RecordedRequest, params: string[]) => RouteResult;

interface Route {
  method: string;
  pattern: RegExp;
  handler: RouteHandler;
}

/** The router: Discord's answer to a request, by its normalised `path` (see `RecordedRequest.path`). */
export function createRoutes(
  world: World,
  gatewayUrl: () => string,
  rules: { readonly interactionDeadlineMs: number; readonly channelRateLimits: boolean },
): (request: RecordedRequest) => RouteResult {
  const {
    applicationId,
    botUser,
    guildId,
    textChannel,
    users,
    staffUser,
    memberOf,
    isThread,
    permissionsIn,
    dmChannelFor,
    findChannel,
    commands,
    interactions,
    storeMessage,
    buildMessage,
    patchMessage,
    guildPayload,
  } = world;

  const json = (body: unknown, status = 200): RouteResult => ({ status, body });
  const error = (status: number, message: string, code: number): RouteResult => ({ status, body: { message, code } });

  const interactionByToken = (tokenParam: string): FakeInteractionState | undefined => interactions.get(tokenParam);

  /**
   * Messages posted per channel in the current window, as Discord counts them for POST
   * /channels/{id}/messages: its rate-limit headers on every response (topics/rate-limits.mdx, "Header
   * Format"), and past the limit 429 with `retry_after` and `X-RateLimit-Scope: user` ("Exceeding A Rate
   * Limit"). Refused posts do not count.
   */
  const channelWindows = new Map<Snowflake, { start: number; count: number }>();
  const channelRate = (
    channelId: Snowflake,
    at: number,
  ): { refused?: RouteResult; headers: Record<string, string> } => {
    const { channelMessagesPerWindow: limit, channelMessageWindowMs: windowMs } = DISCORD_RULES;
    let window = channelWindows.get(channelId);
    if (window === undefined || at - window.start >= windowMs) {
      window = { start: at, count: 0 };
      channelWindows.set(channelId, window);
    }
    const resetAfter = (window.start + windowMs - at) / 1000;
    const headers = (remaining: number) => ({
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(remaining),
      'x-ratelimit-reset': ((window.start + windowMs) / 1000).toFixed(3),
      'x-ratelimit-reset-after': resetAfter.toFixed(3),
      'x-ratelimit-bucket': 'fake-channel-messages',
    });
    if (window.count >= limit) {
      return {
        refused: {
          status: 429,
          body: { message: 'You are being rate limited.', retry_after: resetAfter, global: false },
          headers: { ...headers(0), 'retry-after': String(Math.ceil(resetAfter)), 'x-ratelimit-scope': 'user' },
        },
        headers: {},
      };
    }
    window.count += 1;
    return { headers: headers(limit - window.count) };
  };

  // receiving-and-responding.mdx: interaction tokens are valid for 15 minutes; 50027 Invalid Webhook Token
  // (opcodes-and-status-codes.mdx) after that.
  const expired = (state: FakeInteractionState, req: RecordedRequest): boolean =>
    req.at - state.dispatchedAt > DISCORD_RULES.interactionTokenLifetimeMs;

  const asBody = (request: RecordedRequest): MessageBodyLike => (isRecord(request.body) ? request.body : {});

  const interactionChannelId = (interaction: APIInteraction): Snowflake =>
    interaction.channel?.id ?? interaction.channel_id ?? textChannel.id;

  const responseMessage = (
    state: FakeInteractionState,
    body: MessageBodyLike,
    files: RecordedFile[],
    loading: boolean,
  ): APIMessage => {
    const interaction = state.interaction;
    const user = interaction.member?.user ?? interaction.user ?? staffUser;
    const flags = (body.flags ?? 0) | (loading ? MessageFlags.Loading : 0);
    return storeMessage(
      buildMessage(
        interactionChannelId(interaction),
        { ...body, flags },
        {
          author: botUser,
          webhook_id: applicationId,
          application_id: applicationId,
          type:
            interaction.type === InteractionType.ApplicationCommand
              ? MessageType.ChatInputCommand
              : MessageType.Default,
          ...(interaction.type === InteractionType.ApplicationCommand
            ? {
                interaction_metadata: {
                  id: interaction.id,
                  type: InteractionType.ApplicationCommand,
                  user,
                  authorizing_integration_owners: interaction.authorizing_integration_owners,
                },
              }
            : {}),
        },
        files,
      ),
    );
  };

  const routes: Route[] = [
    {
      method: 'GET',
      pattern: /^\/gateway\/bot$/,
      handler: () =>
        json({
          url: gatewayUrl(),
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
        } satisfies RESTGetAPIGatewayBotResult),
    },
    { method: 'GET', pattern: /^\/gateway$/, handler: () => json({ url: gatewayUrl() }) },
    { method: 'GET', pattern: /^\/users\/@me$/, handler: () => json(botUser) },
    {
      method: 'GET',
      pattern: /^\/users\/(\d+)$/,
      handler: (_req, [id]) => {
        const user = id === undefined ? undefined : users.get(id);
        return user === undefined ? error(404, 'Unknown User', 10013) : json(user.user);
      },
    },
    {
      method: 'POST',
      pattern: /^\/users\/@me\/channels$/,
      handler: (req) => {
        const recipientId = isRecord(req.body) ? req.body['recipient_id'] : undefined;
        const user = typeof recipientId === 'string' ? users.get(recipientId) : undefined;
        if (user === undefined) return error(400, 'Invalid Form Body', 50035);
        return json(dmChannelFor(user.user));
      },
    },
    {
      method: 'GET',
      pattern: /^\/channels\/(\d+)$/,
      handler: (_req, [id]) => {
        const channel = id === undefined ? undefined : findChannel(id);
        return channel === undefined ? error(404, 'Unknown Channel', 10003) : json(channel);
      },
    },
    {
      method: 'POST',
      pattern: /^\/channels\/(\d+)\/messages$/,
      handler: (req, [id]) => {
        const channel = id === undefined ? undefined : findChannel(id);
        if (channel === undefined) return error(404, 'Unknown Channel', 10003);
        if (channel.type === ChannelType.GuildForum)
          return error(400, 'Cannot execute action on this channel type', 50024);
        const body = asBody(req);
        const invalid = validateMessage(req.body, { creating: true, files: req.files.length });
        if (invalid !== undefined) return invalid;
        if (channel.type !== ChannelType.DM) {
          const refused = refuseMessage(permissionsIn(channel, botUser.id), {
            thread: isThread(channel),
            embeds: (body.embeds?.length ?? 0) > 0,
            reply: body.message_reference !== undefined,
          });
          if (refused !== undefined) return refused;
        }
        const rate = rules.channelRateLimits ? channelRate(channel.id, req.at) : { headers: {} };
        if (rate.refused !== undefined) return rate.refused;
        const message = storeMessage(buildMessage(channel.id, asBody(req), { author: botUser }, req.files));
        channel.last_message_id = message.id;
        return { ...json(message), headers: rate.headers };
      },
    },
    {
      method: 'POST',
      pattern: /^\/channels\/(\d+)\/typing$/,
      handler: () => ({ status: 204 }),
    },
    {
      method: 'GET',
      pattern: /^\/guilds\/(\d+)\/members\/(\d+)$/,
      handler: (_req, [gid, uid]) => {
        if (gid !== guildId) return error(404, 'Unknown Guild', 10004);
        const user = uid === undefined ? undefined : users.get(uid);
        if (user === undefined || !user.inGuild) return error(404, 'Unknown Member', 10007);
        return json(memberOf(user));
      },
    },
    {
      method: 'GET',
      pattern: /^\/guilds\/(\d+)$/,
      handler: (_req, [gid]) => {
        if (gid !== guildId) return error(404, 'Unknown Guild', 10004);
        return json(guildPayload());
      },
    },
    // -- application commands --
    ...(['global', 'guild'] as const).flatMap((scope): Route[] => {
      const base =
        scope === 'global'
          ? String.raw`^\/applications\/(\d+)\/commands`
          : String.raw`^\/applications\/(\d+)\/guilds\/(\d+)\/commands`;
      const keyOf = (params: string[]): string => (scope === 'global' ? 'global' : (params[1] ?? 'unknown'));
      const toCommand = (
        raw: Record<string, unknown>,
        key: string,
        existing: readonly APIApplicationCommand[],
      ): APIApplicationCommand => {
        const name = typeof raw['name'] === 'string' ? raw['name'] : '';
        const type =
          typeof raw['type'] === 'number' ? (raw['type'] as ApplicationCommandType) : ApplicationCommandType.ChatInput;
        const previous = existing.find((c) => c.name === name && c.type === type);
        return {
          id: previous?.id ?? snowflake(),
          application_id: applicationId,
          version: snowflake(),
          type,
          name,
          description: typeof raw['description'] === 'string' ? raw['description'] : '',
          default_member_permissions:
            typeof raw['default_member_permissions'] === 'string' ? raw['default_member_permissions'] : null,
          nsfw: raw['nsfw'] === true,
          ...(Array.isArray(raw['options']) ? { options: raw['options'] as APIApplicationCommandOption[] } : {}),
          ...(isRecord(raw['name_localizations']) ? { name_localizations: raw['name_localizations'] } : {}),
          ...(isRecord(raw['description_localizations'])
            ? { description_localizations: raw['description_localizations'] }
            : {}),
          ...(key === 'global'
            ? {
                integration_types: Array.isArray(raw['integration_types'])
                  ? (raw['integration_types'] as ApplicationIntegrationType[])
                  : [ApplicationIntegrationType.GuildInstall],
                contexts: Array.isArray(raw['contexts']) ? (raw['contexts'] as InteractionContextType[]) : null,
              }
            : { guild_id: key }),
        };
      };
      return [
        {
          method: 'GET',
          pattern: new RegExp(`${base}$`),
          handler: (_req, params) => json(commands.get(keyOf(params)) ?? []),
        },
        {
          method: 'PUT',
          pattern: new RegExp(`${base}$`),
          handler: (req, params) => {
            if (params[0] !== applicationId) return error(403, 'Missing Access', 50001);
            if (!Array.isArray(req.body)) return error(400, 'Invalid Form Body', 50035);
            const invalid = validateCommands(req.body as unknown[]);
            if (invalid !== undefined) return invalid;
            const key = keyOf(params);
            const existing = commands.get(key) ?? [];
            const next = (req.body as unknown[]).filter(isRecord).map((raw) => toCommand(raw, key, existing));
            commands.set(key, next);
            return json(next);
          },
        },
        {
          method: 'POST',
          pattern: new RegExp(`${base}$`),
          handler: (req, params) => {
            if (params[0] !== applicationId) return error(403, 'Missing Access', 50001);
            if (!isRecord(req.body)) return error(400, 'Invalid Form Body', 50035);
            const invalid = validateCommands([req.body]);
            if (invalid !== undefined) return invalid;
            const key = keyOf(params);
            const existing = commands.get(key) ?? [];
            const command = toCommand(req.body, key, existing);
            commands.set(key, [...existing.filter((c) => c.id !== command.id), command]);
            return json(command, existing.some((c) => c.id === command.id) ? 200 : 201);
          },
        },
        {
          method: 'DELETE',
          pattern: new RegExp(`${base}\\/(\\d+)$`),
          handler: (_req, params) => {
            const key = keyOf(params);
            const commandId = params[params.length - 1];
            const existing = commands.get(key) ?? [];
            if (!existing.some((c) => c.id === commandId)) return error(404, 'Unknown application command', 10063);
            commands.set(
              key,
              existing.filter((c) => c.id !== commandId),
            );
            return { status: 204 };
          },
        },
      ];
    }),
    // -- interactions --
    {
      method: 'POST',
      pattern: /^\/interactions\/(\d+)\/([^/]+)\/callback$/,
      handler: (req, [id, tokenParam]) => {
        const state = tokenParam === undefined ? undefined : interactionByToken(tokenParam);
        if (state === undefined || state.interaction.id !== id) return error(404, 'Unknown interaction', 10062);
        // discord-api-docs receiving-and-responding.mdx: no initial response within 3 seconds of the event
        // invalidates the token; Discord then answers 10062 (opcodes-and-status-codes.mdx).
        if (req.at - state.dispatchedAt > rules.interactionDeadlineMs && !state.acknowledged)
          return error(404, 'Unknown interaction', 10062);
        if (state.acknowledged) return error(400, 'Interaction has already been acknowledged.', 40060);
        const body = isRecord(req.body) ? req.body : {};
        if (typeof body['type'] !== 'number') return error(400, 'Invalid Form Body', 50035);
        const type = body['type'] as InteractionResponseType;
        const data: MessageBodyLike = isRecord(body['data']) ? body['data'] : {};
        const invalid =
          type === InteractionResponseType.ChannelMessageWithSource
            ? validateMessage(data, { creating: true, files: req.files.length })
            : type === InteractionResponseType.UpdateMessage
              ? validateMessage(data, { creating: false, files: req.files.length })
              : type === InteractionResponseType.ApplicationCommandAutocompleteResult
                ? validateAutocomplete(data)
                : type === InteractionResponseType.Modal
                  ? validateModal(data)
                  : undefined;
        if (invalid !== undefined) return invalid;
        state.acknowledged = true;
        state.callbacks.push(type);
        let message: APIMessage | undefined;
        switch (type) {
          case InteractionResponseType.ChannelMessageWithSource:
            message = state.original = responseMessage(state, data, req.files, false);
            break;
          case InteractionResponseType.DeferredChannelMessageWithSource:
            message = state.original = responseMessage(state, data, req.files, true);
            break;
          case InteractionResponseType.DeferredMessageUpdate:
            message = state.interaction.message;
            state.original = message ?? null;
            break;
          case InteractionResponseType.UpdateMessage:
            if (state.interaction.message !== undefined) {
              message = state.original = patchMessage(state.interaction.message, data, req.files);
            }
            break;
          default:
            break;
        }
        if (req.query['with_response'] !== 'true') return { status: 204 };
        const result: RESTPostAPIInteractionCallbackWithResponseResult = {
          interaction: {
            id: state.interaction.id,
            type: state.interaction.type,
            ...(message !== undefined
              ? {
                  response_message_id: message.id,
                  response_message_loading: type === InteractionResponseType.DeferredChannelMessageWithSource,
                  response_message_ephemeral: ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0,
                }
              : {}),
          },
          ...(message !== undefined ? { resource: { type: type, message } } : {}),
        };
        return json(result);
      },
    },
    {
      method: 'POST',
      pattern: /^\/webhooks\/(\d+)\/([^/]+)$/,
      handler: (req, [appId, tokenParam]) => {
        const state = tokenParam === undefined ? undefined : interactionByToken(tokenParam);
        if (appId !== applicationId || state === undefined || !state.acknowledged)
          return error(404, 'Unknown Webhook', 10015);
        if (expired(state, req)) return error(401, 'Invalid Webhook Token', 50027);
        const invalid = validateMessage(req.body, { creating: true, files: req.files.length });
        if (invalid !== undefined) return invalid;
        const message = responseMessage(state, asBody(req), req.files, false);
        state.followUps.push(message);
        return req.query['wait'] === 'false' ? { status: 204 } : json(message);
      },
    },
    ...(['GET', 'PATCH', 'DELETE'] as const).map((method): Route => ({
      method,
      pattern: /^\/webhooks\/(\d+)\/([^/]+)\/messages\/([^/]+)$/,
      handler: (req, [appId, tokenParam, messageId]) => {
        const state = tokenParam === undefined ? undefined : interactionByToken(tokenParam);
        if (appId !== applicationId || state === undefined || !state.acknowledged)
          return error(404, 'Unknown Webhook', 10015);
        if (expired(state, req)) return error(401, 'Invalid Webhook Token', 50027);
        const isOriginal = messageId === '@original';
        const target = isOriginal
          ? state.deleted
            ? null
            : state.original
          : (state.followUps.find((m) => m.id === messageId) ?? null);
        if (target === null) return error(404, 'Unknown Message', 10008);
        if (method === 'GET') return json(target);
        if (method === 'DELETE') {
          if (isOriginal) state.deleted = true;
          else state.followUps = state.followUps.filter((m) => m.id !== messageId);
          return { status: 204 };
        }
        const invalid = validateMessage(req.body, { creating: false, files: req.files.length });
        if (invalid !== undefined) return invalid;
        const body = asBody(req);
        const patched = patchMessage(
          target,
          { ...body, ...(body.flags !== undefined ? {} : { flags: (target.flags ?? 0) & ~MessageFlags.Loading }) },
          req.files,
        );
        if (isOriginal) state.original = patched;
        else state.followUps = state.followUps.map((m) => (m.id === patched.id ? patched : m));
        return json(patched);
      },
    })),
  ];

  /** Unimplemented routes (including unimplemented methods on known paths) answer 404 `{message: 'Unknown', code: 0}`. */
  const route = (request: RecordedRequest): RouteResult => {
    for (const candidate of routes) {
      if (candidate.method !== request.method) continue;
      const match = candidate.pattern.exec(request.path);
      if (match !== null)
        return candidate.handler(
          request,
          match.slice(1).map((p) => p ?? ''),
        );
    }
    return error(404, 'Unknown', 0);
  };
  return route;
}
