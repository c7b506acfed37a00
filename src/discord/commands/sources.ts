import { SlashCommandBuilder } from 'discord.js';
import { quoteTyped } from '../typed-text.ts';
import { UserError, type Command } from '../context.ts';
import { renderSources } from '../render.ts';
import { respond } from '../replies.ts';
import { languageOfLocale, UI } from '../strings.ts';
import { autocompleteFact, factNameOption } from './fact-option.ts';

export const sources: Command = {
  data: new SlashCommandBuilder()
    .setName('sources')
    .setDescription('Show every source of a fact, with its quote')
    .setDescriptionLocalizations({ fr: 'Afficher toutes les sources d’un fait, avec leurs citations' })
    .addStringOption((o) => factNameOption(o, 'fact', 'fait'))
    .toJSON(),

  async execute(interaction, context) {
    const language = languageOfLocale(interaction.locale);
    const name = interaction.options.getString('fact', true);
    const shown = context.asking.showFact(name, language);
    if (!shown) throw new UserError(UI[language].noSuchFact(quoteTyped(name, 100)));
    await respond(interaction, renderSources(shown.view, language, shown.version), { private: true });
  },

  autocomplete: autocompleteFact,
};
