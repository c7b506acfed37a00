import {
  Events,
  InteractionResponseType,
  RESTEvents,
  Status,
  type APIRequest,
  type Client,
  type ResponseLike,
} from 'discord.js';

/**
 * What the health endpoints and metrics read from a running discord.js client, through its public
 * events and state only, so that no handler has to remember to report anything.
 */

const DEFERRALS: ReadonlySet<unknown> = new Set([
  InteractionResponseType.DeferredChannelMessageWithSource,
  InteractionResponseType.DeferredMessageUpdate,
]);
const CALLBACK_PATH = /^\/interactions\/\d+\/[^/]+\/callback(\?.*)?$/;

/** Why the client cannot serve now ("gateway reconnecting"), or undefined when every shard is connected. */
export function gatewayProblem(client: Client): string | undefined {
  const shards = [...client.ws.shards.values()];
  if (shards.length === 0) return 'not connected to the Discord gateway yet';
  const down = shards.filter((shard) => shard.status !== Status.Ready);
  if (down.length === 0) return undefined;
  return `Discord gateway ${down.map((shard) => `shard ${shard.id}: ${Status[shard.status]?.toLowerCase() ?? shard.status}`).join(', ')}`;
}

/** Calls back on each gateway reconnect and each deferral Discord accepted; returns what stops it. */
export function watchDiscord(
  client: Client,
  on: { readonly reconnecting: () => void; readonly deferred: () => void },
): () => void {
  const reconnecting = () => on.reconnecting();
  const response = (request: APIRequest, res: ResponseLike) => {
    // This listener only looks at the request; the copy of the body discord.js made for it is let go.
    if (res.body && 'cancel' in res.body) void res.body.cancel().catch(() => undefined);
    const body = request.data.body as { type?: unknown } | undefined;
    if (
      res.ok &&
      request.method.toUpperCase() === 'POST' &&
      CALLBACK_PATH.test(request.path) &&
      DEFERRALS.has(body?.type)
    )
      on.deferred();
  };
  client.on(Events.ShardReconnecting, reconnecting);
  client.rest.on(RESTEvents.Response, response);
  return () => {
    client.off(Events.ShardReconnecting, reconnecting);
    client.rest.off(RESTEvents.Response, response);
  };
}
