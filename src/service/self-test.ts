import type { Answerer } from '../answer/answerer.ts';
import type { Decision } from '../answer/engine.ts';
import { describeHandling, handlingOf, judge, sameHandling } from '../answer/outcome.ts';
import type { Problem } from '../knowledge/problems.ts';
import { LANGUAGES } from '../knowledge/schema.ts';
import type { KnowledgeSnapshot } from '../knowledge/snapshot.ts';
import type { KnowledgeFiles } from '../knowledge/validate.ts';
import { parseYamlFile, type YamlFile } from '../knowledge/yaml-file.ts';

const FIELDS = ['aliases', 'questions'] as const;

/** One alias or example question of a fact, and where it is written. */
export interface Example {
  readonly text: string;
  readonly factId: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly field: (typeof FIELDS)[number];
}

/** Every alias and example question of every fact, with its file:line:column. */
export function examplesOf(snapshot: KnowledgeSnapshot, files: KnowledgeFiles): Example[] {
  const examples: Example[] = [];
  for (const fact of snapshot.facts) {
    const file = snapshot.factFiles.get(fact.id) ?? `facts/${fact.id}.yaml`;
    let yaml: YamlFile | undefined;
    const text = files.get(file);
    if (text !== undefined) {
      const parsed = parseYamlFile(file, text);
      if (parsed.ok) yaml = parsed.yaml;
    }
    for (const field of FIELDS) {
      for (const language of LANGUAGES) {
        fact[field][language].forEach((example, i) => {
          const where = yaml?.locate([field, language, i]) ?? { line: 1, column: 1 };
          examples.push({ text: example, factId: fact.id, file, ...where, field });
        });
      }
    }
  }
  return examples;
}

/**
 * The knowledge base tested against itself: each alias and example question is asked of the engine and
 * must be answered by its own fact. Each one that another fact takes, or that is refused, is an error at
 * its line.
 */
export function selfTest(answerer: Answerer, files: KnowledgeFiles): Problem[] {
  const problems: Problem[] = [];
  for (const example of examplesOf(answerer.snapshot, files)) {
    const decision = answerer.ask(example.text);
    if (decision.status === 'answered' && decision.fact?.id === example.factId) continue;
    const what = example.field === 'aliases' ? 'alias' : 'question';
    const other = decision.fact?.id ?? (decision.status === 'clarify' ? decision.suggestions[0]?.id : undefined);
    problems.push({
      file: example.file,
      line: example.line,
      column: example.column,
      severity: 'error',
      message: `${what} "${example.text}" is ${describeHandling(handlingOf(decision))}`,
      hint:
        other && other !== example.factId
          ? `Make it name what only ${example.factId} says, add a word it uses to keywords, or move it to ${other} if it is that fact's question.`
          : `Make it name what only ${example.factId} says, or add a word it uses to keywords.`,
    });
  }
  return problems;
}

/** A question the knowledge base answers differently from a baseline (the committed version, say). */
export interface AnswerChange {
  readonly question: string;
  /** Where the question is listed ("facts/x.yaml:30"), or the question set it comes from. */
  readonly where: string;
  readonly before: string;
  readonly after: string;
  /**
   * Set when a question of a labelled set was answered right and is now answered wrongly: the changed
   * files that caused it (the now-answering fact's file, else synonyms.yaml, else every changed file).
   */
  readonly brokenBy?: readonly string[];
}

export interface Comparison {
  /** Files added, edited or removed since the baseline: what the changes come from. */
  readonly files: readonly string[];
  readonly changes: readonly AnswerChange[];
}

/**
 * Every question whose answer differs between two versions of the knowledge base: each version's aliases
 * and example questions, and any other questions given (a question set, with where each comes from).
 * A fact answering its own example is what the self-test asks for, not a change to report.
 */
export function compareAnswers(
  before: { answerer: Answerer; files: KnowledgeFiles },
  after: { answerer: Answerer; files: KnowledgeFiles },
  questions: readonly { text: string; where: string; expect?: string | null }[] = [],
): Comparison {
  const own = examplesOf(after.answerer.snapshot, after.files);
  const ownFact = new Map(own.map((e) => [e.text, e.factId]));
  const asked = new Map<string, { where: string; expect?: string | null }>();
  const listed = [...own, ...examplesOf(before.answerer.snapshot, before.files)].map((e) => ({
    text: e.text,
    where: `${e.file}:${e.line}`,
  }));
  for (const { text, ...rest } of [...listed, ...questions]) if (!asked.has(text)) asked.set(text, rest);
  const files = [...new Set([...before.files.keys(), ...after.files.keys()])]
    .filter((f) => before.files.get(f) !== after.files.get(f))
    .sort();
  const changes: AnswerChange[] = [];
  for (const [question, { where, expect }] of asked) {
    const was = handlingOf(before.answerer.ask(question));
    const decision = after.answerer.ask(question);
    const is = handlingOf(decision);
    if (sameHandling(was, is) || (is.status === 'answered' && ownFact.get(question) === is.fact)) continue;
    const change = { question, where, before: describeHandling(was), after: describeHandling(is) };
    const broken = expect !== undefined && judge(expect, was) === 'right' && judge(expect, is) === 'wrong';
    changes.push(broken ? { ...change, brokenBy: causes(decision, after.answerer.snapshot, files) } : change);
  }
  return { files, changes };
}

/** The changed files a new wrong answer comes from: its fact's file, else the vocabulary, else all of them. */
function causes(decision: Decision, snapshot: KnowledgeSnapshot, changed: readonly string[]): string[] {
  const factFile = decision.fact && snapshot.factFiles.get(decision.fact.id);
  if (factFile && changed.includes(factFile)) return [factFile];
  if (changed.includes('synonyms.yaml')) return ['synonyms.yaml'];
  return [...changed];
}
