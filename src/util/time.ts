export const DAY_MS = 24 * 60 * 60 * 1000;

/** The days a report covers unless told otherwise, and that a draft's preview looks back over. */
export const REPORT_DAYS = 30;

/** The period of `days` whole days ending at `to` (exclusive). */
export function daysBefore(to: Date, days: number = REPORT_DAYS): { from: Date; to: Date } {
  return { from: new Date(to.getTime() - days * DAY_MS), to };
}
