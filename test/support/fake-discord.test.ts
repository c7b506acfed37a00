import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ChannelType,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  HTTPError,
  MessageFlags,
  Partials,
  PermissionFlagsBits,
  REST,
  Routes,
  Status,
  type TextChannel,
  type ClientOptions,
  type Interaction,
  type Message,
} from 'discord.js';
import {
  ApplicationCommandOptionType,
  InteractionResponseType,
  type APIInteractionResponseCallbackData,
  type APIInteractionResponse,
  type RESTPatchAPIWebhookWithTokenMessageJSONBody,
  type RESTPostAPIChannelMessageJSONBody,
} from 'discord-api-types/v10';
import { WebSocket } from 'ws';
import { snowflake, startFakeDiscord, type FakeDiscord } from './fake-discord.ts';

const INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];

async function startClient(
  fake: FakeDiscord,
  rest: Partial<NonNullable<ClientOptions['rest']>> = {},
): Promise<Client<true>> {
  const client = new Client({
    intents: INTENTS,
    partials: [Partials.Channel],
    rest: { api: fake.apiUrl, globalRequestsPerSecond: 10_000, ...rest },
  });
  const ready = once(client, Events.ClientReady);
  await client.login(fake.token);
  await ready;
  return client as Client<true>;
}

/** Resolves with the next interaction the client emits that passes the filter. */
function nextInteraction<T extends Interaction>(client: Client, filter: (i: Interaction) => i is T): Promise<T> {
  return new Promise((resolve) => {
    const listener = (interaction: Interaction): void => {
      if (!filter(interaction)) return;
      client.off(Events.InteractionCreate, listener);
      resolve(interaction);
    };
    client.on(Events.InteractionCreate, listener);
  });
}

function nextMessage(client: Client): Promise<Message> {
  return new Promise((resolve) => client.once(Events.MessageCreate, resolve));
}

const isChatInput = (i: Interaction) => i.isChatInputCommand();

