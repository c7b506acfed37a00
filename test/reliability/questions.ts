import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseQuestionSet, type QuestionSet } from '../../src/answer/evaluate.ts';
import { REPO } from '../helpers.ts';

/** What staff might type, paste or be tricked into sending, for the answer engine and the Discord front end. */

export const DEV_QUESTIONS_FILE = join(REPO, 'test', 'fixtures', 'questions-dev.yaml');

/** The development questions. */
export function devQuestions(): QuestionSet {
  return parseQuestionSet(readFileSync(DEV_QUESTIONS_FILE, 'utf8'));
}

/** Questions the knowledge base covers: the development set's. */
export const IN_SCOPE: readonly string[] = devQuestions().flatMap((q) => (q.expect ? [q.q] : []));

/** Characters that show nothing: zero-width space, joiners, word joiner, BOM, soft hyphen, direction marks. */
export const INVISIBLE = [
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u00ad',
  '\u200e',
  '\u200f',
  '\u061c',
] as const;
/** Bidirectional embeddings, overrides and isolates. */
export const BIDI = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'] as const;
/** Whitespace as String.prototype.trim sees it. */
export const WHITESPACE = [
  ' ',
  '\t',
  '\n',
  '\r',
  '\v',
  '\f',
  '\u00a0',
  '\u1680',
  '\u2000',
  '\u2003',
  '\u2009',
  '\u2028',
  '\u2029',
  '\u202f',
  '\u205f',
  '\u3000',
] as const;

const mention = fc.constantFrom(
  '@everyone',
  '@here',
  '<@123456789012345678>',
  '<@!123456789012345678>',
  '<@&123456789012345678>',
  '<#123456789012345678>',
  '</ask:123456789012345678>',
  '<t:1700000000:R>',
  '<:blob:123456789012345678>',
  '<a:dance:123456789012345678>',
  '@\u200beveryone',
  '＠everyone',
  '@everyone@here',
);
const markdown = fc.constantFrom(
  '**bold**',
  '*italic*',
  '__underline__',
  '~~strike~~',
  '||spoiler||',
  '`code`',
  '```js\nconsole.log("x")\n```',
  '```',
  '> quote',
  '>>> block quote',
  '# Heading',
  '-# subtext',
  '- item',
  '1. item',
  '[link](https://example.com)',
  '<https://example.com>',
  '\\*not bold\\*',
  '\\',
  '|',
  '\u0060\u0060\u0060diff\n- a\n+ b\n\u0060\u0060\u0060',
);
const emoji = fc.constantFrom('😀', '👩🏽‍💻', '🏳️‍🌈', '🇫🇷', '1️⃣', '❤️', '🫠', '🧑‍🤝‍🧑');
const combining = fc.string({
  unit: fc.constantFrom('\u0300', '\u0301', '\u0308', '\u0327', '\u0336', '\u20dd', '\u0489', '\u035c'),
  minLength: 1,
  maxLength: 12,
});
const rtl = fc.constantFrom('שלום עולם', 'مرحبا بالعالم', 'ما هو TikTok؟', '\u202eevil\u202c', '\u2067עברית\u2069');
const control = fc.string({
  unit: fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c)),
  minLength: 1,
  maxLength: 4,
});
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

export const piece: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 10 }),
  fc.constantFrom(...INVISIBLE, ...BIDI, ...WHITESPACE),
  mention,
  markdown,
  emoji,
  combining,
  rtl,
  control,
  loneSurrogate,
  fc.constantFrom(
    'TikTok',
    'Oracle',
    'données',
    'backups',
    'sauvegardes',
    'ByteDance',
    'CFIUS',
    'data',
    'the',
    'le',
    "l'",
    'qu’',
  ),
);

/** A question with pieces of noise inserted at random places. */
export const noisy = (questions: readonly string[] = IN_SCOPE): fc.Arbitrary<string> =>
  fc
    .tuple(fc.constantFrom(...questions), fc.array(fc.tuple(fc.nat(), piece), { minLength: 1, maxLength: 6 }))
    .map(([question, inserts]) =>
      inserts.reduce((q, [at, text]) => {
        const i = at % (q.length + 1);
        return q.slice(0, i) + text + q.slice(i);
      }, question),
    );

/** Text of exactly `length` UTF-16 units made of the given pieces. */
export function fill(pieces: readonly string[], length: number): string {
  let text = pieces.join(' ') || 'x';
  while (text.length < length) text += ` ${text}`;
  return text.slice(0, length);
}

/** Any question up to `maxLength` UTF-16 units: random unicode, pieces, noisy in-scope questions, and texts of exactly the maximum. */
export function question(maxLength: number): fc.Arbitrary<string> {
  const cap = (a: fc.Arbitrary<string>) => a.map((q) => q.slice(0, maxLength));
  return fc.oneof(
    cap(fc.string({ unit: 'grapheme', maxLength: 120 })),
    cap(fc.string({ unit: 'binary', maxLength: 120 })),
    cap(fc.string({ unit: 'grapheme-composite', maxLength: 60 })),
    cap(
      fc.tuple(fc.array(piece, { maxLength: 25 }), fc.constantFrom(' ', '')).map(([p, separator]) => p.join(separator)),
    ),
    cap(noisy()),
    fc.array(piece, { minLength: 1, maxLength: 12 }).map((p) => fill(p, maxLength)),
    fc
      .tuple(fc.constantFrom(...IN_SCOPE), fc.array(piece, { maxLength: 6 }))
      .map(([q, p]) => fill([q, ...p], maxLength)),
  );
}

/** Only whitespace and invisible characters: nothing to answer. */
export const blank: fc.Arbitrary<string> = fc.string({
  unit: fc.constantFrom(...WHITESPACE, ...INVISIBLE, ...BIDI),
  maxLength: 40,
});
