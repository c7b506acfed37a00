/**
 * Discord markup inside a message, taken out before a question is read: a colleague's mention, a role or
 * channel mention, a custom emoji, a timestamp, a slash-command mention, a link, `@everyone`. None of it
 * says what the question is about, and a mention's digits or an emoji's name would otherwise be read as
 * words ("<:oracle_logo:123>" is not a question about Oracle). A masked link keeps its text, not its
 * address. Markdown emphasis, spoilers, code marks and quote marks are dropped; their words stay.
 *
 * Every pattern is linear: no nested quantifiers, and each repeated part stops at the characters that
 * could start another match (a masked link's text and address contain no bracket), so a failed attempt
 * never rescans text that a later attempt will read again.
 */
const MARKUP: readonly (readonly [RegExp, string])[] = [
  // [text](https://…) → text
  [/\[([^[\]\n]*)\]\(\s*<?https?:\/\/[^\s()<>[\]]+>?\s*\)/giu, ' $1 '],
  // <@123>, <@!123>, <@&123>, <#123>
  [/<(?:@[!&]?|#)\d{1,25}>/gu, ' '],
  // </ask:123>, </kb report:123>
  [/<\/[\p{L}\p{N}_ -]{1,100}:\d{1,25}>/gu, ' '],
  // <:name:123>, <a:name:123>
  [/<a?:[\w~]{1,64}:\d{1,25}>/gu, ' '],
  // <t:1700000000>, <t:1700000000:R>
  [/<t:-?\d{1,20}(?::[tTdDfFR])?>/gu, ' '],
  // a bare or bracketed link
  [/<?\b(?:https?|ftp):\/\/[^\s<>]+>?/giu, ' '],
  // @everyone, @here
  [/@(?:everyone|here)\b/giu, ' '],
  // :emoji_name: shortcodes as typed
  [/(?<![\p{L}\p{N}]):[a-z0-9_+-]{1,40}:(?![\p{L}\p{N}])/giu, ' '],
  // **bold**, __underline__, ~~strike~~, ||spoiler||, `code`, block quotes and headings at line start
  [/\*{1,3}|_{2,3}|~~|\|\||`{1,3}/gu, ' '],
  [/^[ \t]{0,8}(?:>{1,3}|#{1,3}|-#)[ \t]/gmu, ''],
];

const MARKUP_CHARACTER = /[<[*_~|`>#@:]|(?:https?|ftp):/i;

/** The message without Discord markup, its words as they were. */
export function stripMarkup(text: string): string {
  // Most text has none of the characters markup starts with: nothing to take out.
  if (!MARKUP_CHARACTER.test(text)) return text;
  let out = text;
  for (const [pattern, replacement] of MARKUP) out = out.replace(pattern, replacement);
  return out;
}
