import { createAnswerer } from '../answer/answerer.ts';
import { loadKnowledgeWithFiles } from '../knowledge/load.ts';
import { byPosition, formatProblem, type Problem } from '../knowledge/problems.ts';
import { validateKnowledge } from '../knowledge/validate.ts';
import { compareAnswers, examplesOf, selfTest, type AnswerChange } from '../service/self-test.ts';
import { staleFacts } from '../service/stale.ts';
import { EXIT, processIo, runCommand, UsageError, type CliIo } from './command.ts';
import { committedKnowledgeFiles } from './git-baseline.ts';
import { knowledgeDirOption } from './knowledge.ts';
import { runIfMain } from './main-guard.ts';
import { questionsOf } from './question-set.ts';

const SPEC = {
  name: 'kb:lint',
  usage: `Usage: npm run kb:lint -- [--strict] [--dir knowledge] [--against REF [QUESTION_SET ...]]
  Validates the knowledge base, then asks the engine every alias and example question: each must be
  answered by its own fact.
  --strict      warnings (reviews past due) count as errors
  --against     also list every question answered differently from the knowledge base committed at REF
                (HEAD, main…): the facts' own questions and those of the QUESTION_SET files; fails when a
                question of a set that was answered right is now answered wrongly, naming the file`,
  options: { strict: { type: 'boolean', default: false }, dir: { type: 'string' }, against: { type: 'string' } },
  allowPositionals: true,
} as const;

export function lint(argv: readonly string[], io: CliIo): Promise<number> {
  return runCommand(SPEC, argv, io, async ({ values, positionals }) => {
    const { out } = io;
    if (positionals.length > 0 && values.against === undefined)
      throw new UsageError('question sets are compared only with --against REF');
    const dir = knowledgeDirOption(values.dir);
    const questionSets = await Promise.all(positionals.map(questionsOf));
    const { files, result } = await loadKnowledgeWithFiles({ dir });
    const answerer = result.ok ? createAnswerer(result.snapshot) : undefined;
    const errors: readonly Problem[] = result.ok ? selfTest(answerer!, files).sort(byPosition) : result.errors;
    const { warnings } = result;
    for (const problem of [...errors, ...warnings]) out(formatProblem(problem));
    const stale = result.ok ? staleFacts(result.snapshot, new Date()) : undefined;
    if (stale && stale.count > 0) {
      out('');
      out('Facts past their review date, by owner:');
      for (const { owner, facts } of stale.byOwner) out(`  ${owner}: ${facts.map((f) => f.file ?? f.id).join(', ')}`);
    }
    let broken: readonly AnswerChange[] = [];
    if (answerer && values.against !== undefined) {
      const baseFiles = committedKnowledgeFiles(dir, values.against);
      const baseline = validateKnowledge(baseFiles, { now: new Date() });
      out('');
      if (!baseline.ok)
        out(
          `The knowledge base at ${values.against} does not load (${baseline.errors.length} error(s)); nothing to compare with.`,
        );
      else {
        const { files: changed, changes } = compareAnswers(
          { answerer: createAnswerer(baseline.snapshot), files: baseFiles },
          { answerer, files },
          questionSets.flat(),
        );
        out(`Files changed since ${values.against}: ${changed.length > 0 ? changed.join(', ') : 'none'}.`);
        out(
          changes.length === 0
            ? `No other question is answered differently.`
            : `Questions answered differently because of them (${changes.length}):`,
        );
        for (const c of changes) out(`  ${c.where}: "${c.question}" was ${c.before}, now ${c.after}`);
        broken = changes.filter((c) => c.brokenBy !== undefined);
        if (broken.length > 0) {
          out('');
          out(`Questions that were answered right and are now answered wrongly (${broken.length}):`);
          for (const c of broken)
            out(`  ${c.where}: "${c.question}" is now ${c.after}, because of ${c.brokenBy!.join(', ')}`);
        }
      }
    }
    const failed = errors.length > 0 || broken.length > 0 || (values.strict && warnings.length > 0);
    const summary = result.ok
      ? `${result.snapshot.facts.length} facts, ${result.snapshot.sources.size} sources, ${examplesOf(result.snapshot, files).length} aliases and questions tried, version ${result.snapshot.version}`
      : 'knowledge base not loaded';
    out(
      `${failed ? 'FAILED' : 'OK'}: ${errors.length} error(s), ${warnings.length} warning(s)${broken.length > 0 ? `, ${broken.length} question(s) now answered wrongly` : ''}${values.strict ? ' (strict: warnings count as errors)' : ''} — ${summary}`,
    );
    return failed ? EXIT.failed : EXIT.ok;
  });
}

await runIfMain(import.meta.url, () => lint(process.argv.slice(2), processIo()));
