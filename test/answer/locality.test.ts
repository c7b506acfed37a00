import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnswerer } from '../../src/answer/answerer.ts';
import type { Decision } from '../../src/answer/engine.ts';
import { parseQuestionSet } from '../../src/answer/evaluate.ts';
import { handlingOf } from '../../src/answer/outcome.ts';
import { contentTerms } from '../../src/text/analyze.ts';
import { REPO, knowledgeFiles, snapshotOf } from '../helpers.ts';
import { fixtureSnapshot } from './fixture-kb.ts';

const FIXTURES = join(REPO, 'test', 'fixtures');
// Seven sets of every kind (about 700 questions): every fact is removed in turn, so all sets would be slow.
const SETS = ['dev', 'heldout', 'near-misses', 'blind-chat', 'blind-professional', 'blind-l', 'blind-m'];
const questions = SETS.flatMap((name) =>
  parseQuestionSet(readFileSync(join(FIXTURES, `questions-${name}.yaml`), 'utf8')),
);

/** The frozen knowledge base with the office facts of fixture-kb.ts added (their source and topic too). */
function mergedSnapshot() {
  const tiktok = snapshotOf(knowledgeFiles());
  const office = fixtureSnapshot();
  const facts = [...tiktok.facts, ...office.facts];
  return {
    ...tiktok,
    facts,
    factsById: new Map(facts.map((f) => [f.id, f])),
    sources: new Map([...tiktok.sources, ...office.sources]),
  };
}

const OFFICE_QUESTIONS = [
  { q: 'Where are the paper archives kept?', expect: 'archives-location' },
  { q: 'who processes the payroll data', expect: 'payroll-processor' },
  { q: 'visitor badges expiry', expect: 'visitor-badges' },
  { q: 'Qui traite les données de paie à Dublin ?', expect: 'payroll-processor' },
  { q: "Où est l'accueil pour les badges ?", expect: 'visitor-badges' },
  { q: 'archives basement Lyon', expect: 'archives-location' },
];

/** What a member sees: answered with a fact, asked back about one, or told "I don't know". */
const outcome = (d: Decision) => {
  const { status, fact } = handlingOf(d);
  return `${status} ${fact}`;
};

describe('each fact is scored on its own evidence (the frozen knowledge base and every question set)', () => {
  const snapshot = snapshotOf(knowledgeFiles());
  const full = createAnswerer(snapshot);
  const asked = questions.map(({ q, expect: expected }) => ({ q, expected, decision: full.ask(q) }));
  // The knowledge base without one fact (other facts' `related` lists are not the engine's business).
  const without = (id: string) => {
    const facts = snapshot.facts.filter((f) => f.id !== id);
    return createAnswerer({ ...snapshot, facts, factsById: new Map(facts.map((f) => [f.id, f])) });
  };

  it(
    'removing any one fact changes no outcome of a question it neither won nor came second for, nor is related to the facts that did',
    { timeout: 120_000 },
    () => {
      // `related` links both ways: a fact only mentioning what a related fact is about counts those words less.
      const linked = (a: string, b: string) =>
        full.snapshot.factsById.get(a)!.related.includes(b) || full.snapshot.factsById.get(b)!.related.includes(a);
      const changed: string[] = [];
      for (const fact of full.snapshot.facts) {
        const answerer = without(fact.id);
        for (const { q, decision } of asked) {
          if (decision.ranking.slice(0, 2).some((r) => r.id === fact.id || linked(r.id, fact.id))) continue;
          const after = answerer.ask(q);
          if (outcome(after) !== outcome(decision))
            changed.push(`without ${fact.id}: "${q}" ${outcome(decision)} → ${outcome(after)}`);
        }
      }
      expect(changed).toEqual([]);
    },
  );

  it(
    'removing any one fact changes no outcome of a question whose expected fact shares no content word with it',
    { timeout: 120_000 },
    () => {
      // The frozen facts all speak of TikTok, so they share words: the check runs on them merged with the
      // facts of another knowledge base (an office's archives, badges, payroll) and its questions.
      const merged = mergedSnapshot();
      const mergedFull = createAnswerer(merged);
      const words = (id: string) => {
        const f = merged.factsById.get(id)!;
        const texts = [f.title, f.answer].flatMap((t) => [t.en, t.fr]);
        for (const l of ['en', 'fr'] as const) texts.push(...f.aliases[l], ...f.questions[l], ...f.keywords[l]);
        return new Set(texts.flatMap(contentTerms));
      };
      const all = [...questions, ...OFFICE_QUESTIONS].map(({ q, expect: expected }) => ({
        q,
        expected,
        decision: mergedFull.ask(q),
      }));
      let compared = 0;
      const changed: string[] = [];
      for (const fact of merged.facts) {
        const own = words(fact.id);
        const facts = merged.facts.filter((f) => f.id !== fact.id);
        const answerer = createAnswerer({ ...merged, facts, factsById: new Map(facts.map((f) => [f.id, f])) });
        for (const { q, expected, decision } of all) {
          // A fact that won a question it should not have: removing it is meant to change that.
          if (expected === null || decision.ranking[0]?.id === fact.id) continue;
          if ([...words(expected)].some((w) => own.has(w))) continue;
          compared++;
          const after = answerer.ask(q);
          if (outcome(after) !== outcome(decision))
            changed.push(`without ${fact.id}: "${q}" ${outcome(decision)} → ${outcome(after)}`);
        }
      }
      expect(changed).toEqual([]);
      expect(compared).toBeGreaterThan(500);
    },
  );
});

describe('Discord markup in a question', () => {
  const answerer = createAnswerer(snapshotOf(knowledgeFiles()));
  const everySet = readdirSync(FIXTURES)
    .filter((f) => /^questions-.*\.yaml$/.test(f))
    .flatMap((f) => parseQuestionSet(readFileSync(join(FIXTURES, f), 'utf8')));
  const marked = [
    (q: string) => `<@123456789012345678> ${q}`,
    (q: string) => `${q} <:oracle_logo:112233445566778899>`,
    (q: string) => `${q} https://example.com/some/page?ref=tiktok`,
    (q: string) => `<@&987654321098765432> <#555666777888999000> ${q}`,
    (q: string) => `${q} <a:wave:123> <t:1718600000:R> @everyone`,
  ];

  it(
    'never changes the outcome of any question of the sets: a mention, an emoji, a link, a role or channel',
    { timeout: 120_000 },
    () => {
      const changed: string[] = [];
      for (const { q } of everySet) {
        const plain = outcome(answerer.ask(q));
        for (const mark of marked) {
          const withMarkup = outcome(answerer.ask(mark(q)));
          if (withMarkup !== plain) changed.push(`"${mark(q)}": ${plain} → ${withMarkup}`);
        }
      }
      expect(changed).toEqual([]);
    },
  );
});
