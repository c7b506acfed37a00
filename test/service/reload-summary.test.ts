import { describe, expect, it } from 'vitest';
import type { ReloadOutcome } from '../../src/knowledge/live-store.ts';
import { reloadSummary } from '../../src/service/reload-summary.ts';

const loaded = (changes: Partial<Record<'added' | 'edited' | 'removed', string[]>>): ReloadOutcome => ({
  ok: true,
  version: 'b2b2b2b2b2b2',
  previousVersion: 'a1a1a1a1a1a1',
  added: [],
  edited: [],
  removed: [],
  warnings: [],
  ignored: [],
  ...changes,
});

describe('the reload summary', () => {
  it('given an edit that loaded, then the headline names the new version and the facts added, edited and removed', () => {
    expect(reloadSummary(loaded({ added: ['a', 'b'], removed: ['c'] }))).toEqual({
      headline: 'Knowledge base loaded: b2b2b2b2b2b2 (added a, b; removed c).',
      problems: [],
    });
  });

  it('given a reload that changed no fact, then it says so', () => {
    expect(reloadSummary(loaded({})).headline).toBe('Knowledge base loaded: b2b2b2b2b2b2 (no fact changed).');
  });

  it('given an edit with errors, then it names the version still served and each problem at its file:line:column', () => {
    const summary = reloadSummary({
      ok: false,
      version: 'a1a1a1a1a1a1',
      at: new Date('2026-11-29T08:00:00Z'),
      errors: [
        {
          file: 'facts/x.yaml',
          line: 3,
          column: 1,
          severity: 'error',
          message: 'unknown field "ownr"',
          hint: 'owner?',
        },
      ],
    });
    expect(summary).toEqual({
      headline: 'Knowledge base edit not loaded: still serving a1a1a1a1a1a1. Fix and save again:',
      problems: ['facts/x.yaml:3:1: error: unknown field "ownr"\n    hint: owner?'],
    });
  });
});
