import { describe, expect, it } from 'vitest';
import { buildLexicon, shippedLexicon } from '../../src/text/lexicon.ts';
import { analyze } from '../../src/text/analyze.ts';

describe('the general-language lexicon', () => {
  const lexicon = shippedLexicon();

  it('ranks everyday words of either language well above rare ones, accents folded', () => {
    for (const common of ['something', 'know', 'quand', 'truc', 'donnees'])
      expect(lexicon.rank(common), common).toBeLessThan(2_000);
    for (const rare of ['golf', 'salary', 'facebook', 'salaire'])
      expect(lexicon.rank(rare), rare).toBeGreaterThan(2_000);
    expect(lexicon.rank('zzyzxq')).toBeUndefined();
  });

  it('reads one slip from a common word as that word, but does not guess among rare ones', () => {
    expect(lexicon.typoOf('somethign', 5_000)).toBe(lexicon.rank('something'));
    expect(lexicon.rank('somethign')).toBeUndefined();
    expect(lexicon.has('somethign')).toBe(false);
    const small = buildLexicon(['alpha\nbravo\ncharlie\n']);
    expect(small.rank('bravo')).toBe(2);
    expect(small.typoOf('brvo', 5_000)).toBe(2);
    expect(small.typoOf('chralie', 5_000)).toBe(3);
    expect(small.typoOf('chralie', 2)).toBeUndefined(); // only commoner words are guessed
  });
});

describe('case as a mark of names', () => {
  const names = (text: string) =>
    analyze(text)
      .words.filter((w) => w.name)
      .map((w) => w.word);

  it('marks capitalised words after the first, and capitals, as names', () => {
    expect(names('Does Facebook keep data in the EU?')).toEqual(['facebook', 'eu']);
    expect(names('does facebook keep data in the eu')).toEqual([]);
  });

  it('marks nothing in shouted or randomly cased text, so case never changes an answer there', () => {
    expect(names('DOES FACEBOOK KEEP DATA IN THE EU?')).toEqual([]);
    expect(names('dOeS fAcEbOoK kEeP dAtA')).toEqual([]);
    expect(names('Is TikTok owned by ByteDance?')).toEqual(['tiktok', 'bytedance']);
  });
});
