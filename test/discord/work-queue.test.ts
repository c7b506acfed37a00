/**
 * The work queue on a clock of its own: every piece of work advances the clock by what it "costs", so
 * what is checked is the order of things and the ages at which they happen on that clock, never time on
 * a machine that may be busy.
 */
import { describe, expect, it } from 'vitest';
import { createWorkQueue, type Work } from '../../src/discord/work-queue.ts';

const ACK_AFTER = 1_000;
const TURNS = 3;

function harness() {
  let clock = 0;
  const ticks: (() => void)[] = [];
  const log: string[] = [];
  const queue = createWorkQueue({
    acknowledgeAfterMs: ACK_AFTER,
    acknowledgeTurns: TURNS,
    now: () => clock,
    yieldThen: (next) => void ticks.push(next),
  });
  const acknowledgedAt = new Map<string, number>();
  const ranAt = new Map<string, number>();
  const createdAt = new Map<string, number>();
  /** Acknowledgements that `settle()` resolves later, as a network round trip would. */
  const held: (() => void)[] = [];
  const interaction = (
    name: string,
    costMs: number,
    options: { open?: boolean; slowAcknowledgement?: boolean } = {},
  ): Work => (
    createdAt.set(name, clock),
    {
      since: clock,
      acknowledge: () => {
        acknowledgedAt.set(name, clock);
        log.push(`ack ${name}`);
        if (!options.slowAcknowledgement) return Promise.resolve(options.open ?? true);
        return new Promise<boolean>((resolve) => held.push(() => (log.push(`acked ${name}`), resolve(true))));
      },
      run: () => {
        ranAt.set(name, clock);
        log.push(`run ${name}`);
        clock += costMs;
      },
    }
  );
  /** When it was first acknowledged or answered, counted from its creation. */
  const firstResponse = (name: string) =>
    Math.min(acknowledgedAt.get(name) ?? Infinity, ranAt.get(name) ?? Infinity) - createdAt.get(name)!;
  const message = (name: string, costMs: number): Work => ({
    since: clock,
    run: () => {
      ranAt.set(name, clock);
      log.push(`run ${name}`);
      clock += costMs;
    },
  });
  /** Runs the loop until nothing is left: each tick, then whatever the acknowledgements resolved. */
  const drain = async (between?: (tick: number) => void) => {
    for (let tick = 0; ; tick++) {
      await new Promise((resolve) => setImmediate(resolve));
      const next = ticks.shift();
      if (next === undefined) return tick;
      next();
      between?.(tick);
    }
  };
  return {
    queue,
    interaction,
    message,
    drain,
    log,
    acknowledgedAt,
    ranAt,
    firstResponse,
    held,
    advance: (ms: number) => (clock += ms),
  };
}

