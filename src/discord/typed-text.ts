import { truncate } from './limits.ts';

/** Characters Discord's markdown gives a meaning to anywhere in a line: emphasis, code, spoilers, links, mentions. */
const MARKUP = /[\\*_~|`[\]<]/g;
/** And at the start of a line: a heading, a quote, a list item ("-", "+", "1."). */
const LINE_START = /^[#>+-]/;
const NUMBERED = /^(\d+)\./;

/**
 * What a member typed, quoted inside one of the bot's messages ("there is no fact called …"): one line,
 * cut to `max` characters, and shown exactly as typed. Markdown characters are escaped, so that no
 * heading, list, quote, masked link, code or spoiler can start; mention syntax is broken by a zero-width
 * space after its "@", so @everyone and <@&id> show as typed, unhighlighted (nobody is pinged anyway).
 */
export function quoteTyped(text: string, max: number): string {
  const line = truncate(text.replace(/\s+/g, ' ').trim(), max);
  return line.replace(MARKUP, '\\$&').replace(LINE_START, '\\$&').replace(NUMBERED, '$1\\.').replaceAll('@', '@\u200b');
}
