import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../context.ts';
import { renderFactList } from '../render.ts';
import { respond } from '../replies.ts';
import { languageOfLocale } from '../strings.ts';

export const facts: Command = {
  data: new SlashCommandBuilder()
    .setName('facts')
    .setNameLocalizations({ fr: 'faits' })
    .setDescription('List the topics and facts I know')
    .setDescriptionLocalizations({ fr: 'Lister les sujets et les faits connus' })
    .toJSON(),

  async execute(interaction, context) {
    await respond(interaction, renderFactList(context.store.current().snapshot, languageOfLocale(interaction.locale)), {
      private: true,
    });
  },
};
