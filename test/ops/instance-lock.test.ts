import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireInstanceLock, InstanceLockedError, lockHolder, PID_FILE } from '../../src/ops/instance-lock.ts';
import { startFakeDiscord } from '../support/fake-discord.ts';
import { startBotProcess } from '../support/bot-process.ts';

describe('one bot per data folder, in process', () => {
  it('given the lock taken, then a second take fails naming the holder’s pid; once released it can be taken again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lock-'));
    const first = acquireInstanceLock(dir, 4242);
    expect(readFileSync(join(dir, PID_FILE), 'utf8')).toBe('4242\n');
    expect(() => acquireInstanceLock(dir)).toThrow(InstanceLockedError);
    expect(() => acquireInstanceLock(dir)).toThrow(/another residency-bot \(pid 4242\) is already running on DATA_DIR/);
    expect(lockHolder(dir)).toEqual({ held: true, pid: 4242 });
    first.release();
    first.release();
    expect(existsSync(join(dir, PID_FILE))).toBe(false);
    expect(lockHolder(dir)).toEqual({ held: false });
    acquireInstanceLock(dir).release();
  });

  it('given a data folder that does not exist yet, then it is created', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'lock-')), 'nested', 'data');
    acquireInstanceLock(dir).release();
    expect(existsSync(dir)).toBe(true);
  });
});

describe('one bot per data folder, with real processes against the fake Discord', () => {
  it('given a bot running, then a second on the same DATA_DIR exits 1 naming the first one’s pid; after kill -9 of the first, a restart is not blocked', async () => {
    const fake = await startFakeDiscord();
    const dataDir = mkdtempSync(join(tmpdir(), 'lock-e2e-'));
    const first = startBotProcess(fake, { DATA_DIR: dataDir });
    const second = { current: undefined as ReturnType<typeof startBotProcess> | undefined };
    const third = { current: undefined as ReturnType<typeof startBotProcess> | undefined };
    try {
      await first.waitForEvent('discord.ready');

      second.current = startBotProcess(fake, { DATA_DIR: dataDir });
      expect(await second.current.exited).toBe(1);
      const refusal = second.current.logs().find((e) => e.event === 'instance.already_running');
      expect(refusal).toMatchObject({ pid: first.child.pid });
      expect(refusal?.msg).toContain(`another residency-bot (pid ${first.child.pid}) is already running on DATA_DIR`);
      // It stopped before reaching Discord: one bot, one gateway session.
      expect(fake.identifies).toHaveLength(1);

      first.child.kill('SIGKILL');
      expect(await first.exited).toBeNull();
      third.current = startBotProcess(fake, { DATA_DIR: dataDir });
      await third.current.waitForEvent('discord.ready');
      expect(readFileSync(join(dataDir, PID_FILE), 'utf8')).toBe(`${third.current.child.pid}\n`);
      const sent = await fake.sendInteraction(
        fake.slashCommand({ name: 'ask', options: { question: 'who owns tiktok' } }),
      );
      await fake.waitForRequest((r) => r.path === fake.callbackPath(sent), 10_000);

      third.current.child.kill('SIGTERM');
      expect(await third.current.exited).toBe(0);
      expect(existsSync(join(dataDir, PID_FILE))).toBe(false);
    } finally {
      for (const bot of [first, second.current, third.current]) bot?.child.kill('SIGKILL');
      await fake.close({ allowConnectedClient: true });
    }
  }, 90_000);
});
