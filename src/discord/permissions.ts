import type { Interaction } from 'discord.js';

/** Whether the member behind an interaction has the policy role. Checked on every policy command. */
export function isPolicyMember(interaction: Interaction, policyRoleId: string | undefined): boolean {
  if (!policyRoleId || !interaction.inGuild()) return false;
  const roles = interaction.member.roles;
  return Array.isArray(roles) ? roles.includes(policyRoleId) : roles.cache.has(policyRoleId);
}