describe('the work queue', () => {
  it('given one interaction on an idle bot, then it is answered at once, without a deferral', async () => {
    const h = harness();
    h.queue.push(h.interaction('a', 1));
    await h.drain();
    expect(h.log).toEqual(['run a']);
  });

  it('given a backlog, then it does one piece of work per turn of the event loop, never the whole backlog at once', async () => {
    const h = harness();
    for (let i = 0; i < 5; i++) h.queue.push(h.message(`m${i}`, 1));
    const runsPerTick: number[] = [];
    let before = 0;
    await h.drain(() => {
      runsPerTick.push(h.ranAt.size - before);
      before = h.ranAt.size;
    });
    expect(runsPerTick).toEqual([1, 1, 1, 1, 1]);
  });

  it('given 1,000 costly questions at once, then each is deferred before it is late and all are answered, oldest first', async () => {
    const h = harness();
    const names = Array.from({ length: 1_000 }, (_, i) => `q${i}`);
    for (const name of names) h.queue.push(h.interaction(name, 5));
    await h.drain();
    // Every one was acknowledged or answered while younger than the bound plus one piece of work.
    for (const name of names) expect(h.firstResponse(name), name).toBeLessThanOrEqual(ACK_AFTER + 5);
    expect([...h.ranAt.keys()]).toEqual(names);
    // The estimate of the work ahead defers the tail at once, instead of waiting for it to turn a second old.
    expect(h.acknowledgedAt.get('q999')).toBeLessThan(50);
    // A deferred interaction is answered only once its deferral is through.
    for (const name of names) {
      if (h.acknowledgedAt.has(name)) expect(h.log.indexOf(`ack ${name}`)).toBeLessThan(h.log.indexOf(`run ${name}`));
    }
  });

  it('given a backlog and new interactions arriving during it, then the newcomers are deferred in time too and answered after it', async () => {
    const h = harness();
    for (let i = 0; i < 400; i++) h.queue.push(h.interaction(`old${i}`, 5));
    await h.drain((tick) => {
      if (tick % 50 === 0 && tick < 300) h.queue.push(h.interaction(`new${tick}`, 1));
    });
    for (const name of h.ranAt.keys()) expect(h.firstResponse(name), name).toBeLessThanOrEqual(ACK_AFTER + 5);
    expect(h.ranAt.size).toBe(406);
    expect([...h.ranAt.keys()].slice(-6)).toEqual(['new0', 'new50', 'new100', 'new150', 'new200', 'new250']);
    // The first came with a long backlog ahead: deferred at once. The last came near its end: answered.
    expect(h.acknowledgedAt.has('new0')).toBe(true);
    expect(h.acknowledgedAt.has('new250')).toBe(false);
  });

  it('given messages among interactions, then the messages are answered in the order they came, none left behind', async () => {
    const h = harness();
    const order: string[] = [];
    for (let i = 0; i < 300; i++) {
      const name = i % 3 === 0 ? `msg${i}` : `int${i}`;
      order.push(name);
      h.queue.push(name.startsWith('msg') ? h.message(name, 5) : h.interaction(name, 5));
    }
    await h.drain();
    const messages = [...h.ranAt.keys()].filter((n) => n.startsWith('msg'));
    expect(messages).toEqual(order.filter((n) => n.startsWith('msg')));
    expect(h.ranAt.size).toBe(300);
  });

  it('given an interaction Discord no longer accepts when it is deferred, then its work is dropped, not run', async () => {
    const h = harness();
    h.advance(5_000);
    h.queue.push({ ...h.interaction('gone', 5, { open: false }), since: 0 });
    h.queue.push(h.interaction('fresh', 5));
    await h.drain();
    expect(h.log).toEqual(['ack gone', 'run fresh']);
  });

  it('given deferrals just sent, then the next turns of the event loop are left to them before any work starts', async () => {
    const h = harness();
    h.queue.push({ ...h.interaction('late', 5, { slowAcknowledgement: true }), since: -ACK_AFTER });
    h.queue.push(h.interaction('next', 5));
    const ranAfterTurns: number[] = [];
    await h.drain((tick) => {
      if (h.ranAt.has('next') && ranAfterTurns.length === 0) ranAfterTurns.push(tick);
    });
    // Deferred on the first turn; 'next' ran only once the turns left to the deferral had passed.
    expect(h.log).toEqual(['ack late', 'run next']);
    expect(ranAfterTurns).toEqual([TURNS]);
  });

  it('given a deferral that does not come back, then work goes on: it is never waited for', async () => {
    const h = harness();
    h.queue.push({ ...h.interaction('stuck', 5, { slowAcknowledgement: true }), since: -ACK_AFTER });
    for (let i = 0; i < 5; i++) h.queue.push(h.message(`m${i}`, 5));
    await h.drain();
    expect(h.log).toEqual(['ack stuck', 'run m0', 'run m1', 'run m2', 'run m3', 'run m4']);
    h.held.shift()!();
    await h.drain();
    expect(h.log.slice(-2)).toEqual(['acked stuck', 'run stuck']);
  });
});
