import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { parse, stringify } from 'yaml';
import { CLAIM_KINDS, type ClaimKind, type Language } from '../../src/knowledge/schema.ts';
import { knowledgeFiles } from '../helpers.ts';

/** One citation of a generated fact, with a source of its own whose text is exactly the quote. */
export interface SyntheticCitation {
  readonly quote: string;
  readonly translation: string | undefined;
  readonly sourceTitle: string;
  readonly publisher: string;
  readonly sourceKind: ClaimKind;
  readonly sourceLanguage: Language;
  readonly url: string | undefined;
}

/** A generated fact, written as YAML the policy team could have saved, so it goes through the real validator. */
export interface SyntheticFact {
  readonly id: string;
  readonly title: Record<Language, string>;
  readonly answer: Record<Language, string>;
  readonly claimant: string;
  readonly kind: ClaimKind;
  readonly citations: readonly SyntheticCitation[];
  readonly related: readonly string[];
  readonly stale: boolean;
}

const REAL_FACT_IDS = [
  'backup-locations',
  'backups-retained',
  'biden-review',
  'buzzfeed-report',
  'bytedance-ownership',
  'cfius',
  'deletion-plan',
  'governance-unit-may',
  'no-comment',
  'oracle-relationship',
  'oracle-routing',
  'sale-order-2020',
  'security-experts',
] as const;

/** Text a person might paste: words, accents, emoji, invisible and right-to-left marks, mentions, markdown. */
const piece = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
  fc.constantFrom(
    'data ',
    'données ',
    'Oracle ',
    '😀',
    '👩🏽‍💻',
    'e\u0301',
    '\u200b',
    '\u200f',
    '\u202e',
    'שלום ',
    'مرحبا ',
    '@everyone ',
    '@here ',
    '<@123> ',
    '<@&123> ',
    '<#123> ',
    '**bold** ',
    '`x` ',
    '```js\ncode\n``` ',
    '> quote ',
    ' ',
    '\n',
    '\t',
    'x'.repeat(40),
  ),
);

/** Lengths around each Discord limit, and far beyond them. */
const LENGTHS = [
  1, 2, 79, 80, 81, 99, 100, 101, 255, 256, 257, 1023, 1024, 1025, 1999, 2000, 2001, 2047, 2048, 2049, 4095, 4096, 4097,
  5999, 6000, 6001, 12_000, 30_000,
];

/** Non-empty text of a chosen length in code points (no surrogate pair split), starting with a letter. */
export const longText: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(piece, { minLength: 1, maxLength: 12 }),
    fc.oneof(fc.constantFrom(...LENGTHS), fc.integer({ min: 1, max: 8000 })),
  )
  .map(([parts, length]) => {
    let text = parts.join('');
    while ([...text].length < length) text += text;
    return `T${[...text].slice(0, length - 1).join('')}`;
  });

/** Ids as the schema allows them (lower-case words joined by hyphens), of realistic length: at most 60 characters. */
export const factId: fc.Arbitrary<string> = fc
  .array(fc.stringMatching(/^[a-z0-9]{1,9}$/), { minLength: 1, maxLength: 8 })
  .map((words) => `zz-${words.join('-')}`.slice(0, 60).replace(/-+$/, ''));

const url = fc.oneof(
  fc.webUrl(),
  longText.map((t) => `https://example.org/${encodeURIComponent(t)}`),
);

export const syntheticCitation: fc.Arbitrary<SyntheticCitation> = fc.record({
  quote: longText,
  translation: fc.option(longText, { nil: undefined }),
  sourceTitle: longText,
  publisher: longText,
  sourceKind: fc.constantFrom(...CLAIM_KINDS),
  sourceLanguage: fc.constantFrom<Language>('en', 'fr'),
  url: fc.option(url, { nil: undefined }),
});

export const syntheticFact = (id: fc.Arbitrary<string> = factId): fc.Arbitrary<SyntheticFact> =>
  fc.record({
    id,
    title: fc.record({ en: longText, fr: longText }),
    answer: fc.record({ en: longText, fr: longText }),
    claimant: longText,
    kind: fc.constantFrom(...CLAIM_KINDS),
    citations: fc.array(syntheticCitation, { minLength: 1, maxLength: 6 }),
    related: fc.subarray([...REAL_FACT_IDS], { maxLength: 8 }),
    stale: fc.boolean(),
  });

/** One to three generated facts with distinct ids. */
export const syntheticFacts: fc.Arbitrary<SyntheticFact[]> = fc.uniqueArray(syntheticFact(), {
  minLength: 1,
  maxLength: 3,
  selector: (f) => f.id,
});

/** The real knowledge base plus the generated facts and their sources. */
export function knowledgeWith(facts: readonly SyntheticFact[]): Map<string, string> {
  const files = knowledgeFiles();
  facts.forEach((fact, i) => {
    const sourceIds = fact.citations.map((citation, j) => {
      const sourceId = `zz-source-${i}-${j}`;
      files.set(
        `sources/${sourceId}.yaml`,
        yaml({
          id: sourceId,
          title: citation.sourceTitle,
          publisher: citation.publisher,
          kind: citation.sourceKind,
          language: citation.sourceLanguage,
          published: '2026-01-15',
          ...(citation.url ? { url: citation.url } : {}),
          text: `${sourceId}.txt`,
          text_is: 'excerpt',
        }),
      );
      files.set(`sources/${sourceId}.txt`, citation.quote);
      return sourceId;
    });
    files.set(
      `facts/${fact.id}.yaml`,
      yaml({
        id: fact.id,
        topic: 'data-location',
        title: fact.title,
        answer: fact.answer,
        attribution: { claimant: fact.claimant, kind: fact.kind, date: '2026-01-15' },
        citations: fact.citations.map((c, j) => ({
          source: sourceIds[j],
          quote: c.quote,
          ...(c.translation ? { translation: c.translation } : {}),
        })),
        aliases: { en: [`zq synthetic alias ${i}`], fr: [`zq alias synthétique ${i}`] },
        questions: { en: [`zq synthetic question ${i}`], fr: [] },
        related: fact.related,
        as_of: '2026-01-15',
        owner: 'fuzz',
        review_by: fact.stale ? '2026-02-01' : '2030-01-01',
      }),
    );
  });
  return files;
}

/**
 * YAML as the policy team's files would hold it. Double-quoted strings are written JSON-style: with
 * `lineWidth: 0` alone, yaml 2.9.1 writes a string of "\n " lines ("T\n \n \n…") so that it parses back
 * with backslashes, and the generated quote is no longer found in its source.
 */
function yaml(value: unknown): string {
  const text = stringify(value, { lineWidth: 0, doubleQuotedAsJSON: true });
  if (!isDeepStrictEqual(parse(text), JSON.parse(JSON.stringify(value))))
    throw new Error(`generated YAML does not read back as written: ${text}`);
  return text;
}
