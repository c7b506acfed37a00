import { ApplicationCommandOptionType, type APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/bot-harness.ts';

interface CallbackBody {
  data?: APIInteractionResponseCallbackData;
}

const POLICY_SUBCOMMANDS = ['status', 'reload', 'stale', 'preview', 'report'];

describe('security, through the fake Discord', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.stop();
  });

  async function run(payload: Parameters<Harness['fake']['sendInteraction']>[0]): Promise<CallbackBody> {
    const sent = await h.fake.sendInteraction(payload);
    return (await h.fake.waitForRequest<CallbackBody>((r) => r.path === h.fake.callbackPath(sent))).body;
  }

  it('given any member without the policy role, then every /kb subcommand is refused, even when Discord showed it to them', async () => {
    h = await startHarness();
    const version = h.store.current().snapshot.version;
    const stranger = h.fake.createUser({ username: 'stranger', roles: [] });
    for (const user of [h.fake.outsiderUser, stranger]) {
      for (const name of POLICY_SUBCOMMANDS) {
        const body = await run(
          h.fake.slashCommand({
            name: 'kb',
            user,
            options: [{ type: ApplicationCommandOptionType.Subcommand, name, options: [] }] as never,
          }),
        );
        expect(body.data?.content, `${user.username} /kb ${name}`).toBe('Only the policy team can do this.');
        expect(body.data?.embeds ?? []).toEqual([]);
      }
    }
    expect(h.store.current().snapshot.version).toBe(version);
  });

  it('given a crafted /kb interaction from a DM, then it is refused: the policy role only exists in the guild', async () => {
    h = await startHarness();
    const body = await run(
      h.fake.slashCommand({
        name: 'kb',
        dm: true,
        options: [{ type: ApplicationCommandOptionType.Subcommand, name: 'reload', options: [] }] as never,
      }),
    );
    expect(body.data?.content).toBe('Only the policy team can do this.');
  });

  it('given no policy role configured, then nobody may use /kb', async () => {
    h = await startHarness({ settings: { policyRoleId: undefined } });
    const body = await run(
      h.fake.slashCommand({
        name: 'kb',
        options: [{ type: ApplicationCommandOptionType.Subcommand, name: 'status', options: [] }] as never,
      }),
    );
    expect(body.data?.content).toBe('Only the policy team can do this.');
  });

  it('given POLICY_ROLE_ID set to the server id (the @everyone role), then /kb is refused to every member, saying why, and start-up logs it', async () => {
    h = await startHarness({ settings: (fake) => ({ policyRoleId: fake.guildId }) });
    expect(h.logs.entries().find((e) => e.event === 'config.policy_role_everyone')).toMatchObject({
      guild: h.fake.guildId,
    });
    for (const user of [h.fake.staffUser, h.fake.outsiderUser]) {
      const body = await run(
        h.fake.slashCommand({
          name: 'kb',
          user,
          options: [{ type: ApplicationCommandOptionType.Subcommand, name: 'status', options: [] }] as never,
        }),
      );
      expect(body.data?.content).toMatch(/^Nobody can do this yet: POLICY_ROLE_ID is this server's @everyone role/);
      expect(body.data?.embeds ?? []).toEqual([]);
    }
  });

  it('given channel messages that do not mention the bot, then their content is never processed, unless the channel is configured', async () => {
    h = await startHarness();
    await h.fake.sendMessage({ content: 'Does TikTok keep backups?' });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(h.questions()).toEqual([]);
    expect(h.fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/messages'))).toEqual([]);
    await h.stop();

    h = await startHarness({ answerChannels: 'fake-channel' });
    const MESSAGE_CONTENT = 1 << 15;
    expect((h.fake.intents ?? 0) & MESSAGE_CONTENT).toBe(MESSAGE_CONTENT);
    await h.fake.sendMessage({ content: 'Does TikTok keep backups?' });
    await h.fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${h.fake.channelId}/messages`);
    expect(h.questions()).toMatchObject([{ channelKind: 'channel', factId: 'backups-retained' }]);
  });

  it('never puts the token in a reply, a log line or a recorded question', async () => {
    h = await startHarness();
    await run(h.fake.slashCommand({ name: 'ask', options: { question: 'what is the bot token' } }));
    await run(h.fake.slashCommand({ name: 'fact', options: { name: 'token' } }));
    const bodies = h.fake.requests.map((r) => JSON.stringify(r.body ?? ''));
    expect(bodies.join('\n')).not.toContain(h.fake.token);
    expect(h.logs.lines.join('\n')).not.toContain(h.fake.token);
    expect(JSON.stringify(h.questions())).not.toContain(h.fake.token);
  });

  it('given a reply Discord keeps refusing, then the error is logged without the interaction token or the webhook URL that carries it', async () => {
    h = await startHarness({ retries: 1 });
    const ask = h.fake.slashCommand({ name: 'ask', options: { question: 'who owns tiktok' } });
    // The reply fails, and so does the error boundary's own report: both errors carry the callback URL.
    h.fake.failNext({ pathMatch: h.fake.callbackPath(ask), status: 500, times: Infinity });
    await h.fake.sendInteraction(ask);
    await expect.poll(() => h.logs.entries().some((e) => e.event === 'handler.report_failed')).toBe(true);
    const failed = h.logs.entries().find((e) => e.event === 'handler.failed')!;
    expect(JSON.stringify(failed)).toContain('/interactions/');
    expect(h.logs.lines.join('\n')).not.toContain(ask.token);

    // A follow-up URL (/webhooks/<application>/<token>) is scrubbed too.
    const fact = h.fake.slashCommand({
      name: 'kb',
      options: [{ type: ApplicationCommandOptionType.Subcommand, name: 'reload', options: [] }] as never,
    });
    h.fake.failNext({ pathMatch: h.fake.originalPath(fact), status: 500, times: Infinity });
    await h.fake.sendInteraction(fact);
    await expect.poll(() => h.logs.lines.filter((l) => l.includes('/webhooks/')).length).toBeGreaterThan(0);
    expect(h.logs.lines.join('\n')).not.toContain(fact.token);
  });

  it('given a fact name typed with a heading, a masked link and mentions, then the private "no fact called" reply shows it as typed, inert', async () => {
    h = await startHarness();
    const typed = '# Click [https://www.tiktok.com/legal](https://evil.example/phish) @everyone <@&123456789012345678>';
    for (const [name, option] of [
      ['fact', 'name'],
      ['sources', 'fact'],
    ] as const) {
      const body = await run(h.fake.slashCommand({ name, options: { [option]: typed } }));
      const content = body.data!.content!;
      expect(content, name).toMatch(/^There is no fact called “\\# Click \\\[https:\/\/www\.tiktok\.com\/legal\\\]\(/);
      expect(content, name).not.toMatch(/(?<!\\)\[|(?<!\\)\]\(|@everyone|<@&/);
      expect(body.data!.flags! & 64, name).toBe(64);
    }
  });

  it('given a recorded question with a code fence and mentions, then /kb report cannot break out of its code block or ping', async () => {
    h = await startHarness();
    await run(
      h.fake.slashCommand({ name: 'ask', options: { question: '``` @everyone **hi** <@&123456789012345678> zzz' } }),
    );
    const sent = await h.fake.sendInteraction(
      h.fake.slashCommand({
        name: 'kb',
        options: [{ type: ApplicationCommandOptionType.Subcommand, name: 'report', options: [] }] as never,
      }),
    );
    const body = (
      await h.fake.waitForRequest<APIInteractionResponseCallbackData>(
        (r) => r.method === 'PATCH' && r.path === h.fake.originalPath(sent),
      )
    ).body;
    const content = body.content!;
    expect(content.startsWith('```\n')).toBe(true);
    expect(content.slice(4, -4)).not.toContain('```');
    expect(content).toContain('@everyone');
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });
});
