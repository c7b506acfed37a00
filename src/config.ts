import { z } from 'zod';
import type { Contact } from './answer/reply.ts';
import { fileURLToPath } from 'node:url';
import { homedir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { HASH_KEY_BYTES, type HashKeySource } from './record/hash-key.ts';

/** The repository's own knowledge folder, wherever a command is run from: the default of KNOWLEDGE_DIR and --dir. */
export const REPOSITORY_KNOWLEDGE_DIR = fileURLToPath(new URL('../knowledge', import.meta.url));

/** Who to ask when nothing is configured. */
const DEFAULT_CONTACT: Contact = Object.freeze({
  en: 'the policy team',
  fr: "l'équipe chargée de la politique des données",
});

/**
 * Configuration, parsed once at start-up from environment variables (documented in .env.example).
 * Nothing else reads process.env. Errors name the variable and never repeat a secret's value.
 */

const Snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id: 17 to 20 digits (Developer Mode → Copy ID)');
const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * A number written as people write one: digits, at most one decimal point. `Number()` would also take
 * 0x1, 1e-1, Infinity or " 1 ", which are typing slips in a configuration, not intended values.
 */
const decimal = (message: string) =>
  z
    .string()
    .regex(/^\d+(?:\.\d+)?$|^\.\d+$/, message)
    .transform(Number);

/** A whole number written in digits only. */
const whole = (message: string) => z.string().regex(/^\d+$/, message).transform(Number);

/**
 * discord.js requests `${DISCORD_API_URL}/v10${route}`, and Discord serves its API under /api only. Every
 * message is built from the rule broken, never from the value: a proxy URL may hold a password.
 */
const ApiUrl = z.string().transform((value, ctx) => {
  const problem = apiUrlProblem(value);
  if (problem === undefined) return value;
  ctx.addIssue({ code: 'custom', message: problem });
  return z.NEVER;
});

function apiUrlProblem(value: string): string | undefined {
  const example = 'e.g. http://localhost:8080/api';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `is not a URL: write it in full, ${example}`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `must start with http:// or https://, ${example}`;
  // Every failed request's error carries its URL, so a password in it would reach the logs.
  if (url.username !== '' || url.password !== '')
    return 'must not hold a user name or password (user:password@): let the proxy accept the bot without them';
  if (!url.pathname.endsWith('/api') || url.search !== '' || url.hash !== '')
    return `must end in /api, with no version and no trailing slash (discord.js adds /v10), ${example}`;
  return undefined;
}

const ConfigSchema = z
  .object({
    DISCORD_TOKEN: z
      .string()
      .regex(
        /^[\w.-]{20,}$/,
        'does not look like a bot token (Developer Portal → your application → Bot → Reset Token)',
      )
      .optional(),
    DISCORD_APPLICATION_ID: Snowflake.optional(),
    DISCORD_DEV_GUILD_ID: Snowflake.optional(),
    DISCORD_API_URL: ApiUrl.optional(),
    POLICY_ROLE_ID: Snowflake.optional(),
    POLICY_CHANNEL_ID: Snowflake.optional(),
    ANSWER_CHANNEL_IDS: z
      .string()
      .transform((value) =>
        value
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean),
      )
      .pipe(z.array(Snowflake))
      .optional(),
    CONTACT_TEXT: z.string().trim().min(1).max(200).optional(),
    CONTACT_TEXT_FR: z.string().trim().min(1).max(200).optional(),
    KNOWLEDGE_DIR: z.string().min(1).optional(),
    LOG_LEVEL: z.enum(LEVELS).default('info'),
    ANSWER_THRESHOLD: decimal('must be a number from 0 to 1, written like 0.45')
      .pipe(z.number().max(1, 'must be a number from 0 to 1, written like 0.45'))
      .optional(),
    QUESTION_COOLDOWN_SECONDS: decimal('must be a number of seconds, written like 5 or 2.5')
      .pipe(z.number().max(3600))
      .optional(),
    CONVERSATION_MINUTES: decimal('must be a number of minutes, written like 10')
      .pipe(z.number().max(1440))
      .default(10),
    DATA_DIR: z.string().min(1).default('var'),
    RECORD_QUESTIONS: z.enum(['on', 'off'], 'must be on or off').default('on'),
    STORE_QUESTION_TEXT: z.enum(['on', 'off'], 'must be on or off').default('on'),
    RETENTION_DAYS: whole('must be a whole number of days, written like 90')
      .pipe(z.number().min(1).max(3650))
      .optional(),
    RECORD_HASH_KEY: z
      .string()
      .min(HASH_KEY_BYTES, `must have at least ${HASH_KEY_BYTES} characters (e.g. the output of openssl rand -hex 32)`)
      .optional(),
    RECORD_HASH_KEY_FILE: z.string().min(1).optional(),
    // 0 picks a free port (logged at start-up); tests use it.
    HEALTH_PORT: whole('must be a port number, written like 9464').pipe(z.number().max(65535)).optional(),
    HEALTH_HOST: z.union([z.ipv4(), z.ipv6()], 'must be an IP address, e.g. 127.0.0.1').default('127.0.0.1'),
    KNOWLEDGE_GIT_PULL_MINUTES: whole('must be a whole number of minutes, written like 5')
      .pipe(z.number().min(1).max(1440))
      .optional(),
  })
  .superRefine((env, ctx) => {
    if (env.RECORD_HASH_KEY && env.RECORD_HASH_KEY_FILE) {
      ctx.addIssue({
        code: 'custom',
        path: ['RECORD_HASH_KEY_FILE'],
        message: 'and RECORD_HASH_KEY are both set; keep one',
      });
    }

    if (env.DISCORD_TOKEN && !env.DISCORD_APPLICATION_ID) {
      ctx.addIssue({
        code: 'custom',
        path: ['DISCORD_APPLICATION_ID'],
        message: 'is required when DISCORD_TOKEN is set (Developer Portal → General Information → Application ID)',
      });
    }
    if (env.POLICY_ROLE_ID !== undefined && env.POLICY_ROLE_ID === env.DISCORD_DEV_GUILD_ID) {
      ctx.addIssue({
        code: 'custom',
        path: ['POLICY_ROLE_ID'],
        message: EVERYONE_ROLE_PROBLEM,
      });
    }
  });

