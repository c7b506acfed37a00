import { EmbedBuilder, escapeMarkdown } from 'discord.js';
import type { PullStatus } from '../../../ops/knowledge-pull.ts';
import type { RecordHealth } from '../../../service/record-health.ts';
import { knowledgeStatus, type KnowledgeStatus } from '../../../service/status.ts';
import { codeBlock, DISCORD_LIMITS as L, truncate } from '../../limits.ts';
import { staleLines } from './stale.ts';
import { replyPrivately, type KbSubcommand } from './subcommand.ts';

/** The knowledge base live now, and the health of what feeds it and what it records. */
export const status: KbSubcommand = {
  define: (s) =>
    s
      .setDescription('Version, fact count, overdue reviews, last load error')
      .setDescriptionLocalizations({ fr: 'Version, nombre de faits, révisions en retard, dernière erreur' }),

  async execute(interaction, context) {
    await replyPrivately(interaction, { embeds: [statusEmbed(knowledgeStatus(context))] });
  },
};

function statusEmbed(status: KnowledgeStatus): EmbedBuilder {
  const { stale, lastError, pull, ignored } = status;
  const record = recordField(status.record);
  const embed = new EmbedBuilder()
    .setTitle(`Knowledge base ${status.version}`)
    .addFields(
      { name: 'Facts', value: String(status.facts), inline: true },
      { name: 'Loaded', value: `<t:${Math.floor(status.loadedAt.getTime() / 1000)}:f>`, inline: true },
      {
        name: `Past their review date (${stale.count})`,
        value: truncate(staleLines(stale).join('\n') || 'None', L.embedFieldValue),
      },
      { name: record.name, value: record.value },
    )
    .setColor(lastError || record.failing || pull?.result === 'failed' ? 0xe74c3c : 0x2ecc71);
  if (pull) embed.addFields(pullField(pull));
  if (ignored.length > 0) {
    embed.addFields({
      name: `Files ignored (${ignored.length})`,
      value: truncate(ignored.map(({ file, why }) => `\`${file}\`: ${why}`).join('\n'), L.embedFieldValue),
    });
  }
  if (lastError) {
    embed.addFields({
      name: `Last load failed (${lastError.problems.length} error(s)); still serving ${lastError.serving}`,
      value: codeBlock(lastError.problems.join('\n'), L.embedFieldValue),
    });
  }
  return embed;
}

/** The record's health: whether questions are recorded, and the last failure. */
function recordField(health: RecordHealth): { name: string; value: string; failing: boolean } {
  switch (health.state) {
    case 'off':
      return { name: 'Question record', value: 'Off (RECORD_QUESTIONS=off)', failing: false };
    case 'unavailable':
      return {
        name: 'Question record: not recording',
        value: truncate(
          `Could not be opened when the bot started; questions are answered but not recorded. ${escapeMarkdown(health.reason)}`,
          L.embedFieldValue,
        ),
        failing: true,
      };
    default: {
      const { rowsWritten, writeErrors, rowsDropped, lastFailure } = health;
      const lines = [`${rowsWritten} rows written since the bot started`];
      if (writeErrors > 0) lines.push(`${writeErrors} failed writes, ${rowsDropped} rows lost`);
      if (lastFailure)
        lines.push(
          `Last failure <t:${Math.floor(Date.parse(lastFailure.at) / 1000)}:f>, writing ${lastFailure.what}: ${lastFailure.kind} ${escapeMarkdown(lastFailure.message)}`,
        );
      return {
        name: health.state === 'failing' ? 'Question record: writes are failing' : 'Question record',
        value: truncate(lines.join('\n'), L.embedFieldValue),
        failing: health.state === 'failing',
      };
    }
  }
}

/** The last pull of the knowledge repository; timestamps render in field values only, not in names. */
function pullField(pull: PullStatus): { name: string; value: string } {
  const when = `<t:${Math.floor(pull.at.getTime() / 1000)}:R>`;
  return pull.result === 'failed'
    ? {
        name: 'Last git pull failed; the knowledge files did not change',
        value: `${when}\n${codeBlock(pull.error ?? 'unknown error', L.embedFieldValue - when.length - 1)}`,
      }
    : {
        name: 'Last git pull',
        value: `${when}: ${pull.result === 'updated' ? `updated ${pull.from} → ${pull.to}` : `already at ${pull.to}`}`,
      };
}
