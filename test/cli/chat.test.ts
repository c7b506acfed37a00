import { describe, expect, it } from 'vitest';
import { runTs } from './run.ts';

describe('npm start without a Discord token', () => {
  it('says Discord is not configured and how to configure it, then answers questions typed on standard input', async () => {
    const { code, stdout } = await runTs('src/main.ts', [], {
      stdin: 'Does TikTok keep backups?\n/help\nqwertyuiop\n/quit\nnever read\n',
    });
    expect(code).toBe(0);
    expect(stdout).toContain('Discord is not configured (DISCORD_TOKEN is not set)');
    expect(stdout).toContain('DISCORD_APPLICATION_ID');
    expect(stdout).toMatch(/store its own backups/);
    expect(stdout).toContain('[backups-retained ·');
    expect(stdout).toContain("I don't know that one");
    expect(stdout).toContain('Commands: /help, /quit');
    expect(stdout.trim().endsWith('Bye.')).toBe(true);
    expect(stdout).not.toContain('never read');
  });

  it('ends cleanly when standard input ends', async () => {
    const { code, stdout } = await runTs('src/main.ts', [], { stdin: 'oracle servers US traffic\n' });
    expect(code).toBe(0);
    expect(stdout).toContain('[oracle-routing ·');
  });
});
