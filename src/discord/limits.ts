import { DEFAULT_ENGINE_OPTIONS } from '../answer/options.ts';

/**
 * Discord's limits, named once and respected everywhere; the fake Discord enforces the same numbers.
 * Sources are files of github.com/discord/discord-api-docs (read at c98d64b, August 2026).
 */
export const DISCORD_LIMITS = Object.freeze({
  // developers/interactions/receiving-and-responding.mdx, "Autocomplete" and application-commands.mdx,
  // "Application Command Option Choice Structure": 25 choices, names 1-100, string values up to 100.
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  // developers/resources/message.mdx, "Embed Limits" and "Create Message" (up to 10 embeds).
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooter: 2048,
  embedAuthorName: 256,
  embedTotal: 6000,
  // developers/resources/message.mdx, "Create Message": content up to 2000 characters.
  messageContent: 2000,
  // developers/components/reference.mdx: Button label max 80; an Action Row holds up to 5 buttons;
  // custom_id 1-100 characters, unique within a message; up to 40 components in a message. Five rows at
  // the top level of a message without IS_COMPONENTS_V2 is what Discord enforces (the former limit).
  buttonLabel: 80,
  buttonsPerRow: 5,
  actionRows: 5,
  componentsPerMessage: 40,
  customId: 100,
  // receiving-and-responding.mdx, "Modal": title max 45, 1 to 5 components; components/reference.mdx,
  // "Label" (label max 45, description max 100) and "Text Input" (values and max_length up to 4000).
  modalTitle: 45,
  modalComponents: 5,
  labelText: 45,
  labelDescription: 100,
  textInputLength: 4000,
  // developers/interactions/application-commands.mdx: names 1-32, descriptions 1-100, 25 options and 25
  // choices at each level, 8,000 characters per command in all, 100 global chat-input commands.
  commandName: 32,
  commandDescription: 100,
  commandOptions: 25,
  commandChoices: 25,
  commandTotal: 8000,
  commandsPerScope: 100,
  /** receiving-and-responding.mdx: the initial response must be sent within 3 seconds of the event. */
  interactionDeadlineMs: 3000,
});

/** Most connections open to Discord's API at once (interaction replies are not rate limited globally). */
export const REST_CONNECTIONS = 64;

/**
 * The longest question Discord lets staff type, and the most of a message that is read: the engine's own
 * bound (`maxQuestionLength`), so that Discord never accepts what the engine would cut.
 */
export const QUESTION_MAX_LENGTH = DEFAULT_ENGINE_OPTIONS.maxQuestionLength;

/**
 * An interaction that has waited this long for its turn, or will have by then, is deferred: a third of
 * Discord's 3 seconds, leaving the rest for the deferral itself to reach Discord on a busy machine.
 */
export const ACKNOWLEDGE_AFTER_MS = 1_000;

/**
 * After sending deferrals, the bot lets this many turns of the event loop pass before its next piece of
 * work: a request needs a few to leave the process (on loopback, to reach the other end as well).
 */
export const ACKNOWLEDGE_TURNS = 3;

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
  // Scanned from the end, once: patterns anchored at the end ("[\s,;:.]+$") retried from every
  // position of a long run of spaces or commas, quadratic in the run.
  let lastSpace = cut.length - 1;
  while (lastSpace >= 0 && !/\s/.test(cut[lastSpace]!)) lastSpace--;
  let end = atBoundary || lastSpace <= room * 0.6 ? cut.length : lastSpace;
  while (end > 0 && TRAILING.includes(cut[end - 1]!)) end--;
  return `${cut.slice(0, end)}…`;
}

/** What is trimmed before the ellipsis: JavaScript's whitespace, and punctuation that would dangle. */
const TRAILING =
  ' \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff,;:.';

/**
 * Text shown as a code block, cut to fit `max` characters in all. A "```" inside the text (a question
 * someone typed, a line of YAML) cannot close the block early: a zero-width space breaks it up.
 */
export function codeBlock(text: string, max: number): string {
  const inner = text.replace(/`(?=``)/g, '`\u200b');
  return `\`\`\`\n${truncate(inner, max - 8)}\n\`\`\``;
}
