import { watch, type FSWatcher } from 'node:fs';
import { basename } from 'node:path';
import { leftoverKind } from './leftovers.ts';

/**
 * Calls `onChange` once after a burst of changes under `dir` has been quiet for `debounceMs`: an
 * editor's several writes (temp file, rename, chmod) make one reload. Editors' leftovers and hidden files
 * are ignored; anything else may change what loads (a new folder or link included), so it reloads.
 */
export function watchFolder(
  dir: string,
  onChange: () => void,
  options: { debounceMs?: number; onError?: (error: Error) => void } = {},
): { close(): void } {
  const debounceMs = options.debounceMs ?? 250;
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined = watch(dir, { recursive: true, persistent: false }, (_event, filename) => {
    if (filename && (/(?:^|[/\\])\./.test(filename) || leftoverKind(basename(filename)) !== undefined)) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      onChange();
    }, debounceMs);
  });
  watcher.on('error', (error) => options.onError?.(error));
  return {
    close() {
      if (timer) clearTimeout(timer);
      watcher?.close();
      watcher = undefined;
    },
  };
}
