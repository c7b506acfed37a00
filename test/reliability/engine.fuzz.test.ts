import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Decision } from '../../src/answer/engine.ts';
import { MESSAGES } from '../../src/answer/messages.ts';
import { buildReply } from '../../src/answer/reply.ts';
import { fixtureAnswerer, TODAY } from '../helpers.ts';
import { budget, fuzz, report, Slowest, timed, withinBound } from './fuzz.ts';
import { blank, devQuestions, INVISIBLE, noisy, question } from './questions.ts';

const answerer = fixtureAnswerer();
const { snapshot } = answerer;
const context = { snapshot, now: TODAY, contact: { en: 'the policy team', fr: "l'équipe politique" } };
/**
 * However odd the question, one answer takes less than this: a bound against pathological inputs
 * (quadratic matching, a runaway pattern), which take seconds, loose enough for a busy machine running
 * tests in parallel, checked in full runs only (npm run test:stress; see CHECK_TIME_BOUNDS). How fast
 * answers are is measured by `npm run bench`, not here.
 */
const QUESTION_BOUND_MS = 250;

/**
 * Times one question. A question over the bound is asked once more and the faster run counts: a garbage
 * collection or another test process taking the core is not the question's fault, while a question that is
 * slow to answer is slow both times.
 */
function ask(question: string, slowest: Slowest): Decision {
  const first = timed(() => answerer.ask(question));
  const ms = first.ms < QUESTION_BOUND_MS ? first.ms : Math.min(first.ms, timed(() => answerer.ask(question)).ms);
  slowest.add(ms, () => `${question.length} chars: ${question}`);
  withinBound(ms, QUESTION_BOUND_MS, `time for ${JSON.stringify(question.slice(0, 80))}`);
  return first.value;
}

/** Every way a decision and its reply model fall short of their contract. */
function flaws(question: string, d: Decision): string[] {
  const found: string[] = [];
  if (d.status !== 'answered' && d.status !== 'clarify' && d.status !== 'unknown')
    found.push(`status ${String(d.status)}`);
  if (d.status === 'answered' && !d.fact) found.push('answered without a fact');
  if (d.status !== 'answered' && d.fact) found.push(`${d.status} with fact ${d.fact.id}`);
  if (d.status === 'clarify' && d.suggestions.length === 0) found.push('"did you mean" without a candidate');
  if (!Number.isFinite(d.score) || d.score < 0 || d.score > 1) found.push(`score ${d.score}`);
  if (d.language !== 'en' && d.language !== 'fr') found.push(`language ${String(d.language)}`);
  const ids = d.suggestions.map((f) => f.id);
  if (ids.length > 3) found.push(`${ids.length} suggestions`);
  if (new Set(ids).size !== ids.length) found.push(`repeated suggestions ${ids.join(',')}`);
  if (d.fact && ids.includes(d.fact.id)) found.push(`the answer ${d.fact.id} is also suggested`);
  for (const f of [...(d.fact ? [d.fact] : []), ...d.suggestions])
    if (snapshot.factsById.get(f.id) !== f) found.push(`${f.id} is not a fact of the snapshot`);
  const reply = buildReply(question, d, context);
  if (reply.status !== d.status || reply.fact?.id !== d.fact?.id) found.push('reply disagrees with the decision');
  if (reply.suggestions.map((s) => s.id).join() !== ids.join()) found.push('reply suggestions differ');
  if (reply.status !== 'answered' && reply.notice.trim() === '') found.push(`${reply.status} without text`);
  if (reply.status === 'answered' && (!reply.fact?.answer || reply.fact.citations.length === 0))
    found.push('an answer without text or citation');
  return found;
}

const answerOf = (d: Decision) => `${d.status}:${d.fact?.id ?? '-'}`;

describe('the answer engine, given hostile questions', () => {
  const slowest = new Slowest('ask, any question');
  const slowestNoisy = new Slowest('ask, in-scope question with noise');
  afterAll(() => report(slowest, slowestNoisy));

  it(
    'given any text (unicode, invisible and bidi marks, emoji, mentions, markdown, up to 6,000 characters), then it decides within 250 ms, never throws, and the decision keeps its contract',
    () => {
      fc.assert(
        fc.property(question(6000), (q) => {
          expect(flaws(q, ask(q, slowest))).toEqual([]);
        }),
        fuzz(5000),
      );
    },
    budget(30_000),
  );

  it(
    'given a covered question with noise inserted, then the decision keeps its contract',
    () => {
      fc.assert(
        fc.property(noisy(), (q) => {
          expect(flaws(q, ask(q, slowestNoisy))).toEqual([]);
        }),
        fuzz(2000),
      );
    },
    budget(20_000),
  );

  it('given an empty, whitespace-only or invisible-only question, then it does not know (score 0), and a blank one gets “ask me a question”', () => {
    fc.assert(
      fc.property(blank, (q) => {
        const d = ask(q, slowest);
        expect(flaws(q, d)).toEqual([]);
        expect(d.status).toBe('unknown');
        expect(d.fact).toBeUndefined();
        expect(d.score).toBe(0);
        if (q.trim() === '') expect(buildReply(q, d, context).notice).toBe(MESSAGES[d.language].emptyQuestion);
      }),
      fuzz(500),
    );
  });

  it('given the longest possible question, 6,000 characters of one repeated word, then it answers within 250 ms', () => {
    for (const word of ['backups ', 'sauvegardes ', 'x', '😀', 'e\u0301', 'Oracle\u200b']) {
      const q = word.repeat(Math.ceil(6000 / word.length)).slice(0, 6000);
      expect(flaws(q, ask(q, slowest))).toEqual([]);
    }
  });
});

