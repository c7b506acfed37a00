import { OAuth2Scopes, PermissionFlagsBits, PermissionsBitField, type Interaction } from 'discord.js';

/**
 * What the bot needs in a channel, and no more: see it, answer there and in its threads (a reply needs
 * Read Message History; discord-api-docs resources/message.mdx, "Create Message" limitations), with
 * embeds (without Embed Links it answers in plain text).
 */
export const REQUIRED_PERMISSIONS = new PermissionsBitField([
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.SendMessagesInThreads,
  PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.ReadMessageHistory,
]).freeze();

/** The link that adds the bot to a server with exactly those permissions (discord-api-docs topics/oauth2.mdx, "Bot Authorization Flow"). */
export function inviteUrl(applicationId: string): string {
  const query = new URLSearchParams({
    client_id: applicationId,
    scope: [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands].join(' '),
    permissions: REQUIRED_PERMISSIONS.bitfield.toString(),
    integration_type: '0',
  });
  return `https://discord.com/oauth2/authorize?${query.toString()}`;
}

/** Whether the member behind an interaction has the policy role. Checked on every policy command. */
export function isPolicyMember(interaction: Interaction, policyRoleId: string | undefined): boolean {
  if (!policyRoleId || !interaction.inGuild()) return false;
  // The @everyone role's id is the server's own: as the policy role it would admit every member.
  if (policyRoleId === interaction.guildId) return false;
  const roles = interaction.member.roles;
  return Array.isArray(roles) ? roles.includes(policyRoleId) : roles.cache.has(policyRoleId);
}
