import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ApplicationCommandOptionType,
  ComponentType,
  InteractionResponseType,
  type APIInteractionResponseCallbackData,
  type RESTPostAPIChannelMessageJSONBody,
} from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { readReport, recordOnDisk } from '../../src/service/report.ts';
import { TODAY } from '../helpers.ts';
import { startHarness, type Harness } from '../support/bot-harness.ts';

interface CallbackBody {
  type: InteractionResponseType;
  data?: APIInteractionResponseCallbackData;
}

const NEW_FACT = (id: string, word: string) => `id: ${id}
topic: data-location
title: { en: "The ${word} rule", fr: "La règle ${word}" }
answer: { en: "TikTok says the ${word} rule applies.", fr: "TikTok affirme que la règle ${word} s'applique." }
attribution: { claimant: TikTok, kind: company-statement, date: 2022-06-17 }
citations:
  - source: tiktok-oracle-article-fr
    quote: "Mais TikTok a ajouté qu’il stockerait toujours ses propres sauvegardes"
aliases: { en: ["${word} rule"], fr: ["règle ${word}"] }
keywords: { en: [${word}], fr: [${word}] }
related: []
as_of: 2022-06-17
owner: policy-team
review_by: 2027-06-30
`;

const subcommand = (name: string, options: object[] = []) =>
  [{ type: ApplicationCommandOptionType.Subcommand, name, options }] as never;

