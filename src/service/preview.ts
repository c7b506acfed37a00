import { relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { createAnswerer, type Answerer } from '../answer/answerer.ts';
import { factReply, type ReplyModel } from '../answer/reply.ts';
import type { Problem } from '../knowledge/problems.ts';
import { ID_PATTERN } from '../knowledge/schema.ts';
import { validateKnowledge, type KnowledgeFiles } from '../knowledge/validate.ts';
import type Database from 'better-sqlite3';
import type { Contact } from '../answer/reply.ts';
import { readKnowledgeFiles } from '../knowledge/load.ts';
import type { Recorder } from '../record/recorder.ts';
import { topUnanswered } from '../record/report.ts';
import { recordOnDisk } from './report.ts';
import { examplesOf, selfTest } from './self-test.ts';
import { daysBefore } from '../util/time.ts';

const RECENT_LIMIT = 20;

/**
 * What staff asked in the last `REPORT_DAYS` days and the bot did not answer, most asked first: questions a draft is
 * tried on besides the ones given, so the policy team sees which real questions it would answer.
 */
export function recentUnanswered(record: Recorder | Database.Database | undefined, now: Date): string[] {
  if (!record) return [];
  const groups = topUnanswered(record, {
    ...daysBefore(now),
    limit: RECENT_LIMIT,
  });
  return groups.flatMap((g) => (g.textStored ? [g.example] : []));
}

/** A draft pasted in a form (`/kb preview`), previewed against the knowledge folder as it is on disk. */
export async function previewPastedDraft(
  input: Omit<PreviewInput, 'files'> & { readonly knowledgeDir: string; readonly record: Recorder | undefined },
): Promise<PreviewResult> {
  const { files } = await readKnowledgeFiles(input.knowledgeDir);
  return previewFact({
    ...input,
    files,
    questions: [...input.questions, ...recentUnanswered(input.record, input.now)],
  });
}

/**
 * A draft saved in a file (`npm run kb:preview`), previewed against the knowledge folder without it, and
 * tried on the recent unanswered questions of the record in `dataDir` too, when there is one.
 */
export async function previewDraftFile(input: DraftFileInput): Promise<DraftFilePreview> {
  const read = await readKnowledgeFiles(input.knowledgeDir);
  const { files, against } = withoutDraft(read.files, input);
  const current = validateKnowledge(files, { now: input.now });
  if (!current.ok || read.problems.length > 0) return { ok: false, against };
  const result = previewFact({
    files,
    draft: input.draft,
    live: createAnswerer(current.snapshot),
    questions: [...input.questions, ...recordedUnanswered(input.dataDir, input.now)],
    now: input.now,
    contact: input.contact,
  });
  return { ok: true, against, result };
}

export interface DraftFileInput {
  readonly knowledgeDir: string;
  /** Where the draft is, to tell whether it is saved in the knowledge folder already. */
  readonly draftPath: string;
  readonly draft: string;
  readonly questions: readonly string[];
  /** The bot's data folder, whose record of questions is read if there is one. */
  readonly dataDir: string | undefined;
  readonly now: Date;
  readonly contact: Contact;
  /** The knowledge folder as committed at `ref`: a file's text, or undefined when it was not committed. */
  readonly committed: { readonly ref: string; file(name: string): string | undefined };
}

export type DraftFilePreview =
  /** The knowledge base the draft is compared with has errors of its own: nothing to compare with. */
  | { readonly ok: false; readonly against: string }
  | { readonly ok: true; readonly against: string; readonly result: PreviewResult };

/**
 * The knowledge base to compare a draft with. A draft saved in the knowledge folder is already on disk:
 * compared with itself, every question would be "unchanged". It is taken out, or put back as committed.
 */
function withoutDraft(
  files: KnowledgeFiles,
  { knowledgeDir, draftPath, committed }: DraftFileInput,
): { files: KnowledgeFiles; against: string } {
  const inside = relative(resolve(knowledgeDir), resolve(draftPath)).split('\\').join('/');
  if (inside.startsWith('../') || !files.has(inside)) return { files, against: 'as it is on disk' };
  const baseline = new Map(files);
  const text = committed.file(inside);
  if (text === undefined) {
    baseline.delete(inside);
    return { files: baseline, against: `without ${inside} (not committed yet)` };
  }
  baseline.set(inside, text);
  return { files: baseline, against: `with ${inside} as committed at ${committed.ref}` };
}

/** Recent unanswered questions from the record in `dataDir`, when there is one; a record that cannot be read throws. */
function recordedUnanswered(dataDir: string | undefined, now: Date): string[] {
  if (dataDir === undefined) return [];
  const record = recordOnDisk(resolve(dataDir));
  return record.found ? record.read((db) => recentUnanswered(db, now)) : [];
}

export interface PreviewInput {
  /** The knowledge files without the draft (as live, or as committed), which the draft is added to or replaces. */
  readonly files: KnowledgeFiles;
  /** One fact, in YAML, as the policy team would save it. */
  readonly draft: string;
  /** The engine over `files`, to compare with. */
  readonly live: Answerer;
  /** Questions to try: a person's own, recent unanswered ones. The draft's example questions are added. */
  readonly questions: readonly string[];
  readonly now: Date;
  readonly contact: Contact;
}

export interface QuestionChange {
  readonly question: string;
  readonly before: string | null;
  readonly after: string | null;
  /** When another fact lists the question as its own: that fact and where ("facts/x.yaml:30"). */
  readonly listedBy?: { readonly factId: string; readonly where: string };
}

export type PreviewResult =
  | { readonly ok: false; readonly file: string; readonly errors: readonly Problem[] }
  | {
      readonly ok: true;
      readonly file: string;
      readonly factId: string;
      /** The draft as staff would see it when it answers. */
      readonly reply: ReplyModel;
      /** What answers each question given, before and with the draft. */
      readonly asked: readonly QuestionChange[];
      /** Questions the draft would now answer, and what answered them before. */
      readonly wins: readonly QuestionChange[];
      /**
       * Questions answered differently that the draft did not target: the ones tried, and every alias
       * and example question of the other facts (those have `listedBy`; the draft takes them over).
       */
      readonly changes: readonly QuestionChange[];
      /** The draft's own aliases and example questions that it would not answer, at their lines. */
      readonly misses: readonly Problem[];
      readonly warnings: readonly Problem[];
    };

/**
 * What a draft fact would do, without changing anything live: the same validator as a reload, then a
 * throw-away engine over the knowledge with the draft in it.
 */
export function previewFact(input: PreviewInput): PreviewResult {
  const file = `facts/${draftId(input.draft) ?? 'draft'}.yaml`;
  const files = new Map(input.files);
  files.set(file, input.draft);
  const result = validateKnowledge(files, { now: input.now });
  if (!result.ok) {
    const own = result.errors.filter((e) => e.file === file);
    return { ok: false, file, errors: own.length > 0 ? own : result.errors };
  }
  const draft = result.snapshot.facts.find((f) => result.snapshot.factFiles.get(f.id) === file)!;
  const engine = createAnswerer(result.snapshot);
  const questions = [...new Set([...input.questions, ...draft.questions.en, ...draft.questions.fr])];
  const compare = (question: string): QuestionChange => ({
    question,
    before: input.live.ask(question).fact?.id ?? null,
    after: engine.ask(question).fact?.id ?? null,
  });
  const asked = input.questions.map(compare);
  const wins: QuestionChange[] = [];
  const changes: QuestionChange[] = [];
  for (const change of questions.map(compare)) {
    if (change.after === draft.id && change.before !== draft.id) wins.push(change);
    else if (change.after !== change.before) changes.push(change);
  }
  const tried = new Set(questions);
  for (const example of examplesOf(input.live.snapshot, input.files)) {
    if (example.factId === draft.id || tried.has(example.text)) continue;
    const change = compare(example.text);
    if (change.after !== change.before)
      changes.push({ ...change, listedBy: { factId: example.factId, where: `${example.file}:${example.line}` } });
  }
  return {
    ok: true,
    file,
    factId: draft.id,
    reply: factReply(draft, 'en', { snapshot: result.snapshot, now: input.now, contact: input.contact }),
    asked,
    wins,
    changes,
    misses: selfTest(engine, files).filter((p) => p.file === file),
    warnings: result.warnings.filter((w) => w.file === file),
  };
}

function draftId(text: string): string | undefined {
  try {
    const data = parse(text, { maxAliasCount: 10 }) as { id?: unknown } | null;
    return typeof data?.id === 'string' && ID_PATTERN.test(data.id) ? data.id : undefined;
  } catch {
    return undefined;
  }
}
