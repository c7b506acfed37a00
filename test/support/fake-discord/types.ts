/** The fake Discord's public types: what tests build, send, inspect and configure. */
import type { IncomingHttpHeaders } from 'node:http';
import {
  ApplicationCommandOptionType,
  InteractionResponseType,
  InteractionType,
  Locale,
  type APIApplicationCommand,
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteractionDataOption,
  type APIChatInputApplicationCommandInteraction,
  type APIDMChannel,
  type APIGuildForumChannel,
  type APIOverwrite,
  type APIThreadChannel,
  type APIInteraction,
  type APIInteractionResponseCallbackData,
  type APIMessage,
  type APIMessageComponentButtonInteraction,
  type APIMessageTopLevelComponent,
  type APIModalSubmitInteraction,
  type APITextChannel,
  type APIUser,
  type GatewayDispatchPayload,
  type GatewayIdentifyData,
  type GatewayMessageCreateDispatchData,
  type GatewayResumeData,
  type Snowflake,
} from 'discord-api-types/v10';

export interface RecordedFile {
  /** Form field name, e.g. `files[0]`. */
  field: string;
  filename: string;
  contentType: string | undefined;
  size: number;
}

export interface RecordedRequest<Body = unknown> {
  /** Position in `requests` (0-based). */
  index: number;
  /** Upper-case HTTP method. */
  method: string;
  /**
   * Path with `/api` and `/v10` stripped and every segment URL-decoded,
   * e.g. `/webhooks/123/tok/messages/@original`. No query string.
   */
  path: string;
  /** The raw request URL as received (still encoded, with query). */
  rawUrl: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, or the parsed `payload_json` part of a multipart body; `undefined` when empty. */
  body: Body;
  /** Files of a multipart body (contents are not kept). */
  files: RecordedFile[];
  /** Status code the fake answered with (0 while the response is still pending). */
  status: number;
  /** The JSON the fake answered with (`undefined` for 204). */
  responseBody: unknown;
  /** `Date.now()` at arrival. */
  at: number;
}

/** The `d` of the dispatch payload whose `t` is T. */
export type DispatchData<T extends GatewayDispatchPayload['t']> = Extract<GatewayDispatchPayload, { t: T }>['d'];

export type RequestPredicate = (request: RecordedRequest) => boolean;

export interface FailRule {
  /** HTTP method to match (case-insensitive); any when omitted. */
  method?: string;
  /** Substring of, or RegExp tested against, the normalised `path` (see {@link RecordedRequest.path}). */
  pathMatch: string | RegExp;
  /** Status to answer with, e.g. 500, 403, 404, 429. */
  status: number;
  /** For 429: seconds until retry (default 0.05). Sent as `retry-after`, `x-ratelimit-reset-after` and `retry_after`. */
  retryAfter?: number;
  /** For 429: mark as a global rate limit (`x-ratelimit-global`, `global: true`). Default false. */
  global?: boolean;
  /** How many matching requests fail (default 1; `Infinity` allowed). */
  times?: number;
  /** JSON body to answer with instead of the default for the status. */
  body?: unknown;
  /** Extra response headers. */
  headers?: Record<string, string>;
}

export interface DelayRule {
  method?: string;
  pathMatch: string | RegExp;
  /** Milliseconds to hold the response. */
  ms: number;
  /** Default 1; `Infinity` allowed. */
  times?: number;
}

export type GatewayEventKind = 'connected' | 'identified' | 'resumed' | 'invalid-session' | 'heartbeat' | 'closed';

export interface GatewayEvent {
  index: number;
  kind: GatewayEventKind;
  at: number;
  /** Close code for `closed`. */
  code?: number;
  /** Request URL (path + query) for `connected`, e.g. `/?v=10&encoding=json`. */
  url?: string;
}

export interface FakeUser {
  user: APIUser;
  /** Role ids this user has in the fake guild (empty when not a member). */
  roles: Snowflake[];
  inGuild: boolean;
}

