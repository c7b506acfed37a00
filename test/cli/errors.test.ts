import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ask } from '../../src/cli/ask.ts';
import { deploy } from '../../src/cli/deploy.ts';
import type { CliIo } from '../../src/cli/command.ts';
import { runEval } from '../../src/cli/eval.ts';
import { lint } from '../../src/cli/lint.ts';
import { preview } from '../../src/cli/preview.ts';
import { report } from '../../src/cli/report.ts';
import { schema } from '../../src/cli/schema.ts';
import { captureIo } from './cli-io.ts';
import { runTs } from './run.ts';

type Command = (argv: readonly string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  ask: (argv, io) => ask(argv, { ...io, stdin: process.stdin }),
  eval: runEval,
  'kb:lint': lint,
  'kb:preview': preview,
  'kb:schema': (argv, io) => schema(argv, io, mkdtempSync(join(tmpdir(), 'kb-schema-'))),
  report,
  'deploy:commands': deploy,
};

async function run(command: string, argv: string[], env: Record<string, string> = {}) {
  const io = captureIo(env);
  const code = await COMMANDS[command]!(argv, io);
  return { code, out: io.stdout, err: io.stderr };
}

function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'cli-errors-')), name);
  writeFileSync(path, text);
  return path;
}

describe('every command, called wrongly', () => {
  it.each(Object.keys(COMMANDS))(
    'given a misspelt flag, %s says which in one line, then its usage, and exits 2',
    async (command) => {
      const { code, out, err } = await run(command, ['--jsn']);
      expect(code).toBe(2);
      expect(out).toEqual([]);
      expect(err[0]).toMatch(
        new RegExp(`^${command}: unknown option --jsn( \\(did you mean --json\\?\\)| \\(options: .*\\))$`),
      );
      expect(err[1]).toMatch(/^Usage:/);
    },
  );

  it('given a flag close to a real one, then it suggests the real one', async () => {
    expect((await run('kb:lint', ['--strikt'])).err[0]).toBe(
      'kb:lint: unknown option --strikt (did you mean --strict?)',
    );
    expect((await run('ask', ['--jsn', 'q'])).err[0]).toBe('ask: unknown option --jsn (did you mean --json?)');
  });

  it('given a flag without its value, then it says the flag needs one', async () => {
    const { code, err } = await run('eval', ['questions.yaml', '--threshold']);
    expect(code).toBe(2);
    expect(err[0]).toBe('eval: --threshold needs a value');
  });

  it.each([['eval'], ['kb:preview']])(
    'given a file that does not exist, %s says so in one line and exits 1',
    async (command) => {
      const { code, out, err } = await run(command, ['/no/such/file.yaml']);
      expect({ code, out, err }).toEqual({
        code: 1,
        out: [],
        err: [`${command}: cannot read /no/such/file.yaml: no such file or folder`],
      });
    },
  );

  it.each([
    ['eval', ['questions.yaml']],
    ['kb:lint', []],
    ['kb:preview', ['draft.yaml']],
  ] as const)('given --dir a folder that does not exist, %s says so in one line and exits 1', async (command, rest) => {
    const { code, err } = await run(command, [...rest, '--dir', '/nonexistent']);
    expect({ code, err }).toEqual({ code: 1, err: [`${command}: --dir /nonexistent: no such file or folder`] });
  });

  it('given eval a malformed YAML file, then it names the file, line and column in one line and exits 1', async () => {
    const file = tempFile('broken.yaml', '- { q: "a question", expect: x\n- { q: "b" }\n');
    const { code, err } = await run('eval', [file]);
    expect(code).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(
      new RegExp(
        `^eval: ${file}:\\d+:\\d+: YAML syntax: .+; a question set is a list of \\{ q: "question", expect: fact-id or null \\}$`,
      ),
    );
  });

  it('given eval a file of the wrong shape, then it names the field at its line and exits 1', async () => {
    const file = tempFile('shape.yaml', '- { q: "a question", expect: x }\n- { question: "b", expect: null }\n');
    const { code, err } = await run('eval', [file]);
    expect(code).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(new RegExp(`^eval: ${file}:2:\\d+: (unknown field "question"|missing required field)`));
  });

  it('given eval a threshold that is not a number from 0 to 1, then it refuses instead of scoring 0%', async () => {
    const file = tempFile('ok.yaml', '- { q: "Who owns TikTok?", expect: bytedance-ownership }\n');
    for (const threshold of ['abc', '', '1.5']) {
      const { code, out, err } = await run('eval', [file, '--threshold', threshold]);
      expect({ code, out }).toEqual({ code: 2, out: [] });
      expect(err[0]).toBe(`eval: --threshold must be a number from 0 to 1, got "${threshold}"`);
    }
    expect((await run('eval', [file, '--threshold', '0.5'])).code).toBe(0);
  });

  it('given kb:preview a draft that is not YAML, then it lists the located errors and exits 1', async () => {
    const file = tempFile('draft.yaml', 'id: x\ntitle: [unclosed\n');
    const { code, out } = await run('kb:preview', [file]);
    expect(code).toBe(1);
    expect(out.join('\n')).toContain(`${file}:3:1: error: YAML syntax`);
  });

  it('given kb:schema an argument, then it refuses it', async () => {
    const { code, err } = await run('kb:schema', ['knowledge']);
    expect(code).toBe(2);
    expect(err[0]).toBe('kb:schema: unexpected argument knowledge');
  });

  it('given ask no question and no --json, then it is a usage error', async () => {
    const { code, err } = await run('ask', []);
    expect(code).toBe(2);
    expect(err[0]).toBe('ask: give a question, or --json to read questions from standard input');
  });

  it('given `npm run ask --json "q"` (npm keeps --json for itself), then it says to write `npm run ask -- --json`', async () => {
    const { code, out, err } = await run('ask', ['q'], { npm_config_json: 'true' });
    expect({ code, out }).toEqual({ code: 2, out: [] });
    expect(err[0]).toBe('ask: npm took --json for itself; put -- before the options: npm run ask -- --json "question"');
  });

  it('given --help, then each command prints its usage and exits 0', async () => {
    for (const command of Object.keys(COMMANDS)) {
      const { code, out } = await run(command, ['--help']);
      expect(code).toBe(0);
      expect(out[0]).toMatch(/^Usage:/);
    }
  });

  it('given a bad flag to the real program, then there is no stack trace, only the line and the usage', async () => {
    const { code, stdout, stderr } = await runTs('src/cli/ask.ts', ['--jsn', 'q']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stderr.split('\n')[0]).toBe('ask: unknown option --jsn (did you mean --json?)');
  });

  it.each([
    ['npm start', 'src/main.ts', /^Usage: npm start\n/],
    ['npm run bench', 'bench/run.ts', /^usage: npm run bench\n/],
    ['npm run bench:clinc', 'bench/clinc150.ts', /^usage: npm run bench:clinc /],
  ])('given --help, %s prints its usage and exits 0 without starting anything', async (_, script, usage) => {
    const { code, stdout, stderr } = await runTs(script, ['--help']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(usage);
  });

  it('given an argument it does not take, npm start says so with its usage and exits 2', async () => {
    const { code, stdout, stderr } = await runTs('src/main.ts', ['--bogus']);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr.split('\n')[0]).toBe('start: unexpected argument --bogus');
  });
});
