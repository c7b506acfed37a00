import { configOrExplain } from '../config.ts';
import type { Problem } from '../knowledge/problems.ts';
import { formatProblem } from '../service/display.ts';
import { previewDraftFile, type PreviewResult } from '../service/preview.ts';
import { RecordReadError } from '../service/report.ts';
import { CommandFailure, EXIT, processIo, readInputFile, runCommand, UsageError, type CliIo } from './command.ts';
import { committedFile } from './git-baseline.ts';
import { knowledgeDirOption } from './knowledge.ts';
import { runIfMain } from './main-guard.ts';
import { renderText } from './render-text.ts';

const SPEC = {
  name: 'kb:preview',
  usage: `Usage: npm run kb:preview -- FILE ["question" ...] [--dir knowledge]
  FILE is one fact in YAML (a new one, or an edit of an existing id). Nothing live changes. It is compared
  with the knowledge base without it: for a file inside the knowledge folder, the version committed at
  HEAD, or none when it is new.`,
  options: { dir: { type: 'string' } },
  allowPositionals: true,
} as const;

export function preview(argv: readonly string[], io: CliIo, now = new Date()): Promise<number> {
  return runCommand(SPEC, argv, io, async ({ values, positionals }) => {
    const [file, ...questions] = positionals;
    if (!file) throw new UsageError('give the draft fact FILE');
    const config = configOrExplain(io.env, io.err);
    if (!config) return EXIT.usage;
    const dir = knowledgeDirOption(values.dir);
    const draft = await readInputFile(file);
    let preview;
    try {
      preview = await previewDraftFile({
        knowledgeDir: dir,
        draftPath: file,
        draft,
        questions,
        dataDir: config.record?.dataDir,
        now,
        contact: config.contact,
        committed: { ref: 'HEAD', file: (name) => committedFile(dir, 'HEAD', name) },
      });
    } catch (error) {
      throw error instanceof RecordReadError ? new CommandFailure(error.message) : error;
    }
    const { against } = preview;
    if (!preview.ok) throw new CommandFailure(`the knowledge base ${against} has errors; run npm run kb:lint first`);
    const { result } = preview;
    io.out(`Compared with the knowledge base ${against}.`);
    for (const line of formatPreview(result, file)) io.out(line);
    return result.ok ? EXIT.ok : EXIT.failed;
  });
}

/** The preview for a terminal; problems in the draft point at `draftPath`, the file the person edits. */
export function formatPreview(result: PreviewResult, draftPath: string = result.file): string[] {
  const format = (problem: Problem) =>
    formatProblem(problem.file === result.file ? { ...problem, file: draftPath } : problem);
  if (!result.ok)
    return [
      `The draft does not validate (${result.errors.length} error(s)); nothing was changed:`,
      ...result.errors.map(format),
    ];
  const lines = [
    `Draft ${result.factId} is valid. Nothing live was changed. Staff would read:`,
    '',
    renderText(result.reply),
    '',
  ];
  const name = (id: string | null) => id ?? "I don't know";
  for (const a of result.asked)
    lines.push(
      `“${a.question}”: ${a.before === a.after ? `${name(a.after)} (unchanged)` : `${name(a.before)} → ${name(a.after)}`}`,
    );
  if (result.asked.length) lines.push('');
  lines.push(
    result.wins.length
      ? 'Of the questions tried, it would now answer:'
      : 'It would not take over any of the questions tried.',
  );
  for (const w of result.wins) lines.push(`  + “${w.question}” (before: ${name(w.before)})`);
  const listed = result.changes.filter((c) => c.listedBy);
  const others = result.changes.filter((c) => !c.listedBy);
  if (others.length) {
    lines.push('It would also change:');
    for (const c of others) lines.push(`  ~ “${c.question}”: ${name(c.before)} → ${name(c.after)}`);
  }
  if (listed.length) {
    lines.push(
      `It would take over ${listed.length} question(s) other facts list as their own (npm run kb:lint would fail):`,
    );
    for (const c of listed)
      lines.push(`  ! ${c.listedBy!.where}: “${c.question}”: ${name(c.before)} → ${name(c.after)}`);
  } else {
    lines.push("It takes over none of the other facts' own questions.");
  }
  lines.push(
    result.misses.length
      ? `It would not answer ${result.misses.length} of its own aliases and questions (npm run kb:lint would fail):`
      : 'It answers all its own aliases and questions.',
  );
  for (const problem of [...result.misses, ...result.warnings]) lines.push(format(problem));
  return lines;
}

await runIfMain(import.meta.url, () => preview(process.argv.slice(2), processIo()));
