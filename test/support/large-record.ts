import { openRecorder, type QuestionRecord, type RecorderOptions } from '../../src/record/recorder.ts';
import { TEST_HASH_KEY } from '../helpers.ts';

const DAY_MS = 86_400_000;
const FACTS = Array.from({ length: 30 }, (_, i) => `fact-${i}`);
const TOPICS = Array.from({ length: 2_000 }, (_, i) => `topic${i.toString(36)}`);
const WORDINGS = [
  (t: string) => `What is the ${t} password?`,
  (t: string) => `${t} password??`,
  (t: string) => `where do I find the ${t} password`,
];

export interface LargeRecordOptions {
  readonly dataDir: string;
  readonly rows: number;
  /** The last question's time; the rows are spread evenly over the `days` before it. */
  readonly end: Date;
  readonly days?: number;
  /**
   * Every row a question asked once and not answered, all from one member: what one member flooding the
   * bot at its cooldown leaves, and the report's worst case.
   */
  readonly flood?: boolean;
  readonly recorder?: Partial<Omit<RecorderOptions, 'dataDir' | 'now'>>;
}

/** mulberry32: the same record for the same options. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A record as a busy year would leave it, written through the recorder itself (its hashing and grouping
 * key included) in one transaction: 70% of questions answered by 30 facts, a vote on one answer in 20;
 * of the 30% not answered, half are 2,000 recurring questions asked three ways (a few asked very often),
 * half asked once each, so the report has tens of thousands of groups to choose its top ten from. With
 * `flood`, every row is a different unanswered question.
 */
export function writeLargeRecord(options: LargeRecordOptions): void {
  const { rows, end } = options;
  const span = (options.days ?? 30) * DAY_MS;
  const start = end.getTime() - span;
  let time = start;
  const recorder = openRecorder({
    logger: { warn: () => {}, error: (obj, msg) => console.error(msg, obj) },
    hashKey: TEST_HASH_KEY,
    ...options.recorder,
    dataDir: options.dataDir,
    now: () => new Date(time),
  });
  const draw = random(rows);
  try {
    recorder.read((db) =>
      db.transaction(() => {
        for (let i = 0; i < rows; i++) {
          time = start + Math.floor((i * span) / rows);
          const roll = options.flood ? 1 : draw();
          const answered = roll < 0.7;
          let question: string;
          if (answered) question = `Does TikTok keep user data number ${i % 97} in Singapore?`;
          else if (roll < 0.85) {
            // Squaring the draw makes the first topics the most asked.
            const topic = TOPICS[Math.floor(draw() ** 2 * TOPICS.length)]!;
            question = WORDINGS[i % WORDINGS.length]!(topic);
          } else question = `is the unique thing ${i.toString(36)} stored somewhere near ${(i * 7).toString(36)}`;
          const record: QuestionRecord = {
            channelKind: i % 3 === 0 ? 'mention' : 'slash',
            language: i % 4 === 0 ? 'fr' : 'en',
            factId: answered ? FACTS[i % FACTS.length]! : null,
            score: answered ? 0.8 : 0.2,
            suggestions: ['fact-1', 'fact-2'],
            question,
            userId: String(100_000_000_000_000_000n + BigInt(options.flood ? 0 : i % 5_000)),
            knowledgeVersion: 'large',
            latencyMs: 1,
          };
          const id = recorder.recordQuestion(record);
          if (answered && i % 20 === 0) recorder.recordVote(id, record.userId, i % 40 !== 0);
        }
      })(),
    );
    const { writeErrors } = recorder.stats();
    if (writeErrors > 0) throw new Error(`${writeErrors} writes failed while filling the record`);
  } finally {
    recorder.close();
  }
}