export interface StartFakeDiscordOptions {
  botUsername?: string;
  guildName?: string;
  channelName?: string;
  /** Name of the role that marks staff allowed to use the bot. Default `policy`. */
  policyRoleName?: string;
  /** HELLO heartbeat_interval. Default 41 250 ms (Discord's value). */
  heartbeatIntervalMs?: number;
  /** The guild's preferred locale. Default `en-US`. */
  guildLocale?: Locale;
  /**
   * Privileged intents switched on in the Developer Portal (bitfield). Default none, as for a new app:
   * an IDENTIFY asking for another privileged intent is closed with 4014.
   */
  privilegedIntents?: number;
  /**
   * How long after its dispatch an interaction may get its first response: Discord's 3 s by default.
   * A test that checks what the bot does, not how fast, on a machine that may be busy (the fake shares
   * the bot's thread), lifts it with `Infinity` and reads the delays from the requests instead.
   */
  interactionDeadlineMs?: number;
  /**
   * Enforce Discord's per-channel limit on posting messages, with its rate-limit headers on every
   * message posted and 429 past the limit (`rules.ts`). Off by default, so that tests posting many
   * messages in one channel stay quick.
   */
  channelRateLimits?: boolean;
}

/** How an interaction was answered in the end: at once, or deferred and then edited or followed up. */
export interface InteractionReply<Data = APIInteractionResponseCallbackData> {
  /** The accepted callback's type: 4 for an answer, 5 for a deferral, 9 for a modal, 8 for autocomplete. */
  readonly callbackType: InteractionResponseType;
  readonly deferred: boolean;
  /** The answer: the callback's data, or the edit (or follow-up) that answered a deferral, with its flags. */
  readonly data: Data;
  /** The accepted callback request, and the request that delivered the answer (the same when not deferred). */
  readonly callback: RecordedRequest;
  readonly answer: RecordedRequest;
}

export interface InteractionTarget {
  /** Who triggers it. Default: `staffUser`. */
  user?: APIUser;
  /** Member roles (guild only). Default: the roles the fake has for the user. */
  roles?: Snowflake[];
  /** Send from a DM with the bot instead of the guild text channel. */
  dm?: boolean;
  /** User locale. Default `en-US`. */
  locale?: Locale;
}

/** Simple option values: strings → STRING, integers → INTEGER, other numbers → NUMBER, booleans → BOOLEAN. */
export type SimpleOptions = Record<string, string | number | boolean>;

export interface SlashCommandInit extends InteractionTarget {
  name: string;
  /** Either simple name→value pairs or raw interaction option objects. */
  options?: SimpleOptions | APIApplicationCommandInteractionDataOption<InteractionType.ApplicationCommand>[];
  /** Command id; default: the id of a registered command with that name, else a fresh snowflake. */
  commandId?: Snowflake;
}

export interface AutocompleteInit extends InteractionTarget {
  name: string;
  /** The focused option's name. */
  focused: string;
  /** What the user has typed so far. */
  value: string;
  /** The focused option's type. Default STRING. */
  focusedType?:
    ApplicationCommandOptionType.String | ApplicationCommandOptionType.Integer | ApplicationCommandOptionType.Number;
  /** Other, already-filled options. */
  options?: SimpleOptions;
  commandId?: Snowflake;
}

export interface ButtonInit extends InteractionTarget {
  customId: string;
  /** The message the button is on. Default: a bot message in the interaction's channel carrying this button. */
  message?: APIMessage;
}

export interface ModalSubmitInit extends InteractionTarget {
  customId: string;
  /** Text input custom_id → submitted value. */
  fields: Record<string, string>;
  /** `actionRow` (legacy modals) or `label` (modals built from Label components). Default `actionRow`. */
  layout?: 'actionRow' | 'label';
  /** Present when the modal was opened from a message component. */
  message?: APIMessage;
}