describe('the policy team’s loop, through the fake Discord with real files and a real database', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.stop();
  });

  /** The answer as the member sees it, whether the bot answered at once or deferred first. */
  async function ask(question: string): Promise<CallbackBody> {
    const sent = await h.fake.sendInteraction(h.fake.slashCommand({ name: 'ask', options: { question } }));
    const reply = await h.fake.waitForReply(sent, 60_000);
    return { type: reply.callbackType, data: reply.data };
  }
  const answeredBy = (body: CallbackBody) => body.data?.embeds?.[0]?.footer?.text?.split(' · ')[0] ?? null;

  it('given a new fact saved to disk, then it is served, with no command', async () => {
    h = await startHarness({ watch: true });
    expect(answeredBy(await ask('what is the zebulon rule'))).toBeNull();
    writeFileSync(join(h.knowledgeDir, 'facts', 'zebulon-rule.yaml'), NEW_FACT('zebulon-rule', 'zebulon'));
    await expect
      .poll(() => h.store.current().snapshot.factsById.has('zebulon-rule'), { timeout: 10_000, interval: 20 })
      .toBe(true);
    expect(answeredBy(await ask('what is the zebulon rule'))).toBe('zebulon-rule');
    expect(h.logs.entries().find((e) => e.event === 'kb.reloaded')).toMatchObject({
      by: 'watch',
      added: ['zebulon-rule'],
    });
  });

  it('given a broken edit, then the old facts keep being served, the error shows in /kb status and the log, and a later good save loads', async () => {
    h = await startHarness({ watch: true });
    const path = join(h.knowledgeDir, 'facts', 'oracle-routing.yaml');
    const good = readFileSync(path, 'utf8');
    const before = h.store.current().snapshot.version;
    writeFileSync(path, good.replace('\naliases:', '\naliasses:'));
    await expect.poll(() => h.store.lastError, { timeout: 3000, interval: 20 }).toBeDefined();
    expect(h.store.current().snapshot.version).toBe(before);
    expect(answeredBy(await ask('Is US user data routed through Oracle?'))).toBe('oracle-routing');

    const status = await (async () => {
      const sent = await h.fake.sendInteraction(h.fake.slashCommand({ name: 'kb', options: subcommand('status') }));
      return (await h.fake.waitForRequest<CallbackBody>((r) => r.path === h.fake.callbackPath(sent))).body;
    })();
    const failure = status.data!.embeds![0]!.fields!.find((f) => f.name.startsWith('Last load failed'))!;
    expect(failure.name).toContain(`still serving ${before}`);
    expect(failure.value).toMatch(/facts\/oracle-routing\.yaml:\d+:1: error: unknown field "aliasses"/);
    expect(h.logs.entries().find((e) => e.event === 'kb.reload_failed')).toMatchObject({ serving: before });

    writeFileSync(path, good.replace('owner: policy-team', 'owner: data-policy'));
    await expect.poll(() => h.store.lastError, { timeout: 3000, interval: 20 }).toBeUndefined();
    expect(h.store.current().snapshot.factsById.get('oracle-routing')?.owner).toBe('data-policy');
  });

  it('given a policy channel, then a broken edit is posted there once, and the recovery too', async () => {
    h = await startHarness({ policyChannel: true });
    const path = join(h.knowledgeDir, 'facts', 'oracle-routing.yaml');
    const good = readFileSync(path, 'utf8');
    const posts = () =>
      h.fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${h.fake.channelId}/messages`);
    writeFileSync(path, good.replace('pinned: true', 'pinned: yes please'));
    await h.store.reload();
    await h.store.reload();
    await expect.poll(() => posts().length, { timeout: 3000 }).toBe(1);
    const body = posts()[0]!.body as RESTPostAPIChannelMessageJSONBody;
    expect(body.content).toMatch(
      /^Knowledge base edit not loaded: still serving [0-9a-f]{12}\. Fix and save again:\n```\nfacts\/oracle-routing\.yaml:\d+:\d+: error: pinned: expected a boolean/,
    );
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    writeFileSync(path, good);
    await h.store.reload();
    await expect.poll(() => posts().length, { timeout: 3000 }).toBe(2);
    expect((posts()[1]!.body as RESTPostAPIChannelMessageJSONBody).content).toMatch(
      /^Knowledge base loaded again: [0-9a-f]{12}\.$/,
    );
  });

  it('given a reload in the middle of a burst of questions, then every question is answered', async () => {
    h = await startHarness();
    const questions = Array.from({ length: 120 }, (_, i) => (i % 2 ? 'Does TikTok keep backups?' : 'who owns tiktok'));
    const pending = questions.map(async (question, i) => {
      if (i === 40) void h.store.reload();
      if (i === 80)
        writeFileSync(join(h.knowledgeDir, 'facts', 'zebulon-rule.yaml'), NEW_FACT('zebulon-rule', 'zebulon'));
      if (i === 81) void h.store.reload();
      return answeredBy(await ask(question));
    });
    const answers = await Promise.all(pending);
    expect(answers.filter((a) => a === null)).toEqual([]);
    expect(answers.filter((a) => a === 'backups-retained')).toHaveLength(60);
  });

  it('given /kb preview, then the draft is validated and shown privately, and nothing live changes', async () => {
    h = await startHarness();
    const version = h.store.current().snapshot.version;
    const sent = await h.fake.sendInteraction(h.fake.slashCommand({ name: 'kb', options: subcommand('preview') }));
    const modal = (
      await h.fake.waitForRequest<CallbackBody & { data: { custom_id: string; components: { type: number }[] } }>(
        (r) => r.path === h.fake.callbackPath(sent),
      )
    ).body;
    expect(modal.type).toBe(InteractionResponseType.Modal);
    expect(modal.data.custom_id).toBe('kb:preview');
    // Text inputs in Labels, not in the deprecated Action Rows.
    expect(modal.data.components.map((c) => c.type)).toEqual([ComponentType.Label, ComponentType.Label]);

    const submit = async (draft: string, question: string) => {
      const payload = await h.fake.sendInteraction(
        h.fake.modalSubmit({ customId: 'kb:preview', fields: { draft, question }, layout: 'label' }),
      );
      return (
        await h.fake.waitForRequest<{ content: string; embeds?: { title?: string }[] }>(
          (r) => r.method === 'PATCH' && r.path === h.fake.originalPath(payload),
          5000,
        )
      ).body;
    };
    const valid = await submit(NEW_FACT('zebulon-rule', 'zebulon'), 'what is the zebulon rule');
    expect(valid.content).toContain('Draft `zebulon-rule` is valid. Nothing live was changed.');
    expect(valid.content).toContain('“what is the zebulon rule”: “I don’t know” → `zebulon-rule`');
    expect(valid.embeds?.[0]?.title).toBe('The zebulon rule');
    const broken = await submit(NEW_FACT('zebulon-rule', 'zebulon').replace('owner:', 'ownr:'), '');
    expect(broken.content).toMatch(
      /does not validate; nothing was changed:\n```\nfacts\/zebulon-rule\.yaml:\d+:1: error: unknown field "ownr"\n {4}hint: Did you mean "owner"\?.*\n```$/,
    );

    expect(h.store.current().snapshot.version).toBe(version);
    expect(answeredBy(await ask('what is the zebulon rule'))).toBeNull();
  });

  it('given /kb explain, then the policy team privately sees how each word was read, the runner-up and the bars', async () => {
    h = await startHarness();
    const sent = await h.fake.sendInteraction(
      h.fake.slashCommand({
        name: 'kb',
        options: subcommand('explain', [
          {
            type: ApplicationCommandOptionType.String,
            name: 'question',
            value: 'does tiktok keep bakcups near golf courses',
          },
        ]),
      }),
    );
    const body = (
      await h.fake.waitForRequest<CallbackBody & { data: { flags?: number } }>(
        (r) => r.path === h.fake.callbackPath(sent),
      )
    ).body;
    const text = body.data.content!;
    expect(text.startsWith('```') && text.endsWith('```')).toBe(true);
    expect(text).toMatch(/^ {4}bakcups +\d+% {2}a typo\? read as "backup"$/m);
    expect(text).toMatch(/^ {4}golf +\d+% {2}no fact has this word/m);
    expect(text).toMatch(/^ {2}runner-up: /m);
    expect(body.data.flags! & 64).toBe(64);
  });

  it('given a draft whose own question another fact takes, then /kb preview says so before it is saved', async () => {
    h = await startHarness();
    const draft = `${NEW_FACT('zebulon-rule', 'zebulon')}questions: { en: ["Does TikTok still retain its own copies of US user data?"], fr: [] }\n`;
    const payload = await h.fake.sendInteraction(
      h.fake.modalSubmit({ customId: 'kb:preview', fields: { draft, question: '' }, layout: 'label' }),
    );
    const body = (
      await h.fake.waitForRequest<{ content: string }>(
        (r) => r.method === 'PATCH' && r.path === h.fake.originalPath(payload),
        5000,
      )
    ).body;
    expect(body.content).toContain('Its own aliases and questions it would not answer (fix before saving):');
    expect(body.content).toMatch(
      /^- question "Does TikTok still retain its own copies of US user data\?" is answered by backups-retained \(\d\.\d+\)$/m,
    );
  });

  it('given a member without the policy role, then a crafted preview submission is refused', async () => {
    h = await startHarness();
    const payload = await h.fake.sendInteraction(
      h.fake.modalSubmit({
        customId: 'kb:preview',
        fields: { draft: 'id: x', question: '' },
        user: h.fake.outsiderUser,
      }),
    );
    const body = (await h.fake.waitForRequest<CallbackBody>((r) => r.path === h.fake.callbackPath(payload))).body;
    expect(body.data!.content).toBe('Only the policy team can do this.');
  });

  it('given a fact past its review date, then /kb stale lists it by owner and its answer says when it was reviewed', async () => {
    h = await startHarness();
    const path = join(h.knowledgeDir, 'facts', 'cfius.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/review_by: .*/, 'review_by: 2026-01-31'));
    expect((await h.store.reload()).ok).toBe(true);
    const sent = await h.fake.sendInteraction(h.fake.slashCommand({ name: 'kb', options: subcommand('stale') }));
    const body = (await h.fake.waitForRequest<CallbackBody>((r) => r.path === h.fake.callbackPath(sent))).body;
    expect(body.data!.content).toBe('1 fact(s) past their review date:\n**policy-team**: `cfius` (due 2026-01-31)');
    const answer = await ask('what is CFIUS');
    expect(answer.data!.embeds![0]!.description).toContain('its review was due on 31 January 2026');
  });

  it('given questions asked, then the record survives a restart, and the report counts them', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'record-restart-'));
    h = await startHarness({ dataDir });
    await ask('Does TikTok keep backups?');
    await ask('who owns tiktok');
    await ask('what is the wifi password');
    await ask('What is the WiFi password??');
    await h.fake.sendMessage({ content: 'Qui possède TikTok ?', mentionsBot: true });
    await h.fake.waitForRequest((r) => r.method === 'POST' && r.path.endsWith('/messages'));
    const recordId = h.questions()[0]!.id;
    const message = h.fake.botMessage({ components: [{ type: ComponentType.ActionRow, components: [] }] as never });
    const vote = await h.fake.sendInteraction(h.fake.button({ customId: `vote:down:${recordId}`, message }));
    await h.fake.waitForRequest((r) => r.path === h.fake.callbackPath(vote));

    const sent = await h.fake.sendInteraction(h.fake.slashCommand({ name: 'kb', options: subcommand('report') }));
    const ack = (await h.fake.waitForRequest<CallbackBody>((r) => r.path === h.fake.callbackPath(sent))).body;
    expect(ack.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    const shown = (
      await h.fake.waitForRequest<{ content: string }>(
        (r) => r.method === 'PATCH' && r.path === h.fake.originalPath(sent),
      )
    ).body;
    expect(shown.content).toMatch(/questions\s+5/);
    await h.stop();
    h = undefined as never;

    // What the report counts is the service's to test (test/service/report.test.ts); here, that it was all kept.
    const kept = recordOnDisk(dataDir).read((db) =>
      readReport(db, { from: new Date(TODAY.getTime() - 86_400_000), to: new Date(TODAY.getTime() + 1000) }),
    );
    expect(kept.totals).toMatchObject({ questions: 5, answered: 3, unknown: 2, votes: 1 });
    expect(kept.byChannelKind).toMatchObject({ slash: 4, mention: 1 });
  });
});
