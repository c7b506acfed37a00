import { configOrExplain } from '../config.ts';
import { deployCommands } from '../discord/deploy.ts';
import { inviteUrl } from '../discord/permissions.ts';
import { CommandFailure, EXIT, processIo, runCommand, UsageError, type CliIo } from './command.ts';
import { runIfMain } from './main-guard.ts';

const SPEC = {
  name: 'deploy:commands',
  usage: `Usage: npm run deploy:commands [-- --global]
  Registers the slash commands in DISCORD_DEV_GUILD_ID when set, else globally, and prints the invite link.
  --global   register globally even with a dev guild set, and empty that guild's commands`,
  options: { global: { type: 'boolean', default: false } },
} as const;

/**
 * `npm run deploy:commands`: in DISCORD_DEV_GUILD_ID when set, else globally. `-- --global` registers
 * globally even with a dev guild set, and empties that guild's commands so they do not show twice.
 */
export function deploy(argv: readonly string[], io: CliIo): Promise<number> {
  return runCommand(SPEC, argv, io, async ({ values }) => {
    const config = configOrExplain(io.env, io.err);
    if (!config) return EXIT.usage;
    if (!config.discord)
      throw new UsageError('DISCORD_TOKEN is not set: there is nowhere to deploy the commands to. See .env.example.');
    const { token, applicationId, devGuildId, apiUrl } = config.discord;
    let result;
    try {
      result = await deployCommands({
        token,
        applicationId,
        apiUrl,
        ...(values.global ? { clearGuildId: devGuildId } : { guildId: devGuildId }),
      });
    } catch (error) {
      // discord.js errors carry the method, path and Discord's message, never the token.
      throw new CommandFailure(`could not register the commands: ${(error as Error).message}`);
    }
    io.out(
      `Registered ${result.names.length} commands (${result.names.join(', ')}) ${result.scope === 'global' ? 'globally (may take up to an hour to appear)' : `in ${result.scope} (not in DMs; run with -- --global for production)`}.`,
    );
    if (result.clearedGuild)
      io.out(`Removed the commands registered in guild ${result.clearedGuild}, so they do not show twice there.`);
    io.out(`Invite link, with exactly the permissions the bot needs: ${inviteUrl(applicationId)}`);
    return EXIT.ok;
  });
}

await runIfMain(import.meta.url, () => deploy(process.argv.slice(2), processIo()));
