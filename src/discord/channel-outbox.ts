/**
 * Replies to messages, one channel at a time. Discord limits how often a bot may post in one channel
 * (its headers say 5 messages per 5 seconds; the number is Discord's to change, and discord.js waits as
 * the headers tell it). Sending one reply per question, a burst of 60 mentions in one channel was
 * answered over 55 seconds. Here a channel has at most one reply on its way; the answers that become
 * ready meanwhile wait, and leave together: one waiting answer as it is, several as one message of short
 * answers (`sendTogether`), up to `maxTogether` each. A quiet channel sees no difference; a busy one gets
 * every answer within a few messages, instead of queueing behind Discord's limit. No Discord import.
 */
export interface ChannelOutbox<T> {
  /** Resolves once the reply has been sent, alone or with others; rejects with the sending's error. */
  reply(channelId: string, item: T): Promise<void>;
}

export interface ChannelOutboxOptions<T> {
  readonly send: (item: T) => Promise<void>;
  readonly sendTogether: (items: readonly T[]) => Promise<void>;
  readonly maxTogether: number;
}

interface Waiting<T> {
  readonly item: T;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

export function createChannelOutbox<T>(options: ChannelOutboxOptions<T>): ChannelOutbox<T> {
  /** Channels with a reply on its way, and the answers waiting there. */
  const channels = new Map<string, Waiting<T>[]>();

  const flush = (channelId: string) => {
    const waiting = channels.get(channelId);
    if (waiting === undefined) return;
    if (waiting.length === 0) {
      channels.delete(channelId);
      return;
    }
    const batch = waiting.splice(0, options.maxTogether);
    const sent = batch.length === 1 ? options.send(batch[0]!.item) : options.sendTogether(batch.map((w) => w.item));
    sent.then(
      () => batch.forEach((w) => w.resolve()),
      (error: unknown) => batch.forEach((w) => w.reject(error)),
    );
    void sent.catch(() => undefined).finally(() => flush(channelId));
  };

  return {
    reply(channelId, item) {
      return new Promise<void>((resolve, reject) => {
        const waiting = channels.get(channelId);
        if (waiting !== undefined) {
          waiting.push({ item, resolve, reject });
          return;
        }
        channels.set(channelId, [{ item, resolve, reject }]);
        flush(channelId);
      });
    },
  };
}
