import { LabelBuilder, ModalBuilder, TextInputBuilder, TextInputStyle } from 'discord.js';
import { formatProblem } from '../../../service/display.ts';
import { previewPastedDraft, type PreviewResult } from '../../../service/preview.ts';
import { codeBlock, DISCORD_LIMITS as L, truncate } from '../../limits.ts';
import { NO_MENTIONS, renderFact, type Rendered } from '../../render.ts';
import { deferPrivately } from '../../replies.ts';
import { quoteTyped } from '../../typed-text.ts';
import type { KbSubcommand } from './subcommand.ts';

const PREVIEW_MODAL = 'kb:preview';

/** A form to paste a draft fact into; the draft is checked and shown, and nothing live changes. */
export const preview: KbSubcommand = {
  define: (s) =>
    s
      .setDescription('Check a draft fact and see how it would answer, without changing anything')
      .setDescriptionLocalizations({ fr: 'Vérifier un brouillon de fait sans rien changer' }),

  // The form must be the first response.
  deferral: 'never',

  async execute(interaction) {
    await interaction.showModal(previewModal());
  },

  async modal(interaction, context) {
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
    await interaction.editReply(describePreview(result));
  },
};

/** The preview as a Discord message: what the draft would do in text, and the answer staff would see. */
function describePreview(result: PreviewResult): Rendered {
  if (!result.ok) {
    const head = 'The draft does not validate; nothing was changed:\n';
    return {
      content: head + codeBlock(result.errors.map(formatProblem).join('\n'), L.messageContent - head.length),
      allowedMentions: NO_MENTIONS,
    };
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
  return {
    content: truncate(lines.join('\n'), L.messageContent),
    embeds: renderFact(result.reply.fact!, 'en', 'draft').embeds ?? [],
    allowedMentions: NO_MENTIONS,
  };
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
