import { logOutcome } from '../../../service/auto-reload.ts';
import { reloadSummary } from '../../../service/reload-summary.ts';
import { DISCORD_LIMITS as L, truncate } from '../../limits.ts';
import { describeReload, NO_MENTIONS } from '../../render.ts';
import { deferPrivately } from '../../replies.ts';
import type { KbSubcommand } from './subcommand.ts';

/** Reloads the knowledge base now, and says what changed or what to fix. */
export const reload: KbSubcommand = {
  define: (s) =>
    s
      .setDescription('Reload the knowledge base now')
      .setDescriptionLocalizations({ fr: 'Recharger la base de connaissances maintenant' }),

  async execute(interaction, context) {
    await deferPrivately(interaction);
    const outcome = await context.store.reload();
    logOutcome(context.logger, outcome, 'command');
    await interaction.editReply({
      content: truncate(describeReload(reloadSummary(outcome)), L.messageContent),
      allowedMentions: NO_MENTIONS,
    });
  },
};
