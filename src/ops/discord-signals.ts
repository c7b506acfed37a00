import { Events, Status, type Client } from 'discord.js';

/**
 * What the health endpoints and metrics read from a running discord.js client, through its public
 * events and state only.
 */

/** Why the client cannot serve now ("gateway reconnecting"), or undefined when every shard is connected. */
export function gatewayProblem(client: Client): string | undefined {
  const shards = [...client.ws.shards.values()];
  if (shards.length === 0) return 'not connected to the Discord gateway yet';
  const down = shards.filter((shard) => shard.status !== Status.Ready);
  if (down.length === 0) return undefined;
  return `Discord gateway ${down.map((shard) => `shard ${shard.id}: ${Status[shard.status]?.toLowerCase() ?? shard.status}`).join(', ')}`;
}

/** Calls back each time the gateway connection closed and discord.js began to reconnect; returns what stops it. */
export function watchGateway(client: Client, reconnecting: () => void): () => void {
  const listener = () => reconnecting();
  client.on(Events.ShardReconnecting, listener);
  return () => void client.off(Events.ShardReconnecting, listener);
}
