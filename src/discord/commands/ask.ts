import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../context.ts';
import { QUESTION_MAX_LENGTH } from '../limits.ts';
import { renderReply } from '../render.ts';
import { respond, respondPrivately } from '../replies.ts';
import { languageOfLocale, UI } from '../strings.ts';

export const ask: Command = {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setNameLocalizations({ fr: 'demander' })
    .setDescription('Ask where user data lives and who can reach it')
    .setDescriptionLocalizations({ fr: 'Demander où se trouvent les données et qui peut y accéder' })
    .addStringOption((o) =>
      o
        .setName('question')
        .setNameLocalizations({ fr: 'question' })
        .setDescription('Your question, in English or French')
        .setDescriptionLocalizations({ fr: 'Votre question, en français ou en anglais' })
        .setRequired(true)
        .setMaxLength(QUESTION_MAX_LENGTH),
    )
    .addBooleanOption((o) =>
      o
        .setName('private')
        .setNameLocalizations({ fr: 'privé' })
        .setDescription('Only you see the answer')
        .setDescriptionLocalizations({ fr: 'Vous seul voyez la réponse' }),
    )
    .toJSON(),

  deferral: (interaction) => (interaction.options.getBoolean('private') ? 'private' : 'public'),

  async execute(interaction, context) {
    const language = languageOfLocale(interaction.locale);
    const wait = context.cooldown.take(interaction.user.id);
    if (wait > 0) return respondPrivately(interaction, UI[language].cooldown(Math.ceil(wait / 1000)));
    const question = interaction.options.getString('question', true).slice(0, QUESTION_MAX_LENGTH);
    // /ask keeps the member's conversation in this channel, as a mention in a thread or a DM does.
    const { reply, recordId } = context.asking.ask(question, {
      channelKind: 'slash',
      userId: interaction.user.id,
      language,
      conversation: { place: `slash:${interaction.channelId}`, continues: true },
    });
    await respond(interaction, renderReply(reply, { recordId }), {
      private: interaction.options.getBoolean('private') ?? false,
    });
  },
};
