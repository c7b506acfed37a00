/**
 * Many mentions at once in one channel, through the fake Discord enforcing Discord's per-channel message
 * rate with its headers: the bot answers them all within a few messages, and logs a rate limit only
 * when Discord actually refuses a request (429).
 */
import type { RESTPostAPIChannelMessageJSONBody } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/bot-harness.ts';

const QUESTIONS = ['Does TikTok keep backups?', 'who owns tiktok', 'where is american users data sent?'];

describe('a burst of mentions in one channel', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.stop();
  });

  const posts = () =>
    h.fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${h.fake.channelId}/messages`);

  it('given 30 members mentioning the bot at once, then every one is answered within a few messages, and no rate limit is logged without a 429', async () => {
    h = await startHarness({ fake: { channelRateLimits: true } });
    const members = Array.from({ length: 30 }, (_, i) => h.fake.createUser({ username: `member-${i}` }));
    const sent = await Promise.all(
      members.map((author, i) => h.fake.sendMessage({ author, content: QUESTIONS[i % 3]!, mentionsBot: true })),
    );
    const answered = () => {
      const done = new Set<string>();
      for (const post of posts()) {
        if (post.status !== 200) continue;
        const body = post.body as RESTPostAPIChannelMessageJSONBody;
        const repliedTo = sent.find((m) => m.id === body.message_reference?.message_id);
        // Sent alone: the reply to the question's own message. Sent together: a line naming the asker.
        if (repliedTo && (body.embeds?.length ?? 0) > 0) done.add(repliedTo.author.id);
        for (const match of (body.content ?? '').matchAll(/<@(\d+)> “/g)) done.add(match[1]!);
      }
      return done.size;
    };
    await expect.poll(answered, { timeout: 20_000, interval: 50 }).toBe(30);
    // At worst each answer goes alone until the channel's 5 messages are used up; the rest wait out the
    // window and leave together, 8 to a message: 5 + ⌈25 / 8⌉. One message each would take 30.
    expect(posts().length).toBeLessThanOrEqual(5 + Math.ceil(25 / 8));
    expect(posts().every((p) => p.status === 200)).toBe(true);
    const together = posts()
      .map((p) => p.body as RESTPostAPIChannelMessageJSONBody)
      .find((b) => /^\d+ questions came here at once/.test(b.content ?? '') && b.content!.includes('backups?”'))!;
    expect(together.content).toMatch(/“Does TikTok keep backups\?” → \*\*TikTok still keeps its own backups/);
    expect(together.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(together.components?.length).toBeGreaterThan(0);
    expect(h.logs.entries().filter((e) => e.event === 'discord.rate_limited')).toEqual([]);
  });

  it('given Discord refusing a reply with 429, then the rate limit is logged once, with its route and retry-after', async () => {
    h = await startHarness();
    h.fake.failNext({
      method: 'POST',
      pathMatch: `/channels/${h.fake.channelId}/messages`,
      status: 429,
      retryAfter: 0.1,
    });
    await h.fake.sendMessage({ content: 'who owns tiktok', mentionsBot: true });
    await expect.poll(() => posts().filter((p) => p.status === 200).length, { timeout: 5_000 }).toBe(1);
    expect(h.logs.entries().filter((e) => e.event === 'discord.rate_limited')).toMatchObject([
      { level: 40, method: 'POST', route: '/channels/:id/messages', retryAfter: '0.1' },
    ]);
  });
});
