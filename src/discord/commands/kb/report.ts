import { escapeMarkdown } from 'discord.js';
import { lastDays, liveReport, type LiveReport } from '../../../service/report.ts';
import { formatReportText } from '../../../service/report-text.ts';
import { codeBlock, DISCORD_LIMITS as L, truncate } from '../../limits.ts';
import { NO_MENTIONS } from '../../render.ts';
import { deferPrivately } from '../../replies.ts';
import type { KbSubcommand } from './subcommand.ts';

/** The longest list in each section of the report: what a message has room for. */
const REPORT_LIMIT = 10;

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
    const period = lastDays(context.now(), interaction.options.getInteger('days') ?? 30);
    const report = liveReport(context, context.store.current(), { ...period, limit: REPORT_LIMIT });
    if (report.state === 'failed')
      context.logger.error({ err: report.error, event: 'record.report_failed' }, 'could not read the question record');
    await interaction.editReply({ content: describeReport(report), allowedMentions: NO_MENTIONS });
  },
};

/** The report as a Discord message: the report in a code block, or why there is none. */
function describeReport(report: LiveReport): string {
  switch (report.state) {
    case 'off':
      return 'Questions are not being recorded (RECORD_QUESTIONS=off), so there is nothing to report.';
    case 'unavailable':
      return truncate(
        `The question record could not be opened when the bot started, so there is nothing to report: questions are answered but not recorded. The reason: ${escapeMarkdown(report.reason)}`,
        L.messageContent,
      );
    case 'failed':
      return truncate(`Could not read the question record: ${escapeMarkdown(report.error.message)}`, L.messageContent);
    case 'ready':
      return codeBlock(formatReportText(report.report), L.messageContent);
  }
}
