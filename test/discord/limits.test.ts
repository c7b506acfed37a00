import { describe, expect, it } from 'vitest';
import { DEFAULT_ENGINE_OPTIONS } from '../../src/answer/options.ts';
import { commandPayloads } from '../../src/discord/deploy.ts';
import { codeBlock, truncate } from '../../src/discord/limits.ts';
import { decodeButton, encodeButton } from '../../src/discord/custom-id.ts';

describe('fitting text into Discord limits', () => {
  it('leaves short text alone', () => {
    expect(truncate('short quote', 100)).toBe('short quote');
  });

  it('cuts long text at a word boundary and says so with an ellipsis', () => {
    const cut = truncate('the quick brown fox jumps over the lazy dog', 20);
    expect(cut.length).toBeLessThanOrEqual(20);
    expect(cut).toBe('the quick brown fox…');
  });

  it('given long runs of spaces and punctuation, then it trims them before the ellipsis', () => {
    expect(truncate(`a${' ,'.repeat(3_000)}b`, 4096)).toBe('a…');
    expect(truncate(`one two, three;${' '.repeat(50)}four`, 30)).toBe('one two, three…');
  });

  it('cuts a single very long word hard, still with an ellipsis', () => {
    const cut = truncate('x'.repeat(50), 10);
    expect(cut).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('code blocks', () => {
  it('given text with a fence in it, then the block cannot be closed early', () => {
    const block = codeBlock('what is ``` **bold** @everyone', 100);
    expect(block.startsWith('```\n')).toBe(true);
    expect(block.endsWith('\n```')).toBe(true);
    expect(block.slice(4, -4)).not.toContain('```');
  });

  it('given long text, then the whole block, fences included, fits the limit', () => {
    const block = codeBlock('line\n'.repeat(1000), 2000);
    expect(block.length).toBeLessThanOrEqual(2000);
    expect(block.endsWith('…\n```')).toBe(true);
  });
});

describe('button custom ids', () => {
  it('round-trip every action and fit in 100 characters', () => {
    for (const action of [
      { kind: 'fact', factId: 'oracle-routing' },
      { kind: 'sources', factId: 'backups-retained' },
      { kind: 'vote', helpful: false, recordId: '0d9c1a36-6d8f-4b8e-9c44-2f0e3c7d9a11' },
    ] as const) {
      const id = encodeButton(action);
      expect(id.length).toBeLessThanOrEqual(100);
      expect(decodeButton(id)).toEqual(action);
    }
    expect(decodeButton('something:else')).toBeUndefined();
  });
});

describe('the longest question', () => {
  it('given the engine reads questions up to its maxQuestionLength, then /ask and /kb explain accept exactly that many characters', () => {
    const max = DEFAULT_ENGINE_OPTIONS.maxQuestionLength;
    const question = (command: string, sub?: string) => {
      const data = commandPayloads().find((c) => c.name === command)!;
      const options = sub ? data.options?.find((o) => o.name === sub) : data;
      return (options as { options?: { name: string; max_length?: number }[] }).options!.find(
        (o) => o.name === 'question',
      );
    };
    expect(question('ask')?.max_length).toBe(max);
    expect(question('kb', 'explain')?.max_length).toBe(max);
  });
});
