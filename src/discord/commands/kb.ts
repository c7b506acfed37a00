import { EmbedBuilder, InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { formatProblem } from '../../knowledge/problems.ts';
import type { ReloadOutcome } from '../../knowledge/live-store.ts';
import { UserError, type BotContext, type Command } from '../context.ts';
import { DISCORD_LIMITS as L, truncate } from '../limits.ts';
import { isPolicyMember } from '../permissions.ts';
import { NO_MENTIONS } from '../render.ts';
import { languageOfLocale, UI } from '../strings.ts';

/** Policy-team commands. Hidden from members without Manage Server, and checked against the role anyway. */
export const kb: Command = {
  data: new SlashCommandBuilder()
    .setName('kb')
    .setDescription('Knowledge base: status and reload (policy team)')
    .setDescriptionLocalizations({ fr: 'Base de connaissances : état et rechargement (équipe politique)' })
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((s) =>
      s.setName('status').setDescription('Version, fact count, overdue reviews, last load error').setDescriptionLocalizations({ fr: 'Version, nombre de faits, révisions en retard, dernière erreur' }),
    )
    .addSubcommand((s) =>
      s.setName('reload').setDescription('Reload the knowledge base now').setDescriptionLocalizations({ fr: 'Recharger la base de connaissances maintenant' }),
    )
    .toJSON(),

  async execute(interaction, context) {
    const language = languageOfLocale(interaction.locale);
    if (!isPolicyMember(interaction, context.settings.policyRoleId)) throw new UserError(UI[language].policyOnly);
    const sub = interaction.options.getSubcommand(true);
    if (sub === 'status') {
      await interaction.reply({ embeds: [statusEmbed(context)], flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    } else if (sub === 'reload') {
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const outcome = await context.store.reload();
      context.logger.info({ event: 'kb.reload', by: 'command', ok: outcome.ok, version: outcome.version }, 'knowledge reload requested');
      await interaction.editReply({ content: truncate(describeReload(outcome), L.messageContent), allowedMentions: NO_MENTIONS });
    }
  },
};

export function statusEmbed(context: BotContext): EmbedBuilder {
  const { snapshot } = context.store.current();
  const today = context.now().toISOString().slice(0, 10);
  const stale = snapshot.facts.filter((f) => f.review_by < today);
  const error = context.store.lastError;
  const embed = new EmbedBuilder()
    .setTitle(`Knowledge base ${snapshot.version}`)
    .addFields(
      { name: 'Facts', value: String(snapshot.facts.length), inline: true },
      { name: 'Loaded', value: `<t:${Math.floor(snapshot.loadedAt.getTime() / 1000)}:f>`, inline: true },
      {
        name: `Past their review date (${stale.length})`,
        value: truncate(stale.map((f) => `\`${f.id}\` — ${f.review_by} (${f.owner})`).join('\n') || 'None', L.embedFieldValue),
      },
    )
    .setColor(error ? 0xe74c3c : 0x2ecc71);
  if (error) {
    embed.addFields({
      name: `Last load failed (${error.errors.length} error(s)); still serving ${snapshot.version}`,
      value: truncate(`\`\`\`\n${error.errors.map(formatProblem).join('\n').slice(0, L.embedFieldValue)}`, L.embedFieldValue - 4) + '\n```',
    });
  }
  return embed;
}

export function describeReload(outcome: ReloadOutcome): string {
  if (!outcome.ok) {
    return [`Reload failed: still serving ${outcome.version}. Fix these and save again:`, '```', ...outcome.errors.map(formatProblem), '```'].join('\n');
  }
  const list = (label: string, ids: readonly string[]) => (ids.length ? [`${label}: ${ids.map((id) => `\`${id}\``).join(', ')}`] : []);
  const changes = [...list('Added', outcome.added), ...list('Removed', outcome.removed), ...list('Edited', outcome.edited)];
  return [`Loaded ${outcome.version} (was ${outcome.previousVersion}).`, ...(changes.length ? changes : ['No fact changed.'])].join('\n');
}

