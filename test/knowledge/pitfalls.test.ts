import { describe, expect, it } from 'vitest';
import { formatProblem, type Problem } from '../../src/knowledge/problems.ts';
import { validateKnowledge } from '../../src/knowledge/validate.ts';
import { TODAY, knowledgeFiles } from '../helpers.ts';

const FACT = 'facts/backups-retained.yaml';

function validateEdited(edit: (text: string) => string) {
  const files = knowledgeFiles();
  const before = files.get(FACT)!;
  const after = edit(before);
  if (after === before) throw new Error('fixture edit changed nothing');
  files.set(FACT, after);
  const result = validateKnowledge(files, { now: TODAY });
  return { text: after, errors: result.ok ? [] : result.errors, warnings: result.warnings };
}

function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`${needle} not found`);
  return text.slice(0, index).split('\n').length;
}

const only = (problems: readonly Problem[]) => {
  expect(problems.map(formatProblem)).toHaveLength(1);
  return problems[0]!;
};

describe('YAML pitfalls the policy team meets', () => {
  it('given a pasted quote containing ": ", then it says so and shows the >- block to write instead', () => {
    const { text, errors } = validateEdited((t) =>
      t.replace(
        / {4}quote: >-\n {6}Mais TikTok[^\n]*\n[^\n]*\n/,
        '    quote: TikTok a dit: il stockerait toujours ses propres sauvegardes\n',
      ),
    );
    const problem = only(errors);
    expect(problem).toMatchObject({
      line: lineOf(text, 'quote: TikTok a dit'),
      column: 5,
      message: 'the value of "quote" contains ": ", which YAML reads as the start of another field',
    });
    expect(problem.hint).toContain('quote: >-\n        TikTok a dit: il stockerait');
  });

  it('given a review date on a day that does not exist, then it says the day does not exist, not that the format is wrong', () => {
    const { text, errors } = validateEdited((t) => t.replace(/review_by: .*/, 'review_by: 2027-02-30'));
    expect(only(errors)).toMatchObject({
      line: lineOf(text, 'review_by:'),
      message: 'review_by: 2027-02-30 is written right, but that day does not exist (February 2027 has 28 days)',
    });
  });

  it('given an as_of date in the future, then it is a warning at its line', () => {
    const { text, errors, warnings } = validateEdited((t) => t.replace(/as_of: .*/, 'as_of: 2027-01-15'));
    expect(errors).toEqual([]);
    expect(only(warnings)).toMatchObject({
      line: lineOf(text, 'as_of:'),
      severity: 'warning',
      message: 'as_of 2027-01-15 is in the future',
    });
  });

  it('given a quote wrapped in typographic quotation marks, then it warns that staff would see them twice', () => {
    const quote =
      'TikTok dit que son trafic américain passe par les serveurs Oracle, mais il conserve des sauvegardes.';
    const { text, errors, warnings } = validateEdited((t) => t.replace(`quote: ${quote}`, `quote: “${quote}”`));
    expect(errors).toEqual([]);
    expect(only(warnings)).toMatchObject({
      line: lineOf(text, `quote: “`),
      message: 'the quote is wrapped in quotation marks, which staff would see twice',
    });
  });

  it.each([
    ['one space short', ' en:'],
    ['two spaces too deep', '    en:'],
  ])('given questions.en indented %s, then the error is at the en line, not at fr lines below', (_, wrong) => {
    const { text, errors } = validateEdited((t) => t.replace(/\nquestions:\n {2}en:/, `\nquestions:\n${wrong}`));
    const problem = only(errors);
    expect(problem.line).toBe(lineOf(text, `\nquestions:\n${wrong}`) + 2);
    expect(problem.message).toMatch(
      /^"en" is indented \d space\(s\), but "fr" below it \(line \d+\) 2: keys of one mapping must start in the same column$/,
    );
  });
});