export interface SendMessageInit {
  content: string;
  /** Prefix the content with `<@bot>` and put the bot into `mentions`. */
  mentionsBot?: boolean;
  /**
   * Send as a DM to the bot instead of into the guild text channel. Like Discord,
   * no CHANNEL_CREATE precedes it (discord-api-types types CHANNEL_CREATE as guild-only):
   * the client needs `partials: [Partials.Channel]` to see DMs in uncached channels.
   */
  dm?: boolean;
  /** Default: `staffUser`. */
  author?: APIUser;
  /** Member roles for guild messages. Default: the roles the fake has for the author. */
  roles?: Snowflake[];
  /** A guild channel or thread to post in instead of the text channel. */
  channelId?: Snowflake;
  /** Send as a reply to this message (Discord's reply: `message_reference` and `referenced_message`). */
  replyTo?: APIMessage;
  /** Whether the reply pings the replied-to author (Discord's default, on). Only with `replyTo`. */
  pingReplied?: boolean;
  /** Prefix the content with a mention of this role and list it in `mention_roles`. */
  mentionsRole?: Snowflake;
}

/** State the fake keeps per interaction token. */
export interface FakeInteractionState {
  interaction: APIInteraction;
  acknowledged: boolean;
  /** The callback types received, in order. */
  callbacks: InteractionResponseType[];
  /** When INTERACTION_CREATE was dispatched (or buffered): Discord's 3-second clock starts there. */
  dispatchedAt: number;
  original: APIMessage | null;
  followUps: APIMessage[];
  deleted: boolean;
}

export interface FakeDiscord {
  /** Pass as `rest.api` to the discord.js Client. */
  readonly apiUrl: string;
  /** What `GET /gateway/bot` hands out. */
  readonly gatewayUrl: string;
  /** A token in Discord's format; any token is accepted. */
  readonly token: string;
  readonly botUser: APIUser;
  readonly applicationId: Snowflake;
  readonly guildId: Snowflake;
  /** Guild text channel id. */
  readonly channelId: Snowflake;
  readonly textChannel: APITextChannel;
  readonly everyoneRoleId: Snowflake;
  readonly policyRoleId: Snowflake;
  /** The role Discord manages for the bot (its integration role). */
  readonly botRoleId: Snowflake;
  /** A forum channel: its posts are threads whose parent is this channel. */
  readonly forumChannel: APIGuildForumChannel;
  /** A guild member with the policy role. */
  readonly staffUser: APIUser;
  /** A guild member without the policy role. */
  readonly outsiderUser: APIUser;
  /** Every REST request, in arrival order (failed, retried and unknown routes included). */
  readonly requests: readonly RecordedRequest[];
  /** Gateway lifecycle, in order. */
  readonly gatewayEvents: readonly GatewayEvent[];
  /** Every IDENTIFY payload received. */
  readonly identifies: readonly GatewayIdentifyData[];
  /** Every RESUME payload received. */
  readonly resumes: readonly GatewayResumeData[];
  /** Intents of the latest IDENTIFY, or null before login. */
  readonly intents: number | null;
  /** Commands registered via PUT/POST; key `global` or a guild id. */
  readonly commands: ReadonlyMap<string, readonly APIApplicationCommand[]>;
  /** Messages created through REST (channel messages, interaction responses, follow-ups), by channel id. */
  readonly messages: ReadonlyMap<Snowflake, readonly APIMessage[]>;
  /** Per interaction token. */
  readonly interactions: ReadonlyMap<string, FakeInteractionState>;
  /** Current gateway sequence number (0 before READY). */
  readonly sequence: number;

