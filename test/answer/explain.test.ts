import { describe, expect, it } from 'vitest';
import { explain, formatExplanation } from '../../src/answer/explain.ts';
import { fixtureAnswerer } from '../helpers.ts';

describe('explaining a decision', () => {
  const answerer = fixtureAnswerer();

  it('says how each word was read: as written, through synonyms.yaml, as a typo, or not at all', () => {
    const readings = (q: string) =>
      Object.fromEntries(explain(answerer, q).words.map((w) => [w.word, [w.reading, ...w.as]]));
    expect(readings('does tiktok keep bakcups')).toMatchObject({
      keep: ['known', 'keep'],
      bakcups: ['typo', 'backup'],
    });
    expect(readings('who owns the app')).toMatchObject({ owns: ['synonym', 'owner'], app: ['known', 'app'] });
    expect(readings('tiktok golf')).toMatchObject({ golf: ['unknown'] });
  });

  it('gives each word its share of the question, a word rare in general language more than a common one', () => {
    const { words } = explain(answerer, 'does tiktok keep data near golf courses');
    expect(words.reduce((sum, w) => sum + w.share, 0)).toBeCloseTo(1, 2);
    const share = (word: string) => words.find((w) => w.word === word)!.share;
    expect(share('golf')).toBeGreaterThan(share('keep'));
    expect(share('golf')).toBeGreaterThan(share('data'));
    expect(words.find((w) => w.word === 'golf')?.reading).toBe('unknown');
  });

  it('names the best fact, the runner-up, and the bars that decided the outcome', () => {
    const answered = explain(answerer, 'Does TikTok still keep its own backups?');
    expect(answered.decision.status).toBe('answered');
    expect(answered.best?.id).toBe(answered.decision.fact?.id);
    expect(answered.runnerUp?.id).not.toBe(answered.best?.id);
    expect(answered.bars.every((b) => b.passed)).toBe(true);

    const refused = explain(answerer, 'does tiktok sponsor golf tournaments');
    expect(refused.decision.status).toBe('unknown');
    expect(refused.best).toBeDefined();
    expect(refused.bars.find((b) => b.what === 'probability for "did you mean"')?.passed).toBe(false);

    const nothing = explain(answerer, 'golf');
    expect([nothing.best, nothing.bars]).toEqual([undefined, []]);
  });

  it('says when the best fact does not give the kind of answer asked (a figure, a length of time, a date)', () => {
    const text = formatExplanation(explain(answerer, 'how many engineers had access to US data?'));
    expect(text).toContain('the question asks for a count of people or things, which buzzfeed-report does not give');
    expect(text).toMatch(/outcome: refused: "I don't know" \(0\.\d\d\)/);
    expect(formatExplanation(explain(answerer, 'Did engineers in China have access to US user data?'))).not.toContain(
      'the question asks for',
    );
  });

  it("says when the question is about the asker's own organisation or another company", () => {
    expect(formatExplanation(explain(answerer, 'where are our own backups located'))).toContain(
      'the question is about the asker\'s own organisation ("backups"), which no fact is about',
    );
    expect(formatExplanation(explain(answerer, 'does youtube keep backups in singapore'))).toContain(
      'the question names YouTube, listed in other_names of synonyms.yaml',
    );
  });
});
