import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * An interaction token in a URL (`/interactions/<id>/<token>/callback`, `/webhooks/<application>/<token>/…`):
 * for 15 minutes it lets anyone post as the bot in that channel, so it is as secret as the bot token.
 */
const TOKEN_IN_URL = /(\/(?:interactions|webhooks)\/\d+\/)[^/?#\s"'<>]+/g;

/**
 * Structured JSON logs. Secrets (the bot token, interaction tokens) are scrubbed from every message and
 * every string field before a line is written, wherever they came from: an error message, a URL (every
 * failed request's error carries its URL), a library's debug text.
 */
export function createLogger(options: {
  level: string;
  secrets: readonly string[];
  destination?: DestinationStream;
}): Logger {
  const secrets = options.secrets.filter((s) => s.length >= 8);
  const scrub = (text: string) =>
    secrets.reduce((t, secret) => t.split(secret).join('[redacted]'), text).replace(TOKEN_IN_URL, '$1[redacted]');
  const scrubValue = (value: unknown, depth = 0): unknown => {
    if (typeof value === 'string') return scrub(value);
    if (depth > 6 || value === null || typeof value !== 'object') return value;
    if (value instanceof Error) {
      return {
        type: value.name,
        message: scrub(value.message),
        stack: value.stack ? scrub(value.stack) : undefined,
        ...(scrubValue({ ...value }, depth + 1) as object),
      };
    }
    if (Array.isArray(value)) return value.map((v) => scrubValue(v, depth + 1));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubValue(v, depth + 1)]));
  };
  return pino(
    {
      level: options.level,
      base: { app: 'residency-bot' },
      redact: {
        paths: ['token', '*.token', 'headers.authorization', '*.headers.authorization', 'config.discord.token'],
        censor: '[redacted]',
      },
      serializers: { err: (err: unknown) => scrubValue(err) },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((arg) => scrubValue(arg)) as Parameters<typeof method>);
        },
      },
    },
    options.destination ?? pino.destination({ fd: 1, sync: false }),
  );
}