/**
 * In a server, the @everyone role has the server's id: "Copy ID" on @everyone gives it. As the policy role
 * it would give /kb to every member.
 */
export const EVERYONE_ROLE_PROBLEM =
  "is the server's @everyone role (its id is the server's), which would let every member use /kb: copy the id of the policy team's own role";

export interface Config {
  readonly discord:
    | {
        readonly token: string;
        readonly applicationId: string;
        readonly devGuildId: string | undefined;
        readonly apiUrl: string | undefined;
        readonly policyRoleId: string | undefined;
        readonly policyChannelId: string | undefined;
        readonly answerChannelIds: readonly string[];
        /** Per-member wait between questions: mentions, DMs and /ask. */
        readonly questionCooldownMs: number;
      }
    | undefined;
  /** Who to ask, in each language: CONTACT_TEXT, and CONTACT_TEXT_FR (else CONTACT_TEXT) in French. */
  readonly contact: Contact;
  /** KNOWLEDGE_DIR, else the repository's knowledge folder. */
  readonly knowledgeDir: string;
  readonly logLevel: (typeof LEVELS)[number];
  readonly answerThreshold: number | undefined;
  /** How long a conversation lasts after its last question (a follow-up is read after the previous answer); 0: never. */
  readonly conversationMs: number;
  /** DATA_DIR: the record, and the lock that keeps a second instance from starting on it. */
  readonly dataDir: string;
  /** Where /healthz, /readyz and /metrics are served; undefined (nothing listens) without HEALTH_PORT. */
  readonly health: { readonly host: string; readonly port: number } | undefined;
  /** Minutes between `git pull --ff-only` runs in the knowledge folder's repository; undefined when off. */
  readonly knowledgePullMinutes: number | undefined;
  /** Where the record of questions lives; undefined when recording is off. */
  readonly record:
    | {
        readonly dataDir: string;
        readonly storeQuestionText: boolean;
        readonly retentionDays: number;
        /** RECORD_HASH_KEY, else RECORD_HASH_KEY_FILE, else `defaultHashKeyFile`. */
        readonly hashKeySource: HashKeySource;
      }
    | undefined;
}

