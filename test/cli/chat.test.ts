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

  it('given "did you mean …?", then "yes" shows that fact and anything else is a new question', async () => {
    const { code, stdout } = await runTs('src/main.ts', [], {
      // The second "yes" follows an answer, not a "did you mean": a message of its own, asked back.
      stdin: 'tiktok data\nyes\nyes\nwhat is the wifi password\n',
    });
    expect(code).toBe(0);
    const offered = /Did you mean “(.+?)”\?/.exec(stdout)?.[1];
    expect(offered).toBeTruthy();
    const afterYes = stdout.split('Did you mean')[1]!.split('\n> ')[1]!;
    expect(afterYes).toContain('[');
    expect(afterYes).toMatch(/· confidence 1\.00 ·/);
    expect(stdout.split('Did you mean').length - 1).toBe(2);
    expect(stdout).toContain("I don't know that one");
  });

  it('ends cleanly when standard input ends', async () => {
    const { code, stdout } = await runTs('src/main.ts', [], { stdin: 'oracle servers US traffic\n' });
    expect(code).toBe(0);
    expect(stdout).toContain('[oracle-routing ·');
  });
});
