import { staleFacts, type StaleFacts } from '../../../service/stale.ts';
import { DISCORD_LIMITS as L, truncate } from '../../limits.ts';
import { replyPrivately, type KbSubcommand } from './subcommand.ts';

/** Facts past their review date, by owner. */
export const stale: KbSubcommand = {
  define: (s) =>
    s
      .setDescription('Facts past their review date, by owner')
      .setDescriptionLocalizations({ fr: 'Faits dont la date de révision est passée, par responsable' }),

  async execute(interaction, context) {
    const stale = staleFacts(context.store.current().snapshot, context.now());
    const text =
      stale.count === 0
        ? 'No fact is past its review date.'
        : [`${stale.count} fact(s) past their review date:`, ...staleLines(stale)].join('\n');
    await replyPrivately(interaction, { content: truncate(text, L.messageContent) });
  },
};

/** Stale facts on Discord, here and in /kb status: a line per owner, each fact with the day it was due. */
export function staleLines(stale: StaleFacts): string[] {
  return stale.byOwner.map(
    ({ owner, facts }) => `**${owner}**: ${facts.map((f) => `\`${f.id}\` (due ${f.reviewBy})`).join(', ')}`,
  );
}
