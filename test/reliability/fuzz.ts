import fc from 'fast-check';

/**
 * Run counts for the fuzz tests. Each test names its full count; `npm test` runs a tenth of it, to stay
 * quick, and `npm run test:stress` (which CI runs too) the full count (FUZZ_RUNS=1). `FUZZ_RUNS=10` runs
 * ten times the full count, and `FUZZ_SEED=…` replays the seed fast-check printed for a failure.
 */
const QUICK_SCALE = 0.1;
const SCALE = positive(process.env.FUZZ_RUNS) ?? QUICK_SCALE;
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

export function runs(base: number): number {
  return Math.max(1, Math.round(base * SCALE));
}

export function fuzz(base: number): fc.Parameters<unknown> {
  return { numRuns: runs(base), ...(SEED !== undefined && Number.isFinite(SEED) ? { seed: SEED } : {}) };
}

/**
 * Whether the time bounds of single cases are checked: in full runs (npm run test:stress, FUZZ_RUNS
 * set), not in npm test, which must pass on a machine busy with other work; there the bounds are only
 * reported (FUZZ_REPORT) and the properties checked are about what is answered, not how fast.
 */
export const CHECK_TIME_BOUNDS = process.env.FUZZ_RUNS !== undefined;

/** Checks a case's time against its bound in full runs (see CHECK_TIME_BOUNDS). */
export function withinBound(ms: number, bound: number, what: string): void {
  if (CHECK_TIME_BOUNDS && ms >= bound) throw new Error(`${what}: ${ms.toFixed(0)} ms, over the ${bound} ms bound`);
}

/** Per-test time budget in ms: the default budget, stretched as the run counts are scaled up. */
export function budget(ms: number): number {
  return Math.round(ms * Math.max(1, SCALE));
}

/** The slowest cases seen by a property, so a report can say how close to its bound it came. */
export class Slowest {
  private readonly top: { ms: number; what: string }[] = [];
  count = 0;

  constructor(
    readonly label: string,
    private readonly keep = 3,
  ) {}

  add(ms: number, what: () => string): void {
    this.count++;
    if (this.top.length === this.keep && ms <= this.top[this.keep - 1]!.ms) return;
    this.top.push({ ms, what: what().slice(0, 400) });
    this.top.sort((a, b) => b.ms - a.ms);
    this.top.length = Math.min(this.top.length, this.keep);
  }

  get max(): number {
    return this.top[0]?.ms ?? 0;
  }

  toString(): string {
    const cases = this.top.map((t) => `${t.ms.toFixed(1)} ms ${JSON.stringify(t.what)}`).join('; ');
    return `${this.label}: ${this.count} cases, slowest ${cases || 'none'}`;
  }
}

/** Prints what the properties measured when `FUZZ_REPORT` is set; silent otherwise, to keep `npm test` quiet. */
export function report(...slowest: readonly Slowest[]): void {
  if (process.env.FUZZ_REPORT) for (const s of slowest) console.info(`[fuzz] ${s.toString()}`);
}

export function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

export async function timedAsync<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await run();
  return { value, ms: performance.now() - started };
}

function positive(value: string | undefined): number | undefined {
  const n = Number(value);
  return value !== undefined && Number.isFinite(n) && n > 0 ? n : undefined;
}
