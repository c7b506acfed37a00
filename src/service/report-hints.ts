import type { Answerer } from '../answer/answerer.ts';
import { explain } from '../answer/explain.ts';
import type { Report } from '../record/report.ts';

/**
 * The report with, for each group of unanswered questions, the fact nearest to its example and the
 * words of it no fact knows: what the policy team would add as an alias, a question or a synonym.
 */
export function withFixHints(report: Report, answerer: Answerer): Report {
  return {
    ...report,
    topUnanswered: report.topUnanswered.map((group) => {
      if (!group.textStored) return group;
      const { best, words } = explain(answerer, group.example);
      return {
        ...group,
        hint: {
          nearest: best && { id: best.id, confidence: best.coverage },
          unknownWords: words.filter((w) => w.reading === 'unknown').map((w) => w.word),
        },
      };
    }),
  };
}