const DEV = devQuestions();

describe('the answer engine, given the same question written differently (dev questions)', () => {
  const questions = DEV;
  const slowest = new Slowest('ask, metamorphic');
  afterAll(() => report(slowest));
  const baseline = new Map(questions.map(({ q }) => [q, answerOf(answerer.ask(q))]));

  const unaccent = (q: string) => q.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
  const rewrites: Record<string, fc.Arbitrary<(q: string) => string>> = {
    'upper case': fc.constant((q: string) => q.toUpperCase()),
    'lower case': fc.constant((q: string) => q.toLowerCase()),
    'accents removed': fc.constant(unaccent),
    'decomposed (NFD)': fc.constant((q: string) => q.normalize('NFD')),
    'zero-width and direction marks between words': fc
      .array(fc.constantFrom(...INVISIBLE), { minLength: 1, maxLength: 3 })
      .map((marks) => (q: string) => q.replace(/ /g, () => ` ${marks.join('')}`)),
    'invisible marks before and after': fc
      .array(fc.constantFrom(...INVISIBLE), { minLength: 1, maxLength: 3 })
      .map((marks) => (q: string) => `${marks.join('')}${q}${marks.join('')}`),
  };

  for (const [name, rewrite] of Object.entries(rewrites)) {
    it(`given a dev question rewritten (${name}), then the answer does not change`, () => {
      fc.assert(
        fc.property(fc.constantFrom(...questions), rewrite, ({ q }, change) => {
          const changed = change(q);
          expect({ q: changed, answer: answerOf(ask(changed, slowest)) }).toEqual({
            q: changed,
            answer: baseline.get(q),
          });
        }),
        fuzz(300),
      );
    });
  }

  // A capital in the middle of a sentence marks a name ("does Facebook…"), which the engine weighs as the
  // question's subject when it does not know it: random case can turn a word into a name by chance, so it may
  // make the bot ask rather than answer, but never answer with another fact.
  it('given a dev question in random case, then it is answered with the same fact or not answered at all', () => {
    const randomCase = fc
      .array(fc.boolean(), { minLength: 1, maxLength: 64 })
      .map(
        (flips) => (q: string) =>
          [...q].map((c, i) => (flips[i % flips.length] ? c.toUpperCase() : c.toLowerCase())).join(''),
      );
    fc.assert(
      fc.property(fc.constantFrom(...questions), randomCase, ({ q }, change) => {
        const changed = change(q);
        const answer = answerOf(ask(changed, slowest));
        if (answer.startsWith('answered'))
          expect({ q: changed, answer }).toEqual({ q: changed, answer: baseline.get(q) });
      }),
      fuzz(300),
    );
  });

  // Found by fuzzing, now fixed (src/text/normalise.ts, `fold`): zero-width and other format characters (U+200B, U+200C, U+200D, U+2060,
  // U+00AD soft hyphen, U+200E/U+200F direction marks) are not letters, so `words()` splits a word at them:
  // "Wh\u200Bo ow\u200Bns Tik\u200BTok" becomes "wh o ow ns tik tok" and gets "I don't know". Text pasted from
  // web pages, PDFs and chat apps carries them unseen. All 43 covered dev questions lose their answer.
  it('given invisible characters inside words of a covered question, then the answer does not change', () => {
    const changed = questions
      .filter(({ expect: e }) => e !== null)
      .flatMap(({ q }) =>
        INVISIBLE.map((mark) => {
          const marked = q.replace(/(\p{L}{2})(?=\p{L}{2})/gu, `$1${mark}`);
          return { q: marked, answer: answerOf(answerer.ask(marked)), expected: baseline.get(q) };
        }),
      );
    expect(changed.filter((c) => c.answer !== c.expected)).toEqual([]);
  });

  // Found by fuzzing, now fixed (src/text/normalise.ts, `detectLanguage`): accents count as French evidence only when precomposed
  // (/[éèêàùçôîûëïœ]/ on the raw text). The same visible text typed decomposed (NFD, as macOS and some
  // keyboards produce it) counts no accents, so the language, its stop words and the answer can differ:
  // "díd thé tréásúry dépártmént cómmént" answers no-comment when decomposed but cfius when precomposed.
  it('given the same accented text precomposed (NFC) and decomposed (NFD), then the answer is the same', () => {
    const accented = 'díd thé tréásúry dépártmént cómmént';
    expect(answerOf(answerer.ask(accented.normalize('NFD')))).toBe(answerOf(answerer.ask(accented.normalize('NFC'))));
  });
});
