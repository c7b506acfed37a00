import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApplicationCommandOptionType, type APIEmbed } from 'discord-api-types/v10';
import { describe, expect, it, onTestFinished } from 'vitest';
import { folderLoader } from '../../src/knowledge/load.ts';
import { openLiveStore, type Built } from '../../src/knowledge/live-store.ts';
import { createLogger } from '../../src/log.ts';
import {
  describeGitFailure,
  KnowledgePullSetupError,
  startKnowledgePull,
  type KnowledgePull,
} from '../../src/ops/knowledge-pull.ts';
import { FIXTURE_KNOWLEDGE_DIR, TODAY } from '../helpers.ts';
import { LogCapture, startHarness } from '../support/bot-harness.ts';
import { startFakeDiscord } from '../support/fake-discord.ts';
import { startBotProcess } from '../support/bot-process.ts';

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Policy Team',
  GIT_AUTHOR_EMAIL: 'policy@example.com',
  GIT_COMMITTER_NAME: 'Policy Team',
  GIT_COMMITTER_EMAIL: 'policy@example.com',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A bare repository as the policy team's remote, a clone the team pushes from, and the bot's clone. */
function repositories() {
  const root = mkdtempSync(join(tmpdir(), 'kb-git-'));
  const remote = join(root, 'knowledge.git');
  const team = join(root, 'team');
  const bot = join(root, 'bot');
  git(root, 'init', '--quiet', '--bare', '--initial-branch=main', remote);
  git(root, 'clone', '--quiet', remote, team);
  cpSync(FIXTURE_KNOWLEDGE_DIR, join(team, 'knowledge'), { recursive: true });
  git(team, 'add', '.');
  git(team, 'commit', '--quiet', '-m', 'knowledge');
  git(team, 'push', '--quiet', 'origin', 'HEAD:main');
  git(root, 'clone', '--quiet', remote, bot);
  const fact = (clone: string) => join(clone, 'knowledge', 'facts', 'oracle-routing.yaml');
  const push = (message: string, edit: (text: string) => string) => {
    writeFileSync(fact(team), edit(readFileSync(fact(team), 'utf8')));
    git(team, 'commit', '--quiet', '-am', message);
    git(team, 'push', '--quiet', 'origin', 'HEAD:main');
  };
  return { root, remote, team, bot, knowledgeDir: join(bot, 'knowledge'), fact, push };
}

async function pullerFor(knowledgeDir: string) {
  const opened = await openLiveStore<Built>({
    load: folderLoader(knowledgeDir, () => TODAY),
    build: (snapshot) => ({ snapshot }),
  });
  if (!opened.ok) throw new Error('the knowledge does not load');
  const logs = new LogCapture();
  const logger = createLogger({ level: 'debug', secrets: [], destination: logs });
  const pulled: string[] = [];
  const pull = await startKnowledgePull({
    dir: knowledgeDir,
    minutes: undefined,
    store: opened.store,
    logger,
    onPulled: (s) => pulled.push(s.result),
  });
  onTestFinished(() => pull.stop());
  return { store: opened.store, logs, pull, pulled };
}

const owner = (store: { current(): Built }) => store.current().snapshot.factsById.get('oracle-routing')?.owner;

