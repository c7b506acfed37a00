import { isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { Problem } from './problems.ts';

/** The most aliases a file may expand; a "billion laughs" file is refused instead of expanded. */
export const MAX_ALIAS_COUNT = 50;

export type PathSegment = string | number | symbol;

/** A parsed YAML file that can say where any value in it was written. */
export interface YamlFile {
  readonly file: string;
  readonly data: unknown;
  /** 1-based line and column of the value at `path`, or of the nearest enclosing value written. */
  locate(path: readonly PathSegment[], options?: { key?: boolean }): { line: number; column: number };
}

export type ParsedYaml = { ok: true; yaml: YamlFile } | { ok: false; problems: Problem[] };

/** Syntax errors reported per file: past the first few, the rest are usually echoes of them. */
export const MAX_SYNTAX_ERRORS = 20;

export function parseYamlFile(file: string, text: string): ParsedYaml {
  let doc: Document;
  try {
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    // The parser recurses once per ": " of a plain value inside a nested mapping: a long pasted line
    // of them overflows the stack before any error is reported.
    if (!(error instanceof RangeError)) throw error;
    return { ok: false, problems: [tooDeep(file, text)] };
  }
  const position = positionsOf(text);
  if (doc.errors.length > 0) {
    const lines = text.split('\n');
    const problems: Problem[] = doc.errors.slice(0, MAX_SYNTAX_ERRORS).map((error) => {
      const at = position(error.pos[0]);
      return {
        file,
        ...at,
        severity: 'error' as const,
        message: `YAML syntax: ${firstLine(error.message)}`,
        hint: yamlHint(error.code),
        ...knownPitfall(error.code, lines, at.line),
      };
    });
    if (doc.errors.length > MAX_SYNTAX_ERRORS) {
      problems.push({
        file,
        ...position(doc.errors[MAX_SYNTAX_ERRORS]!.pos[0]),
        severity: 'error',
        message: `…and ${doc.errors.length - MAX_SYNTAX_ERRORS} more YAML syntax errors`,
        hint: 'Fix the first ones; the rest often follow from them.',
      });
    }
    return { ok: false, problems };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return {
      ok: false,
      problems: [
        {
          file,
          line: 1,
          column: 1,
          severity: 'error',
          message: `YAML could not be expanded: ${firstLine(String((error as Error).message ?? error))}`,
          hint: `Write values out in full; anchors and aliases (&name, *name) may be used at most ${MAX_ALIAS_COUNT} times.`,
        },
      ],
    };
  }
  return {
    ok: true,
    yaml: {
      file,
      data,
      locate: (path, options) => {
        const offset = offsetOf(doc, path, options?.key ?? false);
        return position(offset);
      },
    },
  };
}

function offsetOf(doc: Document, path: readonly PathSegment[], wantKey: boolean): number {
  let node: unknown = doc.contents;
  let best = rangeStart(node) ?? 0;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return best;
      const keyStart = rangeStart(pair.key);
      if (last && wantKey && keyStart !== undefined) return keyStart;
      node = pair.value;
      best = rangeStart(node) ?? keyStart ?? best;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      if (node === undefined) return best;
      best = rangeStart(node) ?? best;
    } else {
      return best;
    }
  }
  return best;
}

/**
 * 1-based line and column of an offset, counted from the text's own line breaks (the parser's line
 * counter can miss some while it recovers from an error).
 */
function positionsOf(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    const at = Math.max(0, Math.min(offset, text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= at) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: at - starts[low]! + 1 };
  };
}

/** A "key: " at the start of a line (or of a list item), and what a plain value cannot start with. */
const PLAIN_KEY = /^(\s*(?:-\s+)?)([\w-]+):\s+/;
const NOT_PLAIN_START = ' \t"\'>|[{#&*!';
/** Line breaks the YAML parser does not split lines at but JavaScript's "." stops at: CR, NEL, U+2028, U+2029. */
const LINE_END = '\r\u0085\u2028\u2029';

/** Knowledge files indent by two spaces: a key at an odd column is out of line. */
const INDENT_STEP = 2;

/**
 * Mistakes YAML reports far from their cause, or in its own terms, said as a person would fix them:
 * - a plain value with ": " in it (a pasted quote) reads as a key inside a value;
 * - a key indented differently from its siblings is reported at the next sibling, lines below.
 */
