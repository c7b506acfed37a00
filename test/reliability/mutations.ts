import fc from 'fast-check';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';

/**
 * Random damage to the knowledge files, as a policy-team editor, a bad merge or a hostile file could do
 * it. Mutations are plain data (huge and deeply nested values are described, and only written out when
 * applied) so that fast-check's counterexamples stay readable.
 */

/** Text written in place of a field's value. */
export type Value =
  | { readonly type: 'yaml'; readonly text: string }
  | { readonly type: 'huge'; readonly unit: string; readonly length: number }
  | { readonly type: 'nested'; readonly open: '[' | '{' | '- '; readonly depth: number; readonly closed: boolean };

/** A value set through the YAML document model, so the file stays valid YAML with a wrong type in it. */
export type JsValue =
  | { readonly type: 'js'; readonly value: unknown }
  | { readonly type: 'huge'; readonly unit: string; readonly length: number }
  | { readonly type: 'deep'; readonly depth: number };

export type Block =
  | 'billion-laughs'
  | 'merge'
  | 'duplicate-key'
  | 'second-document'
  | 'document-end'
  | 'directive'
  | 'tag'
  | 'unknown-field'
  | 'anchor-cycle';

export type Edit =
  | { readonly op: 'delete-line'; readonly line: number }
  | { readonly op: 'duplicate-line'; readonly line: number }
  | { readonly op: 'swap-lines'; readonly line: number; readonly other: number }
  | { readonly op: 'indent'; readonly line: number; readonly indent: string }
  | { readonly op: 'tabs'; readonly line: number; readonly everyLine: boolean }
  | { readonly op: 'insert'; readonly at: number; readonly text: string }
  | { readonly op: 'replace-value'; readonly line: number; readonly value: Value }
  | { readonly op: 'set-field'; readonly pick: number; readonly value: JsValue }
  | { readonly op: 'delete-field'; readonly pick: number }
  | { readonly op: 'alias'; readonly line: number; readonly other: number }
  | { readonly op: 'append'; readonly block: Block }
  | { readonly op: 'cut'; readonly at: number }
  | { readonly op: 'line-endings'; readonly eol: '\r\n' | '\r' }
  | { readonly op: 'bom' };

/** What a whole file is replaced by. */
export type FileText =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'bytes'; readonly bytes: readonly number[] }
  | { readonly kind: 'value'; readonly value: Value }
  | { readonly kind: 'block'; readonly block: Block };

export type Change =
  | { readonly op: 'edit'; readonly file: number; readonly edits: readonly Edit[] }
  | { readonly op: 'replace'; readonly file: number; readonly text: FileText }
  | { readonly op: 'remove'; readonly file: number }
  | { readonly op: 'rename'; readonly file: number; readonly to: string }
  | { readonly op: 'add'; readonly path: string; readonly text: FileText }
  /** A file padded past the loader's size limits (256 KiB for YAML, 4 MiB for source texts). */
  | { readonly op: 'oversize'; readonly file: number };

export type Mutation = readonly Change[];

// ---------------------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------------------

/** Short hostile text: control characters, NUL, invalid UTF-8 (decoded to U+FFFD), bidi and zero-width marks, emoji, YAML syntax. */
export const noise: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.uint8Array({ minLength: 1, maxLength: 12 }).map((bytes) => Buffer.from(bytes).toString('utf8')),
  fc.string({ unit: fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 6 }),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  fc.constantFrom(
    '\0',
    '\u0007',
    '\u001b[31m',
    '\u007f',
    '\u0085',
    '\ufffd',
    '\ufffd\ufffd',
    '\ufeff',
    '\ufffe',
    '\u200b',
    '\u200d',
    '\u2060',
    '\u200e',
    '\u200f',
    '\u202a',
    '\u202e',
    '\u2066',
    '\u2069',
    '\u2028',
    '\u2029',
    '😀',
    '👩‍👩‍👧',
    '🏳️‍🌈',
    'e\u0301\u0302\u0303\u0304',
    'Z̷̧͎̈́a̸l̶g̵o',
    'שלום',
    'مرحبا',
    '\t',
    '\r',
    '\n',
    ':',
    ': ',
    ' #',
    '- ',
    '&a ',
    '*a',
    '!',
    '|',
    '>',
    '"',
    "'",
    '{',
    '}',
    '[',
    ']',
    '%',
    '@',
    '`',
    '\\',
    '? ',
    ',',
  ),
);