/**
 * Where the record's hash key is kept when neither RECORD_HASH_KEY nor RECORD_HASH_KEY_FILE is set: the
 * user's configuration folder, outside any DATA_DIR, so that a copy of the record is not a copy of its key.
 */
export function defaultHashKeyFile(env: Readonly<Record<string, string | undefined>>): string {
  const config = env.XDG_CONFIG_HOME?.trim() || join(env.HOME?.trim() || homedir(), '.config');
  return join(config, 'residency-bot', 'record-hash.key');
}

function isInside(path: string, dir: string): boolean {
  const rel = relative(resolve(dir), resolve(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example for every variable.`,
    );
    this.name = 'ConfigError';
  }
}

export function parseConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const result = ConfigSchema.safeParse(present);
  if (!result.success) {
    // Messages are built from the variable name and the rule only: never from the value.
    throw new ConfigError(
      result.error.issues.map(
        (issue) => `${issue.path[0] === undefined ? 'environment' : String(issue.path[0])} ${issue.message}`,
      ),
    );
  }
  const c = result.data;
  const keyFile = resolve(c.RECORD_HASH_KEY_FILE ?? defaultHashKeyFile(env));
  if (c.RECORD_QUESTIONS === 'on' && !c.RECORD_HASH_KEY && isInside(keyFile, c.DATA_DIR)) {
    throw new ConfigError([
      `RECORD_HASH_KEY_FILE${c.RECORD_HASH_KEY_FILE ? '' : ` (by default ${keyFile})`} must be outside DATA_DIR: whoever holds a copy of the record must not hold its key`,
    ]);
  }
  return {
    discord: c.DISCORD_TOKEN
      ? {
          token: c.DISCORD_TOKEN,
          applicationId: c.DISCORD_APPLICATION_ID!,
          devGuildId: c.DISCORD_DEV_GUILD_ID,
          apiUrl: c.DISCORD_API_URL,
          policyRoleId: c.POLICY_ROLE_ID,
          policyChannelId: c.POLICY_CHANNEL_ID,
          answerChannelIds: c.ANSWER_CHANNEL_IDS ?? [],
          questionCooldownMs: (c.QUESTION_COOLDOWN_SECONDS ?? 5) * 1000,
        }
      : undefined,
    contact: {
      en: c.CONTACT_TEXT ?? DEFAULT_CONTACT.en,
      fr: c.CONTACT_TEXT_FR ?? c.CONTACT_TEXT ?? DEFAULT_CONTACT.fr,
    },
    knowledgeDir: c.KNOWLEDGE_DIR ?? REPOSITORY_KNOWLEDGE_DIR,
    logLevel: c.LOG_LEVEL,
    answerThreshold: c.ANSWER_THRESHOLD,
    conversationMs: c.CONVERSATION_MINUTES * 60_000,
    dataDir: c.DATA_DIR,
    health: c.HEALTH_PORT === undefined ? undefined : { host: c.HEALTH_HOST, port: c.HEALTH_PORT },
    knowledgePullMinutes: c.KNOWLEDGE_GIT_PULL_MINUTES,
    record:
      c.RECORD_QUESTIONS === 'on'
        ? {
            dataDir: c.DATA_DIR,
            storeQuestionText: c.STORE_QUESTION_TEXT === 'on',
            retentionDays: c.RETENTION_DAYS ?? 90,
            hashKeySource: c.RECORD_HASH_KEY
              ? { kind: 'environment', value: c.RECORD_HASH_KEY }
              : { kind: 'file', path: keyFile },
          }
        : undefined,
  };
}

/**
 * DISCORD_APPLICATION_ID alone, for the invite link: it needs no token, and is wanted before one is made.
 * Undefined when unset; a ConfigError naming the variable when malformed.
 */
export function applicationIdFrom(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const value = env.DISCORD_APPLICATION_ID?.trim();
  if (!value) return undefined;
  const result = Snowflake.safeParse(value);
  if (!result.success)
    throw new ConfigError([`DISCORD_APPLICATION_ID ${result.error.issues[0]?.message ?? 'is not valid'}`]);
  return result.data;
}

/** For entry points: the configuration, or undefined after printing what is wrong. */
export function configOrExplain(
  env: Readonly<Record<string, string | undefined>>,
  err: (line: string) => void,
): Config | undefined {
  try {
    return parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      err(error.message);
      return undefined;
    }
    throw error;
  }
}