describe('fake discord', () => {
  let fake: FakeDiscord;
  let client: Client<true>;

  beforeEach(async () => {
    fake = await startFakeDiscord();
    client = await startClient(fake);
  });

  afterEach(async () => {
    await client.destroy();
    await fake.close();
  });

  it('generates 18-19 digit snowflakes', () => {
    expect(snowflake()).toMatch(/^\d{19}$/);
    expect(snowflake(Date.parse('2018-01-01T00:00:00Z'))).toMatch(/^\d{18}$/);
    for (const id of [fake.botUser.id, fake.guildId, fake.channelId, fake.staffUser.id])
      expect(id).toMatch(/^\d{17,19}$/);
  });

  it('lets the real client log in with the identified intents and the guild cached', () => {
    expect(client.isReady()).toBe(true);
    expect(client.user.id).toBe(fake.botUser.id);
    expect(client.application.id).toBe(fake.applicationId);
    expect(fake.intents).toBe(INTENTS.reduce((a, b) => a | b, 0));
    const guild = client.guilds.cache.get(fake.guildId);
    expect(guild?.available).toBe(true);
    expect(guild?.roles.cache.get(fake.guildId)?.name).toBe('@everyone');
    expect(guild?.roles.cache.get(fake.policyRoleId)?.name).toBe('policy');
    expect(guild?.members.cache.get(fake.staffUser.id)?.roles.cache.has(fake.policyRoleId)).toBe(true);
    expect(guild?.members.me?.id).toBe(fake.botUser.id);
    expect(client.channels.cache.get(fake.channelId)?.type).toBe(ChannelType.GuildText);
    const gatewayFetch = fake.requests.find((r) => r.path === '/gateway/bot');
    expect(gatewayFetch?.headers.authorization).toBe(`Bot ${fake.token}`);
    // No zlib-sync installed: plain JSON, no transport compression.
    const connected = fake.gatewayEvents.find((e) => e.kind === 'connected');
    expect(new URLSearchParams(connected?.url?.split('?')[1])).toEqual(
      new URLSearchParams({ v: '10', encoding: 'json' }),
    );
    expect(fake.identifies[0]?.compress).toBe(false);
  });

  it('returns the created message when replying withResponse', async () => {
    const received = nextInteraction(client, isChatInput);
    const payload = await fake.sendInteraction(fake.slashCommand({ name: 'ask' }));
    const interaction = await received;

    const response = await interaction.reply({ content: 'with response', withResponse: true });
    expect(response.resource?.message?.content).toBe('with response');
    const request = await fake.waitForRequest((r) => r.path === fake.callbackPath(payload));
    expect(request.query['with_response']).toBe('true');
    expect(request.status).toBe(200);
  });

  it('delivers a slash command and records reply with allowed_mentions', async () => {
    const received = nextInteraction(client, isChatInput);
    const payload = await fake.sendInteraction(
      fake.slashCommand({ name: 'ask', options: { question: 'Where is EU data stored?', verbose: true } }),
    );
    const interaction = await received;

    expect(interaction.commandName).toBe('ask');
    expect(interaction.options.getString('question')).toBe('Where is EU data stored?');
    expect(interaction.options.getBoolean('verbose')).toBe(true);
    if (!interaction.inCachedGuild()) throw new Error('expected an interaction from the cached guild');
    expect(interaction.member.roles.cache.has(fake.policyRoleId)).toBe(true);
    expect(interaction.channelId).toBe(fake.channelId);
    expect(interaction.locale).toBe('en-US');

    await interaction.reply({ content: 'Frankfurt', allowedMentions: { parse: [] } });

    const request = await fake.waitForRequest<APIInteractionResponse>((r) => r.path === fake.callbackPath(payload));
    expect(request.method).toBe('POST');
    expect(request.status).toBe(204);
    expect(request.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const data = (request.body as { data: APIInteractionResponseCallbackData }).data;
    expect(data.content).toBe('Frankfurt');
    expect(data.allowed_mentions?.parse).toEqual([]);
  });

  it('routes deferReply then editReply to @original', async () => {
    const received = nextInteraction(client, isChatInput);
    const payload = await fake.sendInteraction(fake.slashCommand({ name: 'ask', options: { question: 'slow one' } }));
    const interaction = await received;

    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const edited = await interaction.editReply({ content: 'Done', allowedMentions: { parse: [] } });

    const defer = await fake.waitForRequest<APIInteractionResponse>((r) => r.path === fake.callbackPath(payload));
    expect(defer.body.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    const edit = await fake.waitForRequest<RESTPatchAPIWebhookWithTokenMessageJSONBody>(
      (r) => r.method === 'PATCH' && r.path === fake.originalPath(payload),
    );
    expect(edit.rawUrl).toContain('%40original');
    expect(edit.body.content).toBe('Done');
    expect(edited.content).toBe('Done');
    expect(edited.flags.has(MessageFlags.Ephemeral)).toBe(true);

    const fetched = await interaction.fetchReply();
    expect(fetched.id).toBe(edited.id);
    const followUp = await interaction.followUp({ content: 'More detail' });
    expect(followUp.content).toBe('More detail');
    await interaction.deleteReply();
    expect(fake.interactions.get(payload.token)?.deleted).toBe(true);
  });

  it("waitForReply follows a deferral to the edit that answers it, with the deferral's flags", async () => {
    const received = nextInteraction(client, isChatInput);
    const payload = await fake.sendInteraction(fake.slashCommand({ name: 'ask', options: { question: 'slow one' } }));
    const interaction = await received;
    const reply = fake.waitForReply(payload);
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    await interaction.editReply({ content: 'Done' });
    expect(await reply).toMatchObject({
      callbackType: InteractionResponseType.DeferredChannelMessageWithSource,
      deferred: true,
      data: { content: 'Done', flags: MessageFlags.Ephemeral },
    });
  });

  it('given an interaction token older than 15 minutes, then an edit or a follow-up is refused with 401 50027', async () => {
    const received = nextInteraction(client, isChatInput);
    const payload = await fake.sendInteraction(fake.slashCommand({ name: 'ask' }));
    const interaction = await received;
    await interaction.deferReply();
    fake.interactions.get(payload.token)!.dispatchedAt -= 15 * 60_000 + 1;
    for (const attempt of [() => interaction.editReply({ content: 'late' }), () => interaction.followUp('late')]) {
      const error: unknown = await attempt().catch((e: unknown) => e);
      expect([(error as DiscordAPIError).status, (error as DiscordAPIError).code]).toEqual([401, 50027]);
    }
  });

  it('records multipart replies: payload_json as body, files listed', async () => {
    const received = nextInteraction(client, isChatInput);
    const payload = await fake.sendInteraction(fake.slashCommand({ name: 'export' }));
    const interaction = await received;

    await interaction.reply({
      content: 'attached',
      files: [{ attachment: Buffer.from('region,store\nEU,Frankfurt\n'), name: 'map.csv' }],
    });
    const request = await fake.waitForRequest<APIInteractionResponse>((r) => r.path === fake.callbackPath(payload));
    expect(request.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(request.body).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { content: 'attached' },
    });
    expect(request.files).toEqual([
      { field: 'files[0]', filename: 'map.csv', contentType: expect.any(String), size: 26 },
    ]);
    expect(fake.interactions.get(payload.token)?.original?.attachments[0]?.filename).toBe('map.csv');
  });

  it('answers autocomplete with interaction.respond', async () => {
    const received = nextInteraction(client, (i) => i.isAutocomplete());
    const payload = await fake.sendInteraction(fake.autocomplete({ name: 'ask', focused: 'topic', value: 'resid' }));
    const interaction = await received;

    expect(interaction.options.getFocused(true)).toMatchObject({
      name: 'topic',
      value: 'resid',
      type: ApplicationCommandOptionType.String,
    });
    await interaction.respond([{ name: 'Residency', value: 'residency' }]);

    const request = await fake.waitForRequest<APIInteractionResponse>((r) => r.path === fake.callbackPath(payload));
    expect(request.body).toEqual({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices: [{ name: 'Residency', value: 'residency' }] },
    });
  });

  it('delivers a button press and records update', async () => {
    const received = nextInteraction(client, (i) => i.isButton());
    const payload = await fake.sendInteraction(fake.button({ customId: 'sources:1' }));
    const interaction = await received;

    expect(interaction.customId).toBe('sources:1');
    expect(interaction.message.author.id).toBe(fake.botUser.id);
    await interaction.update({ content: 'Sources: ...', components: [] });

    const request = await fake.waitForRequest<APIInteractionResponse>((r) => r.path === fake.callbackPath(payload));
    expect(request.body).toMatchObject({
      type: InteractionResponseType.UpdateMessage,
      data: { content: 'Sources: ...', components: [] },
    });
  });

  it('delivers a modal submit with its field values', async () => {
    const received = nextInteraction(client, (i) => i.isModalSubmit());
    const payload = await fake.sendInteraction(
      fake.modalSubmit({ customId: 'feedback', fields: { comment: 'wrong region' } }),
    );
    const interaction = await received;

    expect(interaction.fields.getTextInputValue('comment')).toBe('wrong region');
    await interaction.reply({ content: 'Thanks', flags: MessageFlags.Ephemeral });
    const request = await fake.waitForRequest((r) => r.path === fake.callbackPath(payload));
    expect(request.status).toBe(204);
  });

  it('delivers a DM slash command without member data', async () => {
    const received = nextInteraction(client, isChatInput);
    await fake.sendInteraction(
      fake.slashCommand({ name: 'ask', dm: true, user: fake.outsiderUser, options: { question: 'hi' } }),
    );
    const interaction = await received;
    expect(interaction.inGuild()).toBe(false);
    expect(interaction.user.id).toBe(fake.outsiderUser.id);
    expect(interaction.channel?.type).toBe(ChannelType.DM);
  });

  it('delivers a guild mention and lets message.reply post to the channel', async () => {
    const received = nextMessage(client);
    const sent = await fake.sendMessage({ content: 'where is data?', mentionsBot: true });
    const message = await received;

    expect(message.id).toBe(sent.id);
    expect(message.inGuild()).toBe(true);
    expect(message.mentions.users.has(fake.botUser.id)).toBe(true);
    expect(message.member?.roles.cache.has(fake.policyRoleId)).toBe(true);

    const reply = await message.reply({ content: 'Here', allowedMentions: { parse: [] } });
    const request = await fake.waitForRequest<RESTPostAPIChannelMessageJSONBody>(
      (r) => r.method === 'POST' && r.path === `/channels/${fake.channelId}/messages`,
    );
    expect(request.body.message_reference?.message_id).toBe(sent.id);
    expect(request.body.allowed_mentions?.parse).toEqual([]);
    expect(reply.reference?.messageId).toBe(sent.id);
  });

  it('delivers a DM (partial channel) and lets message.reply post to the DM channel', async () => {
    const received = nextMessage(client);
    const sent = await fake.sendMessage({ content: 'hello bot', dm: true, author: fake.outsiderUser });
    const message = await received;

    expect(message.id).toBe(sent.id);
    expect(message.channel.type).toBe(ChannelType.DM);
    expect(message.author.id).toBe(fake.outsiderUser.id);

    await message.reply({ content: 'Hi', allowedMentions: { parse: [] } });
    const dmChannelId = fake.dmChannelFor(fake.outsiderUser).id;
    const request = await fake.waitForRequest(
      (r) => r.method === 'POST' && r.path === `/channels/${dmChannelId}/messages`,
    );
    expect(request.status).toBe(200);
  });

  it('retries a single 500 transparently with default rest retries', async () => {
    const received = nextInteraction(client, isChatInput);
    const payload = await fake.sendInteraction(fake.slashCommand({ name: 'ask' }));
    const interaction = await received;

    fake.failNext({ pathMatch: '/callback', status: 500 });
    await interaction.reply({ content: 'ok' });
    const first = await fake.waitForRequest((r) => r.path === fake.callbackPath(payload));
    const second = await fake.waitForRequest((r) => r.path === fake.callbackPath(payload));
    expect([first.status, second.status]).toEqual([500, 204]);
  });

  it('waits out a 429 with retry-after and then succeeds', async () => {
    const received = nextInteraction(client, isChatInput);
    const payload = await fake.sendInteraction(fake.slashCommand({ name: 'ask' }));
    const interaction = await received;

    fake.failNext({ method: 'POST', pathMatch: /\/callback$/, status: 429, retryAfter: 0.2 });
    await interaction.reply({ content: 'eventually' });
    const limited = await fake.waitForRequest((r) => r.path === fake.callbackPath(payload));
    const retried = await fake.waitForRequest((r) => r.path === fake.callbackPath(payload));
    expect(limited.status).toBe(429);
    expect(limited.responseBody).toEqual({ message: 'You are being rate limited.', retry_after: 0.2, global: false });
    expect(retried.status).toBe(204);
    expect(retried.at - limited.at).toBeGreaterThanOrEqual(190);
  });

  it('waits out a 429 on a bucketed route (channel messages)', async () => {
    fake.failNext({ pathMatch: `/channels/${fake.channelId}/messages`, status: 429, retryAfter: 0.1 });
    const channel = client.channels.cache.get(fake.channelId);
    if (!channel?.isSendable()) throw new Error('channel not sendable');
    const sent = await channel.send({ content: 'after limit' });
    expect(sent.content).toBe('after limit');
    const statuses = fake.requests
      .filter((r) => r.path === `/channels/${fake.channelId}/messages`)
      .map((r) => r.status);
    expect(statuses).toEqual([429, 200]);
  });

  it('surfaces a 403 as DiscordAPIError with the Discord error code', async () => {
    fake.failNext({ method: 'POST', pathMatch: '/messages', status: 403 });
    const channel = client.channels.cache.get(fake.channelId);
    if (!channel?.isSendable()) throw new Error('channel not sendable');
    const error: unknown = await channel.send({ content: 'nope' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50013);
    expect((error as DiscordAPIError).status).toBe(403);
  });

  it('rejects a second acknowledgement like Discord does (40060)', async () => {
    const received = nextInteraction(client, isChatInput);
    const payload = await fake.sendInteraction(fake.slashCommand({ name: 'ask' }));
    const interaction = await received;
    await interaction.reply({ content: 'one' });
    // Bypass discord.js' own "already replied" guard by posting the callback directly.
    const error: unknown = await client.rest
      .post(`/interactions/${payload.id}/${payload.token}/callback`, {
        body: { type: 4, data: { content: 'two' } },
        auth: false,
      })
      .catch((e: unknown) => e);
    expect((error as DiscordAPIError).code).toBe(40060);
  });

  it('holds a response for delayNext', async () => {
    fake.delayNext({ pathMatch: '/users/@me', ms: 150 });
    const started = Date.now();
    await client.rest.get('/users/@me');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('stores and returns registered commands', async () => {
    const global = await client.application.commands.set([{ name: 'ask', description: 'Ask a question' }]);
    const guildCommands = await client.application.commands.set(
      [{ name: 'admin', description: 'Admin' }],
      fake.guildId,
    );
    expect(global.first()?.name).toBe('ask');
    expect(guildCommands.first()?.guildId).toBe(fake.guildId);
    expect(fake.commands.get('global')?.map((c) => c.name)).toEqual(['ask']);
    expect(fake.commands.get(fake.guildId)?.map((c) => c.name)).toEqual(['admin']);

    const fetched = await client.application.commands.fetch();
    expect(fetched.map((c) => c.name)).toEqual(['ask']);
    // slashCommand() picks up the registered id
    expect(fake.slashCommand({ name: 'ask' }).data.id).toBe(global.first()?.id);
  });

  it('serves users, channels, members and DM channel creation', async () => {
    const member = await client.guilds.cache.get(fake.guildId)?.members.fetch({ user: fake.staffUser.id, force: true });
    expect(member?.roles.cache.has(fake.policyRoleId)).toBe(true);
    const dm = await client.users.createDM(fake.outsiderUser.id, { force: true });
    expect(dm.id).toBe(fake.dmChannelFor(fake.outsiderUser).id);
    const channel = await client.channels.fetch(fake.channelId, { force: true });
    expect(channel?.id).toBe(fake.channelId);
    const unknown: unknown = await client.rest.get('/nope/route').catch((e: unknown) => e);
    expect((unknown as DiscordAPIError).status).toBe(404);
    expect(fake.requests.at(-1)).toMatchObject({
      method: 'GET',
      path: '/nope/route',
      status: 404,
      responseBody: { message: 'Unknown', code: 0 },
    });
  });

  it('resumes after dropGateway and still delivers interactions, including ones sent while disconnected', async () => {
    const resumed = once(client, Events.ShardResume);
    await fake.dropGateway();
    // Dispatched while the client is disconnected: buffered and replayed on RESUME.
    const whileDown = nextInteraction(client, isChatInput);
    await fake.sendInteraction(fake.slashCommand({ name: 'ask', options: { question: 'during outage' } }));
    await fake.waitForGatewayEvent('resumed');
    const [, replayed] = (await resumed) as [number, number];
    expect(replayed).toBeGreaterThanOrEqual(1);
    expect((await whileDown).options.getString('question')).toBe('during outage');
    expect(fake.identifies).toHaveLength(1);
    expect(fake.resumes).toHaveLength(1);

    const afterResume = nextInteraction(client, isChatInput);
    const payload = await fake.sendInteraction(fake.slashCommand({ name: 'ask', options: { question: 'after' } }));
    const interaction = await afterResume;
    await interaction.reply({ content: 'still here' });
    const request = await fake.waitForRequest((r) => r.path === fake.callbackPath(payload));
    expect(request.status).toBe(204);
  });

  it('resumes after an abrupt TCP drop (1006)', async () => {
    await fake.dropGateway({ terminate: true });
    await fake.waitForGatewayEvent('resumed');
    const received = nextInteraction(client, isChatInput);
    await fake.sendInteraction(fake.slashCommand({ name: 'ask' }));
    await expect(received).resolves.toBeDefined();
  });
});

describe('fake discord with rest retries disabled', () => {
  it('makes interaction.reply reject on a 500', async () => {
    const fake = await startFakeDiscord();
    const client = await startClient(fake, { retries: 0 });
    try {
      const received = nextInteraction(client, isChatInput);
      const payload = await fake.sendInteraction(fake.slashCommand({ name: 'ask' }));
      const interaction = await received;

      fake.failNext({ pathMatch: fake.callbackPath(payload), status: 500 });
      await expect(interaction.reply({ content: 'boom' })).rejects.toBeInstanceOf(HTTPError);
      expect(fake.requests.filter((r) => r.path === fake.callbackPath(payload)).map((r) => r.status)).toEqual([500]);
    } finally {
      await client.destroy();
      await fake.close();
    }
  });
});

describe('fake discord shutdown', () => {
  it('leaves no sockets, servers or timers behind after client.destroy() and fake.close()', async () => {
    const watched = ['TCPSocketWrap', 'TCPServerWrap', 'Timeout'] as const;
    const count = (): Record<string, number> => {
      const counts: Record<string, number> = {};
      for (const resource of process.getActiveResourcesInfo()) counts[resource] = (counts[resource] ?? 0) + 1;
      return counts;
    };
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    // Handles closed by the previous test are released by libuv a loop turn later.
    await sleep(50);
    const before = count();

    const fake = await startFakeDiscord();
    const client = await startClient(fake);
    const received = nextInteraction(client, isChatInput);
    await fake.sendInteraction(fake.slashCommand({ name: 'ask' }));
    await (await received).reply({ content: 'bye' });
    const during = count();
    // Sanity: the probe does see the fake's server and the client's sockets.
    expect(during['TCPServerWrap'] ?? 0).toBeGreaterThan(before['TCPServerWrap'] ?? 0);
    expect(during['TCPSocketWrap'] ?? 0).toBeGreaterThan(before['TCPSocketWrap'] ?? 0);

    await client.destroy();
    await fake.close();

    const leaked = (): string[] => {
      const now = count();
      return watched.filter((kind) => (now[kind] ?? 0) > (before[kind] ?? 0));
    };
    for (let i = 0; i < 20 && leaked().length > 0; i += 1) await sleep(25);
    expect(leaked()).toEqual([]);
    await expect(fake.waitForRequest(() => true, 10)).rejects.toThrow(/closed/);
  });

  it('rejects close() while a gateway client is still connected, after cleaning up', async () => {
    const fake = await startFakeDiscord();
    const socket = new WebSocket(fake.gatewayUrl);
    const closedByServer = once(socket, 'close');
    await once(socket, 'open');
    await expect(fake.close()).rejects.toThrow(/client\.destroy\(\) before fake\.close\(\)/);
    await closedByServer;
  });
});

describe('fake discord without Partials.Channel', () => {
  it('drops DMs in uncached channels, so the bot must enable the Channel partial', async () => {
    const fake = await startFakeDiscord();
    const client = new Client({ intents: INTENTS, rest: { api: fake.apiUrl, globalRequestsPerSecond: 10_000 } });
    const ready = once(client, Events.ClientReady);
    await client.login(fake.token);
    await ready;
    try {
      const seen: string[] = [];
      client.on(Events.MessageCreate, (message) => seen.push(message.content));
      await fake.sendMessage({ content: 'dm', dm: true });
      const guildMessage = nextMessage(client);
      await fake.sendMessage({ content: 'guild', mentionsBot: true });
      await guildMessage;
      expect(seen).toEqual([`<@${fake.botUser.id}> guild`]);
    } finally {
      await client.destroy();
      await fake.close();
    }
  });
});

describe('fake discord heartbeats', () => {
  it('acknowledges client heartbeats', async () => {
    const fake = await startFakeDiscord({ heartbeatIntervalMs: 40 });
    const client = await startClient(fake);
    try {
      await fake.waitForGatewayEvent('heartbeat');
      await fake.waitForGatewayEvent('heartbeat');
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(client.ws.ping).toBeGreaterThanOrEqual(0);
      expect(client.ws.status).toBe(Status.Ready); // acks arrived, so no zombie-connection reconnect
      expect(fake.identifies).toHaveLength(1);
    } finally {
      await client.destroy();
      await fake.close();
    }
  });
});

describe('fake discord refuses what Discord refuses', () => {
  let fake: FakeDiscord;
  let client: Client<true>;

  beforeEach(async () => {
    fake = await startFakeDiscord();
    client = await startClient(fake);
  });

  afterEach(async () => {
    await client.destroy();
    await fake.close();
  });

  const send = async (
    body: Record<string, unknown>,
    channelId = fake.channelId,
  ): Promise<DiscordAPIError | undefined> =>
    client.rest.post(`/channels/${channelId}/messages`, { body }).then(
      () => undefined,
      (e: unknown) => e as DiscordAPIError,
    );
  const button = (custom_id: string, label = 'go') => ({ type: 2, style: 1, custom_id, label });
  const row = (...components: unknown[]) => ({ type: 1, components });

  it.each([
    ['content over 2,000 characters', { content: 'x'.repeat(2001) }, 'content'],
    ['11 embeds', { embeds: Array.from({ length: 11 }, () => ({ title: 't' })) }, 'embeds'],
    ['a title over 256', { embeds: [{ title: 'x'.repeat(257) }] }, 'embeds'],
    ['a description over 4,096', { embeds: [{ description: 'x'.repeat(4097) }] }, 'embeds'],
    ['26 fields', { embeds: [{ fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' })) }] }, 'embeds'],
    ['a field name over 256', { embeds: [{ fields: [{ name: 'x'.repeat(257), value: 'v' }] }] }, 'embeds'],
    ['a field value over 1,024', { embeds: [{ fields: [{ name: 'n', value: 'x'.repeat(1025) }] }] }, 'embeds'],
    ['an empty field value', { embeds: [{ fields: [{ name: 'n', value: '' }] }] }, 'embeds'],
    ['a footer over 2,048', { embeds: [{ footer: { text: 'x'.repeat(2049) } }] }, 'embeds'],
    [
      'embeds over 6,000 in total',
      { embeds: [{ description: 'x'.repeat(4000) }, { description: 'x'.repeat(2001) }] },
      'embeds',
    ],
    ['6 rows', { components: Array.from({ length: 6 }, (_, i) => row(button(`b${i}`))) }, 'components'],
    [
      '6 buttons in a row',
      { components: [row(...Array.from({ length: 6 }, (_, i) => button(`b${i}`)))] },
      'components',
    ],
    ['two buttons sharing a custom_id', { components: [row(button('fact:a'), button('fact:a'))] }, 'components'],
    ['a custom_id over 100', { components: [row(button('x'.repeat(101)))] }, 'components'],
    ['a label over 80', { components: [row(button('b', 'x'.repeat(81)))] }, 'components'],
  ])('refuses a message with %s: 400, code 50035, naming the field', async (_name, body, key) => {
    const error = await send(body);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error!.status).toBe(400);
    expect(error!.code).toBe(50035);
    expect(Object.keys((error!.rawError as { errors?: object }).errors ?? {})).toContain(key);
  });

  it("takes no number from the bot: its sources import nothing from src/, so a wrong limit in the bot's table is refused here", () => {
    const dir = fileURLToPath(new URL('./fake-discord/', import.meta.url));
    const files = [
      fileURLToPath(new URL('./fake-discord.ts', import.meta.url)),
      ...readdirSync(dir).map((f) => join(dir, f)),
    ];
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) expect(readFileSync(file, 'utf8'), file).not.toMatch(/from '(\.\.\/)+src\//);
  });

  it('accepts a message at every limit', async () => {
    const fields = Array.from({ length: 25 }, () => ({ name: 'n', value: 'v'.repeat(39) }));
    const body = {
      content: 'x'.repeat(2000),
      embeds: [{ title: 't'.repeat(256), description: 'd'.repeat(4096), fields, footer: { text: 'f'.repeat(648) } }],
      components: Array.from({ length: 5 }, (_, r) =>
        row(...Array.from({ length: 5 }, (_, i) => button(`${r}:${i}:`.padEnd(100, 'x'), 'l'.repeat(80)))),
      ),
    };
    expect(await send(body)).toBeUndefined();
  });

  it('refuses an empty message with 50006', async () => {
    expect((await send({ content: '   ' }))?.code).toBe(50006);
  });

  it('given a channel where the bot may not embed links, then an embed is refused with 403 50013 and plain text is accepted', async () => {
    await fake.setPermissionOverwrites(fake.channelId, [
      { id: fake.botRoleId, type: 0, allow: '0', deny: String(PermissionFlagsBits.EmbedLinks) },
    ]);
    const error = await send({ embeds: [{ title: 'answer' }] });
    expect([error?.status, error?.code]).toEqual([403, 50013]);
    expect(await send({ content: 'answer' })).toBeUndefined();
    await expect
      .poll(
        () =>
          client.channels.cache.get(fake.channelId)?.isTextBased() &&
          (client.channels.cache.get(fake.channelId) as TextChannel)
            .permissionsFor(client.user)
            ?.has(PermissionFlagsBits.EmbedLinks),
      )
      .toBe(false);
  });

  it('given a thread, then Send Messages in Threads is what counts', async () => {
    const thread = await fake.createThread();
    await fake.setPermissionOverwrites(fake.channelId, [
      { id: fake.botRoleId, type: 0, allow: '0', deny: String(PermissionFlagsBits.SendMessagesInThreads) },
    ]);
    expect((await send({ content: 'in thread' }, thread.id))?.code).toBe(50013);
    expect(await send({ content: 'in channel' })).toBeUndefined();
  });

  it('given an interaction not acknowledged within 3 seconds, then its callback is refused with 10062', async () => {
    const payload = await fake.sendInteraction(fake.slashCommand({ name: 'ask' }));
    fake.interactions.get(payload.token)!.dispatchedAt -= 3_001;
    const error: unknown = await client.rest
      .post(`/interactions/${payload.id}/${payload.token}/callback`, {
        body: { type: 4, data: { content: 'late' } },
        auth: false,
      })
      .catch((e: unknown) => e);
    expect((error as DiscordAPIError).code).toBe(10062);
  });

  it('given the per-channel message limit on, then the sixth post within 5 s gets 429 with retry_after, and each post the rate-limit headers', async () => {
    const limited = await startFakeDiscord({ channelRateLimits: true });
    try {
      const post = () =>
        fetch(`${limited.apiUrl}/v10/channels/${limited.channelId}/messages`, {
          method: 'POST',
          headers: { authorization: `Bot ${limited.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ content: 'hello' }),
        });
      const responses = [];
      for (let i = 0; i < 6; i++) responses.push(await post());
      expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 429]);
      expect(responses.map((r) => r.headers.get('x-ratelimit-remaining'))).toEqual(['4', '3', '2', '1', '0', '0']);
      expect(responses[5]!.headers.get('x-ratelimit-scope')).toBe('user');
      expect(await responses[5]!.json()).toMatchObject({ global: false, retry_after: expect.any(Number) });
    } finally {
      await limited.close();
    }
  });

  it('given the deadline lifted for a test on a busy machine, then a late first response is accepted', async () => {
    const lenient = await startFakeDiscord({ interactionDeadlineMs: Infinity });
    const lenientClient = await startClient(lenient);
    try {
      const payload = await lenient.sendInteraction(lenient.slashCommand({ name: 'ask' }));
      lenient.interactions.get(payload.token)!.dispatchedAt -= 60_000;
      await lenientClient.rest.post(`/interactions/${payload.id}/${payload.token}/callback`, {
        body: { type: 4, data: { content: 'late, but checked for what it says' } },
        auth: false,
      });
      expect((await lenient.waitForReply(payload)).data.content).toBe('late, but checked for what it says');
    } finally {
      await lenientClient.destroy();
      await lenient.close();
    }
  });

  it('refuses 26 autocomplete choices, and a choice name over 100', async () => {
    const post = async (choices: unknown[]) => {
      const payload = await fake.sendInteraction(fake.autocomplete({ name: 'fact', focused: 'name', value: '' }));
      return client.rest
        .post(`/interactions/${payload.id}/${payload.token}/callback`, {
          body: { type: 8, data: { choices } },
          auth: false,
        })
        .then(
          () => undefined,
          (e: unknown) => (e as DiscordAPIError).code,
        );
    };
    expect(await post(Array.from({ length: 26 }, (_, i) => ({ name: `c${i}`, value: `c${i}` })))).toBe(50035);
    expect(await post([{ name: 'x'.repeat(101), value: 'x' }])).toBe(50035);
    expect(
      await post(Array.from({ length: 25 }, (_, i) => ({ name: 'x'.repeat(100), value: `c${i}` }))),
    ).toBeUndefined();
  });

  it('refuses a modal whose title is over 45 or whose label is over 45', async () => {
    const post = async (data: unknown) => {
      const payload = await fake.sendInteraction(fake.slashCommand({ name: 'kb' }));
      return client.rest
        .post(`/interactions/${payload.id}/${payload.token}/callback`, { body: { type: 9, data }, auth: false })
        .then(
          () => undefined,
          (e: unknown) => (e as DiscordAPIError).code,
        );
    };
    const input = { type: 4, custom_id: 'draft', style: 2 };
    expect(
      await post({
        custom_id: 'm',
        title: 'x'.repeat(46),
        components: [{ type: 18, label: 'Draft', component: input }],
      }),
    ).toBe(50035);
    expect(
      await post({
        custom_id: 'm',
        title: 'Preview',
        components: [{ type: 18, label: 'x'.repeat(46), component: input }],
      }),
    ).toBe(50035);
    expect(
      await post({ custom_id: 'm', title: 'Preview', components: [{ type: 18, label: 'Draft', component: input }] }),
    ).toBeUndefined();
  });

  it('serves the API only under /api', async () => {
    const withoutApi = await fetch(fake.apiUrl.replace(/\/api$/, '/v10/users/@me'), {
      headers: { authorization: `Bot ${fake.token}` },
    });
    expect(withoutApi.status).toBe(404);
    const twoVersions = await fetch(`${fake.apiUrl}/v10/v10/users/@me`, {
      headers: { authorization: `Bot ${fake.token}` },
    });
    expect(twoVersions.status).toBe(404);
  });

  it('empties the content of guild messages that do not mention the bot, without the Message Content intent', async () => {
    const seen = new Promise<Message>((resolve) => client.once(Events.MessageCreate, resolve));
    await fake.sendMessage({ content: 'secret' });
    expect((await seen).content).toBe('');
  });
});

describe('fake discord and privileged intents', () => {
  it('closes the gateway with 4014 when Message Content is asked for but not enabled', async () => {
    const fake = await startFakeDiscord();
    const client = new Client({ intents: [...INTENTS, GatewayIntentBits.MessageContent], rest: { api: fake.apiUrl } });
    try {
      await expect(client.login(fake.token)).rejects.toThrow(/disallowed intents/i);
      expect((await fake.waitForGatewayEvent('closed')).code).toBe(4014);
    } finally {
      await client.destroy();
      await fake.close();
    }
  });
});

describe('fake discord and command registration', () => {
  it('refuses commands Discord refuses: a capitalised name, a description over 100, 26 options, two commands of one name', async () => {
    const fake = await startFakeDiscord();
    const rest = new REST({ api: fake.apiUrl }).setToken(fake.token);
    const put = (body: unknown[]) =>
      rest.put(Routes.applicationCommands(fake.applicationId), { body }).then(
        () => undefined,
        (e: unknown) => (e as DiscordAPIError).code,
      );
    const command = (extra: Record<string, unknown> = {}) => ({ name: 'ask', description: 'Ask', ...extra });
    try {
      expect(await put([command({ name: 'Ask' })])).toBe(50035);
      expect(await put([command({ description: 'x'.repeat(101) })])).toBe(50035);
      expect(
        await put([
          command({ options: Array.from({ length: 26 }, (_, i) => ({ type: 3, name: `o${i}`, description: 'o' })) }),
        ]),
      ).toBe(50035);
      expect(await put([command(), command()])).toBe(50035);
      expect(await put([command({ name_localizations: { fr: 'demander' } })])).toBeUndefined();
    } finally {
      await fake.close();
    }
  });
});