const literal = fc.constantFrom(
  '42',
  '-0',
  '1e400',
  '.nan',
  '.inf',
  '0x1F',
  '0o17',
  'true',
  'no',
  'null',
  '~',
  '',
  '""',
  "''",
  '[]',
  '{}',
  '[1, two, null]',
  '{ en: 1, fr: [x] }',
  '{ a: { b: { c: d } } }',
  '[[[]]]',
  '2022-13-45',
  '2022-02-30',
  '*nowhere',
  '&anchor',
  '&a *a',
  '!!binary aGVsbG8=',
  '!!str 12',
  '!!int x',
  '!!map [1]',
  '!custom value',
  '|',
  '>-',
  '|+\n',
  '"unterminated',
  "'unterminated",
  '[unclosed',
  '{unclosed',
  '}',
  ']',
  'a: b: c',
  '- item',
  '? complex',
  '%',
  '@at',
  '`tick`',
  '"\\x00 \\ud800 \\uffff"',
  '"\\',
  'UPPER-Case',
  'façade',
  'has space',
  '#comment',
);

// Not '"' or ']': a long run of them is a long run of YAML errors, the slow case (about 12 µs a byte to parse) that its own test in loader.fuzz.test.ts pins down
// test in loader.fuzz.test.ts; here it would only make the time bound flaky.
const hugeValue = fc.record({
  type: fc.constant('huge' as const),
  unit: fc.constantFrom('x', 'a', 'a-', 'word ', 'é', '😀', '\u200b', 'données '),
  length: fc.constantFrom(100_000),
});

const nestedValue = fc.record({
  type: fc.constant('nested' as const),
  open: fc.constantFrom('[' as const, '{' as const, '- ' as const),
  depth: fc.oneof(
    { weight: 1, arbitrary: fc.constant(10_000) },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: 300 }) },
  ),
  closed: fc.boolean(),
});

// Huge and deeply nested values are slow to parse (50–150 ms each), so they are a small share of the random
// cases; the hostile-file table in loader.fuzz.test.ts has each of them every run.
export const value: fc.Arbitrary<Value> = fc.oneof(
  { arbitrary: literal.map((text) => ({ type: 'yaml' as const, text })), weight: 10 },
  { arbitrary: noise.map((text) => ({ type: 'yaml' as const, text })), weight: 3 },
  { arbitrary: hugeValue, weight: 1 },
  { arbitrary: nestedValue, weight: 1 },
);

const jsValue: fc.Arbitrary<JsValue> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .constantFrom<unknown>(
        42,
        -1,
        0,
        1.5,
        true,
        false,
        null,
        '',
        '   ',
        '\t\n',
        [],
        {},
        [1, 'two', null],
        { en: 1, fr: ['x'] },
        { unexpected: 'field' },
        [{}],
        [[]],
        '2022-02-30',
        'not a date',
        'Not-An-Id',
        'façade',
        'a--b',
        'company statement',
        'https://',
        'x.txt',
        '../x.txt',
      )
      .map((v) => ({ type: 'js' as const, value: v })),
  },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => ({ type: 'js' as const, value: v })) },
  {
    weight: 2,
    arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }).map((v) => ({ type: 'js' as const, value: v })),
  },
  { weight: 1, arbitrary: hugeValue },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 300 }).map((depth) => ({ type: 'deep' as const, depth })) },
);

const BLOCKS: readonly Block[] = [
  'billion-laughs',
  'merge',
  'duplicate-key',
  'second-document',
  'document-end',
  'directive',
  'tag',
  'unknown-field',
  'anchor-cycle',
];
const block = fc.constantFrom(...BLOCKS);