  // -- payload builders (pure; nothing is sent) --
  slashCommand(init: SlashCommandInit): APIChatInputApplicationCommandInteraction;
  autocomplete(init: AutocompleteInit): APIApplicationCommandAutocompleteInteraction;
  button(init: ButtonInit): APIMessageComponentButtonInteraction;
  modalSubmit(init: ModalSubmitInit): APIModalSubmitInteraction;
  /** A message authored by the bot (e.g. to hang buttons on). */
  botMessage(init?: {
    content?: string;
    channelId?: Snowflake;
    components?: APIMessageTopLevelComponent[];
  }): APIMessage;
  /** Add a user (and, unless `inGuild: false`, a guild member). Call before login to have it in GUILD_CREATE. */
  createUser(init: {
    username: string;
    globalName?: string;
    roles?: Snowflake[];
    inGuild?: boolean;
    bot?: boolean;
  }): APIUser;
  /** The DM channel between the bot and a user (created on first use). */
  dmChannelFor(user: APIUser): APIDMChannel;
  /** A public thread under the text channel, or a post in the forum channel; THREAD_CREATE once logged in. */
  createThread(init?: { name?: string; parentId?: Snowflake }): Promise<APIThreadChannel>;
  /** Replace a channel's permission overwrites; CHANNEL_UPDATE once logged in. */
  setPermissionOverwrites(channelId: Snowflake, overwrites: APIOverwrite[]): Promise<void>;

  // -- gateway --
  /** Dispatch INTERACTION_CREATE. Resolves once written (or buffered while the client is disconnected). */
  sendInteraction<T extends APIInteraction>(payload: T): Promise<T>;
  /** Dispatch MESSAGE_CREATE (guild text channel, or a DM). Returns the dispatched payload. */
  sendMessage(init: SendMessageInit): Promise<GatewayMessageCreateDispatchData>;
  /** Dispatch any event. Resolves with its sequence number. */
  dispatch<T extends GatewayDispatchPayload['t']>(t: T, d: DispatchData<T>): Promise<number>;
  /**
   * Close the client's gateway socket from the server side. Default code 4000
   * (discord.js resumes). `terminate: true` drops TCP without a close frame (client sees 1006, resumes).
   * Resolves once the socket is closed.
   */
  dropGateway(options?: { code?: number; reason?: string; terminate?: boolean }): Promise<void>;
  /** While down, new gateway connections are cut before the WebSocket handshake (a gateway outage). */
  setGatewayOutage(down: boolean): void;
  /** Oldest gateway event of that kind not yet handed out by this method; waits for one otherwise. */
  waitForGatewayEvent(kind: GatewayEventKind, timeoutMs?: number): Promise<GatewayEvent>;

  // -- REST --
  /**
   * Oldest recorded request matching the predicate that no earlier `waitForRequest`
   * call returned; waits for one otherwise. Requests are handed out after the fake
   * has answered them (`status` and `responseBody` are filled in).
   */
  waitForRequest<Body = unknown>(predicate: RequestPredicate, timeoutMs?: number): Promise<RecordedRequest<Body>>;
  /**
   * Waits for the interaction's accepted callback and, when it deferred, for the accepted edit of the
   * original response or follow-up that answered it: what the member finally sees, either way.
   */
  waitForReply<Data = APIInteractionResponseCallbackData & { choices?: { name: string; value: string }[] }>(
    interaction: APIInteraction,
    timeoutMs?: number,
  ): Promise<InteractionReply<Data>>;
  /** Make the next matching request(s) fail. Rules are checked in the order they were added. */
  failNext(rule: FailRule): void;
  /** Hold the next matching response(s). */
  delayNext(rule: DelayRule): void;
  /** Drop all pending fail/delay rules. */
  clearFaults(): void;

  /** Path of an interaction's callback route, for predicates. */
  callbackPath(interaction: Pick<APIInteraction, 'id' | 'token'>): string;
  /** Path of an interaction's `@original` webhook message route, for predicates. */
  originalPath(interaction: Pick<APIInteraction, 'token'>): string;
  /** Path of follow-up webhook posts, for predicates. */
  followUpPath(interaction: Pick<APIInteraction, 'token'>): string;

  /**
   * Close sockets and servers, cancel timers and pending waits. Call after `await client.destroy()`.
   * Rejects (after closing everything) if a gateway client was still connected,
   * unless `allowConnectedClient` is set.
   */
  close(options?: { allowConnectedClient?: boolean }): Promise<void>;
}
