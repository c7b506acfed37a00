/**
 * The bot's one thread, shared fairly. Every interaction and message is queued and worked on one at a
 * time, oldest first, yielding to the event loop between two, so that replies already computed go out
 * and new events come in while a backlog is worked through: answering a whole backlog before replying to
 * anything made every reply in it late once it passed Discord's 3-second deadline.
 *
 * What has a deadline (an interaction) is acknowledged first when it would otherwise be late: before each
 * piece of work, every queued interaction whose age, plus the time the work ahead of it is expected to
 * take, has reached `acknowledgeAfterMs` is acknowledged (deferred), and is answered when its turn comes.
 * Acknowledgements just sent get the thread to themselves for a moment (`acknowledgeGraceMs`): a request
 * needs a few turns of the event loop to leave, and a costly piece of work in each turn would hold it
 * back. A deferral is cheap and keeps the interaction for 15 minutes; a slow moment costs a "thinking…"
 * state, never a lost answer. What has no deadline (a message) simply waits its turn, in order.
 *
 * No Discord import: the bot passes functions. Tests drive it with their own clock and scheduler.
 */
export interface Work {
  /** When the event was created or received, whichever is earlier (ms, on `now`'s clock). */
  readonly since: number;
  /**
   * Acknowledges the event without answering it yet, for events with a deadline. Resolves false when
   * the event can no longer be answered (its work is then dropped).
   */
  readonly acknowledge?: () => Promise<boolean>;
  /** The work. Its synchronous part runs alone on the thread; what it awaits runs later, alongside. */
  readonly run: () => void;
}

export interface WorkQueue {
  push(work: Work): void;
  /** Pieces of work waiting, acknowledged or not. */
  readonly length: number;
}

export interface WorkQueueOptions {
  /** Acknowledge an event once it has waited this long, or is expected to have by its turn. */
  readonly acknowledgeAfterMs: number;
  /** No work starts while an acknowledgement sent less than this long ago is still on its way. */
  readonly acknowledgeGraceMs: number;
  readonly now: () => number;
  /** Runs `next` once the event loop has handled pending I/O. Default: setImmediate. */
  readonly yieldThen?: (next: () => void) => void;
  /** Runs `next` after `ms` (to end a grace period). Default: an unreferenced setTimeout. */
  readonly after?: (ms: number, next: () => void) => void;
  /** Told of every acknowledgement sent: how long its event had waited. */
  readonly onAcknowledge?: (waitedMs: number) => void;
}

type State = 'waiting' | 'acknowledging' | 'acknowledged';

interface Queued {
  readonly work: Work;
  state: State;
}

/**
 * Weight of the newest measurement in the running estimate of one piece of work's cost, as it falls. It
 * rises at once to a costlier piece: an estimate that lags behind a burst of costly questions defers too late.
 */
const COST_SMOOTHING = 0.2;

export function createWorkQueue(options: WorkQueueOptions): WorkQueue {
  const yieldThen = options.yieldThen ?? ((next) => void setImmediate(next));
  const after = options.after ?? ((ms, next) => void setTimeout(next, ms).unref());
  const queue: Queued[] = [];
  let scheduled = false;
  let waking = false;
  /** A running estimate of the synchronous cost of one piece of work, in ms. */
  let cost = 0;
  /** When each acknowledgement still on its way was sent. */
  const inFlight = new Set<{ readonly sentAt: number }>();

  /** Until when the thread is left to acknowledgements just sent; 0 when it is not. */
  const graceUntil = () => {
    let until = 0;
    for (const { sentAt } of inFlight) until = Math.max(until, sentAt + options.acknowledgeGraceMs);
    return until > options.now() ? until : 0;
  };

  const schedule = () => {
    if (scheduled || !queue.some(runnable)) return;
    const until = graceUntil();
    if (until > 0) {
      // Woken by the acknowledgements settling, or at the end of the grace, whichever comes first.
      if (!waking) {
        waking = true;
        after(until - options.now(), () => {
          waking = false;
          schedule();
        });
      }
      return;
    }
    scheduled = true;
    yieldThen(step);
  };

  const acknowledgeDue = () => {
    const now = options.now();
    let ahead = 0;
    for (const item of queue) {
      const { acknowledge, since } = item.work;
      if (
        acknowledge !== undefined &&
        item.state === 'waiting' &&
        now - since + ahead * cost >= options.acknowledgeAfterMs
      ) {
        item.state = 'acknowledging';
        options.onAcknowledge?.(now - since);
        const sent = { sentAt: now };
        inFlight.add(sent);
        acknowledge().then(
          (open) => settle(item, sent, open),
          () => settle(item, sent, true),
        );
      }
      if (item.state !== 'acknowledging') ahead += 1;
    }
  };

  const settle = (item: Queued, sent: { readonly sentAt: number }, open: boolean) => {
    inFlight.delete(sent);
    if (open) item.state = 'acknowledged';
    else queue.splice(queue.indexOf(item), 1);
    schedule();
  };

  const step = () => {
    scheduled = false;
    acknowledgeDue();
    const index = graceUntil() > 0 ? -1 : queue.findIndex(runnable);
    if (index >= 0) {
      const [item] = queue.splice(index, 1);
      const started = options.now();
      try {
        item!.work.run();
      } finally {
        const took = options.now() - started;
        cost = took > cost ? took : cost + COST_SMOOTHING * (took - cost);
      }
    }
    schedule();
  };

  return {
    push(work) {
      queue.push({ work, state: 'waiting' });
      schedule();
    },
    get length() {
      return queue.length;
    },
  };
}

function runnable(item: Queued): boolean {
  return item.state !== 'acknowledging';
}
