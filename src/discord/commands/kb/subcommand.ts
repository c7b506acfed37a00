import type {
  ChatInputCommandInteraction,
  EmbedBuilder,
  ModalSubmitInteraction,
  SlashCommandSubcommandBuilder,
} from 'discord.js';
import type { BotContext, Deferral } from '../../context.ts';
import { NO_MENTIONS } from '../../render.ts';
import { respond } from '../../replies.ts';

/** One `/kb` subcommand: its registration, and its handlers. The policy role is checked before either runs. */
export interface KbSubcommand {
  /** Its description and options; its name is its key in `/kb`'s registry. */
  define(subcommand: SlashCommandSubcommandBuilder): SlashCommandSubcommandBuilder;
  /** Default `private`. */
  readonly deferral?: Deferral;
  execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void>;
  /** The form it shows, submitted (its custom id is `kb:<name>`). */
  modal?(interaction: ModalSubmitInteraction, context: BotContext): Promise<void>;
}

export async function replyPrivately(
  interaction: ChatInputCommandInteraction,
  body: { content?: string; embeds?: EmbedBuilder[] },
): Promise<void> {
  await respond(interaction, { embeds: [], components: [], ...body, allowedMentions: NO_MENTIONS }, { private: true });
}
