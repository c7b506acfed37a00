import { SlashCommandBuilder } from 'discord.js';
import { quoteTyped } from '../typed-text.ts';
import { UserError, type Command } from '../context.ts';
import { renderFact } from '../render.ts';
import { respond } from '../replies.ts';
import { languageOfLocale, UI } from '../strings.ts';
import { autocompleteFact, factNameOption } from './fact-option.ts';

export const fact: Command = {
  data: new SlashCommandBuilder()
    .setName('fact')
    .setNameLocalizations({ fr: 'fait' })
    .setDescription('Show a fact by name')
    .setDescriptionLocalizations({ fr: 'Afficher un fait par son nom' })
    .addStringOption((o) => factNameOption(o, 'name', 'nom'))
    .toJSON(),

  deferral: () => 'public',

  async execute(interaction, context) {
    const language = languageOfLocale(interaction.locale);
    const name = interaction.options.getString('name', true);
    // A name typed without picking from the list is matched like a question: shown only if confident.
    const confident = context.store.current().ask(name).fact?.id;
    const shown =
      context.asking.showFact(name, language) ?? (confident ? context.asking.showFact(confident, language) : undefined);
    if (!shown) throw new UserError(UI[language].noSuchFact(quoteTyped(name, 100)));
    await respond(interaction, renderFact(shown.view, language, shown.version));
  },

  autocomplete: autocompleteFact,
};
