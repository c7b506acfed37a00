/** A per-member wait between answers, against floods. Holds at most `maxTracked` members. */
export interface Cooldown {
  /** 0 when the member may go ahead (and starts their wait), else the milliseconds left. */
  take(userId: string): number;
}

export function createCooldown(options: { ms: number; now: () => number; maxTracked?: number }): Cooldown {
  const last = new Map<string, number>();
  const maxTracked = options.maxTracked ?? 10_000;
  return {
    take(userId) {
      if (options.ms <= 0) return 0;
      const now = options.now();
      const previous = last.get(userId);
      if (previous !== undefined && now - previous < options.ms) return options.ms - (now - previous);
      last.delete(userId);
      last.set(userId, now);
      if (last.size > maxTracked) last.delete(last.keys().next().value!);
      return 0;
    },
  };
}
