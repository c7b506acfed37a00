import {
  ApplicationCommandOptionType,
  type APIEmbed,
  type APIInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/bot-harness.ts';
import { fillDisk } from '../support/full-disk.ts';

const QUESTION = 'Does TikTok keep backups?';

describe('the record failing, through the fake Discord', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  async function ask(harness: Harness): Promise<string | null> {
    const sent = await harness.fake.sendInteraction(
      harness.fake.slashCommand({ name: 'ask', options: { question: QUESTION } }),
    );
    const body = (
      await harness.fake.waitForRequest<{ data?: APIInteractionResponseCallbackData }>(
        (r) => r.path === harness.fake.callbackPath(sent),
        5000,
      )
    ).body;
    return body.data?.embeds?.[0]?.footer?.text?.split(' · ')[0] ?? null;
  }

  it('given the disk full, when members ask, then every question is answered, the failure is logged once with a count, and /kb status shows it', async () => {
    h = await startHarness();
    const harness = h;
    expect(await ask(harness)).toBe('backups-retained');
    harness.recorder.read(fillDisk);

    const answers: (string | null)[] = [];
    for (let i = 0; i < 30; i++) answers.push(await ask(harness));

    expect(answers).toEqual(Array(30).fill('backups-retained'));
    const failures = harness.logs.entries().filter((e) => e.event === 'record.write_failed');
    expect(failures.map((e) => [e.kind, e.count])).toEqual([
      ['SQLITE_FULL', 1],
      ['SQLITE_FULL', 10],
    ]);
    expect(failures[1]).not.toHaveProperty('err');
    expect(harness.logs.entries().filter((e) => e.event === 'handler.failed')).toEqual([]);

    const sent = await harness.fake.sendInteraction(
      harness.fake.slashCommand({
        name: 'kb',
        options: [{ type: ApplicationCommandOptionType.Subcommand, name: 'status', options: [] }],
      }),
    );
    const status = (
      await harness.fake.waitForRequest<{ data: { embeds: APIEmbed[] } }>(
        (r) => r.path === harness.fake.callbackPath(sent),
      )
    ).body.data.embeds[0]!;
    const record = status.fields!.find((f) => f.name.startsWith('Question record'))!;
    expect(record.name).toBe('Question record: writes are failing');
    expect(record.value).toMatch(/^1 rows written since the bot started\n30 failed writes, 30 rows lost\n/);
    expect(record.value).toMatch(/Last failure <t:\d+:f>, writing a question: SQLITE_FULL database or disk is full$/);
    expect(status.color).toBe(0xe74c3c);
  });
});
