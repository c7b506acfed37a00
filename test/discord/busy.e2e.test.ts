/**
 * What the bot does when an interaction has already waited, through the fake Discord: it defers first,
 * then answers by editing the deferral, keeping who may see it. "Waited" is made deterministic by an
 * interaction created two seconds before it is delivered (its id carries its creation time), instead of
 * by making the machine busy.
 */
import { InteractionResponseType, MessageFlags, type APIInteraction } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/bot-harness.ts';
import { snowflake } from '../support/fake-discord.ts';

describe('an interaction that waited before the bot could see it', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.stop();
  });

  /** The same interaction, as if Discord had created it two seconds ago. */
  const olderBy2s = <T extends APIInteraction>(payload: T): T => ({ ...payload, id: snowflake(Date.now() - 2_000) });

  it('given /ask, then it is deferred in public and answered by editing the deferral', async () => {
    h = await startHarness();
    const sent = await h.fake.sendInteraction(
      olderBy2s(h.fake.slashCommand({ name: 'ask', options: { question: 'Does TikTok keep backups?' } })),
    );
    const reply = await h.fake.waitForReply(sent);
    expect(reply.callbackType).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(reply.answer.method).toBe('PATCH');
    expect(reply.data.flags ?? 0).toBe(0);
    expect(reply.data.embeds?.[0]?.footer?.text).toMatch(/^backups-retained · /);
    expect(h.logs.entries().find((e) => e.event === 'interaction.deferred')).toMatchObject({
      waitedMs: expect.any(Number),
    });
  });

  it('given /ask private:true or a Sources button, then the deferral and the answer are private', async () => {
    h = await startHarness();
    for (const payload of [
      h.fake.slashCommand({ name: 'ask', options: { question: 'who owns tiktok', private: true } }),
      h.fake.button({ customId: 'sources:backups-retained' }),
    ]) {
      const reply = await h.fake.waitForReply(await h.fake.sendInteraction(olderBy2s(payload)));
      expect(reply.deferred).toBe(true);
      expect(reply.data.flags! & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    }
  });

  it('given /fact with a name that is no fact, then the public deferral gives way to a private "no fact called" message', async () => {
    h = await startHarness();
    const sent = await h.fake.sendInteraction(
      olderBy2s(h.fake.slashCommand({ name: 'fact', options: { name: 'no such thing' } })),
    );
    const reply = await h.fake.waitForReply(sent);
    expect(reply.deferred).toBe(true);
    expect(reply.answer.method).toBe('POST');
    expect(reply.data.flags! & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(reply.data.content).toMatch(/^There is no fact called “no such thing”/);
    expect(h.fake.interactions.get(sent.token)?.deleted).toBe(true);
  });

  it("given /kb reload, then the bot's own deferral stands and the reload reports by editing it", async () => {
    h = await startHarness();
    const sent = await h.fake.sendInteraction(
      olderBy2s(h.fake.slashCommand({ name: 'kb', options: [{ type: 1, name: 'reload' }] as never })),
    );
    const reply = await h.fake.waitForReply(sent);
    expect(reply.deferred).toBe(true);
    expect(reply.data.content).toMatch(/^Knowledge base loaded: /);
    const callbacks = h.fake.requests.filter((r) => r.path === h.fake.callbackPath(sent));
    expect(callbacks.map((r) => r.status)).toEqual([204]);
  });

  it('given the /kb preview form, which must be the first response, then it is shown at once, never deferred', async () => {
    h = await startHarness();
    const sent = await h.fake.sendInteraction(
      olderBy2s(h.fake.slashCommand({ name: 'kb', options: [{ type: 1, name: 'preview' }] as never })),
    );
    expect((await h.fake.waitForReply(sent)).callbackType).toBe(InteractionResponseType.Modal);
  });
});
