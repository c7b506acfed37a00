export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export interface Timing {
  readonly median: number;
  readonly p99: number;
  readonly count: number;
}

/** Times `run` once per input (after a warm-up pass over a few), in milliseconds; stops early past `budgetMs`. */
export function timeEach<T>(inputs: readonly T[], run: (input: T) => unknown, budgetMs = Infinity): Timing {
  for (const input of inputs.slice(0, Math.min(5, inputs.length))) run(input);
  const times: number[] = [];
  const started = performance.now();
  for (const input of inputs) {
    const t0 = performance.now();
    run(input);
    times.push(performance.now() - t0);
    if (performance.now() - started > budgetMs) break;
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 50), p99: percentile(times, 99), count: times.length };
}

export function ms(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value >= 100
    ? `${value.toFixed(0)} ms`
    : value >= 1
      ? `${value.toFixed(2)} ms`
      : `${(value * 1000).toFixed(0)} µs`;
}

export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
