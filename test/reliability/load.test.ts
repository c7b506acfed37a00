/**
 * A reduced version of the stress runs (`test/stress/load.stress.test.ts`) for `npm test`: the same
 * scenario, every fault kind, a gateway drop, a reload and a broken edit mid-run, in a few seconds.
 */
import { describe, expect, it } from 'vitest';
import { expectEveryInteractionAnswered } from '../stress/expect-load.ts';
import { runLoad } from '../stress/load-scenario.ts';

const ALL_FAULTS = { http500: 0.05, http429: 0.03, slow: 0.03 } as const;

describe('load with injected faults, through the fake Discord (reduced)', () => {
  it(
    'given 600 interactions at 200/s with 500s, 429s, slow responses, a gateway drop, a reload and a broken edit, then none is lost, late or wrong',
    { timeout: 30_000 },
    async () => {
      const f = await runLoad({
        interactions: 600,
        rate: 200,
        retries: 3,
        faults: { ...ALL_FAULTS, gatewayDropAt: 0.15, unanswerable: 2 },
        reloadAt: 0.3,
        brokenEditAt: 0.5,
        fixAt: 0.7,
      });
      expectEveryInteractionAnswered(f, 2);
      expect(f.duringReload.answered).toBeGreaterThan(0);
    },
  );

  it(
    'given a burst of 150 at once with faults, half of it behind a gateway drop, and a broken edit on disk when it starts, then every one is answered within the deadline',
    { timeout: 30_000 },
    async () => {
      const f = await runLoad({
        interactions: 150,
        rate: 'burst',
        retries: 3,
        faults: { ...ALL_FAULTS, gatewayDropAt: 0.5, unanswerable: 1 },
        brokenEditAt: 0,
        fixAt: 0.5,
        reloadAt: 0.75,
      });
      expectEveryInteractionAnswered(f, 1);
    },
  );

  it(
    'given the same burst with the health port and metrics wired as npm start wires them, then every one is answered and the counters match the record',
    { timeout: 30_000 },
    async () => {
      const f = await runLoad({
        interactions: 150,
        rate: 'burst',
        retries: 3,
        faults: { ...ALL_FAULTS, gatewayDropAt: 0.5, unanswerable: 1 },
        brokenEditAt: 0,
        fixAt: 0.5,
        reloadAt: 0.75,
        operations: true,
      });
      expectEveryInteractionAnswered(f, 1);
      expect(f.metrics).toMatchObject({ questions: f.record.asks, interactionsFailed: 1 });
    },
  );
});
