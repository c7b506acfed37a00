import { expect } from 'vitest';
import type { LoadFigures } from './load-scenario.ts';

/**
 * What every load run must show, whatever its size: nothing lost but the interactions made
 * unanswerable on purpose, every other one acknowledged (answered, or deferred when the bot was busy)
 * and answered, nothing acknowledged after Discord's 3 s deadline, no wrong or error answer
 * (during the reload and the broken edit included), every fault kind actually applied, every extra
 * callback attempt explained by an injected fault, and every question in the record.
 */
export function expectEveryInteractionAnswered(
  f: LoadFigures,
  unanswerable: number,
  options: { deadline?: 'enforced' | 'lifted' } = {},
): void {
  const summary = JSON.stringify({ ...f, problems: f.problems.slice(0, 5) });
  expect(f.lost, summary).toBe(0);
  expect(f.lostToFaults, summary).toBe(unanswerable);
  expect(f.acknowledged, summary).toBe(f.sent - unanswerable);
  expect(f.answered, summary).toBe(f.sent - unanswerable);
  expect(f.failedAnswers, summary).toBe(0);
  // With the fake enforcing Discord's deadline a late callback is refused and shows as lost; lifted
  // (npm test on a busy machine), lateness is a figure of the run, not what the test checks.
  if (options.deadline !== 'lifted')
    expect(f.late, `${f.late} acknowledged after the 3 s deadline; max ${f.maxMs} ms; ${summary}`).toBe(0);
  // The only failures the error boundary saw are the unanswerable interactions'.
  expect(f.handlerFailures, summary).toBe(unanswerable);
  // Each attempt besides the accepted one is a 500 or 429 we injected: no 400 "already acknowledged",
  // and a deferred interaction is answered by editing its deferral, never by a second callback.
  expect(f.callbackAttempts, summary).toBe(f.acknowledged + f.faults.http500 + f.faults.http429);
  expect(f.faults.http500 * f.faults.http429 * f.faults.slow * f.faults.gatewayDrops, summary).toBeGreaterThan(0);
  expect({ reloads: f.reloads, refused: f.reloadsRefused }, summary).toEqual({ reloads: 3, refused: 1 });
  expect(f.duringReload.failed + f.duringBrokenEdit.failed, summary).toBe(0);
  expect(f.duringBrokenEdit.answered, summary).toBeGreaterThan(f.sent / 10);
  expect(f.duringGatewayDrop, summary).toBeGreaterThan(0);
  // Every /ask handled is in the SQLite record once, the unanswerable ones included (recorded before replying).
  expect(f.record, summary).toEqual({ asks: f.record.asks, questions: f.record.asks, dropped: 0, writeErrors: 0 });
}
