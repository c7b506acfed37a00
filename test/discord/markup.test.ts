import type { APIEmbed } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import type { FactView, ReplyModel } from '../../src/answer/reply.ts';
import { renderFact, renderReply, renderSources } from '../../src/discord/render.ts';
import { quoteTyped } from '../../src/discord/typed-text.ts';

const ZWSP = '\u200b';

function fact(answer: string, quote = 'TikTok a dit qu’il garderait ses sauvegardes.'): FactView {
  return {
    id: 'backups-retained',
    title: 'TikTok keeps **backups** <@&123456789012345678>',
    answer,
    topic: 'data-location',
    attribution: {
      claimant: 'TikTok',
      kind: 'company-statement',
      date: '2022-06-17',
      label: 'Company statement — TikTok',
      caveat: undefined,
    },
    citations: [
      {
        sourceId: 's',
        title: 'An article',
        publisher: 'A site @here',
        kind: 'press-report',
        published: '2022-06-17',
        url: 'https://example.org/article',
        quote,
        translation: undefined,
        language: 'fr',
        keptAs: 'from our notes on this source',
      },
    ],
    related: [],
    asOf: '2022-06-17',
    reviewBy: '2027-06-30',
    staleNotice: undefined,
  };
}

/** The fact as the answer to a question, written as text for a channel where the bot may not embed links. */
const asText = (view: FactView) => {
  const reply: ReplyModel = {
    status: 'answered',
    language: 'en',
    question: 'q',
    score: 1,
    knowledgeVersion: 'v1',
    fact: view,
    suggestions: [],
    notice: '',
    followUp: undefined,
  };
  return renderReply(reply, { embeds: false }).content!;
};

const embedOf = (rendered: { embeds?: readonly unknown[] | undefined }) => {
  const embed = rendered.embeds![0] as { toJSON(): APIEmbed };
  return embed.toJSON();
};

describe('knowledge-base text rendered for Discord', () => {
  const answer =
    'See [https://www.tiktok.com/legal](https://evil.example/phish), or [the legal page](https://www.tiktok.com/legal). Ask @everyone or <@&123456789012345678>.';

  it('given a masked link whose words are another address, then it shows its words and its real address; an honest one stays a link', () => {
    const description = embedOf(renderFact(fact(answer), 'en', 'v1')).description!;
    expect(description).toContain(
      'See https://www.tiktok.com/legal (https://evil.example/phish), or [the legal page](https://www.tiktok.com/legal).',
    );
    expect(description).not.toContain('[https://www.tiktok.com/legal](');
  });

  it('given mention syntax in a fact, then it shows as plain text in the embed and in the plain-text fallback', () => {
    const rendered = renderFact(fact(answer), 'en', 'v1');
    const embed = embedOf(rendered);
    for (const text of [embed.description!, embed.title!, asText(fact(answer))]) {
      expect(text).not.toMatch(/@everyone|<@&\d+>/);
    }
    expect(embed.description).toContain(`Ask @${ZWSP}everyone or <${ZWSP}@&123456789012345678>.`);
    const sources = embedOf(renderSources(fact(answer, 'Quote with @here in it'), 'en', 'v1'));
    expect(JSON.stringify(sources)).not.toMatch(/@here/);
  });

  it('given a title with markdown, then the plain-text fallback shows it as written, not bold in bold', () => {
    const text = asText(fact('An answer.'));
    expect(text.split('\n')[0]).toBe(`**TikTok keeps \\*\\*backups\\*\\* <${ZWSP}@&123456789012345678>**`);
  });
});

describe('the plain-text reply, for a channel where the bot may not embed links', () => {
  it('given an answer longer than a message, then the answer is shortened, and the title, whose claim, the quote and the footer stay, within 2,000 characters', () => {
    const text = asText(fact(`${'TikTok said it keeps backups. '.repeat(120)}The end.`));
    expect(text.length).toBeLessThanOrEqual(2000);
    expect(text).toMatch(/^\*\*TikTok keeps /);
    expect(text).toContain('…');
    expect(text).not.toContain('The end.');
    expect(text).toContain('**Whose claim**\nCompany statement — TikTok');
    expect(text).toContain('“TikTok a dit qu’il garderait ses sauvegardes.”');
    expect(text.endsWith('-# backups-retained · knowledge v1')).toBe(true);
  });
});

describe('quoting what a member typed', () => {
  it('given markdown, masked links, headings and mentions, then every one is escaped or broken, on one line', () => {
    const typed =
      '# Heading\n[https://tiktok.com](https://evil.example) **bold** `code` ||spoiler|| > quote - list @everyone <@&123456789012345678>';
    const quoted = quoteTyped(typed, 300);
    expect(quoted).not.toContain('\n');
    expect(quoted).toBe(
      `\\# Heading \\[https://tiktok.com\\](https://evil.example) \\*\\*bold\\*\\* \\\`code\\\` \\|\\|spoiler\\|\\| > quote - list @${ZWSP}everyone \\<@${ZWSP}&123456789012345678>`,
    );
  });

  it('given a line starting as a heading, a quote or a list, then that start is escaped too', () => {
    expect(['# Title', '> quoted', '- item', '+ item', '12. item'].map((t) => quoteTyped(t, 100))).toEqual([
      '\\# Title',
      '\\> quoted',
      '\\- item',
      '\\+ item',
      '12\\. item',
    ]);
  });

  it('cuts to the length asked, before escaping', () => {
    expect(quoteTyped('word '.repeat(100), 20)).toBe('word word word word…');
  });
});
