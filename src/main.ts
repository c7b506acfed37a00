import { runChat } from './cli/chat.ts';
import { loadDotEnv } from './cli/command.ts';
import { openTerminalEngine } from './cli/engine-setup.ts';
import { configOrExplain } from './config.ts';

const NOT_CONFIGURED = [
  'Discord is not configured (DISCORD_TOKEN is not set), so residency-bot answers here in the terminal.',
  'To join Discord: copy .env.example to .env, set DISCORD_TOKEN and DISCORD_APPLICATION_ID, run',
  '`npm run deploy:commands` once, then `npm start` again.',
];

const USAGE = `Usage: npm start
  Without DISCORD_TOKEN, a chat in this terminal over the knowledge base (KNOWLEDGE_DIR, default knowledge/);
  with it, the bot in Discord. Settings are environment variables, or a .env file here: see .env.example.`;

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.length > 0) {
    const help = args.includes('--help') || args.includes('-h');
    if (help) console.log(USAGE);
    else console.error(`start: unexpected argument ${args[0]}\n${USAGE}`);
    return help ? 0 : 2;
  }
  loadDotEnv();
  const config = configOrExplain(process.env, (line) => console.error(line));
  if (!config) return 2;
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
