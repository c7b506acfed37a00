import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { folderLoader } from '../../src/knowledge/load.ts';
import { openLiveStore, type Built, type LiveStore } from '../../src/knowledge/live-store.ts';
import { startHealthServer, type HealthServer, type HealthSources } from '../../src/ops/health-server.ts';
import { createMetrics, type BotMetrics } from '../../src/ops/metrics.ts';
import type { RecorderStats } from '../../src/record/recorder.ts';
import { FIXTURE_KNOWLEDGE_DIR, TODAY } from '../helpers.ts';
import { metricValue, parseMetrics } from './metrics-text.ts';

async function liveStore(): Promise<{ store: LiveStore<Built>; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'metrics-kb-'));
  cpSync(FIXTURE_KNOWLEDGE_DIR, dir, { recursive: true });
  const opened = await openLiveStore<Built>({
    load: folderLoader(dir, () => TODAY),
    build: (snapshot) => ({ snapshot }),
  });
  if (!opened.ok) throw new Error('fixture does not load');
  return { store: opened.store, dir };
}

describe('the metrics, fed by hooks and read from the store, the recorder and the gateway', () => {
  let metrics: BotMetrics | undefined;
  afterEach(() => metrics?.close());

  it('given a failed reload, then last_reload_success is 0 and the failure is counted; a good one sets it back', async () => {
    const { store, dir } = await liveStore();
    metrics = createMetrics({ store, gatewayUp: () => true });
    const scrape = async () => parseMetrics(await metrics!.render());
    expect(metricValue(await scrape(), 'residency_bot_knowledge_last_reload_success')).toBe(1);

    const path = join(dir, 'facts', 'oracle-routing.yaml');
    const good = readFileSync(path, 'utf8');
    writeFileSync(path, good.replace('\naliases:', '\naliasses:'));
    expect((await store.reload()).ok).toBe(false);
    let samples = await scrape();
    expect(metricValue(samples, 'residency_bot_knowledge_last_reload_success')).toBe(0);
    expect(metricValue(samples, 'residency_bot_knowledge_reloads_total', { result: 'failed' })).toBe(1);
    expect(metricValue(samples, 'residency_bot_knowledge_info', { version: store.current().snapshot.version })).toBe(1);

    writeFileSync(path, good.replace('owner: policy-team', 'owner: data-policy'));
    expect((await store.reload()).ok).toBe(true);
    samples = await scrape();
    expect(metricValue(samples, 'residency_bot_knowledge_last_reload_success')).toBe(1);
    expect(metricValue(samples, 'residency_bot_knowledge_reloads_total', { result: 'ok' })).toBe(1);
    // Only the version served now is exposed.
    expect(samples.filter((s) => s.name === 'residency_bot_knowledge_info')).toEqual([
      { name: 'residency_bot_knowledge_info', labels: { version: store.current().snapshot.version }, value: 1 },
    ]);
  });

  it('given record write failures, then the counter shows the recorder’s own count at each scrape', async () => {
    const { store } = await liveStore();
    let stats: RecorderStats = {
      rowsWritten: 10,
      writeErrors: 0,
      rowsDropped: 0,
      lastFailure: undefined,
      failing: false,
    };
    metrics = createMetrics({ store, recorderStats: () => stats, gatewayUp: () => false });
    expect(metricValue(parseMetrics(await metrics.render()), 'residency_bot_record_write_failures_total')).toBe(0);
    stats = { rowsWritten: 10, writeErrors: 3, rowsDropped: 3, lastFailure: undefined, failing: false };
    const samples = parseMetrics(await metrics.render());
    expect(metricValue(samples, 'residency_bot_record_write_failures_total')).toBe(3);
    expect(metricValue(samples, 'residency_bot_gateway_up')).toBe(0);
  });

  it('given recording off, then no record metric is exposed rather than a misleading 0', async () => {
    const { store } = await liveStore();
    metrics = createMetrics({ store, gatewayUp: () => true });
    expect((await metrics.render()).includes('residency_bot_record_')).toBe(false);
  });

  it('given answers, failures and pulls, then each lands under its own labels; message failures apart from interactions', async () => {
    const { store } = await liveStore();
    metrics = createMetrics({ store, gatewayUp: () => true });
    metrics.answered({ outcome: 'clarify', language: 'fr', latencyMs: 0.3 });
    metrics.answered({ outcome: 'clarify', language: 'fr', latencyMs: 40 });
    metrics.failed({ source: 'message', reason: 'error' });
    metrics.failed({ source: 'interaction', reason: 'expired' });
    metrics.pulled('failed');
    metrics.gatewayReconnecting();
    const samples = parseMetrics(await metrics.render());
    expect(metricValue(samples, 'residency_bot_questions_total', { outcome: 'clarify', language: 'fr' })).toBe(2);
    expect(metricValue(samples, 'residency_bot_questions_total', { outcome: 'answered', language: 'fr' })).toBe(0);
    expect(metricValue(samples, 'residency_bot_answer_duration_seconds_bucket', { le: '0.001' })).toBe(1);
    expect(metricValue(samples, 'residency_bot_answer_duration_seconds_bucket', { le: '0.05' })).toBe(2);
    expect(metricValue(samples, 'residency_bot_answer_duration_seconds_sum')).toBeCloseTo(0.0403, 6);
    expect(metricValue(samples, 'residency_bot_messages_failed_total', { reason: 'error' })).toBe(1);
    expect(metricValue(samples, 'residency_bot_interactions_failed_total', { reason: 'error' })).toBe(0);
    expect(metricValue(samples, 'residency_bot_interactions_failed_total', { reason: 'expired' })).toBe(1);
    expect(metricValue(samples, 'residency_bot_knowledge_pulls_total', { result: 'failed' })).toBe(1);
    expect(metricValue(samples, 'residency_bot_gateway_reconnects_total')).toBe(1);
  });

  it('given two running bots in one process (as tests start them), then their counters are their own', async () => {
    const { store } = await liveStore();
    metrics = createMetrics({ store, gatewayUp: () => true });
    const other = createMetrics({ store, gatewayUp: () => true });
    other.deferred();
    expect(metricValue(parseMetrics(await metrics.render()), 'residency_bot_interactions_deferred_total')).toBe(0);
    expect(metricValue(parseMetrics(await other.render()), 'residency_bot_interactions_deferred_total')).toBe(1);
    other.close();
  });
});

