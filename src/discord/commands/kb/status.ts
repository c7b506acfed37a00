import { EmbedBuilder, escapeMarkdown } from 'discord.js';
import { formatProblem } from '../../../knowledge/problems.ts';
import { versionLabel } from '../../../knowledge/snapshot.ts';
import { recordHealth } from '../../../service/record-health.ts';
import { staleFacts } from '../../../service/stale.ts';
import type { BotContext } from '../../context.ts';
import { codeBlock, DISCORD_LIMITS as L, truncate } from '../../limits.ts';
import { replyPrivately, type KbSubcommand } from './subcommand.ts';

/** The knowledge base live now, and the health of what feeds it and what it records. */
export const status: KbSubcommand = {
  define: (s) =>
    s
      .setDescription('Version, fact count, overdue reviews, last load error')
      .setDescriptionLocalizations({ fr: 'Version, nombre de faits, révisions en retard, dernière erreur' }),

  async execute(interaction, context) {
    await replyPrivately(interaction, { embeds: [statusEmbed(context)] });
  },
};

/** The record's health for /kb status: whether questions are recorded, and the last failure. */
function recordField(context: BotContext): { name: string; value: string; failing: boolean } {
  const health = recordHealth(context.recorder, context.recordUnavailable);
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

function statusEmbed(context: BotContext): EmbedBuilder {
  const { snapshot } = context.store.current();
  const overdue = staleFacts(snapshot, context.now());
  const error = context.store.lastError;
  const record = recordField(context);
  const pull = context.knowledgePull?.last();
  const embed = new EmbedBuilder()
    .setTitle(`Knowledge base ${versionLabel(snapshot)}`)
    .addFields(
      { name: 'Facts', value: String(snapshot.facts.length), inline: true },
      { name: 'Loaded', value: `<t:${Math.floor(snapshot.loadedAt.getTime() / 1000)}:f>`, inline: true },
      {
        name: `Past their review date (${overdue.count})`,
        value: truncate(
          overdue.byOwner
            .flatMap(({ owner, facts }) => facts.map((f) => `\`${f.id}\` — ${f.reviewBy} (${owner})`))
            .join('\n') || 'None',
          L.embedFieldValue,
        ),
      },
      { name: record.name, value: record.value },
    )
    .setColor(error || record.failing || pull?.result === 'failed' ? 0xe74c3c : 0x2ecc71);
  if (pull) {
    // Timestamps render in field values only, not in names.
    const when = `<t:${Math.floor(pull.at.getTime() / 1000)}:R>`;
    embed.addFields(
      pull.result === 'failed'
        ? {
            name: 'Last git pull failed; the knowledge files did not change',
            value: `${when}\n${codeBlock(pull.error ?? 'unknown error', L.embedFieldValue - when.length - 1)}`,
          }
        : {
            name: 'Last git pull',
            value: `${when}: ${pull.result === 'updated' ? `updated ${pull.from} → ${pull.to}` : `already at ${pull.to}`}`,
          },
    );
  }
  if (snapshot.ignored.length > 0) {
    embed.addFields({
      name: `Files ignored (${snapshot.ignored.length})`,
      value: truncate(
        snapshot.ignored.map((p) => `\`${p.file}\`: ${p.message.replace(/^ignored: /, '')}`).join('\n'),
        L.embedFieldValue,
      ),
    });
  }
  if (error) {
    embed.addFields({
      name: `Last load failed (${error.errors.length} error(s)); still serving ${snapshot.version}`,
      value: codeBlock(error.errors.map(formatProblem).join('\n'), L.embedFieldValue),
    });
  }
  return embed;
}
