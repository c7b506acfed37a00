import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GatewayIntentBits } from 'discord-api-types/v10';
import { Writable } from 'node:stream';
import type { Answerer } from '../../src/answer/answerer.ts';
import type { BotSettings } from '../../src/discord/context.ts';
import { startBot, type BotOptions, type RunningBot } from '../../src/discord/bot.ts';
import type { LiveStore } from '../../src/knowledge/live-store.ts';
import { createLogger } from '../../src/log.ts';
import { openRecorder, type Recorder } from '../../src/record/recorder.ts';
import { FIXTURE_KNOWLEDGE_DIR, TEST_HASH_KEY, TODAY } from '../helpers.ts';
import { startFakeDiscord, type FakeDiscord, type StartFakeDiscordOptions } from './fake-discord.ts';
import { openKnowledge } from '../../src/service/knowledge.ts';

/** Captured log lines, parsed. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.lines.push(...chunk.toString().split('\n').filter(Boolean));
    done();
  }
  entries(): Record<string, unknown>[] {
    return this.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }
}

export interface RecordedQuestion {
  id: string;
  channelKind: string;
  language: string;
  factId: string | null;
  question: string | null;
  userHash: string;
  /** Read as a follow-up to the answer before it. */
  followUp: boolean;
}

export interface RecordedVote {
  questionId: string;
  userHash: string;
  helpful: boolean;
}

export interface Harness {
  readonly fake: FakeDiscord;
  readonly bot: RunningBot;
  readonly store: LiveStore<Answerer>;
  readonly logs: LogCapture;
  readonly recorder: Recorder;
  readonly dataDir: string;
  /** What the real database holds now (flushed first). */
  questions(): RecordedQuestion[];
  votes(): RecordedVote[];
  /** A private copy of the knowledge folder that tests may edit. */
  readonly knowledgeDir: string;
  stop(): Promise<void>;
}

export async function startHarness(
  options: {
    /** Settings over the defaults; a function when they depend on the fake's ids. */
    settings?: Partial<BotSettings> | ((fake: FakeDiscord) => Partial<BotSettings>);
    knowledgeDir?: string;
    dataDir?: string;
    retries?: number;
    watch?: boolean;
    policyChannel?: boolean;
    answerChannels?: 'fake-channel' | 'fake-forum';
    privilegedIntents?: number;
    knowledgePull?: BotOptions['knowledgePull'];
    hooks?: BotOptions['hooks'];
    /** Options of the fake Discord beyond the intents (a lifted interaction deadline, say). */
    fake?: StartFakeDiscordOptions;
    /** discord.js's global request rate; the harness raises it so that tests are not paced by it. */
    globalRequestsPerSecond?: number;
  } = {},
): Promise<Harness> {
  const knowledgeDir = options.knowledgeDir ?? mkdtempSync(join(tmpdir(), 'kb-e2e-'));
  if (!options.knowledgeDir) cpSync(FIXTURE_KNOWLEDGE_DIR, knowledgeDir, { recursive: true });
  const opened = await openKnowledge({ knowledgeDir, now: () => TODAY });
  if (!opened.ok) throw new Error(`knowledge fixture does not load: ${JSON.stringify(opened.errors)}`);
  // Answer channels need Message Content, which the operator then enables in the Developer Portal.
  const fake = await startFakeDiscord({
    ...options.fake,
    privilegedIntents: options.privilegedIntents ?? (options.answerChannels ? GatewayIntentBits.MessageContent : 0),
  });
  const logs = new LogCapture();
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'record-e2e-'));
  const logger = createLogger({ level: 'debug', secrets: [fake.token], destination: logs });
  const recorder = openRecorder({ dataDir, now: () => TODAY, logger, hashKey: TEST_HASH_KEY });
  let bot: RunningBot;
  try {
    bot = await startBot({
      token: fake.token,
      apiUrl: fake.apiUrl,
      store: opened.store,
      logger,
      now: () => TODAY,
      recorder,
      watch: options.watch ? { debounceMs: 50 } : undefined,
      knowledgePull: options.knowledgePull,
      hooks: options.hooks,
      rest: { globalRequestsPerSecond: options.globalRequestsPerSecond ?? 10_000, retries: options.retries ?? 0 },
      settings: {
        contact: { en: 'the policy team (#data-policy)', fr: "l'équipe politique (#data-policy)" },
        policyRoleId: fake.policyRoleId,
        policyChannelId: undefined,
        answerChannelIds: [],
        questionCooldownMs: 0,
        conversationMs: 10 * 60_000,
        knowledgeDir,
        ...(options.policyChannel ? { policyChannelId: fake.channelId } : {}),
        ...(options.answerChannels
          ? { answerChannelIds: [options.answerChannels === 'fake-forum' ? fake.forumChannel.id : fake.channelId] }
          : {}),
        ...(typeof options.settings === 'function' ? options.settings(fake) : options.settings),
      },
    });
  } catch (err) {
    recorder.close();
    await fake.close({ allowConnectedClient: true });
    throw err;
  }
  return {
    fake,
    bot,
    store: opened.store,
    logs,
    recorder,
    dataDir,
    knowledgeDir,
    questions: () =>
      recorder
        .read(
          (db) =>
            db
              .prepare(
                'SELECT id, channel_kind AS channelKind, language, fact_id AS factId, question, user_hash AS userHash, follow_up = 1 AS followUp FROM questions ORDER BY rowid',
              )
              .all() as (Omit<RecordedQuestion, 'followUp'> & { followUp: 0 | 1 })[],
        )
        .map((row) => ({ ...row, followUp: row.followUp === 1 })),
    votes: () =>
      recorder
        .read(
          (db) =>
            db
              .prepare('SELECT question_id AS questionId, user_hash AS userHash, helpful FROM votes ORDER BY rowid')
              .all() as (Omit<RecordedVote, 'helpful'> & { helpful: number })[],
        )
        .map((v) => ({ ...v, helpful: v.helpful === 1 })),
    stop: async () => {
      await bot.stop();
      recorder.close();
      await fake.close();
    },
  };
}
