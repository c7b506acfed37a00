import { parseQuestionSet, SetFileError, type QuestionSet } from '../answer/evaluate.ts';
import { CommandFailure, readInputFile } from './command.ts';

/** A question set file, read as every question set is; a problem in it is the command's failure, located. */
export async function readQuestionSet(path: string): Promise<QuestionSet> {
  const text = await readInputFile(path);
  try {
    return parseQuestionSet(text, path);
  } catch (error) {
    throw error instanceof SetFileError ? new CommandFailure(error.message) : error;
  }
}

/** The questions of a question set, each with the file it comes from and its expected fact, for comparisons. */
export async function questionsOf(path: string): Promise<{ text: string; where: string; expect: string | null }[]> {
  return (await readQuestionSet(path)).map(({ q, expect }) => ({ text: q, where: path, expect }));
}
