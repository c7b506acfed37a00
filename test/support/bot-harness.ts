import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createAnswerer, type Answerer } from '../../src/answer/answerer.ts';
import type { BotSettings } from '../../src/discord/context.ts';
import { startBot, type RunningBot } from '../../src/discord/bot.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { openLiveStore, type LiveStore } from '../../src/knowledge/live-store.ts';
import { createLogger } from '../../src/log.ts';
import type { QuestionRecorder } from '../../src/service/asking.ts';
import { KNOWLEDGE_DIR, TODAY } from '../helpers.ts';
import { startFakeDiscord, type FakeDiscord } from './fake-discord.ts';

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

/** An in-memory recorder: enough to see what the bot records, without a database. */
export class MemoryRecorder implements QuestionRecorder {
  readonly questions: (Parameters<QuestionRecorder['recordQuestion']>[0] & { id: string })[] = [];
  readonly votes: { recordId: string; userId: string; helpful: boolean }[] = [];
  recordQuestion(record: Parameters<QuestionRecorder['recordQuestion']>[0]): string {
    const id = `r${this.questions.length + 1}`;
    this.questions.push({ ...record, id });
    return id;
  }
  recordVote(recordId: string, userId: string, helpful: boolean): void {
    this.votes.push({ recordId, userId, helpful });
  }
}

export interface Harness {
  readonly fake: FakeDiscord;
  readonly bot: RunningBot;
  readonly store: LiveStore<Answerer>;
  readonly logs: LogCapture;
  readonly recorder: MemoryRecorder;
  /** A private copy of the knowledge folder that tests may edit. */
  readonly knowledgeDir: string;
  stop(): Promise<void>;
}

export async function startHarness(options: { settings?: Partial<BotSettings>; knowledgeDir?: string; retries?: number } = {}): Promise<Harness> {
  const knowledgeDir = options.knowledgeDir ?? mkdtempSync(join(tmpdir(), 'kb-e2e-'));
  if (!options.knowledgeDir) cpSync(KNOWLEDGE_DIR, knowledgeDir, { recursive: true });
  const opened = await openLiveStore<Answerer>({ load: () => loadKnowledge({ dir: knowledgeDir, now: TODAY }), build: (s) => createAnswerer(s) });
  if (!opened.ok) throw new Error(`knowledge fixture does not load: ${JSON.stringify(opened.errors)}`);
  const fake = await startFakeDiscord();
  const logs = new LogCapture();
  const recorder = new MemoryRecorder();
  const bot = await startBot({
    token: fake.token,
    apiUrl: fake.apiUrl,
    store: opened.store,
    logger: createLogger({ level: 'debug', secrets: [fake.token], destination: logs }),
    now: () => TODAY,
    recorder,
    rest: { globalRequestsPerSecond: 10_000, retries: options.retries ?? 0 },
    settings: {
      contact: 'the policy team (#data-policy)',
      policyRoleId: fake.policyRoleId,
      policyChannelId: undefined,
      answerChannelIds: [],
      mentionCooldownMs: 0,
      ...options.settings,
    },
  });
  return {
    fake,
    bot,
    store: opened.store,
    logs,
    recorder,
    knowledgeDir,
    stop: async () => {
      await bot.stop();
      await fake.close();
    },
  };
}
