/**
 * A member's permissions in a channel, computed as Discord does (discord-api-docs
 * developers/topics/permissions.mdx, "Permission Overwrites", "Implicit Permissions" and "Permissions
 * for Threads"), and what posting a message requires (developers/resources/message.mdx, "Create Message",
 * "Limitations").
 */
import {
  OverwriteType,
  PermissionFlagsBits,
  type APIOverwrite,
  type APIRole,
  type Snowflake,
} from 'discord-api-types/v10';

export const ALL_PERMISSIONS = Object.values(PermissionFlagsBits).reduce((all, flag) => all | flag, 0n);

export function channelPermissions(options: {
  guildId: Snowflake;
  roles: readonly APIRole[];
  memberId: Snowflake;
  memberRoles: readonly Snowflake[];
  overwrites: readonly APIOverwrite[];
}): bigint {
  let base = 0n;
  for (const role of options.roles) {
    if (role.id === options.guildId || options.memberRoles.includes(role.id)) base |= BigInt(role.permissions);
  }
  if ((base & PermissionFlagsBits.Administrator) !== 0n) return ALL_PERMISSIONS;
  const apply = (perms: bigint, o: APIOverwrite | undefined) =>
    o ? (perms & ~BigInt(o.deny)) | BigInt(o.allow) : perms;
  let perms = apply(
    base,
    options.overwrites.find((o) => o.id === options.guildId),
  );
  let allow = 0n;
  let deny = 0n;
  for (const o of options.overwrites) {
    if (o.type === OverwriteType.Role && o.id !== options.guildId && options.memberRoles.includes(o.id)) {
      allow |= BigInt(o.allow);
      deny |= BigInt(o.deny);
    }
  }
  perms = (perms & ~deny) | allow;
  perms = apply(
    perms,
    options.overwrites.find((o) => o.type === OverwriteType.Member && o.id === options.memberId),
  );
  // Without View Channel, nothing else in the channel is granted.
  return (perms & PermissionFlagsBits.ViewChannel) === 0n ? 0n : perms;
}

export interface Refusal {
  status: 403;
  body: { code: number; message: string };
}

/** Why Discord would refuse this bot's message in that channel, if it would. */
export function refuseMessage(
  perms: bigint,
  options: { thread: boolean; embeds: boolean; reply: boolean },
): Refusal | undefined {
  if ((perms & PermissionFlagsBits.ViewChannel) === 0n)
    return { status: 403, body: { code: 50001, message: 'Missing Access' } };
  // Threads do not inherit Send Messages: Send Messages in Threads is what counts there.
  const send = options.thread ? PermissionFlagsBits.SendMessagesInThreads : PermissionFlagsBits.SendMessages;
  const needed =
    send |
    (options.embeds ? PermissionFlagsBits.EmbedLinks : 0n) |
    (options.reply ? PermissionFlagsBits.ReadMessageHistory : 0n);
  if ((perms & needed) !== needed) return { status: 403, body: { code: 50013, message: 'Missing Permissions' } };
  return undefined;
}
