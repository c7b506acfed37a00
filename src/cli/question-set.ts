import { QuestionSetSchema, type QuestionSet } from '../answer/evaluate.ts';
import type { Problem } from '../knowledge/problems.ts';
import { parseYamlFile } from '../knowledge/yaml-file.ts';
import { schemaProblems } from '../knowledge/zod-problems.ts';
import { CommandFailure, readInputFile } from './command.ts';

/** A question set file (`- { q: "…", expect: fact-id }`, expect null when out of scope), located errors and all. */
export async function readQuestionSet(path: string): Promise<QuestionSet> {
  const parsed = parseYamlFile(path, await readInputFile(path));
  if (!parsed.ok) throw failure(parsed.problems);
  const result = QuestionSetSchema.safeParse(parsed.yaml.data ?? [], { reportInput: true });
  if (!result.success) throw failure(schemaProblems(parsed.yaml, QuestionSetSchema, result.error.issues));
  return result.data;
}

/** The questions of a question set, each with the file it comes from and its expected fact, for comparisons. */
export async function questionsOf(path: string): Promise<{ text: string; where: string; expect: string | null }[]> {
  return (await readQuestionSet(path)).map(({ q, expect }) => ({ text: q, where: path, expect }));
}

function failure(problems: readonly Problem[]): CommandFailure {
  const first = problems[0]!;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem(s))` : '';
  return new CommandFailure(
    `${first.file}:${first.line}:${first.column}: ${first.message}${more}; a question set is a list of { q: "question", expect: fact-id or null }`,
  );
}