const indent = fc.oneof(
  fc.constantFrom('', ' ', '  ', '   ', '    ', '      ', '\t', ' \t', '\t  ', '\u00a0 ', '\u3000'),
  fc.integer({ min: 0, max: 16 }).map((n) => ' '.repeat(n)),
);

export const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('delete-line' as const), line: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('duplicate-line' as const), line: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('swap-lines' as const), line: fc.nat(), other: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('indent' as const), line: fc.nat(), indent }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('tabs' as const), line: fc.nat(), everyLine: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: noise }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('replace-value' as const), line: fc.nat(), value }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('set-field' as const), pick: fc.nat(), value: jsValue }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete-field' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('alias' as const), line: fc.nat(), other: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('append' as const), block }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('cut' as const), at: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('line-endings' as const),
      eol: fc.constantFrom('\r\n' as const, '\r' as const),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ op: 'bom' as const }) },
);

export const fileText: fc.Arbitrary<FileText> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }).map((text) => ({ kind: 'text' as const, text })),
  fc.string({ unit: 'grapheme', maxLength: 300 }).map((text) => ({ kind: 'text' as const, text })),
  fc
    .array(fc.tuple(fc.string({ maxLength: 12 }), fc.string({ maxLength: 20 })), { maxLength: 12 })
    .map((pairs) => ({ kind: 'text' as const, text: pairs.map(([k, v]) => `${k}: ${v}`).join('\n') })),
  fc.jsonValue({ maxDepth: 3 }).map((v) => ({ kind: 'text' as const, text: JSON.stringify(v) })),
  fc
    .constantFrom('', '\n', '   ', '# only a comment\n', '---', '...', 'null', '[]', '- a\n- b', '\0\0\0', '\ufeff')
    .map((text) => ({ kind: 'text' as const, text })),
  fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 300 }).map((bytes) => ({ kind: 'bytes' as const, bytes })),
  value.map((v) => ({ kind: 'value' as const, value: v })),
  block.map((b) => ({ kind: 'block' as const, block: b })),
);

/** Names a file may be moved or added under: right and wrong folders, wrong endings, a sub-folder, an editor's backup. */
const strayPaths = fc.constantFrom(
  'facts/renamed-fact.yaml',
  'facts/new-fact.yaml',
  'facts/Upper Case.yaml',
  'facts/x.yml',
  'facts/sub/nested.yaml',
  'sources/renamed-source.yaml',
  'sources/renamed.txt',
  'sources/extra.txt',
  'notes.yaml',
  'facts/backup.yaml~',
  'facts/.hidden.yaml',
  'topics.yaml.bak',
  'README.md',
  'facts/fact.json',
);

export const change: fc.Arbitrary<Change> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({
      op: fc.constant('edit' as const),
      file: fc.nat(),
      edits: fc.array(edit, { minLength: 1, maxLength: 4 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('replace' as const), file: fc.nat(), text: fileText }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('remove' as const), file: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('rename' as const), file: fc.nat(), to: strayPaths }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('add' as const), path: strayPaths, text: fileText }) },
);

const oneToThree = (c: fc.Arbitrary<Change>): fc.Arbitrary<Mutation> =>
  fc.oneof(
    { weight: 4, arbitrary: c.map((one) => [one]) },
    { weight: 1, arbitrary: fc.array(c, { minLength: 2, maxLength: 3 }) },
  );

/** One to three changes, mostly one, across the knowledge folder. */
export const mutation: fc.Arbitrary<Mutation> = oneToThree(change);

/**
 * The same, plus files padded past the loader's size limits. Only worth it on disk: the validator itself has
 * no size limit, so in memory an oversized file is just a slow valid one.
 */
export const mutationOnDisk: fc.Arbitrary<Mutation> = oneToThree(
  fc.oneof(
    { weight: 15, arbitrary: change },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('oversize' as const), file: fc.nat() }) },
  ),
);

