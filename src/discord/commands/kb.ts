import {
  LabelBuilder,
  EmbedBuilder,
  escapeMarkdown,
  InteractionContextType,
  ModalBuilder,
  PermissionFlagsBits,
  SlashCommandBuilder,
  TextInputBuilder,
  TextInputStyle,
  type ChatInputCommandInteraction,
  type ModalSubmitInteraction,
} from 'discord.js';
import { formatProblem } from '../../knowledge/problems.ts';
import { explain, formatExplanation } from '../../answer/explain.ts';
import { versionLabel } from '../../knowledge/snapshot.ts';
import { formatReportText } from '../../record/format-report.ts';
import { buildReport } from '../../record/report.ts';
import { withFixHints } from '../../service/report-hints.ts';
import { logOutcome } from '../../service/auto-reload.ts';
import { previewPastedDraft } from '../../service/preview.ts';
import { recordHealth } from '../../service/record-health.ts';
import { staleFacts } from '../../service/stale.ts';
import { UserError, type BotContext, type Command } from '../context.ts';
import { codeBlock, DISCORD_LIMITS as L, QUESTION_MAX_LENGTH, truncate } from '../limits.ts';
import { isPolicyMember } from '../permissions.ts';
import { describeReload, NO_MENTIONS, renderFact } from '../render.ts';
import { deferPrivately, respond } from '../replies.ts';
import { quoteTyped } from '../typed-text.ts';
import { languageOfLocale, UI } from '../strings.ts';

const PREVIEW_MODAL = 'kb:preview';
const DAY_MS = 86_400_000;

