import { z } from 'zod';
import type { Problem } from '../knowledge/problems.ts';
import { parseYamlFile } from '../knowledge/yaml-file.ts';
import { schemaProblems } from '../knowledge/zod-problems.ts';
import { contextAfter, type Context, type Decision } from './engine.ts';
import { handlingOf, judge, type Outcome } from './outcome.ts';

export const STYLES = ['keyword', 'chat', 'context', 'formal'] as const;

export const QuestionSetSchema = z.array(
  z.strictObject({
    q: z.string(),
    expect: z.string().nullable(),
    /** How the question is written: a few keywords, chat, a sentence of context, or formal words. */
    style: z.enum(STYLES).optional(),
    lang: z.enum(['en', 'fr']).optional(),
    /** Out of scope only: on the knowledge base's subject (true) or about something else (false). */
    near: z.boolean().optional(),
  }),
);
export type QuestionSet = z.output<typeof QuestionSetSchema>;

/** A question set (`- { q: "…", expect: fact-id }`, expect null when out of scope), or its problems, located. */
export function parseQuestionSet(text: string, file = 'question set'): QuestionSet {
  return parseSet(
    QuestionSetSchema,
    text,
    file,
    'a question set is a list of { q: "question", expect: fact-id or null }',
  );
}

/** A file of conversations, read as question sets are. */
export function parseConversationSet(text: string, file = 'conversations'): ConversationSet {
  return parseSet(
    ConversationSetSchema,
    text,
    file,
    'a conversation set is a list of { turns: [{ q: "question", expect: fact-id or null, kind: first|followup|new-topic|out-of-scope }] }',
  );
}

/** A question or conversation set that cannot be read: its first problem at its line, and how many others. */
export class SetFileError extends Error {
  constructor(
    readonly problems: readonly Problem[],
    shape: string,
  ) {
    const first = problems[0]!;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem(s))` : '';
    super(`${first.file}:${first.line}:${first.column}: ${first.message}${more}; ${shape}`);
    this.name = 'SetFileError';
  }
}

function parseSet<S extends z.ZodType>(schema: S, text: string, file: string, shape: string): z.output<S> {
  const parsed = parseYamlFile(file, text);
  if (!parsed.ok) throw new SetFileError(parsed.problems, shape);
  const result = schema.safeParse(parsed.yaml.data ?? [], { reportInput: true });
  if (!result.success) throw new SetFileError(schemaProblems(parsed.yaml, schema, result.error.issues), shape);
  return result.data;
}

export interface EvalCase {
  readonly q: string;
  readonly expect: string | null;
  readonly outcome: Outcome;
  readonly status: Decision['status'];
  readonly got: string | null;
  readonly score: number;
  readonly suggestions: readonly string[];
  readonly style?: (typeof STYLES)[number] | undefined;
  readonly lang?: 'en' | 'fr' | undefined;
}

export interface Tally {
  readonly questions: number;
  readonly right: number;
  readonly clarified: number;
  readonly wrong: number;
  readonly refused: number;
}

export interface EvalReport {
  readonly inScope: Tally;
  readonly outOfScope: Tally;
  /** Wrong answers (a wrong fact, or any answer out of scope) as a share of all questions. */
  readonly wrongShare: number;
  readonly cases: readonly EvalCase[];
}

export function evaluate(questions: QuestionSet, ask: (question: string) => Decision): EvalReport {
  const cases = questions.map(({ q, expect, style, lang }): EvalCase => ({
    ...caseOf(q, expect, ask(q)),
    style,
    lang,
  }));
  const inScope = tallyOf(cases.filter((c) => c.expect !== null));
  const outOfScope = tallyOf(cases.filter((c) => c.expect === null));
  return {
    inScope,
    outOfScope,
    wrongShare: cases.length === 0 ? 0 : (inScope.wrong + outOfScope.wrong) / cases.length,
    cases,
  };
}

function caseOf(q: string, expect: string | null, decision: Decision): EvalCase {
  const handling = handlingOf(decision);
  return {
    q,
    expect,
    outcome: judge(expect, handling),
    status: handling.status,
    got: handling.fact,
    score: handling.score,
    suggestions: decision.suggestions.map((f) => f.id),
  };
}

function tallyOf(subset: readonly EvalCase[]): Tally {
  return {
    questions: subset.length,
    right: subset.filter((c) => c.outcome === 'right').length,
    clarified: subset.filter((c) => c.outcome === 'clarified').length,
    wrong: subset.filter((c) => c.outcome === 'wrong').length,
    refused: subset.filter((c) => c.outcome === 'refused').length,
  };
}

export const TURN_KINDS = ['first', 'followup', 'new-topic', 'out-of-scope'] as const;
export type TurnKind = (typeof TURN_KINDS)[number];

/**
 * Short conversations: each turn asked after the previous ones, with the fact expected (the previous
 * turn's fact when it asks for its source or who said it; null when nothing answers it) and its kind: the
 * first question, a follow-up that needs the previous turn, a new topic clear on its own, or a follow-up
 * the knowledge base cannot answer.
 */
export const ConversationSetSchema = z.array(
  z.strictObject({
    lang: z.enum(['en', 'fr']).optional(),
    turns: z.array(z.strictObject({ q: z.string(), expect: z.string().nullable(), kind: z.enum(TURN_KINDS) })).min(1),
  }),
);
export type ConversationSet = z.output<typeof ConversationSetSchema>;

export interface ConversationReport {
  readonly byKind: Readonly<Record<TurnKind, Tally>>;
  /** Wrong answers (a wrong fact, or any answer out of scope) as a share of all turns. */
  readonly wrongShare: number;
  /** Turns read with the previous answer's help. */
  readonly followUpsUsed: number;
  readonly cases: readonly (EvalCase & { readonly kind: TurnKind; readonly conversation: number })[];
}

/**
 * Asks each conversation's turns in order, each with the fact of the last answer given in that conversation,
 * as the bot does in a DM or a thread, and judges each turn as `judge` does.
 */
export function evaluateConversations(
  conversations: ConversationSet,
  ask: (question: string, context: Context | undefined) => Decision,
): ConversationReport {
  const cases: (EvalCase & { kind: TurnKind; conversation: number })[] = [];
  let followUpsUsed = 0;
  conversations.forEach(({ turns, lang }, conversation) => {
    let context: Context | undefined;
    for (const { q, expect, kind } of turns) {
      const decision = ask(q, context);
      if (decision.followUp?.used) followUpsUsed++;
      context = contextAfter(context, decision);
      cases.push({ ...caseOf(q, expect, decision), kind, conversation, lang });
    }
  });
  const byKind = Object.fromEntries(
    TURN_KINDS.map((kind) => [kind, tallyOf(cases.filter((c) => c.kind === kind))]),
  ) as Record<TurnKind, Tally>;
  const wrong = cases.filter((c) => c.outcome === 'wrong').length;
  return { byKind, wrongShare: cases.length === 0 ? 0 : wrong / cases.length, followUpsUsed, cases };
}

export function formatConversationReport(report: ConversationReport, { misses = true } = {}): string[] {
  const lines = TURN_KINDS.map((kind) => {
    const t = report.byKind[kind];
    return kind === 'out-of-scope'
      ? `${kind} (${t.questions}): refused ${t.right} (${percent(t.right, t.questions)}), did-you-mean ${t.clarified}, answered ${t.wrong}`
      : `${kind} (${t.questions}): right ${t.right} (${percent(t.right, t.questions)}), did-you-mean right ${t.clarified}, wrong ${t.wrong}, refused ${t.refused}`;
  });
  const turns = report.cases.length;
  const wrong = report.cases.filter((c) => c.outcome === 'wrong').length;
  lines.push(
    `wrong answers: ${wrong} of ${turns} turns (${percent(wrong, turns)}); read with the previous answer: ${report.followUpsUsed}`,
  );
  const missed = report.cases.filter((c) => c.outcome !== 'right');
  if (misses && missed.length > 0) {
    lines.push('', `not right (${missed.length}):`);
    for (const c of missed)
      lines.push(
        `  [${c.outcome}] conversation ${c.conversation + 1}, ${c.kind} ${JSON.stringify(c.q)}: expected ${c.expect ?? 'unknown'}, got ${c.status}${c.got ? ` ${c.got}` : ''} (confidence ${c.score})`,
      );
  }
  return lines;
}

export function percent(part: number, whole: number): string {
  return whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`;
}