// ---------------------------------------------------------------------------------------------------
// Applying
// ---------------------------------------------------------------------------------------------------

/** The files after the mutation; the input map is not changed. Files are picked by index in path order. */
export function applyMutation(files: ReadonlyMap<string, string>, changes: Mutation): Map<string, string> {
  const result = new Map(files);
  for (const c of changes) {
    const paths = [...result.keys()].sort();
    const path = 'file' in c ? paths[c.file % Math.max(1, paths.length)] : undefined;
    switch (c.op) {
      case 'edit':
        if (path !== undefined) result.set(path, c.edits.reduce(applyEdit, result.get(path)!));
        break;
      case 'replace':
        if (path !== undefined) result.set(path, fileTextOf(c.text));
        break;
      case 'remove':
        if (path !== undefined) result.delete(path);
        break;
      case 'rename':
        if (path !== undefined && path !== c.to) {
          result.set(c.to, result.get(path)!);
          result.delete(path);
        }
        break;
      case 'add':
        result.set(c.path, fileTextOf(c.text));
        break;
      case 'oversize':
        if (path !== undefined) result.set(path, oversized(path, result.get(path)!));
        break;
    }
  }
  return result;
}

export function describeMutation(changes: Mutation): string {
  return JSON.stringify(changes, (_key, v: unknown) =>
    typeof v === 'string' && v.length > 40 ? `${v.slice(0, 40)}…(${v.length})` : v,
  );
}

/** Past the loader's limit: 256 KiB for YAML, 4 MiB for source texts. The padding is a comment or more text, so only the size is wrong. */
function oversized(path: string, text: string): string {
  if (path.endsWith('.txt')) return text + ' padding'.repeat(Math.ceil((4 * 1024 * 1024 + 1) / 8));
  return `${text}\n${'# padding padding padding padding padding padding padding padding padding padding\n'.repeat(3400)}`;
}

export function valueText(v: Value): string {
  switch (v.type) {
    case 'yaml':
      return v.text;
    case 'huge':
      return v.unit.repeat(Math.ceil(v.length / v.unit.length)).slice(0, v.length);
    case 'nested': {
      const open = v.open === '{' ? '{a: ' : v.open;
      const close = v.open === '[' ? ']' : v.open === '{' ? '}' : '';
      return v.closed ? `${open.repeat(v.depth)}x${close.repeat(v.depth)}` : open.repeat(v.depth);
    }
  }
}

function jsValueOf(v: JsValue): unknown {
  switch (v.type) {
    case 'js':
      return v.value;
    case 'huge':
      return v.unit.repeat(Math.ceil(v.length / v.unit.length)).slice(0, v.length);
    case 'deep': {
      let nested: unknown = 'x';
      for (let i = 0; i < v.depth; i++) nested = i % 2 ? [nested] : { en: nested };
      return nested;
    }
  }
}

