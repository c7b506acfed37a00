/** Discord's limits, named once and respected everywhere (https://discord.com/developers/docs). */
export const DISCORD_LIMITS = Object.freeze({
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooter: 2048,
  embedTotal: 6000,
  messageContent: 2000,
  buttonLabel: 80,
  buttonsPerRow: 5,
  actionRows: 5,
  customId: 100,
  slashOptionString: 6000,
  /** Discord drops an interaction that is not acknowledged within 3 seconds. */
  interactionDeadlineMs: 3000,
});

/** Most connections open to Discord's API at once (interaction replies are not rate limited globally). */
export const REST_CONNECTIONS = 64;

/** Our own bounds on what staff type: long enough for any real question, short enough to match fast. */
export const QUESTION_MAX_LENGTH = 500;

/**
 * Shortens text to `max` characters at a word boundary, ending with an ellipsis when anything was cut,
 * so a quote is never cut mid-word without saying so.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = max - 1;
  // Never cut between the two halves of an emoji (a UTF-16 surrogate pair).
  const cut = text.slice(0, /[\uD800-\uDBFF]/.test(text[room - 1] ?? '') ? room - 1 : room);
  const atBoundary = /\s/.test(text[room] ?? '');
  const lastSpace = cut.search(/\s\S*$/);
  const base = atBoundary || lastSpace <= room * 0.6 ? cut : cut.slice(0, lastSpace);
  return `${base.replace(/[\s,;:.]+$/, '')}…`;
}

/**
 * Text shown as a code block, cut to fit `max` characters in all. A "```" inside the text (a question
 * someone typed, a line of YAML) cannot close the block early: a zero-width space breaks it up.
 */
export function codeBlock(text: string, max: number): string {
  const inner = text.replace(/`(?=``)/g, '`\u200b');
  return `\`\`\`\n${truncate(inner, max - 8)}\n\`\`\``;
}
