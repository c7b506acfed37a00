/**
 * The fake's world: the application and its bot user, one guild with its roles, a text channel, a forum
 * and its threads, users and members, DM channels, and what REST created (commands, messages, interactions).
 */
import { channelPermissions } from './permissions.ts';
import { permissionString, randomToken, snowflake } from './snowflake.ts';
import {
  ChannelType,
  ForumLayoutType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildMemberFlags,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  Locale,
  MessageFlags,
  MessageReferenceType,
  MessageType,
  PermissionFlagsBits,
  type RoleFlags,
  type APIApplicationCommand,
  type APIAttachment,
  type APIDMChannel,
  type APIEmbed,
  type APIGuild,
  type APIGuildForumChannel,
  type APIThreadChannel,
  type APIGuildMember,
  type APIMessage,
  type APIMessageReference,
  type APIMessageTopLevelComponent,
  type APIRole,
  type APITextChannel,
  type APIUser,
  type GatewayGuildCreateDispatchData,
  type Snowflake,
} from 'discord-api-types/v10';
import type { RecordedFile, FakeUser, StartFakeDiscordOptions, FakeInteractionState } from './types.ts';

export type GuildChannel = APITextChannel | APIGuildForumChannel | APIThreadChannel;

export /** Loose shape of message bodies (channel messages, interaction callback data, webhook bodies). */
interface MessageBodyLike {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIMessageTopLevelComponent[];
  flags?: number;
  tts?: boolean;
  message_reference?: APIMessageReference;
  attachments?: { id: string | number; filename?: string; description?: string }[];
}

export type World = ReturnType<typeof createWorld>;

