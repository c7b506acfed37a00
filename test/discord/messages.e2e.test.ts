import { PermissionFlagsBits, type RESTPostAPIChannelMessageJSONBody } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { DisallowedIntentsError } from '../../src/discord/bot.ts';
import { renderFact } from '../../src/discord/render.ts';
import { startHarness, type Harness } from '../support/bot-harness.ts';

/** Mentions, replies, threads and channel permissions, as real Discord delivers and refuses them. */
describe('messages on a strict fake Discord', () => {
  let h: Harness;
  afterEach(async () => {
    await h.stop();
  });

  const posts = (channelId: string) =>
    h.fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages`);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

  it('given a channel where the bot may not embed links, then a mention gets the answer as plain text, sourced and pinging nobody, with no refused request', async () => {
    h = await startHarness();
    await h.fake.setPermissionOverwrites(h.fake.channelId, [
      { id: h.fake.botRoleId, type: 0, allow: '0', deny: String(PermissionFlagsBits.EmbedLinks) },
    ]);
    await h.fake.sendMessage({ content: 'does tiktok keep backups?', mentionsBot: true });
    const request = await h.fake.waitForRequest<RESTPostAPIChannelMessageJSONBody>(
      (r) => r.method === 'POST' && r.path === `/channels/${h.fake.channelId}/messages`,
    );
    expect(request.status).toBe(200);
    expect(request.body.embeds ?? []).toEqual([]);
    expect(request.body.content).toMatch(/backups/);
    expect(request.body.content).toContain('Whose claim');
    expect(request.body.content).toMatch(/“.+”/s);
    expect(request.body.content).toContain('backups-retained · knowledge');
    expect(request.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    await settle();
    expect(posts(h.fake.channelId).filter((r) => r.status >= 400)).toEqual([]);
  });

  it('given a channel where the bot may not send messages, then it sends nothing there and logs the channel once', async () => {
    h = await startHarness();
    await h.fake.setPermissionOverwrites(h.fake.channelId, [
      { id: h.fake.botRoleId, type: 0, allow: '0', deny: String(PermissionFlagsBits.SendMessages) },
    ]);
    await h.fake.sendMessage({ content: 'who owns tiktok', mentionsBot: true });
    await expect
      .poll(() => h.logs.entries().filter((e) => e.event === 'reply.not_permitted'), { timeout: 2000 })
      .toMatchObject([{ channel: h.fake.channelId }]);
    await settle();
    expect(posts(h.fake.channelId)).toEqual([]);
  });

  it('given Discord refusing a reply with 403, then the bot does not reply again in that channel, and logs it once with the channel id', async () => {
    h = await startHarness();
    h.fake.failNext({ method: 'POST', pathMatch: /\/messages$/, status: 403, times: Infinity });
    await h.fake.sendMessage({ content: 'who owns tiktok', mentionsBot: true });
    await expect
      .poll(() => h.logs.entries().filter((e) => e.event === 'handler.refused'), { timeout: 2000 })
      .toMatchObject([{ channel: h.fake.channelId, status: 403 }]);
    await settle();
    expect(posts(h.fake.channelId)).toHaveLength(1);
    expect(h.logs.entries().filter((e) => e.event === 'handler.failed' || e.event === 'handler.report_failed')).toEqual(
      [],
    );
    h.fake.clearFaults();
    const sent = await h.fake.sendInteraction(
      h.fake.slashCommand({ name: 'ask', options: { question: 'who owns tiktok' } }),
    );
    expect((await h.fake.waitForRequest((r) => r.path === h.fake.callbackPath(sent))).status).toBe(204);
  });

  it('given a 401 on an interaction reply, then nothing more is sent for it', async () => {
    h = await startHarness();
    h.fake.failNext({ pathMatch: /\/callback$/, status: 401, times: Infinity });
    const sent = await h.fake.sendInteraction(
      h.fake.slashCommand({ name: 'ask', options: { question: 'who owns tiktok' } }),
    );
    await expect.poll(() => h.logs.entries().some((e) => e.event === 'handler.refused'), { timeout: 2000 }).toBe(true);
    await settle();
    expect(h.fake.requests.filter((r) => r.path.includes(sent.token))).toHaveLength(1);
  });

  it('given an interaction answered after the 3-second deadline (10062), then nothing more is sent for it', async () => {
    h = await startHarness();
    const payload = h.fake.slashCommand({ name: 'ask', options: { question: 'who owns tiktok' } });
    const sent = h.fake.sendInteraction(payload);
    h.fake.interactions.get(payload.token)!.dispatchedAt -= 3_001;
    await sent;
    await expect.poll(() => h.logs.entries().some((e) => e.event === 'handler.expired'), { timeout: 2000 }).toBe(true);
    await settle();
    expect(h.fake.requests.filter((r) => r.path.includes(payload.token)).map((r) => r.status)).toEqual([404]);
  });

  it('given a reply to the bot’s answer that pings it without mentioning it ("thanks!"), then it is not taken as a question', async () => {
    h = await startHarness();
    const answer = h.fake.botMessage({ content: 'An answer' });
    await h.fake.sendMessage({ content: 'thanks!', replyTo: answer });
    await settle();
    expect(posts(h.fake.channelId)).toEqual([]);
    expect(h.questions()).toEqual([]);
  });

  it('given a reply to the bot’s answer that mentions the bot in its text, then it is answered', async () => {
    h = await startHarness();
    const answer = h.fake.botMessage({ content: 'An answer' });
    await h.fake.sendMessage({ content: 'and does tiktok keep backups?', mentionsBot: true, replyTo: answer });
    const request = await h.fake.waitForRequest<RESTPostAPIChannelMessageJSONBody>(
      (r) => r.method === 'POST' && r.path === `/channels/${h.fake.channelId}/messages`,
    );
    expect(request.body.embeds![0]!.footer!.text).toMatch(/^backups-retained · /);
  });

  it('given a mention of the bot’s own managed role, then it is answered like a mention of the bot', async () => {
    h = await startHarness();
    await h.fake.sendMessage({ content: 'who owns tiktok', mentionsRole: h.fake.botRoleId });
    const request = await h.fake.waitForRequest<RESTPostAPIChannelMessageJSONBody>(
      (r) => r.method === 'POST' && r.path === `/channels/${h.fake.channelId}/messages`,
    );
    expect(request.body.embeds![0]!.footer!.text).toMatch(/^bytedance-ownership · /);
    expect(h.questions()).toMatchObject([{ channelKind: 'mention', question: 'who owns tiktok' }]);
  });

  it('given a thread under an answer channel, then its messages are answered in the thread', async () => {
    h = await startHarness({ answerChannels: 'fake-channel' });
    const thread = await h.fake.createThread({ name: 'backups?' });
    await h.fake.sendMessage({ content: 'Does TikTok keep backups?', channelId: thread.id });
    const request = await h.fake.waitForRequest<RESTPostAPIChannelMessageJSONBody>(
      (r) => r.method === 'POST' && r.path === `/channels/${thread.id}/messages`,
    );
    expect(request.status).toBe(200);
    expect(h.questions()).toMatchObject([{ channelKind: 'channel', factId: 'backups-retained' }]);
  });

  it('given a listed forum channel, then a post in it is answered in the post', async () => {
    h = await startHarness({ answerChannels: 'fake-forum' });
    const post = await h.fake.createThread({ name: 'who owns it', parentId: h.fake.forumChannel.id });
    await h.fake.sendMessage({ content: 'who owns tiktok', channelId: post.id });
    const request = await h.fake.waitForRequest<RESTPostAPIChannelMessageJSONBody>(
      (r) => r.method === 'POST' && r.path === `/channels/${post.id}/messages`,
    );
    expect(request.status).toBe(200);
  });

  it('given a thread where the bot may not send messages in threads, then it sends nothing', async () => {
    h = await startHarness({ answerChannels: 'fake-channel' });
    await h.fake.setPermissionOverwrites(h.fake.channelId, [
      { id: h.fake.botRoleId, type: 0, allow: '0', deny: String(PermissionFlagsBits.SendMessagesInThreads) },
    ]);
    const thread = await h.fake.createThread();
    await h.fake.sendMessage({ content: 'who owns tiktok', channelId: thread.id });
    await expect
      .poll(() => h.logs.entries().some((e) => e.event === 'reply.not_permitted'), { timeout: 2000 })
      .toBe(true);
    expect(posts(thread.id)).toEqual([]);
  });

  it('given a fact whose related facts repeat and overlap the suggestions, then its answer has one button per fact and Discord accepts it', async () => {
    h = await startHarness();
    const shown = h.bot.context.asking.showFact('backups-retained', 'en')!;
    const related = [...shown.view.related, ...shown.view.related];
    expect(related.length).toBeGreaterThan(1);
    const rendered = renderFact({ ...shown.view, related }, 'en', shown.version, 'record-1', related);
    const channel = h.bot.client.channels.cache.get(h.fake.channelId);
    if (!channel?.isSendable()) throw new Error('channel not sendable');
    await expect(channel.send(rendered)).resolves.toBeDefined();
  });
});

describe('answer channels without the Message Content intent enabled', () => {
  it('given Discord closing the gateway with 4014, then start-up names the intent to enable, or says to clear ANSWER_CHANNEL_IDS, and does not blame the token', async () => {
    const failed = await startHarness({ answerChannels: 'fake-channel', privilegedIntents: 0 }).catch(
      (e: unknown) => e,
    );
    expect(failed).toBeInstanceOf(DisallowedIntentsError);
    expect((failed as Error).message).toContain('Privileged Gateway Intents → Message Content Intent');
    expect((failed as Error).message).toContain('clear ANSWER_CHANNEL_IDS');
    expect((failed as Error).message).not.toMatch(/token/i);
  });
});
