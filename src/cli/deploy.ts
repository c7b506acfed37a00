import { existsSync } from 'node:fs';
import { configOrExplain } from '../config.ts';
import { deployCommands } from '../discord/deploy.ts';
import { inviteUrl } from '../discord/permissions.ts';
import { runIfMain } from './main-guard.ts';

const USAGE = 'usage: npm run deploy:commands [-- --global]';

/**
 * `npm run deploy:commands`: in DISCORD_DEV_GUILD_ID when set, else globally. `-- --global` registers
 * globally even with a dev guild set, and empties that guild's commands so they do not show twice.
 */
export async function deploy(env: Readonly<Record<string, string | undefined>>, out: (line: string) => void, err: (line: string) => void, args: readonly string[] = []): Promise<number> {
  const unknown = args.filter((a) => a !== '--global');
  if (unknown.length > 0) {
    err(`unknown argument ${unknown.join(' ')}; ${USAGE}`);
    return 2;
  }
  const config = configOrExplain(env, err);
  if (!config) return 2;
  if (!config.discord) {
    err('DISCORD_TOKEN is not set: there is nowhere to deploy the commands to. See .env.example.');
    return 2;
  }
  const { token, applicationId, devGuildId, apiUrl } = config.discord;
  const global = args.includes('--global');
  try {
    const result = await deployCommands({ token, applicationId, apiUrl, ...(global ? { clearGuildId: devGuildId } : { guildId: devGuildId }) });
    out(`Registered ${result.names.length} commands (${result.names.join(', ')}) ${result.scope === 'global' ? 'globally (may take up to an hour to appear)' : `in ${result.scope} (not in DMs; run with -- --global for production)`}.`);
    if (result.clearedGuild) out(`Removed the commands registered in guild ${result.clearedGuild}, so they do not show twice there.`);
    out(`Invite link, with exactly the permissions the bot needs: ${inviteUrl(applicationId)}`);
    return 0;
  } catch (error) {
    // discord.js errors carry the method, path and Discord's message, never the token.
    err(`Could not register the commands: ${(error as Error).message}`);
    return 1;
  }
}

await runIfMain(import.meta.url, () => {
  if (existsSync('.env')) process.loadEnvFile('.env');
  return deploy(process.env, (l) => console.log(l), (l) => console.error(l), process.argv.slice(2));
});