function knownPitfall(code: string, lines: readonly string[], line: number): Partial<Problem> {
  const text = lines[line - 1] ?? '';
  const indentOf = (t: string) => t.length - t.trimStart().length;
  if (code === 'BLOCK_AS_IMPLICIT_KEY') return colonInPlainValue(text) ?? {};
  if (code !== 'BAD_INDENT') return {};
  const own = indentOf(text);
  const key = (t: string) => /^\s*([\w-]+):/.exec(t)?.[1];
  const meaningful = (t: string) => t.trim() !== '' && !t.trimStart().startsWith('#');
  if (own % INDENT_STEP !== 0 && key(text)) {
    return {
      column: own + 1,
      message: `"${key(text)}" is indented ${own} space(s), out of line with the keys beside it`,
      hint: `Indent by steps of ${INDENT_STEP} spaces, like the keys beside it.`,
    };
  }
  // The sibling out of line is the nearest key above at another column, right under its parent.
  for (let i = line - 2; i >= 0; i--) {
    const before = lines[i]!;
    if (!meaningful(before) || before.trimStart().startsWith('-') || indentOf(before) === own) continue;
    const name = key(before);
    const indent = indentOf(before);
    // The nearest meaningful line above, found without copying the lines above: over a file of many
    // short lines, copying them for every line scanned was quadratic.
    let parent: string | undefined;
    for (let j = i - 1; j >= 0 && parent === undefined; j--) if (meaningful(lines[j]!)) parent = lines[j];
    if (!name || indent === 0 || parent === undefined || indentOf(parent) >= Math.min(indent, own)) {
      if (indent < own) return {};
      continue;
    }
    return {
      line: i + 1,
      column: indent + 1,
      message: `"${name}" is indented ${indent} space(s), but "${key(text) ?? 'the key'}" below it (line ${line}) ${own}: keys of one mapping must start in the same column`,
      hint: `Indent "${name}" by ${own} spaces, like the keys beside it.`,
    };
  }
  return {};
}

/**
 * A plain value with ": " in it (a pasted quote), said as a person would fix it. Checked in steps, each
 * linear in the line: one pattern for all of it backtracked quadratically on a long line ending in a
 * carriage return or U+2028, which "." does not match (48 s at 64 KB).
 */
function colonInPlainValue(text: string): Pick<Problem, 'column' | 'message' | 'hint'> | undefined {
  const head = PLAIN_KEY.exec(text);
  if (!head) return undefined;
  const [start, lead, key] = head as unknown as [string, string, string];
  let end = text.length;
  while (end > start.length && LINE_END.includes(text[end - 1]!)) end--;
  const value = text.slice(start.length, end);
  if (value === '' || NOT_PLAIN_START.includes(value[0]!) || !/:\s/.test(value)) return undefined;
  return {
    column: lead.length + 1,
    message: `the value of "${key}" contains ": ", which YAML reads as the start of another field`,
    hint: `Write it as a block: "${key}: >-", then the text on the next line, indented two more spaces:\n      ${key}: >-\n        ${value.slice(0, 60)}${value.length > 60 ? '…' : ''}`,
  };
}

/** A file the parser gave up on: at the first line with ": " in a plain value, the likely cause, if there is one. */
function tooDeep(file: string, text: string): Problem {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const pitfall = colonInPlainValue(lines[i]!);
    if (pitfall) return { file, line: i + 1, severity: 'error', ...pitfall };
  }
  return {
    file,
    line: 1,
    column: 1,
    severity: 'error',
    message: 'YAML could not read this file: it nests too deeply',
    hint: 'Write long text as a block ("key: >-", then the text on the next lines) and check the indentation.',
  };
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function yamlHint(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'Each field may appear once in a mapping; delete or merge the repeated one.';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
      return 'Check the indentation (spaces, not tabs) and that each "key: value" has its colon and a space.';
    case 'MULTIPLE_DOCS':
      return 'Keep one fact per file: remove the "---" separator and move the rest to a file of its own.';
    case 'TAB_AS_INDENT':
      return 'Indent with spaces; YAML does not allow tabs for indentation.';
    case 'BAD_SCALAR_START':
      return 'Text that starts with a special character (@, `, %, *, &, !, |, >, [, {) must be quoted.';
    case 'MISSING_CLOSE':
    case 'BLOCK_AS_IMPLICIT_KEY':
      return 'A quote, bracket or brace is not closed; check the line and the one before it.';
    default:
      return 'Check the YAML syntax on this line; quoting the value often fixes it.';
  }
}
