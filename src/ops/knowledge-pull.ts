import { execFile } from 'node:child_process';
import type { Built, LiveStore } from '../knowledge/live-store.ts';
import type { Logger } from '../log.ts';
import { logOutcome } from '../service/auto-reload.ts';

/**
 * KNOWLEDGE_GIT_PULL_MINUTES: every so often, `git pull --ff-only` in the repository that holds the
 * knowledge folder, then a reload when it brought a new commit. A merged pull request thus reaches the
 * bot by itself. A pull that fails (network, a diverged branch, a credential asked for) changes nothing
 * and is logged and shown in /kb status; a pull that brings a broken file is a broken save: the store
 * keeps serving the last good version and reports the errors as it does for any reload.
 */

export interface PullStatus {
  readonly at: Date;
  readonly result: 'updated' | 'unchanged' | 'failed';
  /** The commit before and after, abbreviated; absent when the pull failed before reading them. */
  readonly from?: string;
  readonly to?: string;
  /** What git said, credentials removed; only when failed. */
  readonly error?: string;
}

export interface KnowledgePull {
  /** The repository's top folder. */
  readonly repository: string;
  /** The last pull's outcome; undefined before the first. */
  last(): PullStatus | undefined;
  /** Pulls now (or waits for the pull under way), then reloads when a new commit arrived. */
  pullNow(): Promise<PullStatus>;
  stop(): void;
}

/** Not a repository, or no upstream branch: said at start-up, as a configuration error is. */
export class KnowledgePullSetupError extends Error {
  override readonly name = 'KnowledgePullSetupError';
}

const GIT_TIMEOUT_MS = 120_000;
const MAX_ERROR_CHARS = 500;

export async function startKnowledgePull(options: {
  readonly dir: string;
  /** Minutes between pulls; undefined: only pullNow(). */
  readonly minutes: number | undefined;
  readonly store: LiveStore<Built>;
  readonly logger: Logger;
  readonly onPulled?: (status: PullStatus) => void;
  readonly now?: () => Date;
}): Promise<KnowledgePull> {
  const now = options.now ?? (() => new Date());
  let repository: string;
  try {
    repository = (await git(options.dir, ['rev-parse', '--show-toplevel'])).trim();
  } catch (error) {
    throw new KnowledgePullSetupError(
      `KNOWLEDGE_GIT_PULL_MINUTES is set, but the knowledge folder ${options.dir} is not in a git repository (${describeGitFailure(error)}); clone the knowledge repository there, or unset it`,
    );
  }
  try {
    await git(repository, ['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{upstream}']);
  } catch (error) {
    throw new KnowledgePullSetupError(
      `KNOWLEDGE_GIT_PULL_MINUTES is set, but the branch checked out in ${repository} has no upstream to pull from (${describeGitFailure(error)}); run git branch --set-upstream-to there`,
    );
  }

  let last: PullStatus | undefined;
  let running: Promise<PullStatus> | undefined;

  const pullOnce = async (): Promise<PullStatus> => {
    let from: string | undefined;
    let status: PullStatus;
    try {
      from = await head(repository);
      await git(repository, ['pull', '--ff-only', '--quiet']);
      const to = await head(repository);
      status = { at: now(), result: from === to ? 'unchanged' : 'updated', from, to };
    } catch (error) {
      status = { at: now(), result: 'failed', ...(from ? { from } : {}), error: describeGitFailure(error) };
    }
    last = status;
    options.onPulled?.(status);
    if (status.result === 'failed') {
      options.logger.error(
        { event: 'kb.pull_failed', repository, error: status.error },
        'git pull of the knowledge repository failed; still serving the knowledge as it was',
      );
    } else if (status.result === 'updated') {
      options.logger.info({ event: 'kb.pulled', repository, from: status.from, to: status.to }, 'knowledge pulled');
      // The folder watcher would see the change too; reloading here does not depend on it.
      logOutcome(options.logger, await options.store.reload(), 'git-pull');
    } else {
      options.logger.debug({ event: 'kb.pull_unchanged', repository, at: status.to }, 'knowledge already up to date');
    }
    return status;
  };

  const pullNow = (): Promise<PullStatus> => {
    running ??= pullOnce().finally(() => (running = undefined));
    return running;
  };

  const timer =
    options.minutes === undefined
      ? undefined
      : setInterval(
          () =>
            void pullNow().catch((err: unknown) =>
              options.logger.error({ err, event: 'kb.pull_crashed' }, 'knowledge pull crashed'),
            ),
          options.minutes * 60_000,
        );
  timer?.unref();

  return { repository, last: () => last, pullNow, stop: () => clearInterval(timer) };
}

async function head(repository: string): Promise<string> {
  return (await git(repository, ['rev-parse', '--short=12', 'HEAD'])).trim();
}

function git(cwd: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      { cwd, env: gitEnvironment(), timeout: GIT_TIMEOUT_MS, maxBuffer: 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error) reject(new GitError(error, stderr));
        else resolve(stdout);
      },
    );
  });
}

class GitError extends Error {
  override readonly name = 'GitError';
  readonly killed: boolean;
  constructor(
    cause: Error & { killed?: boolean },
    readonly stderr: string,
  ) {
    super(cause.message, { cause });
    this.killed = cause.killed === true;
  }
}

/**
 * git needs PATH, HOME and SSH's agent from the bot's environment, never the bot's token. It must not
 * wait for a password nobody will type: it fails instead, and the failure is reported.
 */
function gitEnvironment(): NodeJS.ProcessEnv {
  const { DISCORD_TOKEN: _, ...env } = process.env;
  return {
    ...env,
    GIT_TERMINAL_PROMPT: '0',
    GIT_SSH_COMMAND: env.GIT_SSH_COMMAND ?? 'ssh -o BatchMode=yes',
    LC_ALL: 'C',
  };
}

/** What git said, on one line, without credentials written into a remote URL (some git versions print them). */
export function describeGitFailure(error: unknown): string {
  const { stderr, message, killed } = error as { stderr?: string; message?: string; killed?: boolean };
  if (killed) return `git did not finish within ${GIT_TIMEOUT_MS / 1000} s`;
  const text = (stderr?.trim() || message || String(error)).replace(/\s+/g, ' ');
  const scrubbed = text.replace(/(?<![a-z0-9+.-])([a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/gi, '$1***@');
  return scrubbed.length > MAX_ERROR_CHARS ? `${scrubbed.slice(0, MAX_ERROR_CHARS - 1)}…` : scrubbed;
}
