import type { Message } from 'discord.js';
import { createChannelOutbox, type ChannelOutbox } from './channel-outbox.ts';
import { renderTogether, type Rendered, type TogetherItem } from './render.ts';

/** An answer to a message, as sent alone, and as one line of several sent together. */
export interface ChannelReply {
  readonly message: Message;
  readonly rendered: Rendered;
  readonly together: TogetherItem;
}

/** Answers waiting in a busy channel leave together, this many at most in one message (2,000 characters). */
const MAX_TOGETHER = 8;

export function createChannelReplies(): ChannelOutbox<ChannelReply> {
  return createChannelOutbox<ChannelReply>({
    send: async ({ message, rendered }) => void (await message.reply(rendered)),
    // One message answers them all, as a reply to the newest question; it names every asker.
    sendTogether: async (replies) =>
      void (await replies.at(-1)!.message.reply(renderTogether(replies.map((r) => r.together)))),
    maxTogether: MAX_TOGETHER,
  });
}
