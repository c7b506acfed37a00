import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, formatReport, parseQuestionSet } from '../../src/answer/evaluate.ts';
import { REPO, fixtureAnswerer } from '../helpers.ts';

const fixture = (name: string) => join(REPO, 'test', 'fixtures', name);

/**
 * Answer quality as numbers, as regression floors a little under what was measured (README, "How answers
 * are chosen"). "Right" is the expected fact given as the answer; out of scope, "refused" is "I don't know"
 * and "not answered" also counts "did you mean …?" — anything but an answer. The blind sets were written by
 * people who saw only the article and the fact names; each was scored once, blind, then kept as a floor
 * (and from then on, tuned on): see docs/quality.md for which figure is which. Six "refused" floors were
 * lowered on 2026-12-02 when "did you mean …?" was widened (probability 0.6 instead of 0.8): a few
 * out-of-scope questions are now asked back instead of refused; the "not answered" floors did not move.
 */
const SETS: readonly {
  name: string;
  file: string;
  right: number | null;
  refused: number;
  notAnswered: number;
  wrong: number;
}[] = [
  { name: 'development set', file: 'questions-dev.yaml', right: 0.95, refused: 0.95, notAnswered: 0.95, wrong: 0.02 },
  {
    // Keyword, chat, context and formal questions, a quarter each (style per question): tuned on.
    name: 'four-style development set',
    file: 'questions-dev-styles.yaml',
    right: 0.8,
    refused: 0.9,
    notAnswered: 0.93,
    wrong: 0.025,
  },
  {
    name: 'held-out paraphrase set',
    file: 'questions-heldout.yaml',
    right: 0.93,
    refused: 0.95,
    notAnswered: 0.95,
    wrong: 0.02,
  },
  {
    name: 'near-miss set',
    file: 'questions-near-misses.yaml',
    right: null,
    refused: 0.88,
    notAnswered: 0.92,
    wrong: 0.05,
  },
  {
    name: 'blind chat set',
    file: 'questions-blind-chat.yaml',
    right: 0.86,
    refused: 0.94,
    notAnswered: 0.97,
    wrong: 0.02,
  },
  {
    name: 'blind professional set',
    file: 'questions-blind-professional.yaml',
    right: 0.74,
    refused: 0.92,
    notAnswered: 0.97,
    wrong: 0.01,
  },
  {
    name: 'second blind professional set',
    file: 'questions-blind-professional-2.yaml',
    right: 0.74,
    refused: 0.94,
    notAnswered: 0.97,
    wrong: 0.01,
  },
  {
    name: 'held-back blind set',
    file: 'questions-blind-heldback.yaml',
    right: 0.88,
    refused: 0.89,
    notAnswered: 0.95,
    wrong: 0.02,
  },
  {
    name: 'blind set E (chat)',
    file: 'questions-blind-e.yaml',
    right: 0.9,
    refused: 0.88,
    notAnswered: 0.93,
    wrong: 0.03,
  },
  {
    name: 'blind set F (chat and professional)',
    file: 'questions-blind-f.yaml',
    right: 0.87,
    refused: 0.93,
    notAnswered: 0.95,
    wrong: 0.02,
  },
  {
    name: 'blind set G (chat)',
    file: 'questions-blind-g.yaml',
    right: 0.87,
    refused: 0.88,
    notAnswered: 0.95,
    wrong: 0.02,
  },
  {
    name: 'blind set H (chat and professional)',
    file: 'questions-blind-h.yaml',
    right: 0.72,
    refused: 0.88,
    notAnswered: 0.9,
    wrong: 0.04,
  },
  {
    name: 'blind set K (casual chat; kept untouched, scored blind with the engine of 2026-12-01, a394c6e)',
    file: 'questions-blind-k.yaml',
    right: 0.85,
    refused: 0.9,
    notAnswered: 0.95,
    wrong: 0.02,
  },
  {
    // A third of it are plain paraphrases written to avoid the facts' words: the engine's weak spot.
    name: 'blind set L (chat, professional, paraphrase; kept untouched, scored blind with the engine of 2026-12-01, 7a075cd)',
    file: 'questions-blind-l.yaml',
    right: 0.58,
    refused: 0.86,
    notAnswered: 0.9,
    wrong: 0.04,
  },
  {
    name: 'blind set M (chat and professional; kept untouched, scored blind with the engine of 2026-12-01, d483bf3)',
    file: 'questions-blind-m.yaml',
    right: 0.84,
    refused: 0.75,
    notAnswered: 0.8,
    wrong: 0.07,
  },
  {
    name: 'blind set I (casual chat)',
    file: 'questions-blind-i.yaml',
    right: 0.82,
    refused: 0.86,
    notAnswered: 0.9,
    wrong: 0.04,
  },
  {
    name: 'blind set J (chat and professional)',
    file: 'questions-blind-j.yaml',
    right: 0.8,
    refused: 0.88,
    notAnswered: 0.95,
    wrong: 0.02,
  },
  {
    // Keyword, chat, context and formal, English and French, a quarter near misses (style per question).
    name: 'blind set N (four styles; scored blind with the engine of 2026-12-02, 33b97fa)',
    file: 'questions-blind-n.yaml',
    right: 0.83,
    refused: 0.85,
    notAnswered: 0.93,
    wrong: 0.03,
  },
  {
    name: 'blind set O (four styles; scored blind with the engine of 2026-12-02, 33b97fa)',
    file: 'questions-blind-o.yaml',
    right: 0.78,
    refused: 0.86,
    notAnswered: 0.93,
    wrong: 0.03,
  },
  {
    name: 'blind set P (four styles; scored blind with the engine of 2026-12-02, 14987f2)',
    file: 'questions-blind-p.yaml',
    right: 0.84,
    refused: 0.84,
    notAnswered: 0.88,
    wrong: 0.045,
  },
  {
    name: 'blind set Q (four styles; scored blind with the engine of 2026-12-02, 14987f2)',
    file: 'questions-blind-q.yaml',
    right: 0.88,
    refused: 0.8,
    notAnswered: 0.88,
    wrong: 0.05,
  },
  {
    name: 'blind set R (four styles; scored blind with the engine of 2026-12-03, f19a898 to 4a0aa47)',
    file: 'questions-blind-r.yaml',
    right: 0.9,
    refused: 0.96,
    notAnswered: 0.98,
    wrong: 0.00625,
  },
  {
    name: 'blind set S (context and formal; scored blind with the engine of 2026-12-03, 58006b1 and 18578ed)',
    file: 'questions-blind-s.yaml',
    right: 0.78,
    refused: 0.93,
    notAnswered: 0.98,
    wrong: 0.0125,
  },
  {
    name: 'blind set T (four styles; scored blind with the engine of 2026-12-03, 669a1c4 to 22e52fb)',
    file: 'questions-blind-t.yaml',
    right: 0.88,
    refused: 0.9,
    notAnswered: 0.98,
    wrong: 0.00625,
  },
  {
    name: 'blind set W (four styles; scored blind with the engine of 2026-12-04, a4c5e65)',
    file: 'questions-blind-w.yaml',
    right: 0.92,
    refused: 0.91,
    notAnswered: 0.92,
    wrong: 0.032,
  },
  {
    name: 'blind set X (four styles; scored blind with the engine of 2026-12-04, 3de148b)',
    file: 'questions-blind-x.yaml',
    right: 0.93,
    refused: 0.94,
    notAnswered: 0.94,
    wrong: 0.019,
  },
  {
    name: 'blind set Y (four styles; scored blind with the engine of 2026-12-04, 3de148b)',
    file: 'questions-blind-y.yaml',
    right: 0.9,
    refused: 0.92,
    notAnswered: 0.94,
    wrong: 0.032,
  },
  {
    name: 'blind set Z (four styles; keyword, chat and formal scored blind at 6a7f587, context at 43347d8)',
    file: 'questions-blind-z.yaml',
    right: 0.95,
    refused: 0.96,
    notAnswered: 0.96,
    wrong: 0.013,
  },
  {
    name: 'blind set ZC (context, a second writer; scored blind at 43347d8)',
    file: 'questions-blind-zc.yaml',
    right: 0.92,
    refused: 0.92,
    notAnswered: 0.92,
    wrong: 0.025,
  },
  {
    name: 'blind set AB, chat by its first writer (scored blind at 19bc078)',
    file: 'questions-blind-ab-chat.yaml',
    right: 0.88,
    refused: 0.92,
    notAnswered: 0.92,
    wrong: 0.025,
  },
  {
    name: 'blind set AB (four styles; scored blind at 202e56d, c1e6eb8 and 9cc0958)',
    file: 'questions-blind-ab.yaml',
    right: 0.9,
    refused: 0.98,
    notAnswered: 0.98,
    wrong: 0.013,
  },
  {
    name: 'blind set AO (four styles; scored blind at ab5acda)',
    file: 'questions-blind-ao.yaml',
    right: 0.9,
    refused: 0.96,
    notAnswered: 0.98,
    wrong: 0.013,
  },
  {
    name: 'blind set AN (four styles; scored blind at e6655cf)',
    file: 'questions-blind-an.yaml',
    right: 0.9,
    refused: 0.98,
    notAnswered: 1,
    wrong: 0.007,
  },
  {
    name: 'blind set AM (four styles; scored blind at 153dc0f)',
    file: 'questions-blind-am.yaml',
    right: 0.92,
    refused: 1,
    notAnswered: 1,
    wrong: 0,
  },
  {
    name: 'blind set AL (four styles; scored blind at 350ee8a)',
    file: 'questions-blind-al.yaml',
    right: 0.95,
    refused: 0.98,
    notAnswered: 0.98,
    wrong: 0.007,
  },
  {
    name: 'blind set AJ (four styles; scored blind at caae13e)',
    file: 'questions-blind-aj.yaml',
    right: 0.96,
    refused: 0.98,
    notAnswered: 0.98,
    wrong: 0.007,
  },
  {
    name: 'blind set AK (formal, a second writer; scored blind at caae13e)',
    file: 'questions-blind-ak.yaml',
    right: 0.92,
    refused: 0.78,
    notAnswered: 1,
    wrong: 0,
  },
  {
    name: 'blind set AH (four styles; scored blind at 783ce19, 117e4a6, 7f89da7 and 390f621)',
    file: 'questions-blind-ah.yaml',
    right: 0.93,
    refused: 0.92,
    notAnswered: 0.98,
    wrong: 0.007,
  },
  {
    name: 'blind set AI (chat, keyword and context; scored blind at 783ce19, 0470082 and 390f621)',
    file: 'questions-blind-ai.yaml',
    right: 0.96,
    refused: 0.97,
    notAnswered: 0.97,
    wrong: 0.009,
  },
  {
    name: 'blind set AG (chat, context and formal; scored blind at 8f87922)',
    file: 'questions-blind-ag.yaml',
    right: 0.92,
    refused: 0.97,
    notAnswered: 0.97,
    wrong: 0.009,
  },
  {
    name: 'blind set AF (four styles; scored blind at 01367fd and 4cd7108)',
    file: 'questions-blind-af.yaml',
    right: 0.96,
    refused: 0.98,
    notAnswered: 0.98,
    wrong: 0.007,
  },
  {
    name: 'blind set AE (four styles; scored blind at 766b31d)',
    file: 'questions-blind-ae.yaml',
    right: 0.93,
    refused: 0.94,
    notAnswered: 0.94,
    wrong: 0.025,
  },
  {
    name: 'blind set AD (four styles; scored blind at 35537c4 and a9634e1)',
    file: 'questions-blind-ad.yaml',
    right: 0.93,
    refused: 0.96,
    notAnswered: 0.96,
    wrong: 0.013,
  },
  {
    name: 'blind set AA (four styles; scored blind at 29f9fb9)',
    file: 'questions-blind-aa.yaml',
    right: 0.96,
    refused: 0.94,
    notAnswered: 0.94,
    wrong: 0.013,
  },
  {
    name: 'blind set ZD (context, a third writer; scored blind at 8260328)',
    file: 'questions-blind-zd.yaml',
    right: 0.92,
    refused: 1,
    notAnswered: 1,
    wrong: 0,
  },
];

