import type { Dirent } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { leftoverKind } from './leftovers.ts';
import type { Problem } from './problems.ts';
import type { LoadResult } from './snapshot.ts';
import { validateKnowledge, type KnowledgeFiles, type ParseCache } from './validate.ts';

export const LOAD_LIMITS = Object.freeze({
  /** A fact or source record is a few KiB; anything this large is a mistake or an attack. */
  maxYamlBytes: 64 * 1024,
  maxTextBytes: 4 * 1024 * 1024,
  /** Files and folders under the knowledge folder; far more than 10,000 facts with their sources need. */
  maxEntries: 50_000,
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
export async function loadKnowledgeWithFiles(
  options: LoadOptions,
): Promise<{ files: KnowledgeFiles; result: LoadResult }> {
  const read = await readKnowledgeFiles(options.dir);
  // A folder that cannot be read has no files to report on: that one problem says it all.
  if (!read.folderRead) return { files: read.files, result: { ok: false, errors: read.problems, warnings: [] } };
  const result = validateKnowledge(read.files, {
    now: options.now ?? new Date(),
    ...(options.cache ? { cache: options.cache } : {}),
  });
  const warnings = [...read.ignored, ...result.warnings];
  if (read.problems.length === 0) {
    if (!result.ok) return { files: read.files, result: { ...result, warnings } };
    const snapshot = Object.freeze({ ...result.snapshot, ignored: read.ignored, warnings });
    return { files: read.files, result: { ok: true, snapshot, warnings } };
  }
  const errors = [...read.problems, ...(result.ok ? [] : result.errors)];
  return { files: read.files, result: { ok: false, errors, warnings } };
}

/** Loads one folder again and again, re-parsing only the files whose text changed since the last load. */
export function folderLoader(dir: string, now?: () => Date): () => Promise<LoadResult> {
  const cache: ParseCache = { files: new Map(), quotes: new Map() };
  return () => loadKnowledge({ dir, cache, ...(now ? { now: now() } : {}) });
}

export interface ReadFiles {
  readonly files: KnowledgeFiles;
  /** Errors: files that cannot be loaded, and links that leave the folder. */
  readonly problems: Problem[];
  /** Files left out on purpose (editors' and systems' leftovers), each with why, as warnings. */
  readonly ignored: Problem[];
  /** False when the folder itself could not be read: `problems` then holds that one problem. */
  readonly folderRead: boolean;
}

/** `maxEntries` is LOAD_LIMITS.maxEntries but for tests, which need not create 50,000 files to pass it. */
export async function readKnowledgeFiles(dir: string, maxEntries: number = LOAD_LIMITS.maxEntries): Promise<ReadFiles> {
  const files = new Map<string, string>();
  const problems: Problem[] = [];
  const ignored: Problem[] = [];
  const problem = (file: string, message: string, hint: string, severity: Problem['severity'] = 'error'): Problem => ({
    file,
    line: 1,
    column: 1,
    severity,
    message,
    hint,
  });
  let listed: Listing;
  try {
    listed = await listFiles(dir, maxEntries);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'it does not exist'
        : code === 'ENOTDIR'
          ? 'it is a file, not a folder'
          : (code ?? String(error));
    problems.push(
      problem(
        dir,
        `cannot read the knowledge folder: ${why}`,
        'Give the path of the knowledge/ folder of this repository (KNOWLEDGE_DIR for npm start and ask, --dir for the other commands).',
      ),
    );
    return { files, problems, ignored, folderRead: false };
  }
  if (listed.tooMany) {
    // Said at once, before reading anything: KNOWLEDGE_DIR=/ used to walk the whole disk for 18 s.
    problems.push(
      problem(
        dir,
        `cannot read the knowledge folder: it holds more than ${maxEntries.toLocaleString('en')} files and folders, far more than a knowledge base`,
        'Point KNOWLEDGE_DIR (or --dir) at the knowledge/ folder itself, not at a folder above it.',
      ),
    );
    return { files, problems, ignored, folderRead: false };
  }
  problems.push(...listed.problems);
  const wanted: string[] = [];
  for (const { path: file, name } of listed.files) {
    const leftover = leftoverKind(name);
    if (leftover !== undefined) {
      ignored.push(
        problem(file, `ignored: ${leftover}`, 'Nothing to do; delete it if the editor left it behind.', 'warning'),
      );
      continue;
    }
    if (name.startsWith('.') || file.endsWith('.md')) continue;
    if (!/\.(?:ya?ml|txt)$/.test(file)) {
      problems.push(
        problem(
          file,
          'not a .yaml or .txt file, so it would be ignored',
          'Move it out of the knowledge folder, or give it the right ending.',
        ),
      );
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
        problems.push(
          problem(
            file,
            `file is ${size} bytes, over the ${limit}-byte limit`,
            'A fact or source record is a few kilobytes; split it or remove what does not belong.',
          ),
        );
        return;
      }
      files.set(file, await readFile(path, 'utf8'));
    } catch (error) {
      // A file saved or deleted while the folder is read: the next reload sees it as it ends up.
      problems.push(
        problem(
          file,
          `cannot read the file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
          'If it was being saved or deleted, save again; otherwise check its permissions.',
        ),
      );
    }
  };
  // A few reads at a time: one by one, a large folder spends most of a reload waiting on the disk.
  for (let i = 0; i < wanted.length; i += READ_CONCURRENCY)
    await Promise.all(wanted.slice(i, i + READ_CONCURRENCY).map(read));
  return { files, problems, ignored, folderRead: true };
}

interface Listing {
  /** Files under the folder (links to files inside it included, under the link's own path), sorted. */
  readonly files: readonly { readonly path: string; readonly name: string }[];
  /** Links that cannot be followed: broken, or leading out of the folder, or back into a folder already read. */
  readonly problems: readonly Problem[];
  /** The folder holds more entries than LOAD_LIMITS.maxEntries: nothing was listed. */
  readonly tooMany: boolean;
}

/**
 * Every file under `dir`, breadth first, counting entries as it goes so that a folder far too large
 * (the root of a disk) is given up on at once. Hidden folders (.git) and schema/ are not entered.
 * Symbolic links are followed when they stay inside the folder, so a fact saved as a link or a linked
 * folder loads like any other; a link leaving it is an error at its path, since what is reviewed in the
 * repository must be what loads. Links are followed after the folder's own tree has been read, so a link
 * to a folder read already is reported, never read twice.
 */
async function listFiles(dir: string, maxEntries: number): Promise<Listing> {
  const root = await realpath(dir);
  if (!(await stat(root)).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  const inside = (target: string) => target === root || target.startsWith(root.endsWith(sep) ? root : root + sep);
  const files: { path: string; name: string }[] = [];
  const problems: Problem[] = [];
  const linkProblem = (file: string, message: string, hint: string) =>
    void problems.push({ file, line: 1, column: 1, severity: 'error', message, hint });
  /** Real path of every folder read → the path it was read under. */
  const read = new Map<string, string>();
  const links: { path: string; name: string }[] = [];
  let entries = 0;

  /** Reads a folder's tree, without following links (they wait in `links`); false past maxEntries. */
  const walk = async (path: string, real: string): Promise<boolean> => {
    let level = [{ path, real }];
    read.set(real, path);
    while (level.length > 0) {
      const next: typeof level = [];
      // A few folders at a time, like the files: one by one, the root of a disk took seconds to count.
      for (let i = 0; i < level.length; i += READ_CONCURRENCY) {
        const listings = await Promise.all(
          level.slice(i, i + READ_CONCURRENCY).map(async (folder) => ({ folder, listing: await listFolder(folder) })),
        );
        for (const { folder, listing } of listings) {
          entries += listing.length;
          if (entries > maxEntries) return false;
          visit(folder, listing, next);
        }
      }
      level = next;
    }
    return true;
  };
  const listFolder = async (folder: { path: string; real: string }): Promise<Dirent[]> => {
    try {
      return await readdir(folder.real, { withFileTypes: true });
    } catch (error) {
      if (folder.real === root) throw error;
      linkProblem(
        folder.path,
        `cannot read this folder: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
        'Check its permissions, or move it out of the knowledge folder.',
      );
      return [];
    }
  };
  const visit = (
    next: { path: string; real: string },
    listing: readonly Dirent[],
    queue: { path: string; real: string }[],
  ) => {
    for (const entry of listing) {
      const child = { path: next.path === '' ? entry.name : `${next.path}/${entry.name}`, name: entry.name };
      const hidden = entry.name.startsWith('.');
      if (entry.isDirectory()) {
        if (hidden || child.path === 'schema') continue;
        const real = join(next.real, entry.name);
        read.set(real, child.path);
        queue.push({ path: child.path, real });
      } else if (entry.isFile()) files.push(child);
      // Hidden links are tools' own (Emacs's lock file .#x.yaml is a link to nowhere): never followed.
      else if (entry.isSymbolicLink()) (hidden ? files : links).push(child);
    }
  };

  if (!(await walk('', root))) return { files: [], problems: [], tooMany: true };
  for (let link = links.shift(); link !== undefined; link = links.shift()) {
    let target: string;
    try {
      target = await realpath(join(root, link.path));
    } catch (error) {
      linkProblem(
        link.path,
        `a link to nothing: ${(error as NodeJS.ErrnoException).code === 'ELOOP' ? 'it leads back to itself' : 'what it points to does not exist'}`,
        'Delete the link, or save the file itself here.',
      );
      continue;
    }
    if (!inside(target)) {
      linkProblem(
        link.path,
        'a link to a file or folder outside the knowledge folder',
        'Move or copy what it points to into the knowledge folder: only what is in it is reviewed and loaded.',
      );
      continue;
    }
    const kind = await stat(target);
    if (kind.isFile()) files.push(link);
    else if (kind.isDirectory()) {
      const seen = read.get(target);
      if (seen !== undefined) {
        linkProblem(
          link.path,
          `a link to a folder read already (${seen === '' ? 'the knowledge folder itself' : seen}): its files would load twice`,
          'Delete the link.',
        );
      } else if (!(await walk(link.path, target))) return { files: [], problems: [], tooMany: true };
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, problems, tooMany: false };
}
