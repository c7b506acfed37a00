import type { AutocompleteInteraction } from 'discord.js';
import { lookupFacts } from '../../answer/lookup.ts';
import type { BotContext } from '../context.ts';
import { DISCORD_LIMITS as L, truncate } from '../limits.ts';
import { languageOfLocale } from '../strings.ts';

/** Autocomplete for an option that names a fact: at most 25 choices, names within 100 characters. */
export async function autocompleteFact(interaction: AutocompleteInteraction, context: BotContext): Promise<void> {
  const language = languageOfLocale(interaction.locale);
  const typed = String(interaction.options.getFocused()).slice(0, L.choiceValue);
  const facts = lookupFacts(context.store.current().built, typed, { language, limit: L.autocompleteChoices, popularity: context.asking.popularity });
  await interaction.respond(facts.map((f) => ({ name: truncate(f.title[language], L.choiceName), value: f.id })));
}
