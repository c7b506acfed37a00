import { stem } from '../text/normalise.ts';
import type { Answerer } from './answerer.ts';
import type { AskedKind } from '../text/answer-kinds.ts';
import type { AboutAnswer } from '../text/follow-up.ts';
import { describeHandling, handlingOf } from './outcome.ts';
import type { Decision, RankedFact } from './engine.ts';

/**
 * Why the engine decided what it did about one question, for the policy team: how each word was read
 * and how much it weighed, the best fact and the runner-up, and which bar decided the outcome. It tells
 * them which alias or synonym to add, instead of guessing.
 */
export interface Explanation {
  readonly question: string;
  readonly decision: Decision;
  readonly words: readonly WordReading[];
  readonly best: RankedFact | undefined;
  readonly runnerUp: RankedFact | undefined;
  /** Why the outcome is what it is, as the bars the best fact passed or missed. */
  readonly bars: readonly Bar[];
}

export interface WordReading {
  readonly word: string;
  /**
   * known: a knowledge-base word as written; synonym: read through synonyms.yaml; typo: read as a
   * knowledge-base word it is close to; unknown: no fact has it, so it counts against every fact.
   */
  readonly reading: 'known' | 'synonym' | 'typo' | 'unknown' | 'context';
  /** The knowledge-base words it was read as. */
  readonly as: readonly string[];
  /** Its share (0–1) of the question's weight. */
  readonly share: number;
  /** In the question's frame ("For the vendor DPIA: …"), which counts for less. */
  readonly frame: boolean;
}

export interface Bar {
  readonly what:
    | 'probability for an answer'
    | 'coverage for an answer'
    | 'probability for "did you mean"'
    | 'coverage for "did you mean"';
  readonly value: number;
  readonly needed: number;
  readonly passed: boolean;
}

export function explain(answerer: Answerer, question: string, previous?: string): Explanation {
  const decision = answerer.ask(question, previous === undefined ? undefined : { previous });
  const { options } = answerer.engine;
  const total = decision.terms.reduce((sum, t) => sum + t.weight, 0);
  const words = decision.terms.map((t): WordReading => {
    const as = t.matches.map((m) => m.term);
    const reading = t.context
      ? 'context'
      : as.length === 0
        ? 'unknown'
        : as[0] !== t.term
          ? 'typo'
          : t.term !== stem(t.word)
            ? 'synonym'
            : 'known';
    const share = total > 0 ? Math.round((t.weight / total) * 1000) / 1000 : 0;
    return { word: t.word, reading, as, share, frame: t.frame };
  });
  const [best, runnerUp] = decision.ranking;
  const bar = (what: Bar['what'], value: number, needed: number): Bar => ({
    what,
    value,
    needed,
    passed: value >= needed,
  });
  const bars = best
    ? [
        bar('probability for an answer', decision.score, options.answerThreshold),
        bar('coverage for an answer', best.coverage, options.minCoverage),
        bar('probability for "did you mean"', decision.score, options.clarifyThreshold),
        bar('coverage for "did you mean"', best.coverage, options.ambiguousCoverage),
      ]
    : [];
  return { question, decision, words, best, runnerUp, bars };
}

const READING: Record<WordReading['reading'], (w: WordReading) => string> = {
  known: () => 'known',
  synonym: (w) => `read as "${w.as[0]}" through synonyms.yaml`,
  typo: (w) => `a typo? read as ${w.as.map((a) => `"${a}"`).join(' or ')}`,
  unknown: () => 'no fact has this word: it counts against every fact',
  context: () => "the previous answer's word, read with this follow-up: it counts for a fact, never against",
};

const FRAME = "; in the question's frame (what the answer is for), so it counts less";

const KIND: Record<AskedKind, string> = {
  quantity: 'a figure',
  money: 'a sum of money',
  duration: 'a length of time',
  date: 'a date',
  since: 'since when',
  frequency: 'how often',
  name: 'a name',
  leader: 'who leads it',
  address: 'an address',
  biography: 'a detail of a life or career',
  decision: 'what was decided',
  locality: 'a city, state or region',
  outcome: 'how it turned out',
  day: 'the exact day',
  reason: 'why',
  headcount: 'a count of people or things',
  sanction: 'a penalty on anyone',
  person: 'a person’s name',
  encryption: 'whether or how it is encrypted',
  certification: 'a certification',
  failure: 'why it failed',
  others: 'the names of others',
  reaction: 'the reaction of the party it names',
  volume: 'a size of data',
  consequence: 'what would follow',
  legality: 'whether it is legal',
  deadline: 'a deadline',
  future: 'what is planned',
  state: 'whether a state owns or controls it',
  current: 'whether it still holds today',
  reversal: 'whether it was revoked or overturned',
  relation: 'how the two stand to each other',
};

const ABOUT: Record<AboutAnswer, string> = {
  source: 'source',
  claimant: 'claimant',
  certainty: 'certainty',
  date: 'date',
  reason: 'reason or purpose',
  detail: 'details',
  position: "naming of someone's position",
};

