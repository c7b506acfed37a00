/**
 * The heavy load runs (`npm run test:stress`, about a minute on a 2-core machine): 10,000
 * interactions at a steady 200/s and a burst of 1,000 at once, through the real discord.js client and
 * the fake Discord, with every kind of fault mixed in and the knowledge reloaded, broken and fixed
 * mid-run. The figures are printed as a Markdown table for the README.
 *
 * Heap bound: over 10,000 interactions the bot itself grew by 1.2–1.3 MiB (two runs, after a full GC
 * once idle keep-alive connections had closed), beside ~79 MiB that the test side keeps on purpose (the
 * fake's request log, messages and RESUME buffer, the captured log lines). 10 MiB is about 1 KiB per
 * interaction. Checked against a planted leak: keeping every discord.js Interaction object (they share
 * the cached user, member and channel) grew the bot by 3.1 MiB per 2,000, i.e. ~16 MiB per 10,000, which
 * this bound fails.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { expectEveryInteractionAnswered } from './expect-load.ts';
import { figuresTable, runLoad, type LoadFigures } from './load-scenario.ts';
import { costlyBurstTable, runCostlyBurst, type CostlyBurstFigures } from './costly-burst.ts';

const BOT_HEAP_GROWTH_BOUND_MIB = 10;
const ALL_FAULTS = { http500: 0.05, http429: 0.03, slow: 0.03 } as const;

const runs: { name: string; figures: LoadFigures }[] = [];
let costly: CostlyBurstFigures | undefined;

afterAll(() => {
  if (runs.length > 0) console.log(`\n${figuresTable(runs)}\n`);
  if (costly) console.log(`\n${costlyBurstTable(costly)}\n`);
});

describe('load with injected faults, through the fake Discord', () => {
  it('given 10,000 interactions at 200/s with 500s, 429s, slow responses, a gateway drop, a reload and a broken edit, then none is lost, late or wrong, and the heap stays flat', async () => {
    const f = await runLoad({
      interactions: 10_000,
      rate: 200,
      retries: 3,
      faults: { ...ALL_FAULTS, gatewayDropAt: 0.15, unanswerable: 5 },
      reloadAt: 0.3,
      brokenEditAt: 0.5,
      fixAt: 0.7,
    });
    runs.push({ name: '10,000 at 200/s', figures: f });
    expectEveryInteractionAnswered(f, 5);
    expect(f.duringReload.answered).toBeGreaterThan(0);
    expect(f.botGrowthMiB, JSON.stringify(f)).toBeLessThan(BOT_HEAP_GROWTH_BOUND_MIB);
    expect(f.heapGrowthMiB).toBeLessThan(f.testRecordsMiB + BOT_HEAP_GROWTH_BOUND_MIB);
  });

  it('given a burst of 1,000 at once with faults, half of it buffered behind a gateway drop, and a broken edit on disk when it starts, then every answer is within the 3-second deadline', async () => {
    const f = await runLoad({
      interactions: 1_000,
      rate: 'burst',
      retries: 3,
      faults: { ...ALL_FAULTS, gatewayDropAt: 0.5, unanswerable: 2 },
      brokenEditAt: 0,
      fixAt: 0.5,
      reloadAt: 0.75,
    });
    runs.push({ name: 'burst of 1,000', figures: f });
    expectEveryInteractionAnswered(f, 2);
    expect(f.botGrowthMiB, JSON.stringify(f)).toBeLessThan(BOT_HEAP_GROWTH_BOUND_MIB);
  });

  it('given the same burst with the health port and metrics wired as npm start wires them, scraped every second, then every answer is still within the deadline and the counters match the record', async () => {
    const f = await runLoad({
      interactions: 1_000,
      rate: 'burst',
      retries: 3,
      faults: { ...ALL_FAULTS, gatewayDropAt: 0.5, unanswerable: 2 },
      brokenEditAt: 0,
      fixAt: 0.5,
      reloadAt: 0.75,
      operations: true,
    });
    runs.push({ name: 'burst of 1,000, metrics on', figures: f });
    expectEveryInteractionAnswered(f, 2);
    expect(f.metrics, JSON.stringify(f)).toMatchObject({ questions: f.record.asks, interactionsFailed: 2 });
    expect(f.metrics!.scrapes).toBeGreaterThan(0);
    expect(f.botGrowthMiB, JSON.stringify(f)).toBeLessThan(BOT_HEAP_GROWTH_BOUND_MIB);
  });

  it('given 1,000 members each sending the costliest question at once, ordinary /ask meanwhile and two other processes spinning on the CPU, then every interaction is acknowledged within 3 s (deferred when needed) and answered', async () => {
    const f = await runCostlyBurst({ costly: 1_000, streamRate: 20, streamMs: 10_000, busyProcesses: 2 });
    costly = f;
    const summary = JSON.stringify(f);
    for (const outcome of [f.costly, f.ordinary]) {
      expect(outcome.acknowledged, summary).toBe(outcome.sent);
      expect(outcome.answered, summary).toBe(outcome.sent);
      expect(outcome.lost, summary).toBe(0);
    }
    expect(f.refusedLate, summary).toBe(0);
    expect(f.handlerFailures, summary).toBe(0);
  });
});
