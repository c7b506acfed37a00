import fc from 'fast-check';
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
    expect(lexicon.typos(5_000)('somethign')).toBe(lexicon.rank('something'));
    expect(lexicon.rank('somethign')).toBeUndefined();
    expect(lexicon.has('somethign')).toBe(false);
    // An inflected form of a listed word is a word, not a misspelling ("concerner", not "conserver").
    expect(lexicon.has('concerner')).toBe(true);
    const small = buildLexicon(['alpha\nbravo\ncharlie\n']);
    expect(small.rank('bravo')).toBe(2);
    expect(small.typos(5_000)('brvo')).toBe(2);
    expect(small.typos(5_000)('chralie')).toBe(3);
    expect(small.typos(2)('chralie')).toBeUndefined(); // only commoner words are guessed
  });

  it('finds the same commonest word one slip away as trying every slip at every place would', () => {
    // The plain way: every letter dropped, added, changed, every two neighbours swapped, each looked up.
    const slips = (word: string) => {
      const out = [word];
      for (let i = 0; i <= word.length; i++) {
        const head = word.slice(0, i);
        const tail = word.slice(i);
        if (tail.length > 0) out.push(head + tail.slice(1));
        if (tail.length > 1) out.push(head + tail[1] + tail[0] + tail.slice(2));
        for (const letter of 'abcdefghijklmnopqrstuvwxyz') {
          out.push(head + letter + tail);
          if (tail.length > 0) out.push(head + letter + tail.slice(1));
        }
      }
      return out;
    };
    const word = fc.stringMatching(/^[abcé]{1,6}$/);
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 30 }),
        word,
        fc.integer({ min: 1, max: 30 }),
        (list, typed, maxRank) => {
          const lexicon = buildLexicon([list.join('\n')]);
          const ranks = slips(typed)
            .map((candidate) => lexicon.rank(candidate))
            .filter((rank): rank is number => rank !== undefined && rank <= maxRank);
          const expected = ranks.length > 0 ? Math.min(...ranks) : undefined;
          expect(lexicon.typos(maxRank)(typed)).toBe(expected);
        },
      ),
      { numRuns: 500 },
    );
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
