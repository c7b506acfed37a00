/**
 * A burst of writes to the question record from a process of its own, as the bot makes them:
 * `tsx record-writer.ts DATA_DIR COUNT PAUSE_AT`. After PAUSE_AT rows it prints "paused N" and waits
 * for a line on standard input, then writes the rest, yielding between rows as the bot's event loop
 * does, and prints "done N".
 */
import { createInterface } from 'node:readline';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { openRecorder } from '../../../src/record/recorder.ts';

const [dataDir, countText, pauseText] = process.argv.slice(2);
const count = Number(countText);
const pauseAt = Number(pauseText);
const recorder = openRecorder({
  dataDir: dataDir!,
  hashKey: Buffer.alloc(32, 'backup test key '),
  logger: { warn: () => undefined, error: (o, m) => console.error(m, o) },
});
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();

for (let i = 1; i <= count; i++) {
  recorder.recordQuestion({
    channelKind: 'slash',
    language: 'en',
    factId: i % 3 === 0 ? null : 'oracle-routing',
    score: 0.5,
    suggestions: ['backups-retained', 'cfius-review'],
    question: `q-${i} where is the data of user number ${i} kept, and who can reach it?`,
    userId: String(100000000000000000 + i),
    knowledgeVersion: 'kb-1',
    latencyMs: 0.1,
  });
  if (i === pauseAt) {
    console.log(`paused ${i}`);
    await lines.next();
  } else if (i > pauseAt) {
    await yieldToLoop();
  }
}
const { rowsWritten, writeErrors } = recorder.stats();
recorder.close();
console.log(`done ${rowsWritten} ${writeErrors}`);
process.exit(0);
