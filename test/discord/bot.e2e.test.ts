import {
  ApplicationCommandOptionType,
  ComponentType,
  InteractionResponseType,
  Locale,
  MessageFlags,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type APIInteractionResponseCallbackData,
  type APIComponentInMessageActionRow,
  type RESTPostAPIChannelMessageJSONBody,
} from 'discord-api-types/v10';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DISCORD_LIMITS } from '../../src/discord/limits.ts';
import { versionLabel } from '../../src/knowledge/snapshot.ts';
import { startHarness, type Harness } from '../support/bot-harness.ts';

interface CallbackBody {
  type: InteractionResponseType;
  data?: APIInteractionResponseCallbackData & { choices?: { name: string; value: string }[] };
}

function buttons(data: { components?: unknown[] | undefined }): APIButtonComponentWithCustomId[] {
  return ((data.components ?? []) as APIActionRowComponent<APIComponentInMessageActionRow>[])
    .flatMap((row) => row.components)
    .filter((c): c is APIButtonComponentWithCustomId => c.type === ComponentType.Button && 'custom_id' in c);
}

describe('the bot on a fake Discord', () => {
  let h: Harness;

  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.stop();
  });

  async function callback(payload: Parameters<Harness['fake']['sendInteraction']>[0]): Promise<CallbackBody> {
    const sent = await h.fake.sendInteraction(payload);
    const request = await h.fake.waitForRequest<CallbackBody>((r) => r.path === h.fake.callbackPath(sent));
    return request.body;
  }

  it('logs in and becomes ready without the privileged Message Content intent', () => {
    expect(h.bot.client.isReady()).toBe(true);
    const MESSAGE_CONTENT = 1 << 15;
    expect((h.fake.intents ?? 0) & MESSAGE_CONTENT).toBe(0);
    expect(h.logs.entries().some((e) => e.event === 'discord.ready')).toBe(true);
  });

  it('given /ask with a covered question, then it answers with an embed: answer, whose claim, quote, fact id and version, and no pings', async () => {
    const body = await callback(
      h.fake.slashCommand({ name: 'ask', options: { question: 'Does TikTok keep backups?' } }),
    );
    expect(body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const data = body.data!;
    const embed = data.embeds![0] as APIEmbed;
    expect(embed.description).toMatch(/backups/);
    expect(embed.fields?.find((f) => f.name === 'Whose claim')?.value).toBe('Company statement — TikTok, 17 June 2022');
    expect(embed.fields?.find((f) => f.name === 'Source')?.value).toMatch(/^“.+”/s);
    expect(embed.footer?.text).toBe(`backups-retained · knowledge ${versionLabel(h.store.current().snapshot)}`);
    expect(embed.footer?.text).toMatch(/knowledge [0-9a-f]{12}, loaded \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
    expect(data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(data.flags ?? 0).toBe(0);
    const ids = buttons(data).map((b) => b.custom_id);
    const [recorded] = h.questions();
    expect(ids).toEqual(
      expect.arrayContaining(['sources:backups-retained', `vote:up:${recorded!.id}`, `vote:down:${recorded!.id}`]),
    );
    expect(recorded).toMatchObject({
      channelKind: 'slash',
      factId: 'backups-retained',
      language: 'en',
      question: 'Does TikTok keep backups?',
    });
    expect(recorded!.userHash).not.toContain(h.fake.staffUser.id);
    expect(h.logs.entries().find((e) => e.event === 'answer')).toMatchObject({
      factId: 'backups-retained',
      channelKind: 'slash',
      latencyMs: expect.any(Number),
    });
  });

  it('given /ask private:true, then only the asker sees the answer', async () => {
    const body = await callback(
      h.fake.slashCommand({ name: 'ask', options: { question: 'who owns tiktok', private: true } }),
    );
    expect(body.data!.flags! & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
  });

  it('given /ask about something the knowledge base does not cover, then it says so plainly, names who to ask, and offers the nearest facts', async () => {
    const body = await callback(
      h.fake.slashCommand({
        name: 'ask',
        options: { question: 'is the cafeteria in the Oracle office open on Sundays' },
      }),
    );
    expect(body.data!.content).toMatch(/^I don't know that one/);
    expect(body.data!.content).toContain('the policy team (#data-policy)');
    expect(body.data!.embeds ?? []).toEqual([]);
    const suggested = buttons(body.data!).map((b) => b.custom_id);
    expect(suggested.length).toBeGreaterThan(0);
    expect(suggested.length).toBeLessThanOrEqual(3);
    expect(suggested.every((id) => id.startsWith('fact:'))).toBe(true);
  });

  it('given /ask for a detail no fact gives, then it says which fact is nearest and what it does not give', async () => {
    const body = await callback(
      h.fake.slashCommand({ name: 'ask', options: { question: 'how many engineers had access to US data?' } }),
    );
    expect(body.data!.content).toMatch(/^I don't know: the nearest fact, “.+”, gives no count of people or things\. /);
    expect(body.data!.embeds ?? []).toEqual([]);
    expect(buttons(body.data!).map((b) => b.custom_id)).toContain('fact:buzzfeed-report');
  });

  it('given /ask with words several facts share, then it asks "did you mean" with the likeliest fact first as a button, and answers nothing', async () => {
    const body = await callback(h.fake.slashCommand({ name: 'ask', options: { question: 'tiktok data' } }));
    expect(body.data!.content).toMatch(/^I'm not sure I understood\. Did you mean “.+”\?$/);
    expect(body.data!.embeds ?? []).toEqual([]);
    const offered = buttons(body.data!);
    expect(offered[0]?.custom_id).toMatch(/^fact:/);
    expect(body.data!.content).toContain(offered[0]!.label);
  });

  it('given a French locale, then the answer and its labels are in French', async () => {
    const body = await callback(
      h.fake.slashCommand({ name: 'ask', options: { question: 'Does TikTok keep backups?' }, locale: Locale.French }),
    );
    const embed = body.data!.embeds![0]!;
    expect(embed.description).toMatch(/sauvegardes/);
    expect(embed.fields?.find((f) => f.name === 'Qui l’affirme')?.value).toBe(
      'Déclaration d’entreprise — TikTok, 17 juin 2022',
    );
    expect(buttons(body.data!).map((b) => b.label)).toEqual(expect.arrayContaining(['Sources', 'Utile', 'Pas utile']));
  });

  it('given /fact autocomplete, then an exact id comes first, typos still find the fact, and empty input lists pinned facts first', async () => {
    const choices = async (value: string) =>
      (await callback(h.fake.autocomplete({ name: 'fact', focused: 'name', value }))).data!.choices!;
    expect((await choices('oracle-routing'))[0]?.value).toBe('oracle-routing');
    expect((await choices('backpus'))[0]?.value).toBe('backups-retained');
    const empty = await choices('');
    const pinned = h.store
      .current()
      .snapshot.facts.filter((f) => f.pinned)
      .map((f) => f.id);
    expect(
      empty
        .slice(0, pinned.length)
        .map((c) => c.value)
        .sort(),
    ).toEqual([...pinned].sort());
    for (const c of empty) expect(c.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.choiceName);
  });

  it('given /fact with a chosen fact or a confidently matched name, then it shows it; given a name that is no fact, then it says so privately', async () => {
    const shown = await callback(h.fake.slashCommand({ name: 'fact', options: { name: 'governance-unit-may' } }));
    expect(shown.data!.embeds![0]!.footer!.text).toMatch(/^governance-unit-may · /);
    const typed = await callback(h.fake.slashCommand({ name: 'fact', options: { name: 'who owns tiktok' } }));
    expect(typed.data!.embeds![0]!.footer!.text).toMatch(/^bytedance-ownership · /);
    const missing = await callback(h.fake.slashCommand({ name: 'fact', options: { name: '**@everyone** zzzz' } }));
    expect(missing.data!.flags! & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(missing.data!.content).toContain('\\*\\*@\u200beveryone\\*\\*');
  });

  it('given /facts, then topics and titles are listed within embed limits', async () => {
    const body = await callback(h.fake.slashCommand({ name: 'facts' }));
    const embed = body.data!.embeds![0]!;
    expect(embed.fields!.length).toBeGreaterThan(1);
    expect(embed.fields!.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedFields);
    const total =
      (embed.title?.length ?? 0) +
      (embed.description?.length ?? 0) +
      embed.fields!.reduce((n, f) => n + f.name.length + f.value.length, 0);
    expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
    expect(embed.fields!.map((f) => f.value).join('\n')).toContain('`oracle-routing`');
  });

  it('given /sources, then every citation of the fact is listed privately with its quote and publisher', async () => {
    const body = await callback(h.fake.slashCommand({ name: 'sources', options: { fact: 'oracle-routing' } }));
    expect(body.data!.flags! & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    const fields = body.data!.embeds![0]!.fields!;
    const fact = h.store.current().snapshot.factsById.get('oracle-routing')!;
    expect(fields).toHaveLength(fact.citations.length);
    expect(fields.map((f) => f.value).join('\n')).toContain('100% of US user traffic');
  });

  it('given the buttons on an answer, then Sources is private, a related fact opens, and votes are recorded', async () => {
    const answered = await callback(
      h.fake.slashCommand({ name: 'ask', options: { question: 'Does TikTok keep backups?' } }),
    );
    const message = h.fake.botMessage({ components: answered.data!.components as never });
    const press = (customId: string) => callback(h.fake.button({ customId, message }));

    const sources = await press('sources:backups-retained');
    expect(sources.data!.flags! & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(sources.data!.embeds![0]!.title).toMatch(/^Sources: /);

    const related = buttons(answered.data!).find((b) => b.custom_id.startsWith('fact:'))!;
    const opened = await press(related.custom_id);
    expect(opened.data!.embeds![0]!.footer!.text).toContain(related.custom_id.slice('fact:'.length));

    const recordId = h.questions()[0]!.id;
    const up = await press(`vote:up:${recordId}`);
    expect(up.data!.content).toMatch(/vote is recorded/);
    expect(h.votes()).toEqual([{ questionId: recordId, userHash: h.questions()[0]!.userHash, helpful: true }]);
    await press(`vote:down:${recordId}`);
    expect(h.votes()).toEqual([{ questionId: recordId, userHash: h.questions()[0]!.userHash, helpful: false }]);
  });

  it('given a mention in a channel, then it replies there with the answer and pings nobody', async () => {
    const sent = await h.fake.sendMessage({ content: 'where is american users data sent?', mentionsBot: true });
    const request = await h.fake.waitForRequest<RESTPostAPIChannelMessageJSONBody>(
      (r) => r.method === 'POST' && r.path === `/channels/${h.fake.channelId}/messages`,
    );
    expect(request.body.message_reference?.message_id).toBe(sent.id);
    expect(request.body.embeds![0]!.footer!.text).toMatch(/^oracle-routing · /);
    expect(request.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(h.questions().at(-1)).toMatchObject({
      channelKind: 'mention',
      question: 'where is american users data sent?',
    });
  });

  it('given a DM, then it replies in the DM in the language of the question', async () => {
    await h.fake.sendMessage({ content: 'TikTok garde-t-il ses propres sauvegardes ?', dm: true });
    const request = await h.fake.waitForRequest<RESTPostAPIChannelMessageJSONBody>(
      (r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path),
    );
    expect(request.path).not.toBe(`/channels/${h.fake.channelId}/messages`);
    expect(request.body.embeds![0]!.description).toMatch(/sauvegardes/);
    expect(h.questions().at(-1)).toMatchObject({ channelKind: 'dm', language: 'fr' });
  });

  it('given @everyone and a role mention in a question, then the reply pings nobody; a message that does not mention the bot is ignored', async () => {
    await h.fake.sendMessage({ content: '@everyone <@&123456789012345678> hello, no bot here' });
    await h.fake.sendMessage({
      content: '@everyone <@&123456789012345678> does tiktok keep backups',
      mentionsBot: true,
    });
    const request = await h.fake.waitForRequest<RESTPostAPIChannelMessageJSONBody>(
      (r) => r.method === 'POST' && r.path.endsWith('/messages'),
    );
    expect(request.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/messages'))).toHaveLength(1);
    expect(h.questions()).toHaveLength(1);
  });

  it('given /kb reload from a member without the policy role, then it is refused privately and nothing reloads', async () => {
    const version = h.store.current().snapshot.version;
    const body = await callback(
      h.fake.slashCommand({
        name: 'kb',
        user: h.fake.outsiderUser,
        options: [{ type: ApplicationCommandOptionType.Subcommand, name: 'reload' }] as never,
      }),
    );
    expect(body.data!.flags! & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(body.data!.content).toBe('Only the policy team can do this.');
    expect(h.store.current().snapshot.version).toBe(version);
    expect(h.logs.entries().some((e) => e.event === 'kb.reload')).toBe(false);
  });

  it('given /kb reload from the policy team, then it defers, reloads and reports the version; /kb status shows it', async () => {
    const sent = await h.fake.sendInteraction(
      h.fake.slashCommand({
        name: 'kb',
        options: [{ type: ApplicationCommandOptionType.Subcommand, name: 'reload' }] as never,
      }),
    );
    const deferred = await h.fake.waitForRequest<CallbackBody>((r) => r.path === h.fake.callbackPath(sent));
    expect(deferred.body.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    const edit = await h.fake.waitForRequest<{ content: string }>(
      (r) => r.method === 'PATCH' && r.path === h.fake.originalPath(sent),
    );
    expect(edit.body.content).toMatch(/^Knowledge base loaded: [0-9a-f]{12} \(no fact changed\)\.$/);
    const status = await callback(
      h.fake.slashCommand({
        name: 'kb',
        options: [{ type: ApplicationCommandOptionType.Subcommand, name: 'status' }] as never,
      }),
    );
    expect(status.data!.embeds![0]!.title).toBe(`Knowledge base ${versionLabel(h.store.current().snapshot)}`);
  });

  it('registers /kb so that only members who can manage the server see it', async () => {
    const { commandPayloads } = await import('../../src/discord/deploy.ts');
    const kb = commandPayloads().find((c) => c.name === 'kb')!;
    expect(kb.default_member_permissions).toBe(String(1 << 5));
    const ask = commandPayloads().find((c) => c.name === 'ask')!;
    expect(ask.name_localizations?.fr).toBe('demander');
  });

  it('given a REST 500 on a reply, then the error is logged with a ref and the bot keeps answering', async () => {
    h.fake.failNext({ pathMatch: /\/callback$/, status: 500, times: 3 });
    await h.fake.sendInteraction(h.fake.slashCommand({ name: 'ask', options: { question: 'who owns tiktok' } }));
    await expect
      .poll(() => h.logs.entries().find((e) => e.event === 'handler.failed'), { timeout: 3000 })
      .toMatchObject({ ref: expect.stringMatching(/^[0-9a-f]{8}$/) });
    const body = await callback(h.fake.slashCommand({ name: 'ask', options: { question: 'who owns tiktok' } }));
    expect(body.data!.embeds![0]!.footer!.text).toMatch(/^bytedance-ownership/);
  });

  it('never writes the token in a log line', async () => {
    await callback(h.fake.slashCommand({ name: 'ask', options: { question: `my token is ${h.fake.token}` } }));
    h.fake.failNext({ pathMatch: /\/callback$/, status: 500 });
    await h.fake.sendInteraction(h.fake.slashCommand({ name: 'ask', options: { question: 'x' } }));
    await expect.poll(() => h.logs.entries().some((e) => e.event === 'handler.failed'), { timeout: 3000 }).toBe(true);
    expect(h.logs.lines.length).toBeGreaterThan(3);
    expect(h.logs.lines.join('\n')).not.toContain(h.fake.token);
  });
});

describe('shutting down', () => {
  it('destroys the client cleanly: the fake sees the gateway close and nothing stays connected', async () => {
    const h = await startHarness();
    await h.bot.stop();
    await h.bot.stop();
    await expect(h.fake.close()).resolves.toBeUndefined();
  });
});

describe('with a knowledge base larger than one autocomplete list', () => {
  it('given /fact autocomplete, then at most 25 choices are offered, each within 100 characters', async () => {
    const { generateKnowledge } = await import('../../bench/generate.ts');
    const dir = mkdtempSync(join(tmpdir(), 'kb-large-'));
    for (const [file, text] of generateKnowledge(80).files) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    }
    const h = await startHarness({ knowledgeDir: dir });
    try {
      for (const value of ['', 'data', 'fact', 'a']) {
        const sent = await h.fake.sendInteraction(h.fake.autocomplete({ name: 'fact', focused: 'name', value }));
        const body = (await h.fake.waitForRequest<CallbackBody>((r) => r.path === h.fake.callbackPath(sent))).body;
        const choices = body.data!.choices!;
        expect(choices.length, value).toBeLessThanOrEqual(DISCORD_LIMITS.autocompleteChoices);
        if (value === '') expect(choices).toHaveLength(DISCORD_LIMITS.autocompleteChoices);
        for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.choiceName);
      }
    } finally {
      await h.stop();
    }
  });
});

describe('deploying the commands', () => {
  it('given a dev guild, then every command is registered there; with --global, globally, and the dev guild is emptied so nothing shows twice', async () => {
    const { deploy } = await import('../../src/cli/deploy.ts');
    const { startFakeDiscord } = await import('../support/fake-discord.ts');
    const fake = await startFakeDiscord();
    try {
      const out: string[] = [];
      const env = {
        DISCORD_TOKEN: fake.token,
        DISCORD_APPLICATION_ID: fake.applicationId,
        DISCORD_API_URL: fake.apiUrl,
        DISCORD_DEV_GUILD_ID: fake.guildId,
      };
      const io = { out: (l: string) => void out.push(l), err: (l: string) => void out.push(l), env };
      expect(await deploy([], io)).toBe(0);
      expect(
        fake.commands
          .get(fake.guildId)
          ?.map((c) => c.name)
          .sort(),
      ).toEqual(['ask', 'fact', 'facts', 'kb', 'sources']);
      expect(fake.commands.get('global')).toBeUndefined();
      expect(await deploy(['--global'], io)).toBe(0);
      expect(fake.commands.get('global')).toHaveLength(5);
      expect(fake.commands.get(fake.guildId)).toEqual([]);
      expect(await deploy(['--everywhere'], io)).toBe(2);
      expect(out.join('\n')).toContain('deploy:commands: unknown option --everywhere');
      expect(out.join('\n')).not.toContain(fake.token);
    } finally {
      await fake.close();
    }
  });

  it('prints an invite link asking for exactly the permissions the bot needs: View Channel, Send Messages (in Threads), Embed Links, Read Message History', async () => {
    const { deploy } = await import('../../src/cli/deploy.ts');
    const { startFakeDiscord } = await import('../support/fake-discord.ts');
    const fake = await startFakeDiscord();
    try {
      const out: string[] = [];
      const env = {
        DISCORD_TOKEN: fake.token,
        DISCORD_APPLICATION_ID: fake.applicationId,
        DISCORD_API_URL: fake.apiUrl,
      };
      await deploy([], { out: (l) => void out.push(l), err: (l) => void out.push(l), env });
      const link = new URL(out.join('\n').match(/https:\/\/discord\.com\/oauth2\/authorize\S+/)![0]);
      expect(link.searchParams.get('client_id')).toBe(fake.applicationId);
      expect(link.searchParams.get('scope')).toBe('bot applications.commands');
      const { PermissionFlagsBits: P } = await import('discord-api-types/v10');
      expect(BigInt(link.searchParams.get('permissions')!)).toBe(
        P.ViewChannel | P.SendMessages | P.SendMessagesInThreads | P.EmbedLinks | P.ReadMessageHistory,
      );
    } finally {
      await fake.close();
    }
  });
});

describe('leaving nothing behind', () => {
  it('given the bot stopped, then no socket, timer or server it opened is still active', async () => {
    const active = () =>
      (process as unknown as { getActiveResourcesInfo(): string[] })
        .getActiveResourcesInfo()
        .filter((r) => r !== 'TTYWrap');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const before = active().length;
    const h = await startHarness();
    expect(active().length).toBeGreaterThan(before);
    await h.stop();
    await expect.poll(() => active().length, { timeout: 2000 }).toBeLessThanOrEqual(before);
  });
});
