import { MessageFlags, type RepliableInteraction } from 'discord.js';
import { NO_MENTIONS, type Rendered } from './render.ts';

/** Replies, or follows up when the interaction was already answered or deferred. */
export async function respond(
  interaction: RepliableInteraction,
  rendered: Rendered,
  options: { private?: boolean } = {},
): Promise<void> {
  const flags = options.private ? MessageFlags.Ephemeral : undefined;
  if (interaction.deferred && !interaction.replied && options.private && !interaction.ephemeral) {
    // Deferred in public while the bot was busy, but meant for the asker alone (an error, a cooldown):
    // a deferred message cannot become private, so it gives way to a private follow-up.
    await interaction.deleteReply();
    await interaction.followUp({ ...rendered, flags: MessageFlags.Ephemeral });
  } else if (interaction.deferred && !interaction.replied) {
    await interaction.editReply({ ...rendered });
  } else if (interaction.replied) {
    await interaction.followUp({ ...rendered, ...(flags ? { flags } : {}) });
  } else {
    await interaction.reply({ ...rendered, ...(flags ? { flags } : {}) });
  }
}

/** A short private text reply. */
export function respondPrivately(interaction: RepliableInteraction, content: string): Promise<void> {
  return respond(interaction, { content, embeds: [], components: [], allowedMentions: NO_MENTIONS }, { private: true });
}

/** Defers privately, unless the interaction was acknowledged already (the bot defers what had to wait). */
export async function deferPrivately(interaction: RepliableInteraction): Promise<void> {
  if (!interaction.deferred && !interaction.replied) await interaction.deferReply({ flags: MessageFlags.Ephemeral });
}
