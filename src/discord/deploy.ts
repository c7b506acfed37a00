import { REST, Routes } from 'discord.js';
import { COMMANDS } from './commands/index.ts';

/** The registration payload of every command, from the one registry. */
export function commandPayloads() {
  return Object.values(COMMANDS).map((command) => command.data);
}

/**
 * Registers the commands in a guild (immediate, for development) or globally, replacing what was there.
 * With `clearGuildId`, a global registration also empties that guild's commands, which would otherwise
 * show twice there; guild commands never reach DMs, so production belongs in the global scope.
 */
export async function deployCommands(options: {
  token: string;
  applicationId: string;
  guildId?: string | undefined;
  clearGuildId?: string | undefined;
  apiUrl?: string | undefined;
}) {
  const rest = new REST(options.apiUrl ? { api: options.apiUrl } : {}).setToken(options.token);
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.applicationId, options.guildId)
    : Routes.applicationCommands(options.applicationId);
  const registered = (await rest.put(route, { body: commandPayloads() })) as { name: string }[];
  const cleared = !options.guildId && options.clearGuildId ? options.clearGuildId : undefined;
  if (cleared) await rest.put(Routes.applicationGuildCommands(options.applicationId, cleared), { body: [] });
  return {
    scope: options.guildId ? (`guild ${options.guildId}` as const) : ('global' as const),
    names: registered.map((c) => c.name),
    clearedGuild: cleared,
  };
}