describe('answer quality on the frozen knowledge base', () => {
  const answerer = fixtureAnswerer();
  for (const set of SETS) {
    const bar = `${set.right === null ? '' : `in scope right ≥ ${set.right * 100}%, `}out of scope refused ≥ ${set.refused * 100}% (not answered ≥ ${set.notAnswered * 100}%), wrong answers ≤ ${set.wrong * 100}%`;
    it(`on the ${set.name}: ${bar}`, () => {
      const report = evaluate(parseQuestionSet(readFileSync(fixture(set.file), 'utf8')), answerer.ask);
      const summary = formatReport(report).join('\n');
      const { inScope, outOfScope } = report;
      expect(outOfScope.questions, summary).toBeGreaterThan(0);
      if (set.right !== null) {
        expect(inScope.questions, summary).toBeGreaterThan(0);
        expect(inScope.right / inScope.questions, summary).toBeGreaterThanOrEqual(set.right);
      }
      expect(outOfScope.right / outOfScope.questions, summary).toBeGreaterThanOrEqual(set.refused);
      expect((outOfScope.right + outOfScope.clarified) / outOfScope.questions, summary).toBeGreaterThanOrEqual(
        set.notAnswered,
      );
      expect(report.wrongShare, summary).toBeLessThanOrEqual(set.wrong);
    });
  }
});
