import { createAnswerer } from '../answer/answerer.ts';
import { loadKnowledgeWithFiles } from '../knowledge/load.ts';
import { byPosition, type Problem } from '../knowledge/problems.ts';
import { validateKnowledge, type KnowledgeFiles } from '../knowledge/validate.ts';
import { compareAnswers, examplesOf, selfTest, type AnswerChange } from './self-test.ts';
import { staleFacts, type StaleFacts } from './stale.ts';

export interface LintInput {
  readonly dir: string;
  readonly now: Date;
  /** Warnings (reviews past due) count as errors. */
  readonly strict: boolean;
  /**
   * A version to compare answers with (the knowledge base committed at `ref`), and questions of sets to ask
   * both; its files are read only when the knowledge base loads.
   */
  readonly against?: {
    readonly ref: string;
    readonly files: () => KnowledgeFiles;
    readonly questions: readonly { text: string; where: string; expect?: string | null }[];
  };
}

/** What `npm run kb:lint` found: the terminal prints it, and fails when `failed`. */
export interface LintResult {
  /** The validator's errors when the knowledge base does not load; else the self-test's, by position. */
  readonly errors: readonly Problem[];
  readonly warnings: readonly Problem[];
  /** What was loaded and tried; undefined when the knowledge base does not load. */
  readonly loaded:
    | {
        readonly facts: number;
        readonly sources: number;
        /** Aliases and example questions asked of the engine. */
        readonly examples: number;
        readonly version: string;
        readonly stale: StaleFacts;
      }
    | undefined;
  /** The comparison with `against`, when asked for and the knowledge base loads. */
  readonly comparison: LintComparison | undefined;
  /** Questions of a set answered right at `against` and wrongly now. */
  readonly broken: readonly AnswerChange[];
  readonly strict: boolean;
  readonly failed: boolean;
}

export type LintComparison = { readonly ref: string } & (
  | { readonly ok: false; readonly errors: number }
  | { readonly ok: true; readonly files: readonly string[]; readonly changes: readonly AnswerChange[] }
);

/**
 * The knowledge base checked as CI checks it: validated, then each alias and example question asked of
 * the engine, which must answer it with its own fact; optionally, every answer compared with another version.
 */
export async function lintKnowledge(input: LintInput): Promise<LintResult> {
  const { files, result } = await loadKnowledgeWithFiles({ dir: input.dir, now: input.now });
  const { warnings } = result;
  if (!result.ok) return finish(input, { errors: result.errors, warnings, loaded: undefined, comparison: undefined });
  const { snapshot } = result;
  const answerer = createAnswerer(snapshot);
  const loaded = {
    facts: snapshot.facts.length,
    sources: snapshot.sources.size,
    examples: examplesOf(snapshot, files).length,
    version: snapshot.version,
    stale: staleFacts(snapshot, input.now),
  };
  const errors = selfTest(answerer, files).sort(byPosition);
  let comparison: LintComparison | undefined;
  if (input.against) {
    const { ref } = input.against;
    const baseFiles = input.against.files();
    const baseline = validateKnowledge(baseFiles, { now: input.now });
    comparison = baseline.ok
      ? {
          ref,
          ok: true,
          ...compareAnswers(
            { answerer: createAnswerer(baseline.snapshot), files: baseFiles },
            { answerer, files },
            input.against.questions,
          ),
        }
      : { ref, ok: false, errors: baseline.errors.length };
  }
  return finish(input, { errors, warnings, loaded, comparison });
}

function finish(
  input: LintInput,
  found: Pick<LintResult, 'errors' | 'warnings' | 'loaded' | 'comparison'>,
): LintResult {
  const broken = found.comparison?.ok ? found.comparison.changes.filter((c) => c.brokenBy !== undefined) : [];
  const failed = found.errors.length > 0 || broken.length > 0 || (input.strict && found.warnings.length > 0);
  return { ...found, broken, strict: input.strict, failed };
}
