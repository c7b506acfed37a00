import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config.ts';

describe('the operations settings', () => {
  it('given nothing, then no health port, no pulls, and the data folder is data/ even with recording off', () => {
    const config = parseConfig({ RECORD_QUESTIONS: 'off' });
    expect(config.health).toBeUndefined();
    expect(config.knowledgePullMinutes).toBeUndefined();
    expect(config.dataDir).toBe('data');
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
      'KNOWLEDGE_GIT_PULL_MINUTES must be a whole number of minutes',
    ]);
  });
});
