/**
 * A reduced version of the stress runs (`test/stress/load.stress.test.ts`) for `npm test`: the same
 * scenario, every fault kind, a gateway drop, a reload and a broken edit mid-run, in a few seconds.
 *
 * It checks what the bot does, not how fast: npm test must pass on a busy machine, where the fake, which
 * shares the bot's thread, would itself be late. So the fake's 3-second deadline is lifted here and
 * lateness is not asserted; what is asserted is that every interaction is acknowledged exactly once
 * (answered, or deferred when the bot fell behind) and then answered rightly, with nothing lost. The
 * deadline itself is enforced in npm run test:stress.
 */
import { describe, expect, it } from 'vitest';
import { expectEveryInteractionAnswered } from '../stress/expect-load.ts';
import { runLoad } from '../stress/load-scenario.ts';

const ALL_FAULTS = { http500: 0.05, http429: 0.03, slow: 0.03 } as const;

describe('load with injected faults, through the fake Discord (reduced)', () => {
  it(
    'given 200 interactions at 200/s with 500s, 429s, slow responses, a gateway drop, a reload and a broken edit, then each is acknowledged once and answered rightly, none lost',
    { timeout: 120_000 },
    async () => {
      const f = await runLoad({
        interactions: 200,
        rate: 200,
        retries: 3,
        faults: { ...ALL_FAULTS, gatewayDropAt: 0.15, unanswerable: 2 },
        reloadAt: 0.3,
        brokenEditAt: 0.5,
        fixAt: 0.7,
        deadline: 'lifted',
        measureHeap: false,
      });
      expectEveryInteractionAnswered(f, 2, { deadline: 'lifted' });
      expect(f.duringReload.answered).toBeGreaterThan(0);
    },
  );

  it(
    'given a burst of 150 at once with faults, half of it behind a gateway drop, and a broken edit on disk when it starts, then every one is acknowledged once and answered rightly',
    { timeout: 120_000 },
    async () => {
      const f = await runLoad({
        interactions: 150,
        rate: 'burst',
        retries: 3,
        faults: { ...ALL_FAULTS, gatewayDropAt: 0.5, unanswerable: 1 },
        brokenEditAt: 0,
        fixAt: 0.5,
        reloadAt: 0.75,
        deadline: 'lifted',
        measureHeap: false,
      });
      expectEveryInteractionAnswered(f, 1, { deadline: 'lifted' });
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
        deadline: 'lifted',
        measureHeap: false,
      });
      expectEveryInteractionAnswered(f, 1, { deadline: 'lifted' });
      expect(f.metrics).toMatchObject({ questions: f.record.asks, interactionsFailed: 1 });
    },
  );
});
