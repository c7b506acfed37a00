import { escapeMarkdown } from 'discord.js';
import { formatReportText } from '../../../record/format-report.ts';
import { buildReport } from '../../../record/report.ts';
import { withFixHints } from '../../../service/report-hints.ts';
import type { BotContext } from '../../context.ts';
import { codeBlock, DISCORD_LIMITS as L, truncate } from '../../limits.ts';
import { NO_MENTIONS } from '../../render.ts';
import { deferPrivately } from '../../replies.ts';
import type { KbSubcommand } from './subcommand.ts';

const DAY_MS = 86_400_000;

/** What staff asked over the last days: unanswered questions with what to fix, votes, most asked. */
export const report: KbSubcommand = {
  define: (s) =>
    s
      .setDescription('What staff asked: unanswered questions, votes, most asked')
      .setDescriptionLocalizations({ fr: 'Ce que le personnel a demandé : questions sans réponse, votes' })
      .addIntegerOption((o) =>
        o.setName('days').setDescription('How many days back (default 30)').setMinValue(1).setMaxValue(365),
      ),

  async execute(interaction, context) {
    // The report's cost grows with the record: acknowledged first, it can never miss Discord's deadline.
    await deferPrivately(interaction);
    await interaction.editReply({
      content: reportText(context, interaction.options.getInteger('days') ?? 30),
      allowedMentions: NO_MENTIONS,
    });
  },
};

function reportText(context: BotContext, days: number): string {
  if (!context.recorder) {
    if (context.recordUnavailable === undefined)
      return 'Questions are not being recorded (RECORD_QUESTIONS=off), so there is nothing to report.';
    return truncate(
      `The question record could not be opened when the bot started, so there is nothing to report: questions are answered but not recorded. The reason: ${escapeMarkdown(context.recordUnavailable)}`,
      L.messageContent,
    );
  }
  // The report's end is exclusive: one millisecond past now includes what was asked this very moment.
  const to = new Date(context.now().getTime() + 1);
  let report;
  try {
    report = buildReport(context.recorder, { from: new Date(to.getTime() - days * DAY_MS), to, limit: 10 });
  } catch (error) {
    context.logger.error({ err: error, event: 'record.report_failed' }, 'could not read the question record');
    return truncate(
      `Could not read the question record: ${escapeMarkdown((error as Error).message)}`,
      L.messageContent,
    );
  }
  return codeBlock(formatReportText(withFixHints(report, context.store.current())), L.messageContent);
}
