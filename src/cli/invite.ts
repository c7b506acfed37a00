import { applicationIdFrom, ConfigError } from '../config.ts';
import { inviteUrl } from '../discord/permissions.ts';
import { EXIT, processIo, runCommand, UsageError, type CliIo } from './command.ts';
import { runIfMain } from './main-guard.ts';

const SPEC = {
  name: 'invite',
  usage: `Usage: npm run invite [-- --application-id ID]
  Prints the link that adds the bot to a server, asking for exactly the permissions it needs. Needs only
  the application id (DISCORD_APPLICATION_ID, or --application-id), no token.`,
  options: { 'application-id': { type: 'string' } },
} as const;

export function invite(argv: readonly string[], io: CliIo): Promise<number> {
  return runCommand(SPEC, argv, io, ({ values }) => {
    const flag = values['application-id'];
    let applicationId;
    try {
      applicationId = applicationIdFrom({ DISCORD_APPLICATION_ID: flag ?? io.env.DISCORD_APPLICATION_ID });
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      const problem = error.problems.join('; ');
      throw new UsageError(
        flag === undefined ? problem : problem.replace('DISCORD_APPLICATION_ID', '--application-id'),
      );
    }
    if (!applicationId)
      throw new UsageError(
        'no application id: set DISCORD_APPLICATION_ID (Developer Portal → your application → General Information → Application ID) or pass --application-id',
      );
    io.out(inviteUrl(applicationId));
    return Promise.resolve(EXIT.ok);
  });
}

await runIfMain(import.meta.url, () => invite(process.argv.slice(2), processIo()));
