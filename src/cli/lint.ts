import { formatProblem } from '../service/display.ts';
import { lintKnowledge, type LintResult } from '../service/lint.ts';
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
    if (positionals.length > 0 && values.against === undefined)
      throw new UsageError('question sets are compared only with --against REF');
    const dir = knowledgeDirOption(values.dir);
    const questions = (await Promise.all(positionals.map(questionsOf))).flat();
    const ref = values.against;
    const result = await lintKnowledge({
      dir,
      now: new Date(),
      strict: values.strict,
      ...(ref === undefined ? {} : { against: { ref, files: () => committedKnowledgeFiles(dir, ref), questions } }),
    });
    for (const line of formatLint(result)) io.out(line);
    return result.failed ? EXIT.failed : EXIT.ok;
  });
}

/** The lint result for a terminal: each problem at its file:line:column, then what they add up to. */
export function formatLint(result: LintResult): string[] {
  const { errors, warnings, loaded, comparison, broken } = result;
  const lines = [...errors, ...warnings].map(formatProblem);
  if (loaded && loaded.stale.count > 0) {
    lines.push('', 'Facts past their review date, by owner:');
    for (const { owner, facts } of loaded.stale.byOwner)
      lines.push(`  ${owner}: ${facts.map((f) => f.file ?? f.id).join(', ')}`);
  }
  if (comparison) {
    lines.push('');
    if (!comparison.ok)
      lines.push(
        `The knowledge base at ${comparison.ref} does not load (${comparison.errors} error(s)); nothing to compare with.`,
      );
    else {
      const { files, changes } = comparison;
      lines.push(`Files changed since ${comparison.ref}: ${files.length > 0 ? files.join(', ') : 'none'}.`);
      lines.push(
        changes.length === 0
          ? `No other question is answered differently.`
          : `Questions answered differently because of them (${changes.length}):`,
      );
      for (const c of changes) lines.push(`  ${c.where}: "${c.question}" was ${c.before}, now ${c.after}`);
      if (broken.length > 0) {
        lines.push('', `Questions that were answered right and are now answered wrongly (${broken.length}):`);
        for (const c of broken)
          lines.push(`  ${c.where}: "${c.question}" is now ${c.after}, because of ${c.brokenBy!.join(', ')}`);
      }
    }
  }
  const summary = loaded
    ? `${loaded.facts} facts, ${loaded.sources} sources, ${loaded.examples} aliases and questions tried, version ${loaded.version}`
    : 'knowledge base not loaded';
  lines.push(
    `${result.failed ? 'FAILED' : 'OK'}: ${errors.length} error(s), ${warnings.length} warning(s)${broken.length > 0 ? `, ${broken.length} question(s) now answered wrongly` : ''}${result.strict ? ' (strict: warnings count as errors)' : ''} — ${summary}`,
  );
  return lines;
}

await runIfMain(import.meta.url, () => lint(process.argv.slice(2), processIo()));
