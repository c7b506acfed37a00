import { parse } from 'yaml';
import {
  parseConversationSet,
  parseQuestionSet,
  SetFileError,
  type ConversationSet,
  type QuestionSet,
} from '../answer/evaluate.ts';
import { CommandFailure, readInputFile } from './command.ts';

/** A question set file, read as every question set is; a problem in it is the command's failure, located. */
export async function readQuestionSet(path: string): Promise<QuestionSet> {
  const text = await readInputFile(path);
  return located(() => parseQuestionSet(text, path));
}

/**
 * A file of questions or of conversations (a list whose items have `turns`), told apart by its first item;
 * a file that does not parse is read as questions, whose reader says where it is wrong.
 */
export async function readEvaluationSet(
  path: string,
): Promise<{ kind: 'questions'; set: QuestionSet } | { kind: 'conversations'; set: ConversationSet }> {
  const text = await readInputFile(path);
  return firstItemHasTurns(text)
    ? { kind: 'conversations', set: located(() => parseConversationSet(text, path)) }
    : { kind: 'questions', set: located(() => parseQuestionSet(text, path)) };
}

function firstItemHasTurns(text: string): boolean {
  try {
    const first: unknown = (parse(text) as unknown[] | null)?.[0];
    return typeof first === 'object' && first !== null && 'turns' in first;
  } catch {
    return false;
  }
}

function located<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw error instanceof SetFileError ? new CommandFailure(error.message) : error;
  }
}

/** The questions of a question set, each with the file it comes from and its expected fact, for comparisons. */
export async function questionsOf(path: string): Promise<{ text: string; where: string; expect: string | null }[]> {
  return (await readQuestionSet(path)).map(({ q, expect }) => ({ text: q, where: path, expect }));
}