describe('KNOWLEDGE_GIT_PULL_MINUTES: git pull --ff-only in the knowledge repository, against a local bare repository', () => {
  it('given a merged change, then the pull brings it and the bot serves it; with nothing new, nothing changes', async () => {
    const repos = repositories();
    const { store, logs, pull, pulled } = await pullerFor(repos.knowledgeDir);
    expect((await pull.pullNow()).result).toBe('unchanged');
    const before = store.current().snapshot.version;

    repos.push('new owner', (text) => text.replace('owner: policy-team', 'owner: data-policy'));
    const status = await pull.pullNow();
    expect(status).toMatchObject({ result: 'updated', from: expect.stringMatching(/^[0-9a-f]{12}$/) });
    expect(status.to).not.toBe(status.from);
    expect(owner(store)).toBe('data-policy');
    expect(store.current().snapshot.version).not.toBe(before);
    expect(logs.entries().find((e) => e.event === 'kb.pulled')).toMatchObject({ from: status.from, to: status.to });
    expect(logs.entries().find((e) => e.event === 'kb.reloaded')).toMatchObject({
      by: 'git-pull',
      edited: ['oracle-routing'],
    });
    expect(pulled).toEqual(['unchanged', 'updated']);
    expect(pull.last()).toBe(status);
  });

  it('given a pushed broken file, then the pull succeeds but the last good version keeps serving, with the errors, as after a broken save', async () => {
    const repos = repositories();
    const { store, logs, pull } = await pullerFor(repos.knowledgeDir);
    const good = store.current().snapshot.version;
    repos.push('broken', (text) => text.replace('\naliases:', '\naliasses:'));
    expect((await pull.pullNow()).result).toBe('updated');
    expect(store.current().snapshot.version).toBe(good);
    expect(store.lastError?.errors.map((e) => e.message).join('\n')).toContain('unknown field "aliasses"');
    expect(logs.entries().find((e) => e.event === 'kb.reload_failed')).toMatchObject({ by: 'git-pull', serving: good });

    repos.push('fixed', (text) =>
      text.replace('\naliasses:', '\naliases:').replace('owner: policy-team', 'owner: fixed'),
    );
    expect((await pull.pullNow()).result).toBe('updated');
    expect(store.lastError).toBeUndefined();
    expect(owner(store)).toBe('fixed');
  });

  it('given the bot’s clone diverged from the remote, then the pull fails, changes nothing and says why', async () => {
    const repos = repositories();
    const { store, logs, pull, pulled } = await pullerFor(repos.knowledgeDir);
    repos.push('remote change', (text) => text.replace('owner: policy-team', 'owner: remote'));
    writeFileSync(
      repos.fact(repos.bot),
      readFileSync(repos.fact(repos.bot), 'utf8').replace('owner: policy-team', 'owner: local'),
    );
    git(repos.bot, 'commit', '--quiet', '-am', 'edited on the server');
    await store.reload();
    const version = store.current().snapshot.version;

    const status = await pull.pullNow();
    expect(status.result).toBe('failed');
    expect(status.error).toMatch(/Not possible to fast-forward/);
    expect(owner(store)).toBe('local');
    expect(store.current().snapshot.version).toBe(version);
    expect(logs.entries().find((e) => e.event === 'kb.pull_failed')).toMatchObject({ error: status.error });
    expect(pulled).toEqual(['failed']);
  });

  it('given a remote URL with a password in it, then the failure is reported without the password', async () => {
    const repos = repositories();
    const { pull } = await pullerFor(repos.knowledgeDir);
    git(repos.bot, 'remote', 'set-url', 'origin', 'http://deploy:hunter2secret@127.0.0.1:1/knowledge.git');
    const status = await pull.pullNow();
    expect(status.result).toBe('failed');
    expect(status.error).toContain('127.0.0.1:1/knowledge.git');
    expect(status.error).not.toContain('hunter2secret');
    // Older git versions print the URL as configured: the report removes what git did not.
    const said = "fatal: repository 'https://deploy:hunter2secret@git.example.com/kb.git/' not found\n";
    expect(describeGitFailure(Object.assign(new Error('Command failed'), { stderr: said }))).toBe(
      "fatal: repository 'https://***@git.example.com/kb.git/' not found",
    );
  });

  it('given pulls asked for while one runs, then they share it instead of running git twice at once', async () => {
    const repos = repositories();
    const { pull, pulled } = await pullerFor(repos.knowledgeDir);
    const [a, b] = await Promise.all([pull.pullNow(), pull.pullNow()]);
    expect(a).toBe(b);
    expect(pulled).toEqual(['unchanged']);
  });

  it('given a knowledge folder outside any repository, or a branch with no upstream, then it refuses to start, saying which', async () => {
    const loose = mkdtempSync(join(tmpdir(), 'kb-loose-'));
    cpSync(FIXTURE_KNOWLEDGE_DIR, loose, { recursive: true });
    await expect(pullerFor(loose)).rejects.toThrow(KnowledgePullSetupError);
    await expect(pullerFor(loose)).rejects.toThrow(/is not in a git repository/);

    const repos = repositories();
    git(repos.bot, 'branch', '--unset-upstream');
    await expect(pullerFor(repos.knowledgeDir)).rejects.toThrow(/has no upstream to pull from/);
  });

  it('given a timer, then pulls run by themselves', async () => {
    const repos = repositories();
    const opened = await openLiveStore<Built>({
      load: folderLoader(repos.knowledgeDir, () => TODAY),
      build: (snapshot) => ({ snapshot }),
    });
    if (!opened.ok) throw new Error('the knowledge does not load');
    let pull: KnowledgePull | undefined;
    const pulledAt: Date[] = [];
    // A fraction of a minute, so the test waits for a few pulls without a fake clock.
    pull = await startKnowledgePull({
      dir: repos.knowledgeDir,
      minutes: 0.002,
      store: opened.store,
      logger: createLogger({ level: 'silent', secrets: [] }),
      onPulled: (s) => pulledAt.push(s.at),
    });
    onTestFinished(() => pull?.stop());
    await expect.poll(() => pulledAt.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    pull.stop();
    pull = undefined;
  });
});

describe('KNOWLEDGE_GIT_PULL_MINUTES at npm start', () => {
  it('given a knowledge folder in a clone, then the pulls are scheduled; outside any repository, start-up stops saying why', async () => {
    const fake = await startFakeDiscord();
    const repos = repositories();
    const loose = mkdtempSync(join(tmpdir(), 'kb-loose-'));
    cpSync(FIXTURE_KNOWLEDGE_DIR, loose, { recursive: true });
    const refused = startBotProcess(fake, { KNOWLEDGE_DIR: loose, KNOWLEDGE_GIT_PULL_MINUTES: '5' });
    const scheduled = startBotProcess(fake, { KNOWLEDGE_DIR: repos.knowledgeDir, KNOWLEDGE_GIT_PULL_MINUTES: '5' });
    try {
      expect(await refused.exited).toBe(1);
      expect(refused.logs().find((e) => e.event === 'ops.start_failed')?.msg).toContain(
        `KNOWLEDGE_GIT_PULL_MINUTES is set, but the knowledge folder ${loose} is not in a git repository`,
      );
      expect(await scheduled.waitForEvent('kb.pull_scheduled')).toMatchObject({ repository: repos.bot, minutes: 5 });
      await scheduled.waitForEvent('discord.ready');
    } finally {
      refused.child.kill('SIGKILL');
      scheduled.child.kill('SIGKILL');
      await fake.close({ allowConnectedClient: true });
    }
  }, 60_000);
});

describe('/kb status shows the last pull', () => {
  const statusOf = async (h: Awaited<ReturnType<typeof startHarness>>): Promise<APIEmbed> => {
    const sent = await h.fake.sendInteraction(
      h.fake.slashCommand({
        name: 'kb',
        options: [{ type: ApplicationCommandOptionType.Subcommand, name: 'status', options: [] }] as never,
      }),
    );
    const reply = await h.fake.waitForRequest<{ data: { embeds: APIEmbed[] } }>(
      (r) => r.path === h.fake.callbackPath(sent),
    );
    return reply.body.data.embeds[0]!;
  };

  it('given a failed pull, then /kb status says so with git’s words, in red', async () => {
    const at = new Date('2026-11-29T11:00:00Z');
    const h = await startHarness({
      knowledgePull: {
        last: () => ({ at, result: 'failed', from: 'abc', error: 'fatal: Not possible to fast-forward, aborting.' }),
      },
    });
    try {
      const embed = await statusOf(h);
      const field = embed.fields!.find((f) => f.name.startsWith('Last git pull'))!;
      expect(field.name).toBe('Last git pull failed; the knowledge files did not change');
      expect(field.value).toBe('<t:1795950000:R>\n```\nfatal: Not possible to fast-forward, aborting.\n```');
      expect(embed.color).toBe(0xe74c3c);
    } finally {
      await h.stop();
    }
  });

  it('given a good pull, then /kb status shows the commits; without pulls configured, no such field', async () => {
    const h = await startHarness({
      knowledgePull: {
        last: () => ({ at: new Date('2026-11-29T11:00:00Z'), result: 'updated', from: 'aaa111', to: 'bbb222' }),
      },
    });
    try {
      const embed = await statusOf(h);
      expect(embed.fields!.find((f) => f.name === 'Last git pull')?.value).toBe(
        '<t:1795950000:R>: updated aaa111 → bbb222',
      );
      expect(embed.color).toBe(0x2ecc71);
    } finally {
      await h.stop();
    }
    const plain = await startHarness();
    try {
      expect((await statusOf(plain)).fields!.some((f) => f.name.startsWith('Last git pull'))).toBe(false);
    } finally {
      await plain.stop();
    }
  });
});
