import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ApplicationCommandOptionType,
  type APIEmbed,
  type APIInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/bot-harness.ts';

describe('the knowledge folder as editors leave it, through the fake Discord', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.stop();
  });

  it('given editor leftovers saved beside a fact, then the knowledge base still loads and /kb status lists each file ignored', async () => {
    h = await startHarness();
    const before = h.store.current().snapshot.version;
    writeFileSync(join(h.knowledgeDir, 'facts', 'cfius.yaml~'), 'id: cfius\ntitle: [half-saved\n');
    writeFileSync(join(h.knowledgeDir, 'facts', '4913'), '');
    expect((await h.store.reload()).ok).toBe(true);
    expect(h.store.current().snapshot.version).toBe(before);
    const sent = await h.fake.sendInteraction(
      h.fake.slashCommand({
        name: 'kb',
        options: [{ type: ApplicationCommandOptionType.Subcommand, name: 'status' }] as never,
      }),
    );
    const status = (
      await h.fake.waitForRequest<{ data?: APIInteractionResponseCallbackData }>(
        (r) => r.path === h.fake.callbackPath(sent),
      )
    ).body;
    const embed = status.data!.embeds![0] as APIEmbed;
    expect(embed.fields?.find((f) => f.name === 'Files ignored (2)')?.value).toBe(
      "`facts/4913`: vim's write test\n`facts/cfius.yaml~`: an editor's backup copy (Emacs, vim, gedit)",
    );
    expect(embed.fields?.some((f) => f.name.startsWith('Last load failed'))).toBe(false);
  });

  it('given a reload with a leftover in the folder, then the reload log line lists it', async () => {
    h = await startHarness();
    writeFileSync(join(h.knowledgeDir, 'Thumbs.db'), 'binary');
    const sent = await h.fake.sendInteraction(
      h.fake.slashCommand({
        name: 'kb',
        options: [{ type: ApplicationCommandOptionType.Subcommand, name: 'reload' }] as never,
      }),
    );
    await h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path === h.fake.originalPath(sent));
    expect(h.logs.entries().find((e) => e.event === 'kb.reloaded')).toMatchObject({
      by: 'command',
      ignored: [
        'Thumbs.db:1:1: warning: ignored: a file Windows keeps in folders\n    hint: Nothing to do; delete it if the editor left it behind.',
      ],
    });
  });
});