export function blockText(block: Block, text = ''): string {
  switch (block) {
    case 'billion-laughs': {
      const lines = ['lol0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
      for (let i = 1; i < 10; i++)
        lines.push(`lol${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]`);
      return lines.join('\n');
    }
    case 'merge':
      return 'base: &base\n  owner: someone-else\n  pinned: true\n<<: *base\n<<: { topic: government }';
    case 'duplicate-key': {
      const key = /^([A-Za-z_][\w-]*):/m.exec(text)?.[1] ?? 'id';
      return `${key}: again`;
    }
    case 'second-document':
      return `---\n${text || 'id: second'}`;
    case 'document-end':
      return '...\ngarbage: after the end';
    case 'directive':
      return '%YAML 1.1\n---';
    case 'tag':
      return 'extra: !!binary aGVsbG8=\nother: !custom { a: 1 }\nthird: !!js/function "function () {}"';
    case 'unknown-field':
      return 'ownr: someone';
    case 'anchor-cycle':
      return 'a: &x\n  b: *x';
  }
}

function fileTextOf(t: FileText): string {
  switch (t.kind) {
    case 'text':
      return t.text;
    case 'bytes':
      return Buffer.from(t.bytes).toString('utf8');
    case 'value':
      return valueText(t.value);
    case 'block':
      return blockText(t.block);
  }
}

const KEY_LINE = /^(\s*(?:-\s+)?[^\s#:'"\-[{][^:#]*?):(?=\s|$)/;

function applyEdit(text: string, e: Edit): string {
  const lines = text.split('\n');
  const n = lines.length;
  const keyLines = lines.flatMap((line, i) => (KEY_LINE.test(line) ? [i] : []));
  switch (e.op) {
    case 'delete-line':
      lines.splice(e.line % n, 1);
      return lines.join('\n');
    case 'duplicate-line':
      lines.splice(e.line % n, 0, lines[e.line % n]!);
      return lines.join('\n');
    case 'swap-lines': {
      const a = e.line % n;
      const b = e.other % n;
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    }
    case 'indent': {
      const i = e.line % n;
      lines[i] = e.indent + lines[i]!.trimStart();
      return lines.join('\n');
    }
    case 'tabs': {
      const toTabs = (line: string) => line.replace(/^( {2})+/, (spaces) => '\t'.repeat(spaces.length / 2));
      if (e.everyLine) return lines.map(toTabs).join('\n');
      lines[e.line % n] = toTabs(lines[e.line % n]!);
      return lines.join('\n');
    }
    case 'insert': {
      const at = e.at % (text.length + 1);
      return text.slice(0, at) + e.text + text.slice(at);
    }
    case 'replace-value': {
      if (keyLines.length === 0) return text;
      const i = keyLines[e.line % keyLines.length]!;
      lines[i] = lines[i]!.replace(
        new RegExp(`${KEY_LINE.source}.*$`),
        (_all, key: string) => `${key}: ${valueText(e.value)}`,
      );
      return lines.join('\n');
    }
    case 'alias': {
      if (keyLines.length < 2) return text;
      const a = keyLines[e.line % keyLines.length]!;
      const b = keyLines[e.other % keyLines.length]!;
      if (a === b) return text;
      lines[a] = lines[a]!.replace(KEY_LINE, (key: string) => `${key} &fuzz`);
      lines[b] = lines[b]!.replace(new RegExp(`${KEY_LINE.source}.*$`), (_all, key: string) => `${key}: *fuzz`);
      return lines.join('\n');
    }
    case 'set-field':
      return structural(text, e.pick, (doc, path) => doc.setIn(path, doc.createNode(jsValueOf(e.value))));
    case 'delete-field':
      return structural(text, e.pick, (doc, path) => doc.deleteIn(path));
    case 'append':
      return e.block === 'directive'
        ? `${blockText(e.block, text)}\n${text}`
        : `${text}\n${blockText(e.block, text)}\n`;
    case 'cut':
      return text.slice(0, e.at % (text.length + 1));
    case 'line-endings':
      return text.replace(/\r?\n/g, e.eol);
    case 'bom':
      return `\ufeff${text}`;
  }
}

type Path = (string | number)[];

/** Changes one field of a file that is still valid YAML; leaves broken YAML as it is. */
function structural(
  text: string,
  pick: number,
  change: (doc: ReturnType<typeof parseDocument>, path: Path) => void,
): string {
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length > 0) return text;
  const paths: Path[] = [];
  const walk = (node: unknown, path: Path) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : undefined;
        if (typeof key !== 'string' && typeof key !== 'number') continue;
        paths.push([...path, key]);
        walk(pair.value, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        paths.push([...path, i]);
        walk(item, [...path, i]);
      });
    }
  };
  walk(doc.contents, []);
  if (paths.length === 0) return text;
  try {
    change(doc, paths[pick % paths.length]!);
    return doc.toString({ lineWidth: 0 });
  } catch {
    // The document model refuses some edits (an alias in the way); the file is then left as it was.
    return text;
  }
}