/** Policy-team commands. Hidden from members without Manage Server, and checked against the role anyway. */
export const kb: Command = {
  data: new SlashCommandBuilder()
    .setName('kb')
    .setDescription('Knowledge base tools for the policy team')
    .setDescriptionLocalizations({ fr: 'Outils de la base de connaissances pour l’équipe politique' })
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((s) =>
      s
        .setName('status')
        .setDescription('Version, fact count, overdue reviews, last load error')
        .setDescriptionLocalizations({ fr: 'Version, nombre de faits, révisions en retard, dernière erreur' }),
    )
    .addSubcommand((s) =>
      s
        .setName('reload')
        .setDescription('Reload the knowledge base now')
        .setDescriptionLocalizations({ fr: 'Recharger la base de connaissances maintenant' }),
    )
    .addSubcommand((s) =>
      s
        .setName('stale')
        .setDescription('Facts past their review date, by owner')
        .setDescriptionLocalizations({ fr: 'Faits dont la date de révision est passée, par responsable' }),
    )
    .addSubcommand((s) =>
      s
        .setName('preview')
        .setDescription('Check a draft fact and see how it would answer, without changing anything')
        .setDescriptionLocalizations({ fr: 'Vérifier un brouillon de fait sans rien changer' }),
    )
    .addSubcommand((s) =>
      s
        .setName('report')
        .setDescription('What staff asked: unanswered questions, votes, most asked')
        .setDescriptionLocalizations({ fr: 'Ce que le personnel a demandé : questions sans réponse, votes' })
        .addIntegerOption((o) =>
          o.setName('days').setDescription('How many days back (default 30)').setMinValue(1).setMaxValue(365),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName('explain')
        .setDescription('Why a question gets its answer: how each word was read, the runner-up, the bars')
        .setDescriptionLocalizations({
          fr: 'Pourquoi une question reçoit sa réponse : chaque mot, le second fait, les seuils',
        })
        .addStringOption((o) =>
          o
            .setName('question')
            .setDescription('The question, as staff asked it')
            .setRequired(true)
            .setMaxLength(QUESTION_MAX_LENGTH),
        ),
    )
    .toJSON(),

  // The preview's form must be the first response; everything else is private.
  deferral: (interaction) => (interaction.options.getSubcommand(false) === 'preview' ? 'never' : 'private'),

  async execute(interaction, context) {
    requirePolicy(interaction, context);
    const sub = interaction.options.getSubcommand(true);
    switch (sub) {
      case 'status':
        return replyPrivately(interaction, { embeds: [statusEmbed(context)] });
      case 'stale':
        return replyPrivately(interaction, { content: truncate(staleList(context), L.messageContent) });
      case 'report': {
        // The report's cost grows with the record: acknowledged first, it can never miss Discord's deadline.
        await deferPrivately(interaction);
        await interaction.editReply({
          content: reportText(context, interaction.options.getInteger('days') ?? 30),
          allowedMentions: NO_MENTIONS,
        });
        return;
      }
      case 'explain': {
        const explanation = explain(context.store.current(), interaction.options.getString('question', true));
        return replyPrivately(interaction, { content: codeBlock(formatExplanation(explanation), L.messageContent) });
      }
      case 'preview':
        await interaction.showModal(previewModal());
        return;
      case 'reload': {
        await deferPrivately(interaction);
        const outcome = await context.store.reload();
        logOutcome(context.logger, outcome, 'command');
        await interaction.editReply({
          content: truncate(describeReload(outcome), L.messageContent),
          allowedMentions: NO_MENTIONS,
        });
        return;
      }
      default:
        throw new Error(`unknown /kb subcommand ${sub}`);
    }
  },

  async modal(interaction, context) {
    requirePolicy(interaction, context);
    await deferPrivately(interaction);
    const draft = interaction.fields.getTextInputValue('draft');
    const question = interaction.fields.getTextInputValue('question').trim();
    const result = await previewPastedDraft({
      knowledgeDir: context.settings.knowledgeDir,
      draft,
      live: context.store.current(),
      questions: question ? [question] : [],
      record: context.recorder,
      now: context.now(),
      contact: context.settings.contact,
    });
    if (!result.ok) {
      const head = 'The draft does not validate; nothing was changed:\n';
      await interaction.editReply({
        content: head + codeBlock(result.errors.map(formatProblem).join('\n'), L.messageContent - head.length),
        allowedMentions: NO_MENTIONS,
      });
      return;
    }
    const name = (id: string | null) => (id ? `\`${id}\`` : '“I don’t know”');
    const quoted = (question: string) => `“${quoteTyped(question, 80)}”`;
    const lines = [`Draft \`${result.factId}\` is valid. Nothing live was changed. Staff would see the answer below.`];
    for (const a of result.asked)
      lines.push(
        `${quoted(a.question)}: ${a.before === a.after ? `${name(a.after)} (unchanged)` : `${name(a.before)} → ${name(a.after)}`}`,
      );
    lines.push(result.wins.length ? 'It would now answer:' : 'It would not take over any question tried.');
    for (const w of result.wins) lines.push(`+ ${quoted(w.question)} (was ${name(w.before)})`);
    for (const c of result.changes) lines.push(`~ ${quoted(c.question)}: ${name(c.before)} → ${name(c.after)}`);
    if (result.misses.length > 0) lines.push('Its own aliases and questions it would not answer (fix before saving):');
    for (const miss of result.misses) lines.push(`- ${quoteTyped(miss.message, 160)}`);
    const rendered = renderFact(result.reply.fact!, 'en', 'draft');
    await interaction.editReply({
      content: truncate(lines.join('\n'), L.messageContent),
      embeds: rendered.embeds ?? [],
      allowedMentions: NO_MENTIONS,
    });
  },
};

function requirePolicy(interaction: ChatInputCommandInteraction | ModalSubmitInteraction, context: BotContext): void {
  if (isPolicyMember(interaction, context.settings.policyRoleId)) return;
  const ui = UI[languageOfLocale(interaction.locale)];
  throw new UserError(context.settings.policyRoleId === interaction.guildId ? ui.policyRoleIsEveryone : ui.policyOnly);
}

async function replyPrivately(
  interaction: ChatInputCommandInteraction,
  body: { content?: string; embeds?: EmbedBuilder[] },
): Promise<void> {
  await respond(interaction, { embeds: [], components: [], ...body, allowedMentions: NO_MENTIONS }, { private: true });
}

/** Text inputs sit in Labels: Action Rows in modals are deprecated (discord-api-docs components/reference.mdx, "Label"). */
function previewModal(): ModalBuilder {
  const draft = new TextInputBuilder()
    .setCustomId('draft')
    .setStyle(TextInputStyle.Paragraph)
    .setMaxLength(L.textInputLength)
    .setRequired(true)
    .setPlaceholder('id: my-new-fact\ntopic: data-location\ntitle: { en: …, fr: … }\n…');
  const question = new TextInputBuilder()
    .setCustomId('question')
    .setStyle(TextInputStyle.Short)
    .setMaxLength(200)
    .setRequired(false);
  return new ModalBuilder()
    .setCustomId(PREVIEW_MODAL)
    .setTitle('Preview a fact')
    .addLabelComponents(
      new LabelBuilder()
        .setLabel('One fact, in YAML')
        .setDescription('As you would save it in knowledge/facts/')
        .setTextInputComponent(draft),
      new LabelBuilder().setLabel('A question to try (optional)').setTextInputComponent(question),
    );
}

function staleList(context: BotContext): string {
  const stale = staleFacts(context.store.current().snapshot, context.now());
  if (stale.count === 0) return 'No fact is past its review date.';
  const lines = stale.byOwner.map(
    ({ owner, facts }) => `**${owner}**: ${facts.map((f) => `\`${f.id}\` (due ${f.reviewBy})`).join(', ')}`,
  );
  return [`${stale.count} fact(s) past their review date:`, ...lines].join('\n');
}

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

export function statusEmbed(context: BotContext): EmbedBuilder {
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
