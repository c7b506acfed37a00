import { existsSync } from 'node:fs';
import { runChat } from './cli/chat.ts';
import { openTerminalEngine } from './cli/engine-setup.ts';
import { ConfigError, parseConfig, type Config } from './config.ts';

const NOT_CONFIGURED = [
  'Discord is not configured (DISCORD_TOKEN is not set), so residency-bot answers here in the terminal.',
  'To join Discord: copy .env.example to .env, set DISCORD_TOKEN and DISCORD_APPLICATION_ID, run',
  '`npm run deploy:commands` once, then `npm start` again.',
];

async function main(): Promise<number> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config: Config;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  if (!config.discord) {
    const engine = await openTerminalEngine(config, (line) => console.error(line));
    if (!engine) return 1;
    await runChat(engine, { input: process.stdin, output: process.stdout, banner: NOT_CONFIGURED });
    return 0;
  }
  const { startFromConfig } = await import('./discord/start.ts');
  return startFromConfig(config);
}

process.exitCode = await main();