/** The explanation as plain text, for a terminal (`ask --explain`) or a Discord code block (`/kb explain`). */
export function formatExplanation(e: Explanation): string {
  const percent = (share: number) => `${Math.round(share * 100)}%`.padStart(4);
  const width = Math.max(0, ...e.words.map((w) => w.word.length));
  const fact = (label: string, r: RankedFact) =>
    `${label}: ${r.id}, covers ${percent(r.coverage).trim()} of the question's weight, its closest example ${percent(r.similarity).trim()} alike (rank ${r.rank.toFixed(2)})`;
  const lines = ['Why:', "  the question's words, with their share of its weight:"];
  if (e.words.length === 0) lines.push('    (none: only stop words)');
  for (const w of e.words)
    lines.push(`    ${w.word.padEnd(width)} ${percent(w.share)}  ${READING[w.reading](w)}${w.frame ? FRAME : ''}`);
  if (e.best) lines.push(`  ${fact('best', e.best)}`);
  const follow = e.decision.followUp;
  if (follow)
    lines.push(
      follow.about
        ? `  a question about the previous answer (${follow.previous}): its ${ABOUT[follow.about]}, so that fact`
        : follow.linked === 'tie'
          ? `  after the previous answer (${follow.previous}): facts its words fit as well, the one linked to that answer (related) first`
          : follow.linked === 'place'
            ? `  asks where, which the previous answer (${follow.previous}) does not say: the fact linked to it (related) that says where`
            : follow.linked === 'around'
              ? e.decision.status === 'answered'
                ? `  asks what came before or after the previous answer (${follow.previous}), which it only names: the fact related to it nearest in time on that side (the first year its answer gives, or its as_of)`
                : `  asks what came before or after the previous answer (${follow.previous}), which it only names: no one fact related to it nearest on that side, so the facts related to it, offered`
              : follow.linked === 'speaker'
                ? `  asks a reaction of someone who does not speak in the previous answer (${follow.previous}): the fact linked to it (related) in which they do`
                : follow.linked === 'plan'
                  ? `  asks what is planned, which the previous answer (${follow.previous}) does not say: the fact linked to it (related) that does`
                  : follow.linked === 'same'
                    ? `  every word of it is the previous answer's own (${follow.previous}): about that answer`
                    : follow.linked === 'points'
                      ? `  points back at the previous answer (${follow.previous}) in a word of its own, and nothing answers it alone: about that answer`
                      : follow.linked === 'related'
                        ? `  points back at the previous answer (${follow.previous}) in a word it does not have and the fact linked to it (related) does: that fact`
                        : follow.used
                          ? `  read after the previous answer (${follow.previous}), whose words count as context, its related facts first`
                          : `  read on its own: it stands alone or changes the subject (previous answer: ${follow.previous})`,
    );
  const off = e.decision.offSubject;
  if (off) {
    lines.push(
      off.kind === 'asker'
        ? `  the question is about the asker's own organisation${off.word ? ` ("${off.word}")` : ''}, which no fact is about`
        : off.kind === 'everyday'
          ? `  the question is about "${off.word}", an everyday subject (weather, meals, parking, holidays) no fact explains`
          : off.kind === 'thanks'
            ? '  the message only closes the conversation ("thanks", "ok merci"): no question'
            : off.kind === 'opinion'
              ? `  the message asks the bot's own opinion ("${off.word}"), which it has none of`
              : `  the question names ${off.word ?? 'a company'}, listed in other_names of synonyms.yaml, which no fact names`,
    );
  }
  if (e.best && e.best.lacks.length > 0) {
    const kinds = e.best.lacks.map((kind) => KIND[kind]).join(' and ');
    lines.push(
      `  the question asks for ${kinds}, which ${e.best.id} does not give: not in its answer, nor asked by its questions`,
    );
  }
  if (e.runnerUp)
    lines.push(
      e.runnerUp.rank > e.best!.rank && e.runnerUp.lacks.length > 0
        ? `  ${fact('runner-up', e.runnerUp)}; it does not give what the question asks, so it ranks after ${e.best!.id} and is not counted in the margin`
        : `  ${fact('runner-up', e.runnerUp)}; margin ${(e.best!.rank - e.runnerUp.rank).toFixed(2)}`,
    );
  const f = e.decision.features;
  if (f)
    lines.push(
      `  the decision read: coverage ${f.coverage.toFixed(2)}, closest example ${f.similarity.toFixed(2)} alike and ${f.exampleCoverage.toFixed(2)} said, margin ${f.margin.toFixed(2)}, heaviest unexplained word ${f.unexplainedMax.toFixed(2)}, explained ${f.explained.toFixed(2)} words`,
    );
  for (const bar of e.bars)
    lines.push(
      `  ${bar.what}: ${bar.value.toFixed(2)} ${bar.passed ? '≥' : '<'} ${bar.needed} ${bar.passed ? '(passed)' : '(missed)'}`,
    );
  lines.push(`  outcome: ${describeHandling(handlingOf(e.decision))}`);
  if (e.words.some((w) => w.reading === 'unknown')) {
    lines.push(
      '  If this question is about a fact, add its unknown words to that fact (an alias or a question) or to synonyms.yaml.',
    );
  }
  return lines.join('\n');
}
