/**
 * Files that editors and operating systems leave beside the ones people save: never knowledge, so they
 * are ignored (with a note) instead of refusing the knowledge base. One list for the loader and the
 * folder watcher. Anything else that is not .yaml, .yml or .txt is still an error: it may be a fact
 * saved under the wrong name.
 */
const LEFTOVERS: readonly { readonly test: (name: string) => boolean; readonly what: string }[] = [
  { test: (name) => name.endsWith('~'), what: "an editor's backup copy (Emacs, vim, gedit)" },
  { test: (name) => name.length > 2 && name.startsWith('#') && name.endsWith('#'), what: "Emacs's auto-save file" },
  { test: (name) => name.startsWith('.#'), what: "Emacs's lock file" },
  { test: (name) => /^\..+\.sw[a-p]$/.test(name), what: "vim's swap file" },
  // vim checks that it may write in a folder by creating 4913 (then 5036, 5159, …) and deleting it.
  { test: (name) => /^\d+$/.test(name), what: "vim's write test" },
  { test: (name) => /\.(?:orig|rej)$/.test(name), what: 'a leftover of a merge or a patch' },
  { test: (name) => /\.(?:bak|tmp|swp)$/.test(name), what: 'a backup or temporary copy' },
  { test: (name) => name.startsWith('~$'), what: "an office suite's lock file" },
  { test: (name) => name === 'Thumbs.db' || name === 'desktop.ini', what: 'a file Windows keeps in folders' },
  { test: (name) => name === '.DS_Store' || name.startsWith('._'), what: 'a file macOS keeps in folders' },
];

/** What left this file (by its name, without the folder), or undefined when it is not a known leftover. */
export function leftoverKind(name: string): string | undefined {
  return LEFTOVERS.find((leftover) => leftover.test(name))?.what;
}
