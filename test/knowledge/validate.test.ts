import { mkdtempSync, mkdirSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { formatProblem, type Problem } from '../../src/knowledge/problems.ts';
import { validateKnowledge } from '../../src/knowledge/validate.ts';
import { generateKnowledge } from '../../bench/generate.ts';
import { FIXTURE_KNOWLEDGE_DIR, SHIPPED_KNOWLEDGE_DIR, TODAY, knowledgeFiles } from '../helpers.ts';

const FACT = 'facts/oracle-routing.yaml';

function withFile(path: string, edit: (text: string) => string): Map<string, string> {
  const files = knowledgeFiles();
  const before = files.get(path) ?? '';
  const after = edit(before);
  if (after === before) throw new Error(`fixture edit of ${path} changed nothing`);
  files.set(path, after);
  return files;
}

function errorsOf(files: Map<string, string>, now = TODAY): readonly Problem[] {
  const result = validateKnowledge(files, { now });
  return result.ok ? [] : result.errors;
}

function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`fixture edit failed: ${needle} not found`);
  return text.slice(0, index).split('\n').length;
}

describe('validating the knowledge base', () => {
  it('given the shipped knowledge, when validated, then it loads with no errors and no warnings', () => {
    const result = validateKnowledge(knowledgeFiles(SHIPPED_KNOWLEDGE_DIR), { now: TODAY });
    expect(result.ok ? [] : result.errors.map(formatProblem)).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.ok && result.snapshot.facts.length).toBeGreaterThanOrEqual(11);
  });

  it('given a YAML syntax error, then it names the file, line and column with a hint', () => {
    const files = withFile(FACT, (t) => t.replace('topic: data-location', 'topic: [data-location'));
    const [problem, ...rest] = errorsOf(files);
    expect(rest.map(formatProblem)).toEqual([]);
    expect(problem).toMatchObject({ file: FACT, severity: 'error' });
    expect(problem!.message).toMatch(/^YAML syntax/);
    // The parser notices an unclosed bracket at the end of the line or on the next one.
    expect(problem!.line - lineOf(files.get(FACT)!, 'topic:')).toBeLessThanOrEqual(1);
    expect(problem!.line - lineOf(files.get(FACT)!, 'topic:')).toBeGreaterThanOrEqual(0);
    expect(problem!.hint).toBeTruthy();
  });

  it('given a misspelt field name, then it is an unknown field at its own line with a did-you-mean hint', () => {
    const files = withFile(FACT, (t) => t.replace('\naliases:', '\naliasses:'));
    const problems = errorsOf(files);
    const unknown = problems.find((p) => p.message.includes('unknown field "aliasses"'));
    expect(unknown).toMatchObject({ file: FACT, line: lineOf(files.get(FACT)!, 'aliasses:'), column: 1 });
    expect(unknown!.hint).toContain('Did you mean "aliases"?');
    // Reported once, as the misspelling it is, not also as a missing field.
    expect(problems.map((p) => p.message)).toEqual(['unknown field "aliasses"']);
  });

  it('given an unknown field nested in a citation, then it points at that key', () => {
    const files = withFile(FACT, (t) => t.replace('    translation:', '    translaton:'));
    const [problem] = errorsOf(files);
    expect(problem!.message).toBe('unknown field "translaton" in citations[0]');
    expect(problem!.line).toBe(lineOf(files.get(FACT)!, 'translaton:'));
    expect(problem!.column).toBe(5);
    expect(problem!.hint).toContain('Did you mean "translation"?');
  });

  it('given a missing required field, then it says which and how to add it', () => {
    const files = withFile(FACT, (t) => t.replace(/\nowner: .*\n/, '\n'));
    const [problem] = errorsOf(files);
    expect(problem).toMatchObject({ file: FACT, message: 'missing required field "owner"' });
    expect(problem!.hint).toMatch(/^Add "owner:"/);
  });

  it('given a value of the wrong type, then it says what was expected and what was found', () => {
    const files = withFile(FACT, (t) => t.replace('pinned: true', 'pinned: maybe'));
    const [problem] = errorsOf(files);
    expect(problem!.message).toBe('pinned: expected a boolean, found string "maybe"');
    expect(problem!.line).toBe(lineOf(files.get(FACT)!, 'pinned:'));
  });

  it('given a malformed date, then it shows the expected format', () => {
    const files = withFile(FACT, (t) => t.replace(/review_by: .*/, 'review_by: 30/06/2027'));
    const [problem] = errorsOf(files);
    expect(problem!.message).toContain('review_by: must be a date written YYYY-MM-DD');
  });

  it('given the same fact id in two files, then the second is an error naming the first', () => {
    const files = knowledgeFiles();
    files.set('facts/routing-copy.yaml', files.get(FACT)!);
    const problems = errorsOf(files);
    expect(problems.map((p) => p.message)).toContain(
      'fact id "oracle-routing" is already defined in facts/oracle-routing.yaml',
    );
  });

  it('given a related id or a source id that does not exist, then each is reported with a suggestion', () => {
    const files = withFile(FACT, (t) =>
      t
        .replace('related: [deletion-plan', 'related: [deletion-plans')
        .replace('source: tiktok-newsroom-2022-06-17', 'source: tiktok-newsroom'),
    );
    const problems = errorsOf(files);
    expect(problems.find((p) => p.message === 'related fact "deletion-plans" does not exist')?.hint).toBe(
      'Did you mean "deletion-plan"?',
    );
    expect(problems.find((p) => p.message === 'source "tiktok-newsroom" does not exist')?.hint).toContain(
      'tiktok-newsroom-2022-06-17',
    );
  });

  it('given a quote that is not in its source, then it says where the quote stops matching', () => {
    const files = withFile(FACT, (t) => t.replace('la Silicon Valley, dans', 'la Sillicon Valley, dans'));
    const [problem] = errorsOf(files);
    expect(problem!.message).toBe('quote not found in sources/tiktok-oracle-article-fr.txt');
    expect(problem!.hint).toMatch(/up to ".*la Sil", then has "licon Valley.*" where the source has "icon Valley/);
    expect(problem!.line).toBe(lineOf(files.get(FACT)!, '    quote:'));
  });

  it('given many facts quoting one source text, then only the quote that is not in it is reported, with its hint', () => {
    const { files } = generateKnowledge(60);
    expect(validateKnowledge(files, { now: TODAY }).ok).toBe(true);
    const [file, text] = [...files].find(([name]) => name.startsWith('facts/'))!;
    const quote = /quote: "([^"]+)"/.exec(text)![1]!;
    const broken = new Map(files).set(file, text.replace(quote, `${quote.slice(0, 20)}XYZ${quote.slice(20)}`));
    const result = validateKnowledge(broken, { now: TODAY });
    const problems = result.ok ? [] : result.errors;
    expect(problems.map((p) => [p.file, p.message])).toEqual([[file, 'quote not found in sources/generated.txt']]);
    expect(problems[0]!.hint).toContain('then has "XYZ');
  });

  it('given a quote that differs only in spacing and typographic apostrophes, then it is accepted', () => {
    const files = withFile(FACT, (t) =>
      t
        .replace('la Silicon Valley, dans', 'la  Silicon\n      Valley, dans')
        .replace('qu’il n’exposerait', "qu'il n'exposerait"),
    );
    expect(errorsOf(files)).toEqual([]);
  });

  it('given the same alias in two facts, then the second is an error naming the first', () => {
    const files = withFile('facts/sale-order-2020.yaml', (t) =>
      t.replace(/\naliases:\n {2}en:\n/, '\naliases:\n  en:\n    - oracle ROUTING\n'),
    );
    const problems = errorsOf(files);
    expect(problems.map((p) => p.message)).toEqual([
      'alias "oracle ROUTING" is also listed by fact "oracle-routing" (facts/oracle-routing.yaml)',
    ]);
  });

  it('given the same example question in two facts (case, accents and a zero-width space aside), then the second is an error', () => {
    const question = 'DOES TIKTOK STILL KEEP ITS OWN BACK\u200BUPS OF US USER DATA?';
    const files = withFile('facts/sale-order-2020.yaml', (t) =>
      t.replace(/\nquestions:\n {2}en:\n/, `\nquestions:\n  en:\n    - "${question}"\n`),
    );
    expect(errorsOf(files).map((p) => p.message)).toEqual([
      `question "${question}" is also listed by fact "backups-retained" (facts/backups-retained.yaml)`,
    ]);
  });

  it('given a related fact listed twice, then the repeat is an error at its line', () => {
    const files = withFile(FACT, (t) => t.replace(/related: \[([a-z-]+)/, 'related: [$1, $1'));
    const [problem] = errorsOf(files);
    expect(problem?.message).toMatch(/^related fact "[a-z-]+" is listed twice$/);
    expect(problem?.line).toBe(lineOf(files.get(FACT)!, 'related:'));
  });

  it('given a review date in the past, then it is a warning naming the owner, not an error', () => {
    const result = validateKnowledge(
      withFile(FACT, (t) => t.replace(/review_by: .*/, 'review_by: 2026-01-01')),
      { now: TODAY },
    );
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => w.message)).toEqual(['review date 2026-01-01 has passed (owner: policy-team)']);
  });

  it('given an unknown topic, then the known topics are listed', () => {
    const [problem] = errorsOf(withFile(FACT, (t) => t.replace('topic: data-location', 'topic: data-locations')));
    expect(problem).toMatchObject({
      message: 'unknown topic "data-locations"',
      hint: expect.stringContaining('Did you mean "data-location"?'),
    });
  });

  it('given a YAML alias bomb, then it is refused, not expanded, with a clear message', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 9; i++)
      bomb.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(',')}]`,
      );
    const files = knowledgeFiles();
    files.set('facts/bomb.yaml', bomb.join('\n'));
    // Quick by construction: at most MAX_ALIAS_COUNT aliases are expanded (timed in npm run test:stress).
    const problems = errorsOf(files);
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'facts/bomb.yaml',
        message: expect.stringContaining('YAML could not be expanded'),
      }),
    );
  });

  it('given several mistakes in several files, then every one is reported at once, sorted by place', () => {
    const files = withFile(FACT, (t) => t.replace('pinned: true', 'pinned: 3'));
    files.set(
      'facts/governance-unit-may.yaml',
      files.get('facts/governance-unit-may.yaml')!.replace('\nowner:', '\nownr:'),
    );
    const problems = errorsOf(files);
    expect(problems.map((p) => [p.file, p.message])).toEqual([
      ['facts/governance-unit-may.yaml', 'unknown field "ownr"'],
      [FACT, 'pinned: expected a boolean, found number 3'],
    ]);
  });

  it('formats a problem as file:line:column: severity: message, then the hint', () => {
    expect(
      formatProblem({ file: 'facts/x.yaml', line: 3, column: 5, severity: 'error', message: 'boom', hint: 'fix it' }),
    ).toBe('facts/x.yaml:3:5: error: boom\n    hint: fix it');
  });
});

describe('loading the knowledge folder from disk', () => {
  function copyOfKnowledge(): string {
    const dir = mkdtempSync(join(tmpdir(), 'kb-'));
    cpSync(FIXTURE_KNOWLEDGE_DIR, dir, { recursive: true });
    return dir;
  }

  it('given an oversized file, then it is refused without being parsed', async () => {
    const dir = copyOfKnowledge();
    writeFileSync(join(dir, 'facts', 'huge.yaml'), `id: huge\nnote: "${'x'.repeat(300 * 1024)}"\n`);
    const result = await loadKnowledge({ dir, now: TODAY });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toContainEqual(
      expect.objectContaining({ file: 'facts/huge.yaml', message: expect.stringMatching(/over the \d+-byte limit/) }),
    );
  });

  it('given a .yml file, then it is read and validated like a .yaml file, never silently skipped', async () => {
    const dir = copyOfKnowledge();
    mkdirSync(join(dir, 'facts'), { recursive: true });
    writeFileSync(join(dir, 'facts', 'new-fact.yml'), 'id: new-fact\n');
    const result = await loadKnowledge({ dir, now: TODAY });
    expect(!result.ok && result.errors.every((e) => e.file === 'facts/new-fact.yml')).toBe(true);
    expect(!result.ok && result.errors[0]).toMatchObject({
      file: 'facts/new-fact.yml',
      message: expect.stringMatching(/^missing required field/),
    });
  });

  it('given a folder that does not exist, then that is the one error, said plainly, instead of a throw', async () => {
    const result = await loadKnowledge({ dir: join(tmpdir(), 'no-such-knowledge-dir') });
    expect(!result.ok && result.errors.map((e) => e.message)).toEqual([
      'cannot read the knowledge folder: it does not exist',
    ]);
  });

  it('given the same files, then the version is the same; given an edit, then it changes', async () => {
    const dir = copyOfKnowledge();
    const first = await loadKnowledge({ dir, now: TODAY });
    const again = await loadKnowledge({ dir, now: TODAY });
    writeFileSync(
      join(dir, 'facts', 'oracle-routing.yaml'),
      knowledgeFiles().get(FACT)!.replace('owner: policy-team', 'owner: someone-else'),
    );
    const edited = await loadKnowledge({ dir, now: TODAY });
    expect(first.ok && again.ok && edited.ok).toBe(true);
    if (first.ok && again.ok && edited.ok) {
      expect(again.snapshot.version).toBe(first.snapshot.version);
      expect(edited.snapshot.version).not.toBe(first.snapshot.version);
    }
  });
});

describe('validating again with a parse cache', () => {
  it('given an unchanged file kept from the last load, then problems found by other files still point at its right line', () => {
    const cache = { files: new Map(), quotes: new Map() };
    const files = knowledgeFiles();
    expect(validateKnowledge(files, { now: TODAY, cache }).ok).toBe(true);
    files.delete('facts/deletion-plan.yaml');
    const result = validateKnowledge(files, { now: TODAY, cache });
    const problem = !result.ok
      ? result.errors.find((p) => p.file === FACT && p.message === 'related fact "deletion-plan" does not exist')
      : undefined;
    expect(problem?.line).toBe(lineOf(files.get(FACT)!, 'related:'));
    expect(cache.files.has('facts/deletion-plan.yaml')).toBe(false);
  });

  it('given an edited file, then the edit is seen, and a quote made wrong is caught', () => {
    const cache = { files: new Map(), quotes: new Map() };
    const files = knowledgeFiles();
    validateKnowledge(files, { now: TODAY, cache });
    files.set(FACT, files.get(FACT)!.replace('owner: policy-team', 'owner: someone'));
    const edited = validateKnowledge(files, { now: TODAY, cache });
    expect(edited.ok && edited.snapshot.factsById.get('oracle-routing')?.owner).toBe('someone');
    files.set(FACT, files.get(FACT)!.replace('la Silicon Valley, dans', 'la Sillicon Valley, dans'));
    const broken = validateKnowledge(files, { now: TODAY, cache });
    expect(!broken.ok && broken.errors.map((e) => e.message)).toEqual([
      'quote not found in sources/tiktok-oracle-article-fr.txt',
    ]);
  });
});