describe('a pasted quote with ": " on one very long line', () => {
  // Each line is just under the 64 KiB a fact file may hold, and ends in a break JavaScript's "." does not
  // match: a carriage return (a file saved on Windows) or U+2028 (text pasted from a web page or Word).
  it.each([
    ['a carriage return', '\r'],
    ['U+2028', '\u2028'],
  ])('given a 64 KB line ending in %s, then the file is refused with the ": " hint at that line', (_, end) => {
    const unit = 'les sauvegardes: ici et la, ';
    const { text, errors } = validateEdited((t) => {
      const room = 64 * 1024 - Buffer.byteLength(t) - 100;
      return t.replace(
        / {4}quote: >-\n {6}Mais TikTok[^\n]*\n[^\n]*\n/,
        `    quote: TikTok a dit: ${unit.repeat(Math.floor(room / unit.length))}${end}\n`,
      );
    });
    const line = text.split('\n')[lineOf(text, 'quote: TikTok a dit') - 1]!;
    expect(line.length).toBeGreaterThan(60_000);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(64 * 1024);
    expect(errors[0]).toMatchObject({
      line: lineOf(text, 'quote: TikTok a dit'),
      column: 5,
      message: 'the value of "quote" contains ": ", which YAML reads as the start of another field',
    });
    expect(errors[0]!.hint).toContain('quote: >-\n        TikTok a dit: les sauvegardes');
    expect(errors[0]!.hint).not.toMatch(/[\r\u2028]/);
  });
});

describe('a top-level value with ": " on one very long line', () => {
  it('given a 64 KB owner line ending in a carriage return, then the file is refused with the ": " hint at that line', () => {
    const unit = 'policy team: data, ';
    const { text, errors } = validateEdited((t) => {
      const room = 64 * 1024 - Buffer.byteLength(t) - 100;
      return t.replace(/\nowner: [^\n]*\n/, `\nowner: ${unit.repeat(Math.floor(room / unit.length))}\r\n`);
    });
    expect(text.split('\n')[lineOf(text, '\nowner: ')]!.length).toBeGreaterThan(60_000);
    expect(errors[0]).toMatchObject({
      line: lineOf(text, '\nowner: ') + 1,
      column: 1,
      message: 'the value of "owner" contains ": ", which YAML reads as the start of another field',
    });
  });
});

describe('Discord markup in fact text', () => {
  const withAnswer = (en: string) =>
    validateEdited((t) => t.replace(/\nanswer:\n {2}en: >-\n(?: {4}[^\n]*\n)+/, `\nanswer:\n  en: >-\n    ${en}\n`));

  it('given a masked link whose words are another address, then it is refused at its line; words or the same address are fine', () => {
    const { text, errors } = withAnswer(
      'TikTok says so on [https://www.tiktok.com/legal](https://evil.example/phish).',
    );
    expect(only(errors)).toMatchObject({
      line: lineOf(text, 'TikTok says so on') - 1,
      message: 'a masked link shows "https://www.tiktok.com/legal" but leads to https://evil.example/phish',
    });
    expect(only(errors).hint).toContain("[the page's name](https://evil.example/phish)");
    for (const fine of [
      'See [the legal page](https://www.tiktok.com/legal).',
      'See [tiktok.com/legal](https://www.tiktok.com/legal/).',
      'See [www.tiktok.com](https://tiktok.com/legal).',
    ]) {
      expect(withAnswer(fine).errors, fine).toEqual([]);
    }
    for (const bad of [
      '[tiktok.com](https://tiktok.co)',
      '[tiktok.com/legal](https://tiktok.com/other)',
      '[<https://tiktok.com>](<https://evil.example>)',
    ]) {
      expect(
        withAnswer(`See ${bad}.`).errors.map((e) => e.message),
        bad,
      ).toHaveLength(1);
    }
  });

  it('given @everyone or a role mention in an answer, then each is a warning at its line, not an error', () => {
    const { text, errors, warnings } = withAnswer(
      'Tell @everyone and <@&123456789012345678> that TikTok keeps backups.',
    );
    expect(errors).toEqual([]);
    expect(warnings.filter((w) => w.message.includes('mention syntax'))).toMatchObject([
      {
        line: lineOf(text, 'Tell @everyone') - 1,
        severity: 'warning',
        message: '"@everyone" is mention syntax, which Discord shows as a mention',
      },
      {
        line: lineOf(text, 'Tell @everyone') - 1,
        severity: 'warning',
        message: '"<@&123456789012345678>" is mention syntax, which Discord shows as a mention',
      },
    ]);
  });
});
