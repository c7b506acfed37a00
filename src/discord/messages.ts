import type { Message } from 'discord.js';
import type { BotContext } from './context.ts';
import { QUESTION_MAX_LENGTH } from './limits.ts';
import { NO_MENTIONS, renderReply } from './render.ts';
import { UI } from './strings.ts';
import { detectLanguage } from '../text/normalise.ts';

/**
 * Mentions of the bot and DMs get an answer as a reply; so does every message in the configured answer
 * channels (which needs the Message Content intent). Anything else is never read.
 */
export async function handleMessage(message: Message, context: BotContext): Promise<void> {
  const me = message.client.user;
  if (message.author.bot || message.system || message.author.id === me.id) return;
  const dm = !message.inGuild();
  const mentioned = message.mentions.users.has(me.id);
  const answerChannel = !dm && context.settings.answerChannelIds.includes(message.channelId);
  if (!dm && !mentioned && !answerChannel) return;

  const question = message.content
    .replace(new RegExp(`<@!?${me.id}>`, 'g'), ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, QUESTION_MAX_LENGTH);
  const channelKind = dm ? 'dm' : mentioned ? 'mention' : 'channel';
  const wait = context.cooldown.take(message.author.id);
  if (wait > 0) {
    context.logger.debug({ event: 'cooldown', channelKind }, 'question ignored during cooldown');
    return;
  }
  if (question === '') {
    await message.reply({ content: UI[detectLanguage(message.content)].emptyQuestion, allowedMentions: NO_MENTIONS });
    return;
  }
  const { reply, recordId } = context.asking.ask(question, { channelKind, userId: message.author.id });
  await message.reply(renderReply(reply, { recordId }));
}
