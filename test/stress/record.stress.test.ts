/**
 * The policy team reading a large record while staff keep asking (`npm run test:stress`): 400,000
 * questions in the record, `/kb report` and a `/kb preview` submitted in the middle of a stream of `/ask`
 * from other members, through the real discord.js client and the fake Discord, which refuses any
 * acknowledgement later than Discord's 3 seconds (10062). The figures are printed for the README.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import {
  ApplicationCommandOptionType,
  InteractionResponseType,
  type APIInteraction,
  type APIUser,
} from 'discord-api-types/v10';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DISCORD_LIMITS } from '../../src/discord/limits.ts';
import { TODAY } from '../helpers.ts';
import { startHarness, type Harness } from '../support/bot-harness.ts';
import { writeLargeRecord } from '../support/large-record.ts';

const ROWS = 400_000;
const ASKS = 150;
const ASKS_PER_SECOND = 50;
const QUESTIONS = ['Does TikTok keep backups?', 'who owns tiktok', 'Is US user data routed through Oracle?'];
const DRAFT = `id: zebulon-rule
topic: data-location
title: { en: "The zebulon rule", fr: "La règle zebulon" }
answer: { en: "TikTok says the zebulon rule applies.", fr: "TikTok affirme que la règle zebulon s'applique." }
attribution: { claimant: TikTok, kind: company-statement, date: 2022-06-17 }
citations:
  - source: tiktok-oracle-article-fr
    quote: "Mais TikTok a ajouté qu’il stockerait toujours ses propres sauvegardes"
aliases: { en: ["zebulon rule"], fr: ["règle zebulon"] }
keywords: { en: [zebulon], fr: [zebulon] }
related: []
as_of: 2022-06-17
owner: policy-team
review_by: 2027-06-30
`;

interface Figures {
  readonly record: string;
  /** Dispatch → the deferral accepted, and → the report or preview posted. */
  readonly reportAckMs: number;
  readonly reportMs: number;
  readonly previewAckMs: number;
  readonly previewMs: number;
  readonly asks: number;
  readonly asksAnsweredInTime: number;
  readonly askMedianMs: number;
  readonly askMaxMs: number;
}

const figures: Figures[] = [];

afterAll(() => {
  if (figures.length === 0) return;
  const rows = figures.map(
    (f) =>
      `| ${f.record} | ${f.reportAckMs} / ${f.reportMs} ms | ${f.previewAckMs} / ${f.previewMs} ms | ${f.asksAnsweredInTime} of ${f.asks} in time, median ${f.askMedianMs} ms, slowest ${f.askMaxMs} ms |`,
  );
  console.log(
    [
      '',
      '| record | /kb report: deferred / posted | /kb preview: deferred / posted | other members’ /ask meanwhile |',
      '|---|---|---|---|',
      ...rows,
      '',
    ].join('\n'),
  );
});

describe('/kb report and /kb preview over a record of 400,000 questions, while other members ask', () => {
  let h: Harness | undefined;
  let dataDir: string | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  for (const flood of [false, true]) {
    const record = flood
      ? '400,000 different unanswered questions from one member'
      : '400,000 questions, 30% unanswered';
    it(`given ${record}, then the report and the preview are deferred and posted, and every /ask is answered in time`, async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'record-stress-'));
      writeLargeRecord({ dataDir, rows: ROWS, end: TODAY, flood });
      h = await startHarness({ dataDir });
      const harness = h;
      const members: APIUser[] = Array.from({ length: 30 }, (_, i) =>
        harness.fake.createUser({ username: `member${i}`, roles: [] }),
      );

      const asks: APIInteraction[] = [];
      let report: APIInteraction | undefined;
      let preview: APIInteraction | undefined;
      for (let i = 0; i < ASKS; i++) {
        if (i === ASKS / 3)
          report = await harness.fake.sendInteraction(
            harness.fake.slashCommand({
              name: 'kb',
              options: [{ type: ApplicationCommandOptionType.Subcommand, name: 'report', options: [] }],
            }),
          );
        if (i === ASKS / 2)
          preview = await harness.fake.sendInteraction(
            harness.fake.modalSubmit({
              customId: 'kb:preview',
              fields: { draft: DRAFT, question: '' },
              layout: 'label',
            }),
          );
        asks.push(
          await harness.fake.sendInteraction(
            harness.fake.slashCommand({
              name: 'ask',
              options: { question: QUESTIONS[i % QUESTIONS.length]! },
              user: members[i % members.length]!,
            }),
          ),
        );
        await delay(1000 / ASKS_PER_SECOND);
      }

      const posted = async (interaction: APIInteraction) =>
        harness.fake.waitForRequest<{ content: string }>(
          (r) => r.method === 'PATCH' && r.path === harness.fake.originalPath(interaction) && r.status < 300,
          60_000,
        );
      const reportPosted = await posted(report!);
      const previewPosted = await posted(preview!);
      await expect
        .poll(() => asks.filter((a) => harness.fake.interactions.get(a.token)?.acknowledged).length, {
          timeout: 30_000,
        })
        .toBe(ASKS);

      const accepted = (interaction: APIInteraction) => {
        const request = harness.fake.requests.find(
          (r) => r.path === harness.fake.callbackPath(interaction) && r.status >= 200 && r.status < 300,
        );
        const state = harness.fake.interactions.get(interaction.token)!;
        return { request, latency: request ? request.at - state.dispatchedAt : Infinity, state };
      };
      const askLatencies = asks.map((a) => accepted(a).latency).sort((a, b) => a - b);
      const reportAck = accepted(report!);
      const previewAck = accepted(preview!);
      const f: Figures = {
        record,
        reportAckMs: reportAck.latency,
        reportMs: reportPosted.at - reportAck.state.dispatchedAt,
        previewAckMs: previewAck.latency,
        previewMs: previewPosted.at - previewAck.state.dispatchedAt,
        asks: ASKS,
        asksAnsweredInTime: askLatencies.filter((ms) => ms <= DISCORD_LIMITS.interactionDeadlineMs).length,
        askMedianMs: askLatencies[Math.floor(ASKS / 2)]!,
        askMaxMs: askLatencies.at(-1)!,
      };
      figures.push(f);
      const summary = JSON.stringify(f);

      expect(reportAck.state.callbacks, summary).toEqual([InteractionResponseType.DeferredChannelMessageWithSource]);
      expect(reportAck.latency, summary).toBeLessThanOrEqual(DISCORD_LIMITS.interactionDeadlineMs);
      // Every recorded question counted: the 400,000 and the asks recorded before the report ran.
      const counted = Number(/questions +(\d+)/.exec(reportPosted.body.content)?.[1]);
      expect(counted, reportPosted.body.content).toBeGreaterThanOrEqual(ROWS);
      expect(counted, reportPosted.body.content).toBeLessThanOrEqual(ROWS + ASKS);
      expect(reportPosted.body.content).toContain('Not answered, most asked first');
      expect(previewAck.state.callbacks, summary).toEqual([InteractionResponseType.DeferredChannelMessageWithSource]);
      expect(previewAck.latency, summary).toBeLessThanOrEqual(DISCORD_LIMITS.interactionDeadlineMs);
      expect(previewPosted.body.content).toContain('Draft `zebulon-rule` is valid.');
      expect(f.asksAnsweredInTime, summary).toBe(ASKS);
      // No error logged: no handler failed, no interaction expired.
      expect(harness.logs.entries().filter((e) => Number(e.level) >= 50)).toEqual([]);
    });
  }
});
