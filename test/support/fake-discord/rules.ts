/**
 * Discord's own numbers, as the fake enforces them: its copy, taken from Discord's documentation, never
 * imported from the bot (a wrong number in the bot would otherwise be the fake's too). Sources are files
 * of github.com/discord/discord-api-docs (read at c98d64b, August 2026), and for the per-channel message
 * rate, which Discord does not publish, what its API reports in its headers.
 */
export const DISCORD_RULES = Object.freeze({
  // developers/interactions/receiving-and-responding.mdx, "Autocomplete"; application-commands.mdx,
  // "Application Command Option Choice Structure".
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  // developers/resources/message.mdx, "Embed Limits" and "Create Message".
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooter: 2048,
  embedAuthorName: 256,
  embedTotal: 6000,
  messageContent: 2000,
  // developers/components/reference.mdx.
  buttonLabel: 80,
  buttonsPerRow: 5,
  actionRows: 5,
  componentsPerMessage: 40,
  customId: 100,
  // receiving-and-responding.mdx, "Modal"; components/reference.mdx, "Label" and "Text Input".
  modalTitle: 45,
  modalComponents: 5,
  labelText: 45,
  labelDescription: 100,
  textInputLength: 4000,
  // developers/interactions/application-commands.mdx.
  commandName: 32,
  commandDescription: 100,
  commandOptions: 25,
  commandChoices: 25,
  commandTotal: 8000,
  commandsPerScope: 100,
  // receiving-and-responding.mdx, "Responding to an Interaction": the initial response within 3 seconds
  // of the event, or the token is invalidated; the token is then valid for 15 minutes.
  interactionDeadlineMs: 3000,
  interactionTokenLifetimeMs: 15 * 60_000,
  // topics/rate-limits.mdx publishes no per-route numbers ("should not be hard coded"; parse the
  // headers): these are what Discord's headers report for POST /channels/{id}/messages, per channel.
  channelMessagesPerWindow: 5,
  channelMessageWindowMs: 5_000,
});
