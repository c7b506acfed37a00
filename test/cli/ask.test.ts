import { describe, expect, it } from 'vitest';
import { DEFAULT_ENGINE_OPTIONS } from '../../src/answer/options.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ask, type AskJson } from '../../src/cli/ask.ts';
import { FIXTURE_KNOWLEDGE_DIR } from '../helpers.ts';
import { captureIo } from './cli-io.ts';
import { runTs } from './run.ts';

/** The command in this process (quicker than a new one); the first test runs the real program. */
async function runAsk(args: string[], options: { stdin?: string; env?: Record<string, string> } = {}) {
  const io = captureIo({ KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE_DIR, ...options.env });
  const code = await ask(args, { ...io, stdin: Readable.from([options.stdin ?? '']) });
  return { code, stdout: io.stdout.map((line) => `${line}\n`).join(''), stderr: io.stderr.join('\n') };
}

const KEYS = ['question', 'status', 'id', 'score', 'language', 'answer', 'sources', 'suggestions', 'followUp'];

describe('npm run ask', () => {
  it('given --json and a question, then it prints exactly one JSON object in the documented shape', async () => {
    const { code, stdout } = await runTs('src/cli/ask.ts', ['--json', 'Is US user data routed through Oracle?']);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const answer = JSON.parse(lines[0]!) as AskJson;
    expect(Object.keys(answer)).toEqual(KEYS);
    expect(answer).toMatchObject({ status: 'answered', id: 'oracle-routing', language: 'en' });
    expect(answer.score).toBeGreaterThan(0);
    expect(answer.sources.length).toBeGreaterThan(0);
    for (const source of answer.sources) expect(Object.keys(source)).toEqual(['id', 'title', 'quote', 'url']);
    expect(answer.suggestions).not.toContain('oracle-routing');
  });

  it('given --json and no question, then it answers each line of standard input in order', async () => {
    const questions = [
      'TikTok garde-t-il ses propres sauvegardes ?',
      'what is the wifi password',
      '',
      'Who owns TikTok',
      'tiktok data',
    ];
    const { code, stdout } = await runAsk(['--json'], { stdin: `${questions.join('\n')}\n` });
    expect(code).toBe(0);
    const answers = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as AskJson);
    expect(answers.map((a) => a.question)).toEqual(questions);
    expect(answers.map((a) => a.status)).toEqual(['answered', 'unknown', 'unknown', 'answered', 'clarify']);
    expect(answers[0]).toMatchObject({ id: 'backups-retained', language: 'fr' });
    expect(answers[1]).toMatchObject({ id: null, answer: null, sources: [] });
    // "Did you mean …?": no answer, the candidate first among the suggestions.
    expect(answers[4]).toMatchObject({ id: null, answer: null, sources: [] });
    expect(answers[4]!.suggestions.length).toBeGreaterThan(0);
  });

  it('given a plain question, then it prints the answer with whose claim it is and the quoted source', async () => {
    const { code, stdout } = await runAsk(['Qui possède TikTok ?']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/ByteDance/);
    expect(stdout).toMatch(/^— Article de presse — /m);
    expect(stdout).toMatch(/^ {2}“.+”$/m);
  });

  it('given --json --conversation, then each line follows the ones before it and an empty line starts anew', async () => {
    const lines = [
      'is us tiktok traffic going through oracle now?',
      'who said that?',
      'and the backups?',
      '',
      'who said that?',
    ];
    const { code, stdout } = await runAsk(['--json', '--conversation'], { stdin: `${lines.join('\n')}\n` });
    expect(code).toBe(0);
    const answers = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as AskJson);
    expect(answers.map((a) => [a.id, a.followUp])).toEqual([
      ['oracle-routing', null],
      ['oracle-routing', { previous: 'oracle-routing', used: true, about: 'claimant', linked: null }],
      // Two facts fit "the backups" as well: the one related to the routing answer.
      ['backups-retained', { previous: 'oracle-routing', used: true, about: null, linked: 'tie' }],
      [null, null],
    ]);
  });

  it('given --after a fact, then the question is read as a follow-up to it, and --explain says what it took', async () => {
    const { code, stdout } = await runAsk(['--explain', '--after', 'deletion-plan', 'pour aller où ?']);
    expect(code).toBe(0);
    expect(stdout).toContain('[deletion-plan ·');
    expect(stdout).toMatch(/read after the previous answer \(deletion-plan\)/);
    const unknown = await runAsk(['--after', 'no-such-fact', 'source?']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--after names no fact: no-such-fact');
  });

  it('given --explain, then after the answer it says how each word was read and weighed, the runner-up and the bars', async () => {
    const { code, stdout } = await runAsk(['--explain', 'does tiktok keep bakcups near golf courses']);
    expect(code).toBe(0);
    const why = stdout.slice(stdout.indexOf('\nWhy:'));
    expect(why).toMatch(/^ {4}bakcups +\d+% {2}a typo\? read as "backup"$/m);
    expect(why).toMatch(/^ {4}golf +\d+% {2}no fact has this word/m);
    expect(why).toMatch(/^ {2}best: backups-retained, covers \d+% of the question's weight/m);
    expect(why).toMatch(/^ {2}runner-up: [a-z0-9-]+, covers .*; margin /m);
    expect(why).toMatch(/^ {2}the decision read: coverage [\d.]+, closest example /m);
    expect(why).toMatch(
      new RegExp(`^ {2}probability for an answer: [\\d.]+ [<≥] ${DEFAULT_ENGINE_OPTIONS.answerThreshold} `, 'm'),
    );
    expect(why).toMatch(/^ {2}outcome: /m);
  });

  it('given a question in French it cannot answer, then it says so in French and names the contact in French', async () => {
    const { code, stdout } = await runAsk(['Où est la cantine ?']);
    expect(code).toBe(0);
    expect(stdout).toContain("Pour le reste, adressez-vous à l'équipe chargée de la politique des données.");
  });

  it('given a .env file in the folder it runs in, then it reads its variables, as npm start does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ask-env-'));
    writeFileSync(join(dir, '.env'), 'ANSWER_THRESHOLD=high\n');
    const { code, stderr } = await runTs('src/cli/ask.ts', ['hello'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toContain('ANSWER_THRESHOLD');
  });

  it('given a malformed configuration value, then it names the variable and exits non-zero', async () => {
    const { code, stderr } = await runAsk(['hello'], { env: { ANSWER_THRESHOLD: 'high' } });
    expect(code).toBe(2);
    expect(stderr).toContain('ANSWER_THRESHOLD');
  });
});
