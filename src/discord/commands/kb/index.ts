import {
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type ChatInputCommandInteraction,
  type ModalSubmitInteraction,
} from 'discord.js';
import { UserError, type BotContext, type Command } from '../../context.ts';
import { isPolicyMember } from '../../permissions.ts';
import { languageOfLocale, UI } from '../../strings.ts';
import { explain } from './explain.ts';
import { preview } from './preview.ts';
import { reload } from './reload.ts';
import { report } from './report.ts';
import { stale } from './stale.ts';
import { status } from './status.ts';
import type { KbSubcommand } from './subcommand.ts';

/** Every `/kb` subcommand by name, in the order Discord lists them. */
const SUBCOMMANDS = { status, reload, stale, preview, report, explain } as const satisfies Record<string, KbSubcommand>;

function findSubcommand(name: string | null | undefined): KbSubcommand | undefined {
  return name && Object.hasOwn(SUBCOMMANDS, name) ? SUBCOMMANDS[name as keyof typeof SUBCOMMANDS] : undefined;
}

function commandData() {
  const builder = new SlashCommandBuilder()
    .setName('kb')
    .setDescription('Knowledge base tools for the policy team')
    .setDescriptionLocalizations({ fr: 'Outils de la base de connaissances pour l’équipe politique' })
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild);
  for (const [name, subcommand] of Object.entries(SUBCOMMANDS))
    builder.addSubcommand((s) => subcommand.define(s.setName(name)));
  return builder.toJSON();
}

/** Policy-team commands. Hidden from members without Manage Server, and checked against the role anyway. */
export const kb: Command = {
  data: commandData(),

  deferral: (interaction) => findSubcommand(interaction.options.getSubcommand(false))?.deferral ?? 'private',

  async execute(interaction, context) {
    requirePolicy(interaction, context);
    const name = interaction.options.getSubcommand(true);
    const subcommand = findSubcommand(name);
    if (!subcommand) throw new Error(`unknown /kb subcommand ${name}`);
    await subcommand.execute(interaction, context);
  },

  async modal(interaction, context) {
    requirePolicy(interaction, context);
    const subcommand = findSubcommand(interaction.customId.split(':')[1]);
    if (!subcommand?.modal) throw new Error(`no modal handler for ${interaction.customId}`);
    await subcommand.modal(interaction, context);
  },
};

function requirePolicy(interaction: ChatInputCommandInteraction | ModalSubmitInteraction, context: BotContext): void {
  if (isPolicyMember(interaction, context.settings.policyRoleId)) return;
  const ui = UI[languageOfLocale(interaction.locale)];
  throw new UserError(context.settings.policyRoleId === interaction.guildId ? ui.policyRoleIsEveryone : ui.policyOnly);
}
