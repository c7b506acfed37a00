import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The local port a supervisor and Prometheus ask: /healthz (the process runs and serves a knowledge
 * base), /readyz (connected to Discord's gateway; 503 while it reconnects) and /metrics. Read-only, no
 * request body is ever read, and it is bound to one address (127.0.0.1 unless HEALTH_HOST says otherwise):
 * it tells nothing secret, but nothing outside the machine needs it either.
 */

export interface HealthSources {
  /** The knowledge base being served: its version and fact count. */
  readonly knowledge: () => { readonly version: string; readonly facts: number };
  /** Undefined when ready; else why not, in a few words ("gateway reconnecting"). */
  readonly notReady: () => string | undefined;
  readonly metrics: { readonly contentType: string; render(): Promise<string> };
}

export interface HealthServer {
  /** The port listened on (the one chosen by the system when configured as 0). */
  readonly port: number;
  readonly host: string;
  close(): Promise<void>;
}

const TIMEOUT_MS = 5_000;

export async function startHealthServer(
  options: { host: string; port: number },
  sources: HealthSources,
  onError: (err: unknown) => void,
): Promise<HealthServer> {
  const server = createServer((request, response) => {
    handle(request, response, sources).catch((err: unknown) => {
      onError(err);
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'internal error\n');
      else response.destroy();
    });
  });
  server.requestTimeout = TIMEOUT_MS;
  server.headersTimeout = TIMEOUT_MS;
  server.keepAliveTimeout = TIMEOUT_MS;
  server.maxConnections = 32;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', onError);
  const address = server.address() as AddressInfo;
  return {
    port: address.port,
    host: address.address,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(request: IncomingMessage, response: ServerResponse, sources: HealthSources): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('allow', 'GET, HEAD');
    return send(response, 405, 'text/plain; charset=utf-8', 'method not allowed\n');
  }
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  switch (path) {
    case '/healthz': {
      const { version, facts } = sources.knowledge();
      return sendJson(response, 200, { status: 'ok', knowledge: { version, facts } });
    }
    case '/readyz': {
      const reason = sources.notReady();
      return reason === undefined
        ? sendJson(response, 200, { status: 'ready' })
        : sendJson(response, 503, { status: 'not ready', reason });
    }
    case '/metrics':
      return send(response, 200, sources.metrics.contentType, await sources.metrics.render());
    default:
      return send(response, 404, 'text/plain; charset=utf-8', 'not found: /healthz, /readyz, /metrics\n');
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  send(response, status, 'application/json; charset=utf-8', `${JSON.stringify(body)}\n`);
}

function send(response: ServerResponse, status: number, contentType: string, body: string): void {
  response.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  response.end(response.req.method === 'HEAD' ? undefined : body);
}