function call(server: HealthServer, method: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: server.host, port: server.port, method, path }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the health server, in process', () => {
  let server: HealthServer | undefined;
  afterEach(async () => server?.close());
  const errors: unknown[] = [];
  const sources = (over: Partial<HealthSources> = {}): HealthSources => ({
    knowledge: () => ({ version: 'abc123', facts: 12 }),
    notReady: () => undefined,
    metrics: { contentType: 'text/plain; version=0.0.4; charset=utf-8', render: () => Promise.resolve('up 1\n') },
    ...over,
  });

  it('given port 0, then it listens on the address asked, on a port chosen by the system', async () => {
    server = await startHealthServer({ host: '127.0.0.1', port: 0 }, sources(), (e) => errors.push(e));
    expect(server.host).toBe('127.0.0.1');
    expect(server.port).toBeGreaterThan(0);
    expect(await call(server, 'GET', '/healthz')).toEqual({
      status: 200,
      body: '{"status":"ok","knowledge":{"version":"abc123","facts":12}}\n',
    });
  });

  it('given the gateway down, then /readyz is 503 with the reason, while /healthz stays 200', async () => {
    server = await startHealthServer(
      { host: '127.0.0.1', port: 0 },
      sources({ notReady: () => 'Discord gateway shard 0: resuming' }),
      (e) => errors.push(e),
    );
    expect(await call(server, 'GET', '/readyz')).toEqual({
      status: 503,
      body: '{"status":"not ready","reason":"Discord gateway shard 0: resuming"}\n',
    });
    expect((await call(server, 'GET', '/healthz')).status).toBe(200);
  });

  it('given HEAD, other methods, unknown paths and a query string, then each gets its own answer', async () => {
    server = await startHealthServer({ host: '127.0.0.1', port: 0 }, sources(), (e) => errors.push(e));
    expect(await call(server, 'HEAD', '/metrics')).toEqual({ status: 200, body: '' });
    expect((await call(server, 'GET', '/metrics?x=1')).body).toBe('up 1\n');
    expect((await call(server, 'DELETE', '/healthz')).status).toBe(405);
    expect((await call(server, 'GET', '/')).status).toBe(404);
  });

  it('given the metrics failing to render, then /metrics is a 500 and the error is reported, not thrown', async () => {
    const reported: unknown[] = [];
    server = await startHealthServer(
      { host: '127.0.0.1', port: 0 },
      sources({ metrics: { contentType: 'text/plain', render: () => Promise.reject(new Error('collector broke')) } }),
      (e) => reported.push(e),
    );
    expect(await call(server, 'GET', '/metrics')).toEqual({ status: 500, body: 'internal error\n' });
    expect(reported).toEqual([new Error('collector broke')]);
    expect((await call(server, 'GET', '/healthz')).status).toBe(200);
  });

  it('given the port taken, then starting fails with EADDRINUSE instead of running without it', async () => {
    server = await startHealthServer({ host: '127.0.0.1', port: 0 }, sources(), (e) => errors.push(e));
    await expect(
      startHealthServer({ host: '127.0.0.1', port: server.port }, sources(), (e) => errors.push(e)),
    ).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});
