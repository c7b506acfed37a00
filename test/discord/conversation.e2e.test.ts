import type { RESTPostAPIChannelMessageJSONBody } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/bot-harness.ts';

/**
 * Follow-up questions where Discord carries them: a DM, a thread, a chain of replies to the bot's answers.
 * What a follow-up means is the engine's business (test/answer/conversation.test.ts); this is whose and
 * where: a conversation never crosses members or channels.
 */
describe('conversations on the fake Discord', () => {
  let h: Harness;
  afterEach(async () => {
    await h.stop();
  });

  /** The n-th reply the bot posted in a channel (1 for the first), once it is there. */
  const reply = async (channelId: string, n: number): Promise<RESTPostAPIChannelMessageJSONBody> => {
    const posted = () =>
      h.fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages`);
    await expect.poll(() => posted().length, { timeout: 5000 }).toBeGreaterThanOrEqual(n);
    return posted()[n - 1]!.body as RESTPostAPIChannelMessageJSONBody;
  };
  const factOf = (body: RESTPostAPIChannelMessageJSONBody) => body.embeds?.[0]?.footer?.text?.split(' · ')[0] ?? null;

  it('given a DM, then "who said that?" after an answer is answered with that fact and whose claim it is', async () => {
    h = await startHarness();
    const first = await h.fake.sendMessage({ content: 'is us tiktok traffic going through oracle now?', dm: true });
    expect(factOf(await reply(first.channel_id, 1))).toBe('oracle-routing');
    await h.fake.sendMessage({ content: 'who said that?', dm: true });
    const second = await reply(first.channel_id, 2);
    expect(factOf(second)).toBe('oracle-routing');
    expect(second.content).toMatch(/^Whose claim it is: Company statement — TikTok/);
    expect(h.questions().map((q) => [q.factId, q.followUp])).toEqual([
      ['oracle-routing', false],
      ['oracle-routing', true],
    ]);
  });

  it('given a thread, then "source?" after an answer gives that answer with where it comes from', async () => {
    h = await startHarness({ answerChannels: 'fake-channel' });
    const thread = await h.fake.createThread({ name: 'backups' });
    await h.fake.sendMessage({ content: 'Does TikTok keep backups?', channelId: thread.id });
    expect(factOf(await reply(thread.id, 1))).toBe('backups-retained');
    await h.fake.sendMessage({ content: 'source?', channelId: thread.id });
    const second = await reply(thread.id, 2);
    expect(factOf(second)).toBe('backups-retained');
    expect(second.content).toMatch(/^Where that comes from/);
  });

  it('given a channel, then only a reply to the bot’s answer continues the conversation', async () => {
    h = await startHarness();
    await h.fake.sendMessage({ content: 'does tiktok keep backups?', mentionsBot: true });
    expect(factOf(await reply(h.fake.channelId, 1))).toBe('backups-retained');
    // A new mention, not a reply: read on its own.
    await h.fake.sendMessage({ content: 'who said that?', mentionsBot: true });
    expect(factOf(await reply(h.fake.channelId, 2))).toBeNull();
    const answer = h.fake.botMessage({ content: 'TikTok says it will still store its own backups' });
    await h.fake.sendMessage({ content: 'who said that?', mentionsBot: true, replyTo: answer });
    const third = await reply(h.fake.channelId, 3);
    expect(factOf(third)).toBe('backups-retained');
    expect(third.content).toMatch(/^Whose claim it is/);
  });

  it('given two members in one thread, or one member in two threads, then no conversation is shared', async () => {
    h = await startHarness({ answerChannels: 'fake-channel' });
    const thread = await h.fake.createThread({ name: 'backups' });
    const other = await h.fake.createThread({ name: 'other' });
    await h.fake.sendMessage({ content: 'Does TikTok keep backups?', channelId: thread.id });
    expect(factOf(await reply(thread.id, 1))).toBe('backups-retained');
    await h.fake.sendMessage({ content: 'source?', channelId: thread.id, author: h.fake.outsiderUser });
    expect(factOf(await reply(thread.id, 2))).toBeNull();
    await h.fake.sendMessage({ content: 'source?', channelId: other.id });
    expect(factOf(await reply(other.id, 1))).toBeNull();
    // The first member's conversation in the first thread is still there.
    await h.fake.sendMessage({ content: 'source?', channelId: thread.id });
    expect(factOf(await reply(thread.id, 3))).toBe('backups-retained');
  });

  it('given /ask twice in a channel, then the second is read after the first answer, for that member only', async () => {
    h = await startHarness();
    const ask = async (question: string, user = h.fake.staffUser) => {
      const sent = await h.fake.sendInteraction(h.fake.slashCommand({ name: 'ask', options: { question }, user }));
      const callback = await h.fake.waitForRequest<{ data?: RESTPostAPIChannelMessageJSONBody }>(
        (r) => r.path === h.fake.callbackPath(sent),
      );
      return callback.body.data!;
    };
    expect(factOf(await ask('who owns tiktok'))).toBe('bytedance-ownership');
    expect(factOf(await ask('source?', h.fake.outsiderUser))).toBeNull();
    expect(factOf(await ask('source?'))).toBe('bytedance-ownership');
  });
});
