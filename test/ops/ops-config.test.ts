import { describe, expect, it } from 'vitest';
import { invite } from '../../src/cli/invite.ts';
import { applicationIdFrom, ConfigError, parseConfig } from '../../src/config.ts';
import { captureIo } from '../cli/cli-io.ts';

const APP = '123456789012345678';

describe('the operations settings', () => {
  it('given nothing, then no health port, no pulls, and the data folder is var/ even with recording off', () => {
    const config = parseConfig({ RECORD_QUESTIONS: 'off' });
    expect(config.health).toBeUndefined();
    expect(config.knowledgePullMinutes).toBeUndefined();
    expect(config.dataDir).toBe('var');
    expect(config.record).toBeUndefined();
  });

  it('given HEALTH_PORT, then it listens on 127.0.0.1 unless HEALTH_HOST names another address', () => {
    expect(parseConfig({ HEALTH_PORT: '9464' }).health).toEqual({ host: '127.0.0.1', port: 9464 });
    expect(parseConfig({ HEALTH_PORT: '9464', HEALTH_HOST: '::1' }).health).toEqual({ host: '::1', port: 9464 });
    expect(parseConfig({ HEALTH_HOST: '0.0.0.0' }).health).toBeUndefined();
    expect(parseConfig({ KNOWLEDGE_GIT_PULL_MINUTES: '15' }).knowledgePullMinutes).toBe(15);
  });

  it('given malformed values, then start-up fails naming each variable', () => {
    const problems = (() => {
      try {
        parseConfig({
          HEALTH_PORT: '70000',
          HEALTH_HOST: 'localhost',
          KNOWLEDGE_GIT_PULL_MINUTES: '0.5',
        });
      } catch (error) {
        return (error as ConfigError).problems;
      }
      return [];
    })();
    expect(problems).toEqual([
      expect.stringMatching(/^HEALTH_PORT /),
      'HEALTH_HOST must be an IP address, e.g. 127.0.0.1',
      expect.stringMatching(/^KNOWLEDGE_GIT_PULL_MINUTES must be a whole number of minutes/),
    ]);
  });

  it('given an application id alone, then it is read without a token; a malformed one names the variable', () => {
    expect(applicationIdFrom({ DISCORD_APPLICATION_ID: ` ${APP} ` })).toBe(APP);
    expect(applicationIdFrom({})).toBeUndefined();
    expect(() => applicationIdFrom({ DISCORD_APPLICATION_ID: 'my-bot' })).toThrow(
      /DISCORD_APPLICATION_ID must be a Discord id/,
    );
  });
});

describe('npm run invite', () => {
  // Discord's permission flags (discord-api-docs topics/permissions.md), written out here rather than
  // taken from discord.js: VIEW_CHANNEL 1<<10, SEND_MESSAGES 1<<11, EMBED_LINKS 1<<14,
  // READ_MESSAGE_HISTORY 1<<16, SEND_MESSAGES_IN_THREADS 1<<38.
  const PERMISSIONS = (1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 16n) | (1n << 38n);

  it('given only the application id, with no token anywhere, then it prints the invite link with exactly the permissions the bot needs', async () => {
    const io = captureIo({ DISCORD_APPLICATION_ID: APP });
    expect(await invite([], io)).toBe(0);
    expect(io.stdout).toHaveLength(1);
    const url = new URL(io.stdout[0]!);
    expect(url.origin + url.pathname).toBe('https://discord.com/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: APP,
      scope: 'bot applications.commands',
      permissions: PERMISSIONS.toString(),
      integration_type: '0',
    });
    expect(PERMISSIONS.toString()).toBe('274877991936');
  });

  it('given --application-id, then it wins over the environment; a malformed one is named as the option', async () => {
    const io = captureIo({ DISCORD_APPLICATION_ID: APP });
    expect(await invite(['--application-id', '223456789012345678'], io)).toBe(0);
    expect(io.stdout[0]).toContain('client_id=223456789012345678');
    const bad = captureIo();
    expect(await invite(['--application-id', '42'], bad)).toBe(2);
    expect(bad.stderr[0]).toBe(
      'invite: --application-id must be a Discord id: 17 to 20 digits (Developer Mode → Copy ID)',
    );
  });

  it('given no application id at all, then it says where to find one', async () => {
    const io = captureIo();
    expect(await invite([], io)).toBe(2);
    expect(io.stderr[0]).toMatch(
      /^invite: no application id: set DISCORD_APPLICATION_ID \(Developer Portal → your application → General Information → Application ID\)/,
    );
  });

  it('given a malformed token in the environment, then the link is still printed: it does not need one', async () => {
    const io = captureIo({ DISCORD_APPLICATION_ID: APP, DISCORD_TOKEN: 'not a token' });
    expect(await invite([], io)).toBe(0);
    expect(io.stdout.join('\n')).not.toContain('not a token');
  });
});
