import { existsSync } from 'node:fs';
import { configOrExplain } from '../config.ts';
import { deployCommands } from '../discord/deploy.ts';
import { runIfMain } from './main-guard.ts';

export async function deploy(env: Readonly<Record<string, string | undefined>>, out: (line: string) => void, err: (line: string) => void): Promise<number> {
  const config = configOrExplain(env, err);
  if (!config) return 2;
  if (!config.discord) {
    err('DISCORD_TOKEN is not set: there is nowhere to deploy the commands to. See .env.example.');
    return 2;
  }
  try {
    const result = await deployCommands({ token: config.discord.token, applicationId: config.discord.applicationId, guildId: config.discord.devGuildId, apiUrl: config.discord.apiUrl });
    out(`Registered ${result.names.length} commands (${result.names.join(', ')}) ${result.scope === 'global' ? 'globally (may take up to an hour to appear)' : `in ${result.scope}`}.`);
    return 0;
  } catch (error) {
    // discord.js errors carry the method, path and Discord's message, never the token.
    err(`Could not register the commands: ${(error as Error).message}`);
    return 1;
  }
}

await runIfMain(import.meta.url, () => {
  if (existsSync('.env')) process.loadEnvFile('.env');
  return deploy(process.env, (l) => console.log(l), (l) => console.error(l));
});
