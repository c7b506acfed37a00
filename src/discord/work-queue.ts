/**
 * The bot's one thread, shared fairly. Every interaction and message is queued and worked on one at a
 * time, oldest first, yielding to the event loop between two, so that replies already computed go out
 * and new events come in while a backlog is worked through: answering a whole backlog before replying to
 * anything made every reply in it late once it passed Discord's 3-second deadline.
 *
 * What has a deadline (an interaction) is acknowledged first when it would otherwise be late: before each
 * piece of work, every queued interaction whose age, plus the time the work ahead of it is expected to
 * take, has reached `acknowledgeAfterMs` is acknowledged (deferred), and is answered when its turn comes.
 * Acknowledgements just sent get a few turns of the event loop to themselves (`acknowledgeTurns`): a
 * request needs a few turns to leave, and a costly piece of work in each turn would hold it back. Turns,
 * not time: a slow or failing acknowledgement must not stall the work (waiting for acknowledgements to
 * come back let a stream of deferrals under faults starve everything else). A deferral is cheap and keeps the interaction for 15 minutes; a slow moment costs a "thinking…"
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
  /** Turns of the event loop left to acknowledgements just sent before the next piece of work starts. */
  readonly acknowledgeTurns: number;
  readonly now: () => number;
  /** Runs `next` once the event loop has handled pending I/O. Default: setImmediate. */
  readonly yieldThen?: (next: () => void) => void;
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
const INITIAL_COST_MS = 2;

export function createWorkQueue(options: WorkQueueOptions): WorkQueue {
  const yieldThen = options.yieldThen ?? ((next) => void setImmediate(next));
  const queue: Queued[] = [];
  let scheduled = false;
  /**
   * A running estimate of the synchronous cost of one piece of work, in ms. It starts at an ordinary
   * question's cost on a busy machine, so that a burst is deferred as it arrives, before anything is measured.
   */
  let cost = INITIAL_COST_MS;
  /** Turns still left to acknowledgements just sent. */
  let freeTurns = 0;

  const schedule = () => {
    if (scheduled || !queue.some(runnable)) return;
    scheduled = true;
    yieldThen(step);
  };

  /** Acknowledges the item if it would be late for its turn, `ahead` pieces of work from now. */
  const acknowledgeIfDue = (item: Queued, now: number, ahead: number): boolean => {
    const { acknowledge, since } = item.work;
    if (acknowledge === undefined || item.state !== 'waiting') return false;
    if (now - since + ahead * cost < options.acknowledgeAfterMs) return false;
    item.state = 'acknowledging';
    options.onAcknowledge?.(now - since);
    acknowledge().then(
      (open) => settle(item, open),
      () => settle(item, true),
    );
    return true;
  };

  /** Sends every acknowledgement now due; how many were sent. */
  const acknowledgeDue = (): number => {
    const now = options.now();
    let ahead = 0;
    let sent = 0;
    for (const item of queue) {
      if (acknowledgeIfDue(item, now, ahead)) sent += 1;
      if (item.state !== 'acknowledging') ahead += 1;
    }
    return sent;
  };

  const settle = (item: Queued, open: boolean) => {
    if (open) item.state = 'acknowledged';
    else queue.splice(queue.indexOf(item), 1);
    schedule();
  };

  const step = () => {
    scheduled = false;
    if (acknowledgeDue() > 0) freeTurns = options.acknowledgeTurns;
    const index = freeTurns > 0 ? -1 : queue.findIndex(runnable);
    if (freeTurns > 0) freeTurns -= 1;
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
      const item: Queued = { work, state: 'waiting' };
      // Checked as it arrives too: in a burst, the next step may come only once the whole burst is in.
      const ahead = queue.reduce((n, queued) => n + (runnable(queued) ? 1 : 0), 0);
      queue.push(item);
      if (acknowledgeIfDue(item, options.now(), ahead)) freeTurns = options.acknowledgeTurns;
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
