/**
 * Every regular expression written in src/ is checked by recheck, a ReDoS checker (automata theory where
 * the pattern allows it, else fuzzing by counting the matcher's steps): a pattern whose matching time grows
 * faster than linearly with some input fails the test. Text of any length reaches these patterns (a
 * question, a pasted quote, a line of YAML), and the bot has one thread.
 *
 * Its inner time limits are off (recall validation, which times the real engine, stays skipped as by
 * default): step counts decide, so a busy machine cannot change a verdict. One outer limit per pattern, 60
 * times the slowest pattern's time, turns a pattern the checker cannot settle into a failure, not a hang.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkSync, type Diagnostics } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers.ts';

interface Pattern {
  readonly where: string;
  readonly source: string;
  readonly flags: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Regular expression literals, and `new RegExp("…", "…")` with literal arguments. */
function patternsIn(file: string): Pattern[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: Pattern[] = [];
  const where = (node: ts.Node) =>
    `${relative(REPO, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (ts.isRegularExpressionLiteral(node)) {
      const end = node.text.lastIndexOf('/');
      found.push({ where: where(node), source: node.text.slice(1, end), flags: node.text.slice(end + 1) });
    } else if (
      ts.isNewExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'RegExp' &&
      node.arguments?.[0] !== undefined &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      const flags = node.arguments[1];
      found.push({
        where: where(node),
        source: node.arguments[0].text,
        flags: flags !== undefined && ts.isStringLiteralLike(flags) ? flags.text : '',
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function verdict(pattern: Pattern): string {
  const diagnostics: Diagnostics = checkSync(pattern.source, pattern.flags, {
    // One generous limit so that a pattern the checker cannot settle fails as "not decided: timeout"
    // instead of hanging the suite (every pattern here is settled in under a second).
    timeout: 30_000,
    attackTimeout: null,
    incubationTimeout: null,
    seedingTimeout: null,
    // Left at its default, negative: recall validation runs the attack on the JavaScript engine and
    // decides by time; with no limit, recheck 4.5 reports quadratic patterns as safe.
  });
  if (diagnostics.status === 'safe') return 'safe';
  if (diagnostics.status === 'vulnerable')
    return `${diagnostics.complexity.type} (attack: ${JSON.stringify(diagnostics.attack.pattern)})`;
  return `not decided: ${diagnostics.error.kind}`;
}

describe('regular expressions in src/', () => {
  const patterns = sourceFiles(join(REPO, 'src')).flatMap(patternsIn);

  it('finds the patterns it checks', () => {
    expect(patterns.length).toBeGreaterThan(50);
    expect(patterns.some((p) => p.where.startsWith('src/knowledge/yaml-file.ts'))).toBe(true);
  });

  it(
    'given every pattern written in src/, then none takes more than linear time on any input',
    { timeout: 120_000 },
    () => {
      const unsafe = patterns
        .map((pattern) => ({ ...pattern, verdict: verdict(pattern) }))
        .filter((p) => p.verdict !== 'safe')
        .map((p) => `${p.where} /${p.source}/${p.flags}: ${p.verdict}`);
      expect(unsafe).toEqual([]);
    },
  );

  it('given a known quadratic pattern, then the checker says so (it is not a test that cannot fail)', () => {
    expect(verdict({ where: 'here', source: String.raw`^(\s*)(\w+):\s+(.*?:\s.*)$`, flags: '' })).toMatch(
      /^polynomial/,
    );
    expect(verdict({ where: 'here', source: String.raw`[\s,;:.]+$`, flags: '' })).toMatch(/^polynomial/);
  });
});
