import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { versionLabel } from '../../src/knowledge/snapshot.ts';
import { openKnowledge } from '../../src/service/knowledge.ts';
import { knowledgeStatus } from '../../src/service/status.ts';
import { FIXTURE_KNOWLEDGE_DIR, TODAY } from '../helpers.ts';

async function openCopy(edit: (dir: string) => void = () => {}) {
  const dir = mkdtempSync(join(tmpdir(), 'service-status-'));
  cpSync(FIXTURE_KNOWLEDGE_DIR, dir, { recursive: true });
  edit(dir);
  const opened = await openKnowledge({ knowledgeDir: dir, now: () => TODAY });
  if (!opened.ok) throw new Error('the fixture knowledge should load');
  return { dir, store: opened.store };
}

const statusOf = (store: Parameters<typeof knowledgeStatus>[0]['store']) =>
  knowledgeStatus({ store, now: () => TODAY, recorder: undefined });

describe('the status of the running knowledge base', () => {
  it('given the knowledge loaded, then it gives the version people see, the facts, and nothing wrong', async () => {
    const { store } = await openCopy();
    const status = statusOf(store);
    expect(status).toMatchObject({
      version: versionLabel(store.current().snapshot),
      facts: store.current().snapshot.facts.length,
      stale: { count: 0 },
      record: { state: 'off' },
      lastError: undefined,
      ignored: [],
      pull: undefined,
    });
  });

  it('given a broken edit, then it names the version still served and each problem at its place', async () => {
    const { dir, store } = await openCopy();
    const path = join(dir, 'facts', 'oracle-routing.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('\naliases:', '\naliasses:'));
    await store.reload();
    const { lastError } = statusOf(store);
    expect(lastError?.serving).toBe(store.current().snapshot.version);
    expect(lastError?.problems).toEqual([
      expect.stringMatching(/^facts\/oracle-routing\.yaml:\d+:1: error: unknown field "aliasses"/),
    ]);
  });

  it('given an editor’s leftover in the folder, then it is listed as ignored, with what left it', async () => {
    const { store } = await openCopy((dir) => writeFileSync(join(dir, 'facts', 'cfius.yaml~'), 'id: [\n'));
    expect(statusOf(store).ignored).toEqual([
      { file: 'facts/cfius.yaml~', why: expect.stringContaining("an editor's backup copy") as unknown },
    ]);
  });

  it('given a fact past its review date, then it is stale under its owner', async () => {
    const { store } = await openCopy((dir) => {
      const path = join(dir, 'facts', 'cfius.yaml');
      writeFileSync(path, readFileSync(path, 'utf8').replace(/review_by: .*/, 'review_by: 2026-01-31'));
    });
    expect(statusOf(store).stale.byOwner).toEqual([
      { owner: 'policy-team', facts: [{ id: 'cfius', reviewBy: '2026-01-31', file: 'facts/cfius.yaml' }] },
    ]);
  });

  it('given recording on but its record not opened at start, then the record is unavailable, with why', async () => {
    const { store } = await openCopy();
    const status = knowledgeStatus({ store, now: () => TODAY, recorder: undefined, recordUnavailable: 'disk full' });
    expect(status.record).toEqual({ state: 'unavailable', reason: 'disk full' });
  });
});
