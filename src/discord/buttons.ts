import type { ButtonInteraction } from 'discord.js';
import type { BotContext } from './context.ts';
import { UserError } from './context.ts';
import { decodeButton } from './custom-id.ts';
import { renderFact, renderSources } from './render.ts';
import { quoteTyped } from './typed-text.ts';
import { respond, respondPrivately } from './replies.ts';
import { languageOfLocale, UI } from './strings.ts';

/** Buttons on answers: a fact, its sources (privately), or a vote on the answer. */
export async function handleButton(interaction: ButtonInteraction, context: BotContext): Promise<void> {
  const language = languageOfLocale(interaction.locale);
  const action = decodeButton(interaction.customId);
  if (!action) throw new Error(`unknown button ${interaction.customId}`);
  if (action.kind === 'vote') {
    context.asking.vote(action.recordId, interaction.user.id, action.helpful);
    context.logger.info({ event: 'vote', recordId: action.recordId, helpful: action.helpful }, 'answer voted');
    return respondPrivately(interaction, UI[language].thanks);
  }
  const shown = context.asking.showFact(action.factId, language);
  // A custom id comes from the client: a crafted one can hold any text.
  if (!shown) throw new UserError(UI[language].noSuchFact(quoteTyped(action.factId, 100)));
  const rendered =
    action.kind === 'sources'
      ? renderSources(shown.view, language, shown.version)
      : renderFact(shown.view, language, shown.version);
  await respond(interaction, rendered, { private: true });
}
