import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/answer/messages.ts';
import { buildReply } from '../../src/answer/reply.ts';
import { TODAY, fixtureAnswerer } from '../helpers.ts';

describe('"I don\'t know" says why, when the engine ruled the question out', () => {
  const answerer = fixtureAnswerer();
  const contact = { en: 'the policy team', fr: 'l’équipe politique' };
  const notice = (q: string) =>
    buildReply(q, answerer.ask(q), { snapshot: answerer.snapshot, now: TODAY, contact }).notice;

  it("names the detail the nearest fact does not give, in the question's language", () => {
    expect(notice('how many engineers had access to US data?')).toBe(
      "I don't know: the nearest fact, “BuzzFeed News recordings of Chinese engineers' access to US data”, gives no count of people or things. For anything else, ask the policy team.",
    );
    expect(notice('combien de temps TikTok garde-t-il ses propres sauvegardes ?')).toMatch(
      /^Je ne sais pas : le fait le plus proche, « .+ », ne donne aucune durée\. Pour le reste, adressez-vous à l’équipe politique\.$/,
    );
    expect(notice('what is the address of the singapore data center?')).toMatch(
      /^I don't know: the nearest fact, “.+”, gives no address\./,
    );
  });

  it("says the knowledge base has nothing on the asker's own organisation, or on a company of other_names", () => {
    expect(notice('do we keep backups in singapore too?')).toMatch(
      /^I don't know: .+ no facts about our own organisation\./,
    );
    expect(notice('does youtube keep its backups in singapore')).toMatch(/no facts about YouTube\./);
  });

  it('keeps the plain "I don\'t know" for everything else', () => {
    expect(notice('who cleans the windows of the office')).toMatch(
      /^I don't know that one: the knowledge base does not cover it\./,
    );
  });
});

describe('a message that only thanks, or asks an opinion', () => {
  const answerer = fixtureAnswerer();
  const reply = (q: string) =>
    buildReply(q, answerer.ask(q, { previous: 'oracle-routing' }), {
      snapshot: answerer.snapshot,
      now: TODAY,
      contact: { en: 'the policy team', fr: "l'équipe politique" },
    });

  it('gets a short acknowledgement, without suggestions or a contact', () => {
    const r = reply('merci !');
    expect(r.notice).toBe(MESSAGES.fr.welcome);
    expect(r.suggestions).toEqual([]);
    expect(reply('thanks').notice).toBe(MESSAGES.en.welcome);
  });

  it('is told the bot has no opinion of its own', () => {
    expect(reply('what do you think?').notice).toContain(MESSAGES.en.noOpinion);
  });
});
