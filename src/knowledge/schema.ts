import { z } from 'zod';

/**
 * The one schema of the knowledge base. The validator, the JSON Schema that editors
 * use (`npm run kb:schema`) and the types of the rest of the code all come from here.
 */

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Lower-case words joined by hyphens: what a fact, source or topic id looks like. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const Id = z
  .string()
  .max(64, 'must be at most 64 characters: it is used in Discord button ids')
  .regex(ID_PATTERN, 'must be lower-case words joined by hyphens, e.g. "oracle-routing"')
  .describe('A stable identifier: lower-case words joined by hyphens. Never change it once published.');

const IsoDate = z.iso.date('must be a date written YYYY-MM-DD, e.g. 2027-01-31');
const Text = z.string().trim().min(1, 'must not be empty');

const Localized = z
  .strictObject({
    en: Text.describe('English'),
    fr: Text.describe('French'),
  })
  .describe('The same text in English and in French.');

// A list that must not be empty is required; one that may be empty defaults to empty.
const LocalizedList = (what: string, min: number) => {
  const list = (language: string) => z.array(Text).min(min, `needs at least ${min} ${language} ${what}`);
  return z
    .strictObject(
      min > 0
        ? { en: list('English'), fr: list('French') }
        : { en: list('English').default([]), fr: list('French').default([]) },
    )
    .describe(`${what} in English (en) and French (fr).`);
};

export const CLAIM_KINDS = ['company-statement', 'press-report', 'government-statement', 'public-record'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

export const ClaimKindSchema = z
  .enum(CLAIM_KINDS)
  .describe('What kind of claim this is: a company speaking about itself is not an independent report.');

export const CitationSchema = z
  .strictObject({
    source: Id.describe('The id of a source in knowledge/sources/.'),
    quote: Text.describe('Verbatim words from the source text (checked by npm run kb:lint).'),
    translation: Text.optional().describe('An English rendering of the quote, when the source is not in English.'),
  })
  .describe('Where the fact comes from, with the exact words of the source.');

export const FactSchema = z
  .strictObject({
    id: Id,
    topic: Id.describe('The id of a topic listed in knowledge/topics.yaml.'),
    title: Localized.describe('A short name for the fact, as shown in lists and autocomplete.'),
    answer: Localized.describe('The answer staff read: short, and no more than the sources say.'),
    attribution: z
      .strictObject({
        claimant: Text.describe('Who makes the claim, e.g. "TikTok" or "BuzzFeed News".'),
        kind: ClaimKindSchema,
        date: IsoDate.optional().describe('When the claim was made, if not the date of the first cited source.'),
      })
      .describe('Whose claim this is. "TikTok says" is not "BuzzFeed News reported".'),
    citations: z.array(CitationSchema).min(1, 'needs at least one citation'),
    aliases: LocalizedList('aliases (other names for this fact)', 1),
    questions: LocalizedList('example questions', 0).default({ en: [], fr: [] }),
    keywords: LocalizedList('keywords', 0).default({ en: [], fr: [] }),
    related: z.array(Id).default([]).describe('Ids of facts worth reading next.'),
    as_of: IsoDate.describe('The date the fact describes the world at.'),
    owner: Text.describe('Who on the policy team answers for this fact.'),
    review_by: IsoDate.describe('When the owner must check the fact again.'),
    pinned: z.boolean().optional().describe('Shown first when someone opens /fact with an empty query.'),
  })
  .describe('One fact of the residency-bot knowledge base.');

export const SourceSchema = z
  .strictObject({
    id: Id,
    title: Text,
    publisher: Text.describe('Who published it. Write what is known; do not guess.'),
    kind: ClaimKindSchema,
    language: z.enum(LANGUAGES).describe('The language of the source text.'),
    published: IsoDate.optional().describe('Publication date, YYYY-MM-DD, when known.'),
    url: z.url('must be a full URL starting with https://').optional(),
    text: z
      .string()
      .regex(/^[\w.-]+\.txt$/, 'must be the name of a .txt file beside this one, e.g. my-source.txt')
      .describe('The file beside this one that keeps the source text; quotes are checked against it.'),
    text_is: z
      .enum(['full-text', 'excerpt', 'notes'])
      .describe('Whether the kept text is the whole source, an excerpt of it, or our notes about it.'),
    note: Text.optional(),
  })
  .describe('A source that facts cite.');

export const TopicsSchema = z
  .strictObject({
    topics: z
      .array(
        z.strictObject({
          id: Id,
          title: Localized,
        }),
      )
      .min(1),
  })
  .describe('The topics facts are grouped under in /facts.');

const Phrase = Text.describe('A word or a few words, in any language; case and accents do not matter.');

export const SynonymsSchema = z
  .strictObject({
    equivalent: z
      .array(z.array(Phrase).min(2, 'a group needs at least two words or phrases'))
      .default([])
      .describe(
        'Groups of words that mean the same to staff: a question using any of them finds facts written with any other.',
      ),
    one_way: z
      .array(
        z.strictObject({
          words: z.array(Phrase).min(1, 'needs at least one word or phrase'),
          means: Phrase.describe('What the words are read as.'),
        }),
      )
      .default([])
      .describe('Words read as another ("the database company" means "oracle"), not the other way round.'),
    other_names: z
      .array(Phrase)
      .default([])
      .describe(
        'Companies, products and places staff ask about that no fact is about: a question naming one is about something else, even written in lower case.',
      ),
    subject_names: z
      .array(Phrase)
      .default([])
      .describe(
        'The organisation the knowledge base is about, one word each ("TikTok"): a question naming it is no more about one fact than another, and staff asking "do we…" without it may speak as that organisation.',
      ),
  })
  .describe('The vocabulary every fact shares: synonyms and indirect names, in English and French.');

export type Fact = z.output<typeof FactSchema>;
export type Synonyms = z.output<typeof SynonymsSchema>;
export type Source = z.output<typeof SourceSchema>;
export type Topic = z.output<typeof TopicsSchema>['topics'][number];

export const KNOWLEDGE_FILES = {
  fact: { schema: FactSchema, schemaFile: 'fact.schema.json' },
  source: { schema: SourceSchema, schemaFile: 'source.schema.json' },
  topics: { schema: TopicsSchema, schemaFile: 'topics.schema.json' },
  synonyms: { schema: SynonymsSchema, schemaFile: 'synonyms.schema.json' },
} as const;

/** The day `now` falls on (UTC), written as facts write their dates. */
export function isoDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** Whether a fact's review date has passed on `today` (an `isoDay`): the fact is still served, with a notice. */
export function reviewOverdue(fact: Pick<Fact, 'review_by'>, today: string): boolean {
  return fact.review_by < today;
}