export function createWorld(options: StartFakeDiscordOptions) {
  const guildLocale = options.guildLocale ?? Locale.EnglishUS;

  // ---- world state ------------------------------------------------------
  const botCreatedAt = Date.parse('2024-03-01T12:00:00Z');
  const applicationId = snowflake(botCreatedAt);
  const botUser: APIUser = {
    id: applicationId, // bots' user id equals their application id
    username: options.botUsername ?? 'residency-bot',
    discriminator: '0',
    global_name: null,
    avatar: null,
    bot: true,
  };
  const token = `${Buffer.from(applicationId).toString('base64url')}.${randomToken(4)}.${randomToken(27)}`;

  const guildCreatedAt = Date.parse('2019-06-15T09:30:00Z');
  const guildId = snowflake(guildCreatedAt);
  const everyoneRoleId = guildId;
  const policyRoleId = snowflake(guildCreatedAt + 86_400_000);
  const botRoleId = snowflake(botCreatedAt + 1000);

  const everyonePermissions = permissionString(
    PermissionFlagsBits.ViewChannel,
    PermissionFlagsBits.SendMessages,
    PermissionFlagsBits.ReadMessageHistory,
    PermissionFlagsBits.AddReactions,
    PermissionFlagsBits.EmbedLinks,
    PermissionFlagsBits.AttachFiles,
    PermissionFlagsBits.UseApplicationCommands,
    PermissionFlagsBits.CreateInstantInvite,
    PermissionFlagsBits.ChangeNickname,
  );
  const botPermissions = permissionString(
    PermissionFlagsBits.ViewChannel,
    PermissionFlagsBits.SendMessages,
    PermissionFlagsBits.SendMessagesInThreads,
    PermissionFlagsBits.ReadMessageHistory,
    PermissionFlagsBits.EmbedLinks,
    PermissionFlagsBits.AttachFiles,
    PermissionFlagsBits.AddReactions,
    PermissionFlagsBits.UseApplicationCommands,
    PermissionFlagsBits.UseExternalEmojis,
  );

  const role = (id: Snowflake, name: string, position: number, permissions: string, managed = false): APIRole => ({
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions,
    managed,
    mentionable: false,
    flags: 0 as RoleFlags,
    ...(managed ? { tags: { bot_id: botUser.id } } : {}),
  });
  const roles: APIRole[] = [
    role(everyoneRoleId, '@everyone', 0, everyonePermissions),
    role(policyRoleId, options.policyRoleName ?? 'policy', 1, '0'),
    role(botRoleId, botUser.username, 2, botPermissions, true),
  ];

  const textChannel: APITextChannel = {
    id: snowflake(guildCreatedAt + 60_000),
    type: ChannelType.GuildText,
    guild_id: guildId,
    name: options.channelName ?? 'data-residency',
    position: 0,
    permission_overwrites: [],
    parent_id: null,
    nsfw: false,
    topic: 'Ask where user data lives',
    last_message_id: null,
    rate_limit_per_user: 0,
    default_auto_archive_duration: 1440,
  };

  const forumChannel: APIGuildForumChannel = {
    id: snowflake(guildCreatedAt + 120_000),
    type: ChannelType.GuildForum,
    guild_id: guildId,
    name: 'data-questions',
    position: 1,
    permission_overwrites: [],
    parent_id: null,
    nsfw: false,
    topic: null,
    available_tags: [],
    default_reaction_emoji: null,
    default_sort_order: null,
    default_forum_layout: ForumLayoutType.ListView,
  };
  const threads: APIThreadChannel[] = [];

  const users = new Map<Snowflake, FakeUser>();
  users.set(botUser.id, { user: botUser, roles: [botRoleId], inGuild: true });
  let userCounter = 0;

  const createUser = (init: {
    username: string;
    globalName?: string;
    roles?: Snowflake[];
    inGuild?: boolean;
    bot?: boolean;
  }): APIUser => {
    userCounter += 1;
    const user: APIUser = {
      id: snowflake(Date.parse('2018-01-01T00:00:00Z') + userCounter * 86_400_000),
      username: init.username,
      discriminator: '0',
      global_name: init.globalName ?? null,
      avatar: null,
      ...(init.bot === true ? { bot: true } : {}),
    };
    const inGuild = init.inGuild ?? true;
    users.set(user.id, { user, roles: inGuild ? (init.roles ?? []) : [], inGuild });
    return user;
  };

  const staffUser = createUser({ username: 'staff.member', globalName: 'Staff Member', roles: [policyRoleId] });
  const outsiderUser = createUser({ username: 'outsider', globalName: 'Outsider' });

  const joinedAt = new Date(guildCreatedAt + 3_600_000).toISOString();
  const memberOf = (fake: FakeUser, rolesOverride?: Snowflake[]): APIGuildMember => ({
    user: fake.user,
    nick: null,
    avatar: null,
    banner: null,
    roles: rolesOverride ?? fake.roles,
    joined_at: joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: GuildMemberFlags.CompletedOnboarding,
    pending: false,
    communication_disabled_until: null,
  });

  const lookupUser = (user: APIUser): FakeUser => {
    const known = users.get(user.id);
    if (known !== undefined) return known;
    const added: FakeUser = { user, roles: [], inGuild: false };
    users.set(user.id, added);
    return added;
  };

  const memberPermissions = (roleIds: readonly Snowflake[]): string => {
    let perms = 0n;
    for (const r of roles) {
      if (r.id === everyoneRoleId || roleIds.includes(r.id)) perms |= BigInt(r.permissions);
    }
    return perms.toString();
  };

  const isThread = (channel: { type: ChannelType }): boolean =>
    channel.type === ChannelType.PublicThread ||
    channel.type === ChannelType.PrivateThread ||
    channel.type === ChannelType.AnnouncementThread;
  /** A guild member's permissions in a channel; a thread takes its parent's overwrites. */
  const permissionsIn = (channel: GuildChannel, userId: Snowflake): bigint => {
    const source = isThread(channel) && channel.parent_id ? (findGuildChannel(channel.parent_id) ?? channel) : channel;
    return channelPermissions({
      guildId,
      roles,
      memberId: userId,
      memberRoles: users.get(userId)?.roles ?? [],
      overwrites: source.permission_overwrites ?? [],
    });
  };

  const dmChannels = new Map<Snowflake, APIDMChannel>();
  const dmChannelFor = (user: APIUser): APIDMChannel => {
    const existing = dmChannels.get(user.id);
    if (existing !== undefined) return existing;
    const channel: APIDMChannel = {
      id: snowflake(),
      type: ChannelType.DM,
      name: null,
      recipients: [user],
      last_message_id: null,
    };
    dmChannels.set(user.id, channel);
    return channel;
  };
  const findGuildChannel = (id: Snowflake): GuildChannel | undefined =>
    [textChannel, forumChannel, ...threads].find((c) => c.id === id);
  const findChannel = (id: Snowflake): GuildChannel | APIDMChannel | undefined => {
    const inGuild = findGuildChannel(id);
    if (inGuild !== undefined) return inGuild;
    for (const channel of dmChannels.values()) if (channel.id === id) return channel;
    return undefined;
  };

  const commands = new Map<string, APIApplicationCommand[]>();
  const messages = new Map<Snowflake, APIMessage[]>();
  const interactions = new Map<string, FakeInteractionState>();

  const storeMessage = (message: APIMessage): APIMessage => {
    const list = messages.get(message.channel_id) ?? [];
    list.push(message);
    messages.set(message.channel_id, list);
    return message;
  };

  const buildMessage = (
    channelId: Snowflake,
    body: MessageBodyLike,
    extra: Partial<APIMessage> & { author: APIUser },
    files: RecordedFile[] = [],
  ): APIMessage => {
    const attachments: APIAttachment[] = files.map((file) => ({
      id: snowflake(),
      filename: file.filename,
      size: file.size,
      url: `https://cdn.discordapp.com/attachments/${channelId}/${snowflake()}/${file.filename}`,
      proxy_url: `https://media.discordapp.net/attachments/${channelId}/${snowflake()}/${file.filename}`,
      ...(file.contentType !== undefined ? { content_type: file.contentType } : {}),
    }));
    const reference = body.message_reference;
    return {
      id: snowflake(),
      channel_id: channelId,
      content: body.content ?? '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: body.tts ?? false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments,
      embeds: body.embeds ?? [],
      components: body.components ?? [],
      pinned: false,
      type: reference !== undefined ? MessageType.Reply : MessageType.Default,
      flags: body.flags ?? 0,
      ...(reference !== undefined
        ? {
            message_reference: {
              type: MessageReferenceType.Default,
              channel_id: reference.channel_id ?? channelId,
              ...(reference.message_id !== undefined ? { message_id: reference.message_id } : {}),
              ...(reference.guild_id !== undefined ? { guild_id: reference.guild_id } : {}),
            },
          }
        : {}),
      ...extra,
    };
  };

  const patchMessage = (message: APIMessage, body: MessageBodyLike, files: RecordedFile[]): APIMessage => {
    const rebuilt = buildMessage(message.channel_id, body, { author: message.author }, files);
    const keepAttachments =
      body.attachments === undefined
        ? message.attachments
        : message.attachments.filter((a) => body.attachments?.some((b) => String(b.id) === a.id));
    const updated: APIMessage = {
      ...message,
      ...(body.content !== undefined ? { content: body.content } : {}),
      ...(body.embeds !== undefined ? { embeds: body.embeds } : {}),
      ...(body.components !== undefined ? { components: body.components } : {}),
      ...(body.flags !== undefined
        ? { flags: (message.flags ?? 0) & MessageFlags.Ephemeral ? body.flags | MessageFlags.Ephemeral : body.flags }
        : {}),
      attachments: [...keepAttachments, ...rebuilt.attachments],
      edited_timestamp: new Date().toISOString(),
    };
    const list = messages.get(message.channel_id);
    if (list !== undefined) {
      const i = list.findIndex((m) => m.id === message.id);
      if (i !== -1) list[i] = updated;
    }
    return updated;
  };

  // ---- guild payloads -------------------------------------------------
  const guildPayload = (): APIGuild => ({
    id: guildId,
    name: options.guildName ?? 'Residency Test Guild',
    icon: null,
    icon_hash: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: staffUser.id,
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: GuildVerificationLevel.Low,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.AllMembers,
    roles,
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
    rules_channel_id: null,
    max_presences: null,
    max_members: 500_000,
    vanity_url_code: null,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    preferred_locale: guildLocale,
    public_updates_channel_id: null,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    nsfw_level: GuildNSFWLevel.Default,
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
  });

  const guildCreatePayload = (): GatewayGuildCreateDispatchData => ({
    ...guildPayload(),
    // GUILD_CREATE-only fields
    joined_at: new Date(botCreatedAt + 60_000).toISOString(),
    large: false,
    unavailable: false,
    member_count: [...users.values()].filter((u) => u.inGuild).length,
    voice_states: [],
    members: [...users.values()].filter((u) => u.inGuild).map((u) => memberOf(u)),
    channels: [textChannel, forumChannel],
    threads,
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  });

  return {
    guildLocale,
    applicationId,
    botUser,
    token,
    guildId,
    everyoneRoleId,
    policyRoleId,
    botRoleId,
    botPermissions,
    roles,
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
    dmChannels,
    dmChannelFor,
    findGuildChannel,
    findChannel,
    commands,
    messages,
    interactions,
    storeMessage,
    buildMessage,
    patchMessage,
    guildPayload,
    guildCreatePayload,
  };
}
