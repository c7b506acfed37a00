import { PermissionFlagsBits, type Message } from 'discord.js';
import type { BotContext } from './context.ts';
import { QUESTION_MAX_LENGTH } from './limits.ts';
import { NO_MENTIONS, renderReply } from './render.ts';
import { UI } from './strings.ts';
import { analyze } from '../text/analyze.ts';

/**
 * Mentions of the bot (its user or its managed role) and DMs get an answer as a reply; so does every
 * message in the configured answer channels, their threads and forum posts (which needs the Message
 * Content intent). A reply to one of the bot's answers is a question only when it mentions the bot in
 * its text: the automatic reply ping ("thanks!") is not. Anything else is never read.
 */
export async function handleMessage(message: Message, context: BotContext): Promise<void> {
  const me = message.client.user;
  if (message.author.bot || message.system || message.author.id === me.id) return;
  const dm = !message.inGuild();
  const botRole = message.guild?.members.me?.roles.botRole ?? undefined;
  const mentioned =
    message.mentions.has(me, { ignoreEveryone: true, ignoreRepliedUser: true, ignoreRoles: true }) ||
    (botRole !== undefined && message.mentions.roles.has(botRole.id));
  const channel = message.channel;
  const listed = context.settings.answerChannelIds;
  const answerChannel =
    !dm &&
    (listed.includes(message.channelId) ||
      (channel.isThread() && channel.parentId !== null && listed.includes(channel.parentId)));
  const replyToMe = message.mentions.repliedUser?.id === me.id;
  if (!dm && !mentioned && (!answerChannel || replyToMe)) return;

  const question = message.content
    .replace(new RegExp(`<@!?${me.id}>${botRole ? `|<@&${botRole.id}>` : ''}`, 'g'), ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, QUESTION_MAX_LENGTH);
  const channelKind = dm ? 'dm' : mentioned ? 'mention' : 'channel';
  const permissions = message.inGuild() ? message.channel.permissionsFor(me) : null;
  const send = channel.isThread() ? PermissionFlagsBits.SendMessagesInThreads : PermissionFlagsBits.SendMessages;
  // A refused request counts toward Discord's invalid-request limit: do not send what would be refused.
  if (permissions && !permissions.has(send | PermissionFlagsBits.ReadMessageHistory)) {
    context.logger.warn(
      { event: 'reply.not_permitted', channel: message.channelId, channelKind },
      'cannot reply in this channel: the bot needs Send Messages (in Threads) and Read Message History',
    );
    return;
  }
  const wait = context.cooldown.take(message.author.id);
  if (wait > 0) {
    context.logger.debug({ event: 'cooldown', channelKind }, 'question ignored during cooldown');
    return;
  }
  if (question === '') {
    await message.reply({ content: UI[analyze(message.content).language].emptyMention, allowedMentions: NO_MENTIONS });
    return;
  }
  // A DM and a thread are one conversation each; in a channel, replying to the bot's answer continues one.
  const thread = channel.isThread();
  const { reply, recordId } = context.asking.ask(question, {
    channelKind,
    userId: message.author.id,
    conversation: {
      place: `${dm ? 'dm' : thread ? 'thread' : 'channel'}:${message.channelId}`,
      continues: dm || thread || replyToMe,
    },
  });
  // Without Embed Links Discord refuses embeds (403): the same answer as text, still sourced.
  const embeds = !permissions || permissions.has(PermissionFlagsBits.EmbedLinks);
  await context.channelReplies.reply(message.channelId, {
    message,
    rendered: renderReply(reply, { recordId, embeds }),
    together: { authorId: message.author.id, question, reply },
  });
}
