import { describe, expect, it } from 'vitest';
import { createChannelOutbox } from '../../src/discord/channel-outbox.ts';

function harness(maxTogether = 3) {
  const sent: string[][] = [];
  const inFlight: { resolve: () => void; reject: (e: Error) => void }[] = [];
  const sending = (items: string[]) =>
    new Promise<void>((resolve, reject) => {
      sent.push(items);
      inFlight.push({ resolve, reject });
    });
  const outbox = createChannelOutbox<string>({
    send: (item) => sending([item]),
    sendTogether: (items) => sending([...items]),
    maxTogether,
  });
  const settle = async (how: 'ok' | Error = 'ok') => {
    const next = inFlight.shift()!;
    if (how === 'ok') next.resolve();
    else next.reject(how);
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { outbox, sent, settle };
}

describe('replies in a channel', () => {
  it('given a quiet channel, then each reply leaves at once, alone', async () => {
    const h = harness();
    const first = h.outbox.reply('c', 'a');
    expect(h.sent).toEqual([['a']]);
    await h.settle();
    await first;
    void h.outbox.reply('c', 'b');
    expect(h.sent).toEqual([['a'], ['b']]);
  });

  it('given answers ready while a reply is on its way, then they leave together once it has gone, a few at a time', async () => {
    const h = harness(3);
    const all = ['a', 'b', 'c', 'd', 'e', 'f'].map((item) => h.outbox.reply('c', item));
    expect(h.sent).toEqual([['a']]);
    await h.settle();
    expect(h.sent).toEqual([['a'], ['b', 'c', 'd']]);
    await h.settle();
    expect(h.sent).toEqual([['a'], ['b', 'c', 'd'], ['e', 'f']]);
    await h.settle();
    await Promise.all(all);
  });

  it('given a send that fails, then the replies in it fail with its error and the next ones still go', async () => {
    const h = harness();
    const first = h.outbox.reply('c', 'a').catch((error: unknown) => error);
    const second = h.outbox.reply('c', 'b');
    await h.settle(new Error('403'));
    expect(await first).toEqual(new Error('403'));
    expect(h.sent).toEqual([['a'], ['b']]);
    await h.settle();
    await expect(second).resolves.toBeUndefined();
  });

  it('given two channels, then one waiting does not hold the other', () => {
    const h = harness();
    void h.outbox.reply('one', 'a');
    void h.outbox.reply('one', 'b');
    void h.outbox.reply('two', 'c');
    expect(h.sent).toEqual([['a'], ['c']]);
  });
});
