import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { expect } from 'vitest';
import { FIXTURE_KNOWLEDGE_DIR, REPO } from '../helpers.ts';
import type { FakeDiscord } from './fake-discord.ts';

export interface BotProcess {
  readonly child: ChildProcessByStdio<null, Readable, Readable>;
  readonly exited: Promise<number | null>;
  output(): string;
  /** The log lines written so far, parsed (lines that are not JSON are skipped). */
  logs(): Record<string, unknown>[];
  /** Resolves once a log line with this event was written. */
  waitForEvent(event: string, timeoutMs?: number): Promise<Record<string, unknown>>;
}

/**
 * `src/main.ts` as `npm start` runs it, as its own process, pointed at the fake through DISCORD_API_URL.
 * Node loads tsx itself: the tsx CLI relays signals to a child process and kills it (exit 143) when the
 * child does not confirm within 30 ms, which a loaded machine misses.
 */
export function startBotProcess(fake: FakeDiscord, env: Record<string, string> = {}): BotProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'src', 'main.ts')], {
    cwd: REPO,
    env: {
      PATH: process.env.PATH ?? '',
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
      POLICY_ROLE_ID: fake.policyRoleId,
      KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE_DIR,
      QUESTION_COOLDOWN_SECONDS: '0',
      LOG_LEVEL: 'debug',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'bot-process-')),
      // Never the real ~/.config of whoever runs the tests.
      RECORD_HASH_KEY_FILE: join(mkdtempSync(join(tmpdir(), 'bot-process-key-')), 'record-hash.key'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const logs = () =>
    output.split('\n').flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
  return {
    child,
    exited,
    output: () => output,
    logs,
    async waitForEvent(event, timeoutMs = 20_000) {
      await expect.poll(() => logs().some((e) => e.event === event), { timeout: timeoutMs, interval: 50 }).toBe(true);
      return logs().find((e) => e.event === event)!;
    },
  };
}

/**
 * The TCP addresses a process listens on ("127.0.0.1:9100"), from /proc: its socket inodes, matched
 * against the kernel's tables of listening sockets. Linux only.
 */
export function listeningAddresses(pid: number): string[] {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (match) inodes.add(match[1]!);
    } catch {
      // The descriptor closed while being read.
    }
  }
  const listening: string[] = [];
  for (const table of ['tcp', 'tcp6']) {
    const lines = readFileSync(`/proc/net/${table}`, 'utf8').trim().split('\n').slice(1);
    for (const line of lines) {
      const fields = line.trim().split(/\s+/);
      const [local, state, inode] = [fields[1]!, fields[3]!, fields[9]!];
      // State 0A is LISTEN.
      if (state === '0A' && inodes.has(inode)) listening.push(decodeAddress(local));
    }
  }
  return listening;
}

function decodeAddress(hex: string): string {
  const [address, port] = hex.split(':') as [string, string];
  const portNumber = Number.parseInt(port, 16);
  if (address.length === 8) {
    const bytes = address
      .match(/../g)!
      .map((b) => Number.parseInt(b, 16))
      .reverse();
    return `${bytes.join('.')}:${portNumber}`;
  }
  return `[${address}]:${portNumber}`;
}
