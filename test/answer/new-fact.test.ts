import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnswerer } from '../../src/answer/answerer.ts';
import { evaluate, formatReport, parseQuestionSet } from '../../src/answer/evaluate.ts';
import { REPO, knowledgeFiles, snapshotOf } from '../helpers.ts';

const dir = join(REPO, 'test', 'fixtures', 'new-fact');
const read = (name: string) => readFileSync(join(dir, name), 'utf8');

/**
 * A fact as a busy policy-team member writes one: three aliases and three questions per language, no
 * keywords (test/fixtures/new-fact/, written by someone who saw the YAML format but not the engine).
 */
describe('given a new fact written with three aliases, three questions and no keywords', () => {
  const files = knowledgeFiles();
  files.set('facts/eu-data-ireland-norway.yaml', read('eu-data-ireland-norway.yaml'));
  files.set('sources/tiktok-europe-note.yaml', read('tiktok-europe-note.yaml'));
  files.set('sources/tiktok-europe-note.txt', read('tiktok-europe-note.txt'));
  const answerer = createAnswerer(snapshotOf(files));
  const report = evaluate(parseQuestionSet(read('questions.yaml')), answerer.ask);
  const summary = formatReport(report).join('\n');

  it('then at least 8 of its 10 paraphrases are answered with it, and the rest offer it as "did you mean"', () => {
    expect(report.inScope.questions).toBe(10);
    expect(report.inScope.right, summary).toBeGreaterThanOrEqual(8);
    expect(report.inScope.right + report.inScope.clarified, summary).toBe(10);
  });

  it('then no question about another company, place or subject is answered with it', () => {
    const taken = report.cases.filter(
      (c) => c.expect === null && c.status === 'answered' && c.got === 'eu-data-ireland-norway',
    );
    expect(
      taken.map((c) => c.q),
      summary,
    ).toEqual([]);
    expect(report.outOfScope.wrong, summary).toBe(0);
  });
});
