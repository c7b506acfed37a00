import type { Client } from 'discord.js';
import type { Built, LiveStore } from '../knowledge/live-store.ts';
import type { Logger } from '../log.ts';
import { reloadSummary } from '../service/reload-summary.ts';
import { describeReload, NO_MENTIONS } from './render.ts';

/**
 * Posts knowledge-base load errors to the policy channel, once per distinct set of errors, and says
 * when a good version loads again. A failure to post is logged, never thrown.
 */
export function announceReloads(
  client: Client,
  store: LiveStore<Built>,
  channelId: string,
  logger: Logger,
): () => void {
  let lastPosted: string | undefined;
  return store.onReload((outcome) => {
    let content: string;
    if (!outcome.ok) {
      const summary = reloadSummary(outcome);
      const problems = summary.problems.join('\n');
      if (problems === lastPosted) return;
      lastPosted = problems;
      content = describeReload(summary);
    } else {
      if (lastPosted === undefined) return;
      lastPosted = undefined;
      content = `Knowledge base loaded again: ${outcome.version}.`;
    }
    void (async () => {
      const channel = await client.channels.fetch(channelId);
      if (!channel?.isSendable()) throw new Error(`policy channel ${channelId} cannot be posted to`);
      await channel.send({ content, allowedMentions: NO_MENTIONS });
    })().catch((err: unknown) =>
      logger.warn({ err, event: 'policy_channel.failed', channelId }, 'could not post to the policy channel'),
    );
  });
}
