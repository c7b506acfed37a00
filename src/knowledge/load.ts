import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Problem } from './problems.ts';
import type { LoadResult } from './snapshot.ts';
import { validateKnowledge, type KnowledgeFiles, type ParseCache } from './validate.ts';

export const LOAD_LIMITS = Object.freeze({
  /** A fact or source record is a few KiB; anything this large is a mistake or an attack. */
  maxYamlBytes: 64 * 1024,
  maxTextBytes: 4 * 1024 * 1024,
  maxFiles: 50_000,
});

const READ_CONCURRENCY = 32;

export interface LoadOptions {
  readonly dir: string;
  readonly now?: Date;
  /** Parsed files kept from an earlier load of the same folder (see `folderLoader`). */
  readonly cache?: ParseCache;
}

/** Reads the knowledge folder and validates it. Never throws for bad content: problems come back as data. */
export async function loadKnowledge(options: LoadOptions): Promise<LoadResult> {
  return (await loadKnowledgeWithFiles(options)).result;
}

/** The same, with the files as read, for checks that go back to the text (lines of examples, say). */
export async function loadKnowledgeWithFiles(options: LoadOptions): Promise<{ files: KnowledgeFiles; result: LoadResult }> {
  const read = await readKnowledgeFiles(options.dir);
  // A folder that cannot be read has no files to report on: that one problem says it all.
  if (!read.folderRead) return { files: read.files, result: { ok: false, errors: read.problems, warnings: [] } };
  const result = validateKnowledge(read.files, { now: options.now ?? new Date(), ...(options.cache ? { cache: options.cache } : {}) });
  if (read.problems.length === 0) return { files: read.files, result };
  const errors = [...read.problems, ...(result.ok ? [] : result.errors)];
  return { files: read.files, result: { ok: false, errors, warnings: result.warnings } };
}

/** Loads one folder again and again, re-parsing only the files whose text changed since the last load. */
export function folderLoader(dir: string, now?: () => Date): () => Promise<LoadResult> {
  const cache: ParseCache = { files: new Map(), quotes: new Map() };
  return () => loadKnowledge({ dir, cache, ...(now ? { now: now() } : {}) });
}

export async function readKnowledgeFiles(dir: string): Promise<{ files: KnowledgeFiles; problems: Problem[]; folderRead: boolean }> {
  const files = new Map<string, string>();
  const problems: Problem[] = [];
  let entries: string[];
  try {
    entries = await listFiles(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'it does not exist' : code === 'ENOTDIR' ? 'it is a file, not a folder' : (code ?? String(error));
    problems.push({ file: dir, line: 1, column: 1, severity: 'error', message: `cannot read the knowledge folder: ${why}`, hint: 'Give the path of the knowledge/ folder of this repository (KNOWLEDGE_DIR for npm start and ask, --dir for the other commands).' });
    return { files, problems, folderRead: false };
  }
  const wanted: string[] = [];
  for (const file of entries.slice(0, LOAD_LIMITS.maxFiles)) {
    if (file.startsWith('schema/') || file.endsWith('.md') || /(^|\/)\./.test(file)) continue;
    const isText = file.endsWith('.txt');
    if (!isText && !file.endsWith('.yaml')) {
      problems.push({
        file, line: 1, column: 1, severity: 'error',
        message: 'not a .yaml or .txt file, so it would be ignored',
        hint: file.endsWith('.yml') ? 'Rename it to end in .yaml.' : 'Move it out of the knowledge folder, or give it the right ending.',
      });
      continue;
    }
    wanted.push(file);
  }
  const read = async (file: string) => {
    const path = join(dir, file);
    const limit = file.endsWith('.txt') ? LOAD_LIMITS.maxTextBytes : LOAD_LIMITS.maxYamlBytes;
    try {
      const { size } = await stat(path);
      if (size > limit) {
        problems.push({ file, line: 1, column: 1, severity: 'error', message: `file is ${size} bytes, over the ${limit}-byte limit`, hint: 'A fact or source record is a few kilobytes; split it or remove what does not belong.' });
        return;
      }
      files.set(file, await readFile(path, 'utf8'));
    } catch (error) {
      // A file saved or deleted while the folder is read: the next reload sees it as it ends up.
      problems.push({ file, line: 1, column: 1, severity: 'error', message: `cannot read the file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, hint: 'If it was being saved or deleted, save again; otherwise check its permissions.' });
    }
  };
  // A few reads at a time: one by one, a large folder spends most of a reload waiting on the disk.
  for (let i = 0; i < wanted.length; i += READ_CONCURRENCY) await Promise.all(wanted.slice(i, i + READ_CONCURRENCY).map(read));
  if (entries.length > LOAD_LIMITS.maxFiles) {
    problems.push({ file: dir, line: 1, column: 1, severity: 'error', message: `more than ${LOAD_LIMITS.maxFiles} files`, hint: 'Point KNOWLEDGE_DIR at the knowledge folder itself.' });
  }
  return { files, problems, folderRead: true };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}
