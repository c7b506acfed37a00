import { describe, expect, it } from 'vitest';
import { answerProbability, FEATURE_NAMES, type DecisionFeatures } from '../../src/answer/decision.ts';
import { buildEvidence, type ScoredQuestion } from '../../src/answer/evidence.ts';
import { DEFAULT_ENGINE_OPTIONS, engineOptions } from '../../src/answer/options.ts';
import { synonymRewriter } from '../../src/answer/synonyms.ts';
import { analyze } from '../../src/text/analyze.ts';
import { fixtureSnapshot } from './fixture-kb.ts';

const snapshot = fixtureSnapshot();
const evidence = buildEvidence(snapshot, DEFAULT_ENGINE_OPTIONS, () => 1);

/** A question of known terms, each weighing 1, as the engine hands them to scoring. */
function question(...terms: string[]): ScoredQuestion {
  return {
    terms: terms.map((term) => ({
      expansions: [{ termId: evidence.termId(term)!, strength: 1 }],
      weight: 1,
      missWeight: 1,
      priors: [1e-4],
      translated: false,
    })),
    sequence: [],
    cues: new Set(),
    language: 'en',
  };
}
const scoreOf = (q: ScoredQuestion, id: string) => evidence.score(q).find((s) => snapshot.facts[s.doc]!.id === id);

describe("a fact's evidence for a question", () => {
  it('explains the terms the fact has, and leaves the others missing', () => {
    const s = scoreOf(question('payroll', 'badg'), 'payroll-processor')!;
    expect([...s.matched]).toEqual([1, 0]);
    expect(s.explained).toBe(1);
    expect(s.missing).toBe(1);
  });

  it('is the same whatever other facts there are: scored on the fact alone', () => {
    const alone = { ...snapshot, facts: snapshot.facts.filter((f) => f.id === 'payroll-processor') };
    const only = buildEvidence(alone, DEFAULT_ENGINE_OPTIONS, () => 1);
    const q = question('payroll', 'dublin');
    const inAll = scoreOf(q, 'payroll-processor')!;
    const [onItsOwn] = only.score({
      ...q,
      terms: q.terms.map((t, k) => ({
        ...t,
        expansions: [{ termId: only.termId(['payroll', 'dublin'][k]!)!, strength: 1 }],
      })),
    });
    expect({ ...onItsOwn!, doc: 0, matched: [...onItsOwn!.matched] }).toEqual({
      ...inAll,
      doc: 0,
      matched: [...inAll.matched],
    });
  });

  it('finds the closest of its own examples, and how much of it the question says', () => {
    const s = scoreOf(question('visitor', 'badg'), 'visitor-badges')!;
    expect(s.similarity).toBeGreaterThanOrEqual(0.5);
    expect(s.exampleCoverage).toBeGreaterThanOrEqual(0.5);
    expect(s.likelihood).toBeGreaterThan(0);
  });

  it('reads a phrase of synonyms.yaml as one thing, its group head included ("White House")', () => {
    const rewriter = synonymRewriter({
      equivalent: [['White House', 'Maison Blanche']],
      one_way: [{ words: ['house'], means: 'hosted' }],
      other_names: [],
      subject_names: [],
    });
    const words = (text: string) => analyze(text, { language: 'en' }).words;
    expect(rewriter.rewrite(words('white house comment'), () => true).map((t) => t.term)).toEqual([
      'whit',
      'hous',
      'comm',
    ]);
    expect(rewriter.rewrite(words('house'), () => true).map((t) => t.term)).toEqual(['host']);
  });

  it('reads a phrase of function words only before what it introduces, and only when asked to', () => {
    const rewriter = synonymRewriter({
      equivalent: [['route', 'goes through', 'via']],
      one_way: [],
      other_names: [],
      subject_names: [],
    });
    const words = (text: string) => analyze(text, { language: 'en' }).words;
    const content = (w: { stop: boolean }) => !w.stop;
    const terms = (text: string, phrases?: boolean) =>
      rewriter.rewrite(words(text), content, phrases).map((t) => t.term);
    expect(terms('traffic goes through oracle')).toEqual(['traffic', 'rout', 'oracl']);
    expect(terms('traffic via oracle')).toEqual(['traffic', 'rout', 'oracl']);
    expect(terms('did the deal goes through')).toEqual(['deal']);
    expect(terms('traffic goes through oracle', false)).toEqual(['traffic', 'oracl']);
    expect(rewriter.sequence(words('traffic goes through oracle'), content)).toEqual(['traffic', 'rout', 'oracl']);
  });
});

describe('the decision', () => {
  const base: DecisionFeatures = {
    coverage: 1,
    similarity: 0.8,
    exampleCoverage: 0.8,
    margin: 1,
    unexplainedMax: 0,
    explained: 3,
  };
  const p = (f: Partial<DecisionFeatures>) =>
    answerProbability({ ...base, ...f }, DEFAULT_ENGINE_OPTIONS.decisionWeights);

  it('is a probability that grows with each sign of a right answer and falls with an unexplained word', () => {
    expect(p({})).toBeGreaterThan(0);
    expect(p({})).toBeLessThan(1);
    expect(p({ similarity: 1 })).toBeGreaterThanOrEqual(p({}));
    expect(p({ exampleCoverage: 1 })).toBeGreaterThanOrEqual(p({}));
    expect(p({ margin: 2 })).toBeGreaterThanOrEqual(p({}));
    expect(p({ explained: 5 })).toBeGreaterThanOrEqual(p({}));
    expect(p({ unexplainedMax: 1 })).toBeLessThanOrEqual(p({}));
  });

  it('has a weight for every feature it reads, and no other', () => {
    expect(Object.keys(DEFAULT_ENGINE_OPTIONS.decisionWeights).sort()).toEqual([...FEATURE_NAMES, 'bias'].sort());
  });

  it('given weights among the options (as fit:decision tries them), then those weights decide, the rest default', () => {
    const options = engineOptions({ decisionWeights: { ...DEFAULT_ENGINE_OPTIONS.decisionWeights, bias: 1 } });
    expect(options.decisionWeights).toEqual({ ...DEFAULT_ENGINE_OPTIONS.decisionWeights, bias: 1 });
    expect(engineOptions().decisionWeights).toEqual(DEFAULT_ENGINE_OPTIONS.decisionWeights);
  });
});
