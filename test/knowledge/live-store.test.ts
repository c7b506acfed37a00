import { describe, expect, it } from 'vitest';
import { openLiveStore } from '../../src/knowledge/live-store.ts';
import type { Problem } from '../../src/knowledge/problems.ts';
import type { KnowledgeSnapshot, LoadResult } from '../../src/knowledge/snapshot.ts';

const leftover: Problem = {
  file: 'facts/.oracle.yaml.swp',
  line: 1,
  column: 1,
  severity: 'warning',
  message: 'ignored: an editor’s swap file',
  hint: 'Nothing to do.',
};

const snapshot = (version: string, warnings: readonly Problem[] = []): KnowledgeSnapshot => ({
  version,
  loadedAt: new Date('2026-01-01'),
  facts: [],
  factsById: new Map(),
  sources: new Map(),
  topics: [],
  synonyms: { groups: [], oneWay: [] } as unknown as KnowledgeSnapshot['synonyms'],
  factFiles: new Map(),
  warnings,
  ignored: warnings,
});

/** A store over loads given in turn, counting the builds. */
async function storeOver(loads: KnowledgeSnapshot[]) {
  let builds = 0;
  const opened = await openLiveStore({
    load: (): Promise<LoadResult> => {
      const next = loads.shift()!;
      return Promise.resolve({ ok: true, snapshot: next, warnings: next.warnings });
    },
    build: (s: KnowledgeSnapshot) => {
      builds++;
      return { snapshot: s };
    },
  });
  if (!opened.ok) throw new Error('did not open');
  return { store: opened.store, builds: () => builds };
}

describe('a reload of the live knowledge', () => {
  it('given the same files with the same warnings, then nothing is rebuilt and the reload says nothing changed', async () => {
    const { store, builds } = await storeOver([snapshot('aaa'), snapshot('aaa')]);
    const live = store.current();
    const outcome = await store.reload();
    expect(builds()).toBe(1);
    expect(store.current()).toBe(live);
    expect(outcome).toMatchObject({ ok: true, version: 'aaa', previousVersion: 'aaa', added: [], edited: [] });
  });

  it('given a file that changed, then the new version is built and swapped in', async () => {
    const { store, builds } = await storeOver([snapshot('aaa'), snapshot('bbb')]);
    const outcome = await store.reload();
    expect(builds()).toBe(2);
    expect(store.current().snapshot.version).toBe('bbb');
    expect(outcome).toMatchObject({ ok: true, version: 'bbb', previousVersion: 'aaa' });
  });

  it('given the same files but an editor’s leftover beside them, then it is rebuilt so that status shows the new warning', async () => {
    const { store, builds } = await storeOver([snapshot('aaa'), snapshot('aaa', [leftover])]);
    const outcome = await store.reload();
    expect(builds()).toBe(2);
    expect(store.current().snapshot.warnings).toEqual([leftover]);
    expect(outcome).toMatchObject({ ok: true, ignored: [leftover] });
  });
});
