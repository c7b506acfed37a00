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

  it('given no cooldown, then members wait 5 s between answers', () => {
    expect(parseConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP }).discord?.questionCooldownMs).toBe(5000);
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

  it('given a DISCORD_API_URL that is not an http(s) URL, then it is refused naming the variable, never echoing the value', () => {
    const withUrl = (url: string) => () =>
      parseConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP, DISCORD_API_URL: url });
    for (const [bad, why] of [
      ['http://exa mple.com/api', /DISCORD_API_URL is not a URL/],
      ['proxy.internal:8080/api', /DISCORD_API_URL must start with http:\/\/ or https:\/\//],
      ['http://[::1/api', /DISCORD_API_URL is not a URL/],
      ['ftp://proxy.internal/api', /DISCORD_API_URL must start with http:\/\/ or https:\/\//],
      ['http://bot:s3cret-pass@proxy.internal/api', /DISCORD_API_URL must not hold a user name or password/],
    ] as const) {
      expect(withUrl(bad), bad).toThrow(ConfigError);
      expect(withUrl(bad), bad).toThrow(why);
      try {
        withUrl(bad)();
      } catch (error) {
        expect((error as Error).message).not.toContain(bad);
        expect((error as Error).message).not.toContain('s3cret');
      }
    }
  });

  it('given ANSWER_THRESHOLD, then only a plain decimal from 0 to 1 is taken: no hex, exponent, sign or infinity', () => {
    const threshold = (value: string) => parseConfig({ ANSWER_THRESHOLD: value }).answerThreshold;
    expect([threshold('0'), threshold('1'), threshold('0.45'), threshold('.5'), threshold('1.0')]).toEqual([
      0, 1, 0.45, 0.5, 1,
    ]);
    for (const bad of ['0x1', '1e-1', 'Infinity', '-0.1', '+0.5', '1.5', '0,45', '0.4.5', 'NaN'])
      expect(() => threshold(bad), bad).toThrow(/ANSWER_THRESHOLD must be a number from 0 to 1/);
    expect(() => parseConfig({ QUESTION_COOLDOWN_SECONDS: '0x10' })).toThrow(/QUESTION_COOLDOWN_SECONDS/);
    expect(() => parseConfig({ RETENTION_DAYS: '1e3' })).toThrow(/RETENTION_DAYS must be a whole number/);
    expect(parseConfig({ RETENTION_DAYS: '30' }).record?.retentionDays).toBe(30);
  });

  it('given POLICY_ROLE_ID equal to the dev guild id (what "Copy ID" on @everyone gives), then it is refused, saying why', () => {
    expect(() =>
      parseConfig({
        DISCORD_TOKEN: TOKEN,
        DISCORD_APPLICATION_ID: APP,
        DISCORD_DEV_GUILD_ID: '223456789012345678',
        POLICY_ROLE_ID: '223456789012345678',
      }),
    ).toThrow(/POLICY_ROLE_ID is the server's @everyone role .* every member/);
  });
});
