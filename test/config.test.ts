import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/config.ts';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.Gabcde.abcdefghijklmnopqrstuvwxyz0123456789';
const APP = '123456789012345678';

describe('configuration from the environment', () => {
  it('given no token, then Discord is off and defaults apply', () => {
    const config = parseConfig({});
    expect(config.discord).toBeUndefined();
    expect(config).toMatchObject({
      contact: { en: 'the policy team', fr: "l'équipe chargée de la politique des données" },
      logLevel: 'info',
      answerThreshold: undefined,
    });
  });

  it('given CONTACT_TEXT alone, then French replies name the same contact; CONTACT_TEXT_FR gives French its own', () => {
    expect(parseConfig({ CONTACT_TEXT: 'Jane Doe (#privacy)' }).contact).toEqual({
      en: 'Jane Doe (#privacy)',
      fr: 'Jane Doe (#privacy)',
    });
    expect(parseConfig({ CONTACT_TEXT: 'the privacy team', CONTACT_TEXT_FR: "l'équipe vie privée" }).contact).toEqual({
      en: 'the privacy team',
      fr: "l'équipe vie privée",
    });
  });

  it('given a token and the ids, then the Discord settings are typed and parsed', () => {
    const config = parseConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: APP,
      ANSWER_CHANNEL_IDS: `${APP}, 223456789012345678`,
      QUESTION_COOLDOWN_SECONDS: '2',
      ANSWER_THRESHOLD: '0.55',
    });
    expect(config.discord).toMatchObject({
      token: TOKEN,
      applicationId: APP,
      answerChannelIds: [APP, '223456789012345678'],
      questionCooldownMs: 2000,
    });
    expect(config.answerThreshold).toBe(0.55);
  });

  it('given the cooldown under its earlier name, MENTION_COOLDOWN_SECONDS, then it still applies; the new name wins', () => {
    const base = { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP };
    expect(parseConfig({ ...base, MENTION_COOLDOWN_SECONDS: '7' }).discord?.questionCooldownMs).toBe(7000);
    expect(
      parseConfig({ ...base, MENTION_COOLDOWN_SECONDS: '7', QUESTION_COOLDOWN_SECONDS: '3' }).discord
        ?.questionCooldownMs,
    ).toBe(3000);
    expect(parseConfig(base).discord?.questionCooldownMs).toBe(5000);
  });

  it('given empty values (as .env.example leaves them), then they count as unset', () => {
    expect(parseConfig({ DISCORD_TOKEN: '', ANSWER_THRESHOLD: '  ' }).discord).toBeUndefined();
  });

  it('given malformed values, then it fails fast naming every bad variable, never echoing the token', () => {
    const bad = () =>
      parseConfig({
        DISCORD_TOKEN: `${TOKEN} oops`,
        POLICY_ROLE_ID: 'policy',
        LOG_LEVEL: 'loud',
        ANSWER_THRESHOLD: '2',
      });
    expect(bad).toThrow(ConfigError);
    try {
      bad();
    } catch (error) {
      const message = (error as Error).message;
      for (const name of ['DISCORD_TOKEN', 'POLICY_ROLE_ID', 'LOG_LEVEL', 'ANSWER_THRESHOLD'])
        expect(message).toContain(name);
      expect(message).not.toContain(TOKEN);
      expect(message).toContain('.env.example');
    }
  });

  it('given a token without an application id, then it says the id is required', () => {
    expect(() => parseConfig({ DISCORD_TOKEN: TOKEN })).toThrow(
      /DISCORD_APPLICATION_ID is required when DISCORD_TOKEN is set/,
    );
  });

  it('given DISCORD_API_URL, then it must end in /api with no version, since discord.js adds /v10', () => {
    const withUrl = (url: string) => () =>
      parseConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP, DISCORD_API_URL: url });
    expect(withUrl('http://localhost:8080/api')().discord?.apiUrl).toBe('http://localhost:8080/api');
    expect(withUrl('https://proxy.example/discord/api')().discord?.apiUrl).toBe('https://proxy.example/discord/api');
    for (const bad of [
      'http://localhost:8080',
      'http://localhost:8080/api/v10',
      'http://localhost:8080/api/',
      'https://discord.com/api/v9',
      'http://localhost:8080/v10',
    ]) {
      expect(withUrl(bad), bad).toThrow(/DISCORD_API_URL must end in \/api, with no version/);
    }
  });
});
