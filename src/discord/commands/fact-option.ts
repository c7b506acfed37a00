import type { AutocompleteInteraction, SlashCommandStringOption } from 'discord.js';
import { lookupFacts } from '../../answer/lookup.ts';
import type { BotContext } from '../context.ts';
import { DISCORD_LIMITS as L, truncate } from '../limits.ts';
import { languageOfLocale } from '../strings.ts';

/** Autocomplete for an option that names a fact: at most 25 choices, names within 100 characters. */
export async function autocompleteFact(interaction: AutocompleteInteraction, context: BotContext): Promise<void> {
  const language = languageOfLocale(interaction.locale);
  const typed = String(interaction.options.getFocused()).slice(0, L.choiceValue);
  const facts = lookupFacts(context.store.current(), typed, {
    language,
    limit: L.autocompleteChoices,
    popularity: context.asking.popularity,
  });
  await interaction.respond(facts.map((f) => ({ name: truncate(f.title[language], L.choiceName), value: f.id })));
}

/** The option that names a fact, autocompleted, as /fact and /sources declare it. */
export function factNameOption(
  option: SlashCommandStringOption,
  name: string,
  frenchName: string,
): SlashCommandStringOption {
  return option
    .setName(name)
    .setNameLocalizations({ fr: frenchName })
    .setDescription('Start typing a fact name')
    .setDescriptionLocalizations({ fr: 'Commencez à taper le nom d’un fait' })
    .setRequired(true)
    .setAutocomplete(true)
    .setMaxLength(L.choiceValue);
}