export function formatReport(report: EvalReport, { misses = true } = {}): string[] {
  const { inScope: i, outOfScope: o } = report;
  const lines = [
    `in scope (${i.questions}):     right ${i.right} (${percent(i.right, i.questions)}), did-you-mean right ${i.clarified}, wrong ${i.wrong}, refused ${i.refused}`,
    `out of scope (${o.questions}): refused ${o.right} (${percent(o.right, o.questions)}), did-you-mean ${o.clarified}, answered ${o.wrong}`,
    `wrong answers: ${i.wrong + o.wrong} of ${i.questions + o.questions} questions (${percent(i.wrong + o.wrong, i.questions + o.questions)})`,
    ...breakdown(report.cases),
  ];
  const missed = report.cases.filter((c) => c.outcome !== 'right');
  if (misses && missed.length > 0) {
    lines.push('', `not right (${missed.length}):`);
    for (const c of missed) {
      lines.push(
        `  [${c.outcome}] ${JSON.stringify(c.q)}: expected ${c.expect ?? 'unknown'}, got ${c.status}${c.got ? ` ${c.got}` : ''} (confidence ${c.score}; suggestions ${c.suggestions.join(', ') || 'none'})`,
      );
    }
  }
  return lines;
}

/**
 * One line per style and per language when the set names them: a set's total can hide that formal
 * questions, or French ones, do much worse than the rest.
 */
function breakdown(cases: readonly EvalCase[]): string[] {
  const groups: [string, readonly EvalCase[]][] = [
    ...STYLES.map((style): [string, EvalCase[]] => [style, cases.filter((c) => c.style === style)]),
    ...(['en', 'fr'] as const).map((lang): [string, EvalCase[]] => [lang, cases.filter((c) => c.lang === lang)]),
  ];
  const named = groups.filter(([, subset]) => subset.length > 0);
  if (named.length === 0) return [];
  return [
    '',
    'by style and language:',
    ...named.map(([name, subset]) => {
      const i = tallyOf(subset.filter((c) => c.expect !== null));
      const o = tallyOf(subset.filter((c) => c.expect === null));
      return `  ${name.padEnd(8)} in scope ${i.questions}: right ${i.right}, did-you-mean ${i.clarified}, wrong ${i.wrong}, refused ${i.refused} | out of scope ${o.questions}: refused ${o.right}, did-you-mean ${o.clarified}, answered ${o.wrong}`;
    }),
  ];
}
