import { staleFacts } from '../../../service/stale.ts';
import type { BotContext } from '../../context.ts';
import { DISCORD_LIMITS as L, truncate } from '../../limits.ts';
import { replyPrivately, type KbSubcommand } from './subcommand.ts';

/** Facts past their review date, by owner. */
export const stale: KbSubcommand = {
  define: (s) =>
    s
      .setDescription('Facts past their review date, by owner')
      .setDescriptionLocalizations({ fr: 'Faits dont la date de révision est passée, par responsable' }),

  async execute(interaction, context) {
    await replyPrivately(interaction, { content: truncate(staleList(context), L.messageContent) });
  },
};

function staleList(context: BotContext): string {
  const stale = staleFacts(context.store.current().snapshot, context.now());
  if (stale.count === 0) return 'No fact is past its review date.';
  const lines = stale.byOwner.map(
    ({ owner, facts }) => `**${owner}**: ${facts.map((f) => `\`${f.id}\` (due ${f.reviewBy})`).join(', ')}`,
  );
  return [`${stale.count} fact(s) past their review date:`, ...lines].join('\n');
}
