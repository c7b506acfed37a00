import { describe, expect, it } from 'vitest';
import { createAnswerer } from '../../src/answer/answerer.ts';
import { factKinds } from '../../src/answer/fact-kinds.ts';
import type { AskedKind } from '../../src/text/answer-kinds.ts';
import { shippedLexicon } from '../../src/text/lexicon.ts';
import { fact, fixtureFiles, fixtureSnapshot } from './fixture-kb.ts';
import { fixtureAnswerer, snapshotOf } from '../helpers.ts';

const answerer = createAnswerer(fixtureSnapshot());
const ask = (q: string) => answerer.ask(q);

describe('the answer engine, on a small fixture knowledge base', () => {
  it('given a question in the words of a fact, then it answers with that fact', () => {
    const decision = ask('Where are the paper archives kept?');
    expect(decision).toMatchObject({ status: 'answered', language: 'en' });
    expect(decision.fact?.id).toBe('archives-location');
  });

  it('given typos, a swapped pair of letters and no capitals, then it still finds the fact', () => {
    expect(ask('who procesess the payrol data').fact?.id).toBe('payroll-processor');
    expect(ask('visitor bagdes expiry').fact?.id).toBe('visitor-badges');
  });

  it('given French with elisions and without accents, then it answers and detects French', () => {
    const decision = ask('Qui traite les donnees de paie a Dublin ?');
    expect(decision).toMatchObject({ status: 'answered', language: 'fr' });
    expect(decision.fact?.id).toBe('payroll-processor');
    expect(ask("Où est l'accueil pour les badges ?")).toMatchObject({
      status: 'answered',
      language: 'fr',
      fact: { id: 'visitor-badges' },
    });
  });

  it('given a question about something else, then it says unknown rather than guessing', () => {
    for (const q of [
      'what is the wifi password',
      'when does the canteen open',
      'qwertyuiop',
      'Comment réserver une salle ?',
    ]) {
      expect(ask(q), q).toMatchObject({ status: 'unknown', fact: undefined });
    }
  });

  it('given a question that shares one word with a fact but is mostly about something else, then it is unknown with that fact suggested', () => {
    const decision = ask('how do I order a new visitor parking permit for the car park');
    expect(decision.status).toBe('unknown');
    expect(decision.suggestions.map((f) => f.id)).toContain('visitor-badges');
  });

  it('given only stop words, punctuation or nothing, then it is unknown with no suggestions', () => {
    for (const q of ['', '   ', '?!', 'what is it', "qu'est-ce que c'est"]) {
      expect(ask(q), JSON.stringify(q)).toMatchObject({ status: 'unknown', score: 0, suggestions: [] });
    }
  });

  it('never suggests the fact it answers with, and suggests at most three facts', () => {
    for (const q of ['archives badges payroll', 'archives', 'badge', 'Dublin payroll archives vault badge']) {
      const decision = ask(q);
      expect(decision.suggestions.length).toBeLessThanOrEqual(3);
      if (decision.fact) expect(decision.suggestions.map((f) => f.id)).not.toContain(decision.fact.id);
    }
  });

  it('given a 6,000-character question, then it reads the first part only, at most maxQueryTerms words', () => {
    const long = `Where are the paper archives kept? ${'blah '.repeat(1200)}`;
    const decision = ask(long);
    expect(decision.terms.length).toBeLessThanOrEqual(answerer.engine.options.maxQueryTerms);
    expect(decision.ranking[0]?.id).toBe('archives-location');
    const words = `${Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ')} archives`;
    expect(ask(words).terms.length).toBe(answerer.engine.options.maxQueryTerms);
  });

  it('given a stricter threshold in configuration, then the same question is no longer answered', () => {
    const q = 'paper archives and the weekly cleaning rota';
    const lenient = createAnswerer(fixtureSnapshot(), { answerThreshold: 0.2, minCoverage: 0 }).ask(q);
    const strict = createAnswerer(fixtureSnapshot(), { answerThreshold: 0.9 }).ask(q);
    expect(lenient.status).toBe('answered');
    expect(strict.status).not.toBe('answered');
    expect(strict.suggestions.map((f) => f.id)).toContain('archives-location');
  });

  it('scores are a probability between 0 and 1 that falls with words the fact does not explain', () => {
    const full = ask('payroll Dublin');
    const partial = ask('payroll Dublin rooftop garden');
    expect(full.status).toBe('answered');
    expect(full.score).toBeLessThanOrEqual(1);
    expect(partial.score).toBeGreaterThan(0);
    expect(partial.score).toBeLessThan(full.score);
  });

  it('given the asker\'s own thing ("our payroll", "notre paie"), then the fact about someone else\'s is not given', () => {
    expect(ask('where is the payroll data kept').fact?.id).toBe('payroll-processor');
    expect(ask('where is our payroll data kept').status).toBe('unknown');
    expect(ask('is my payroll processed in Dublin?').status).toBe('unknown');
  });

  it('given "our" with a name only the answers write ("our payroll in Dublin"), then staff speak of the organisation, unless they set it apart', () => {
    expect(ask('qui traite notre paie a Dublin').fact?.id).toBe('payroll-processor');
    expect(ask('is our payroll processed in Dublin?').fact?.id).toBe('payroll-processor');
    expect(ask('is our payroll processed in Dublin too?').status).toBe('unknown');
    expect(ask('qui traite notre paie a Dublin nous aussi ?').status).toBe('unknown');
  });

  it('given an unknown company written as a name, then it is what the question is about', () => {
    expect(ask('who processes payroll').fact?.id).toBe('payroll-processor');
    expect(ask('who processes payroll for Globex').status).not.toBe('answered');
  });

  it("given a question each of whose words is another fact's, then it answers none and offers them all", () => {
    const decision = ask('badge archives payroll');
    expect(decision.status).not.toBe('answered');
    expect(decision.suggestions.map((f) => f.id).sort()).toEqual([
      'archives-location',
      'payroll-processor',
      'visitor-badges',
    ]);
  });

  it('given a fact that explains less than minCoverage of the question, then it is never the answer', () => {
    const q = 'paper archives and the weekly cleaning rota';
    const decision = createAnswerer(fixtureSnapshot(), { answerThreshold: 0 }).ask(q);
    expect(decision.ranking[0]).toMatchObject({ id: 'archives-location' });
    expect(decision.features!.coverage).toBeLessThan(answerer.engine.options.minCoverage);
    expect(decision.status).not.toBe('answered');
  });

  it("given one of a fact's own example questions word for word, then that fact answers with full confidence", () => {
    const decision = ask('Visitor badges come from the front desk and expire at midnight');
    expect(decision).toMatchObject({ status: 'answered', score: 1, fact: { id: 'visitor-badges' } });
  });
});

describe('a question that asks for a figure, a length of time or a date (the frozen knowledge base)', () => {
  const answerer = fixtureAnswerer();
  const { facts } = answerer.snapshot;
  const kinds = factKinds(facts, shippedLexicon(), answerer.engine.options);
  const lacks = (id: string, ...asked: AskedKind[]) => kinds.lacks(id, new Set(asked), new Set());

  it('is not answered by a fact that gives none, although the same question without "how many" is', () => {
    expect(answerer.ask('does TikTok keep backups of US user data?').fact?.id).toBe('backups-retained');
    const decision = answerer.ask('how many backups does TikTok keep of US user data?');
    expect(decision.status).toBe('unknown');
    expect(decision.ranking[0]).toMatchObject({ id: 'backups-retained', lacks: ['headcount'] });
    expect(decision.suggestions.map((f) => f.id)).toContain('backups-retained');
  });

  it('is answered by a fact that gives one (100% of the traffic), and a date is not a figure', () => {
    expect(answerer.ask("how much of TikTok's US user traffic is routed through Oracle servers?").fact?.id).toBe(
      'oracle-routing',
    );
    expect(lacks('backup-locations', 'quantity', 'date')).toEqual(['quantity']);
  });

  it('asks "how long" and "when" of facts that give a length or a date, in answer or in their own questions', () => {
    expect(answerer.ask('how long does TikTok keep its own backups of US data?').status).toBe('unknown');
    expect(answerer.ask('combien de temps TikTok garde-t-il ses propres sauvegardes ?').status).toBe('unknown');
    expect(answerer.ask('how long has tiktok been working with oracle').fact?.id).toBe('oracle-relationship');
    expect(answerer.ask('when did tiktok set up its US-led data security unit').fact?.id).toBe('governance-unit-may');
    expect(answerer.ask("c quand l'anniversaire de biden").status).toBe('unknown');
    expect(answerer.ask('is the Biden administration still looking into TikTok?').fact?.id).toBe('biden-review');
  });

  it('asks when a claim was made ("when did TikTok announce…"), which the dated source gives', () => {
    for (const q of [
      'When did TikTok announce it routes US user traffic through Oracle servers?',
      "Quand TikTok a-t-il annoncé que le trafic des utilisateurs américains passe par les serveurs d'Oracle ?",
    ])
      expect(answerer.ask(q).fact?.id, q).toBe('oracle-routing');
    // When the traffic goes there is not given: asked without a word of saying, the fact lacks it.
    expect(answerer.ask('When does TikTok route US user traffic through Oracle servers?').status).toBe('unknown');
    expect(lacks('oracle-routing', 'date')).toEqual(['date']);
    const undated = factKinds(facts, shippedLexicon(), answerer.engine.options, () => false);
    expect(undated.lacks('oracle-routing', new Set(['date']), new Set(['announce']))).toEqual(['date']);
    expect(kinds.lacks('oracle-routing', new Set(['date']), new Set(['announce']))).toEqual(['date']);
  });

  it('reads "we"/"nos" as the organisation when the question names what synonyms.yaml names and nothing sets the asker apart', () => {
    expect(answerer.ask('nos sauvegardes des données US, elles sont dans quels datacenters ?').fact?.id).toBe(
      'backup-locations',
    );
    expect(answerer.ask('Are we planning to wipe US private data from our own data centers?').fact?.id).toBe(
      'deletion-plan',
    );
    // "je", "me" only say who asks; "my", "mes" set the asker's own things apart.
    expect(
      answerer.ask('Pourriez-vous me dire dans quels datacenters sont nos sauvegardes des données US ?').fact?.id,
    ).toBe('backup-locations');
    expect(answerer.ask('are my backups of US data kept in Singapore?').status).not.toBe('answered');
    expect(answerer.ask('do we keep backups in Singapore too?').status).not.toBe('answered');
    expect(answerer.ask('does our company keep backups in Singapore?').status).not.toBe('answered');
    expect(answerer.ask('where are our servers located?').status).not.toBe('answered');
  });

  it('weighs a word most facts have ("TikTok") little against a fact without it, unlike a name no fact has', () => {
    const terms = answerer.ask('What is CFIUS, mentioned in the TikTok story? And Facebook?').terms;
    const term = (word: string) => terms.find((t) => t.word === word)!;
    expect(term('tiktok').missWeight).toBeLessThan(term('tiktok').weight);
    expect(term('facebook').missWeight).toBeGreaterThan(term('facebook').weight);
  });

  it('expects the organisation it is about ("TikTok") in its questions: having it makes no fact likelier than the one the question names', () => {
    for (const q of [
      "Bonjour, dans le dossier TikTok on parle du CFIUS : c'est quoi ?",
      "C'est quoi le CFIUS et quel rapport avec TikTok ?",
    ])
      expect(answerer.ask(q), q).toMatchObject({ status: 'answered', fact: { id: 'cfius' } });
    expect(answerer.ask("c quoi le cfius dans l'histoire tiktok ?").ranking[0]?.id).toBe('cfius');
  });

  it("asks a party's reaction of facts in which that party speaks, not of one that only names it", () => {
    for (const q of [
      'how did the Chinese government respond to TikTok moving US traffic onto Oracle servers?',
      'reaction pekin annonce oracle',
      // What a party named thinks is a reaction of theirs, not the bot's opinion.
      'what does the Chinese government think about TikTok moving US traffic onto Oracle servers?',
      "qu'en pense Pékin, que TikTok appartienne à ByteDance ?",
    ]) {
      const decision = answerer.ask(q);
      expect(decision.status, q).not.toBe('answered');
      expect(decision.ranking[0]!.lacks, q).toContain('reaction');
    }
    for (const q of [
      'did the White House respond to the tiktok oracle news?',
      'Oracle a-t-il réagi à l’annonce de TikTok ?',
    ])
      expect(answerer.ask(q).fact?.id, q).toBe('no-comment');
    // A reaction of a party who speaks in a related fact: that fact offered, not given.
    for (const q of [
      'How did TikTok respond to the BuzzFeed report?',
      "What was TikTok's reaction to the leaked recordings?",
    ]) {
      const d = answerer.ask(q);
      expect([d.status, d.suggestions[0]?.id], q).toEqual(['clarify', 'security-experts']);
    }
    expect(answerer.ask('how did the Chinese government respond to the BuzzFeed report?').status).toBe('unknown');
    // Of two facts the words fit as fully, the one in which the party named reacts comes first, and the
    // one in which it does not is no competitor to it.
    const said = answerer.ask('oracle a dit quoi sur tout ça ?');
    expect(said).toMatchObject({ status: 'answered', fact: { id: 'no-comment' } });
    expect(said.ranking[1]!.lacks).toEqual(['reaction']);
    expect(kinds.lacks('no-comment', new Set(), new Set(), ['white'])).toEqual([]);
    expect(kinds.lacks('no-comment', new Set(), new Set(), ['tiktok'])).toEqual(['reaction']);
    expect(kinds.lacks('security-experts', new Set(), new Set(), ['tiktok'])).toEqual([]);
  });

  it("asks a name of facts whose answer gives one that is rare in general language and not the question's own", () => {
    const firm = answerer.ask("what's the name of the outside security firm tiktok hired");
    expect(firm.status).toBe('unknown');
    expect(firm.ranking[0]).toMatchObject({ id: 'security-experts', lacks: ['name'] });
    expect(answerer.ask("tiktok's chinese parent company, whats the name?").fact?.id).toBe('bytedance-ownership');
    // "White House" and "Treasury" are common words; "TikTok" and "Oracle" are in many facts' answers.
    expect(lacks('no-comment', 'name')).toEqual(['name']);
    expect(lacks('bytedance-ownership', 'name')).toEqual([]);
  });

  it('asks a name with "who are the…" and "who leaked the…": a fact naming only what the question names does not give it', () => {
    for (const q of ['who are the outside experts tiktok hired?', 'who leaked the audio to BuzzFeed?']) {
      expect(answerer.ask(q).status, q).toBe('unknown');
    }
    expect(answerer.ask('who reported that chinese engineers accessed US data?').fact?.id).toBe('buzzfeed-report');
  });

  it("asks a person's name (an author, the engineers, l'identité de la personne), which a firm's name does not give", () => {
    for (const q of [
      'buzzfeed tiktok article author',
      'can you name the chinese engineers who accessed US data according to the recordings?',
      "Quelle est l'identité de la personne à l'origine de la fuite des enregistrements ?",
    ]) {
      const decision = answerer.ask(q);
      expect(decision.status, q).toBe('unknown');
      expect(decision.ranking[0], q).toMatchObject({
        id: 'buzzfeed-report',
        lacks: expect.arrayContaining(['person']),
      });
    }
    expect(lacks('oracle-relationship', 'person')).toEqual([]);
    expect(answerer.ask("what's the name of the person quoted in TikTok's blog post about Oracle?").fact?.id).toBe(
      'oracle-relationship',
    );
    expect(answerer.ask('which outlet published the recordings of Chinese engineers?').fact?.id).toBe(
      'buzzfeed-report',
    );
  });

  it("asks a detail of a person's life, which a fact that only names them does not give", () => {
    expect(answerer.ask('albert calamug career before tiktok').status).toBe('unknown');
    expect(answerer.ask('quel est le parcours de Albert Calamug ?').status).toBe('unknown');
    expect(answerer.ask('who is albert calamug?').fact?.id).toBe('oracle-relationship');
  });

  it('asks who leads something, which a fact naming the owner does not give', () => {
    expect(answerer.ask('who heads the chinese company that owns tiktok?').status).toBe('unknown');
    expect(answerer.ask('who owns tiktok?').fact?.id).toBe('bytedance-ownership');
  });
});

describe("a question about something else than the facts' subjects (the frozen knowledge base)", () => {
  const answerer = fixtureAnswerer();

  it('about the asker\'s own organisation ("chez nous", "nous aussi", "our own backups"), is never answered', () => {
    expect(answerer.ask('tiktok a un datacenter a singapour ?').fact?.id).toBe('backup-locations');
    for (const q of [
      'on a un datacenter a singapour nous aussi ?',
      'on a une unite gouvernance des donnees chez nous ?',
      'where are our own backups located',
      'nos serveurs de sauvegarde sont où',
      // What something means for the asker: "for us", "pour nous", after a word of meaning or change.
      'TikTok routes US traffic through Oracle: what does that mean for us?',
      "TikTok garde ses sauvegardes : qu'est-ce que ça change pour nous ?",
    ]) {
      const decision = answerer.ask(q);
      expect(decision.status, q).toBe('unknown');
      expect(decision.offSubject?.kind, q).toBe('asker');
      expect(decision.suggestions.length, q).toBeGreaterThan(0);
    }
  });

  it('is not the asker\'s own when "our" owns the asker\'s document or adviser', () => {
    for (const q of [
      'For our vendor questionnaire we need the locations of the data centers TikTok uses for backup',
      'Was ByteDance ever ordered to divest TikTok? Our outside counsel recalls something from 2020.',
      // What the asker's document cites is not the asker's own.
      'Our memo mentions leaked recordings of internal TikTok meetings. Which outlet reported on them?',
      // In the question's frame: what the answer is for.
      'For a history section in my report: why did Trump order ByteDance to sell TikTok in 2020?',
      // What "our" owns ends with its sentence.
      "I'm updating our risk register. TikTok mentioned a new team for Americans' data security: when was it set up?",
      // When the question came up: "during our quarterly review".
      'A partner asked during our quarterly review whether the Biden administration kept looking into TikTok.',
    ]) {
      expect(answerer.ask(q).offSubject, q).toBeUndefined();
    }
  });

  it('about an everyday subject no fact explains (the weather, lunch, the office VPN), is never answered, whatever else it names', () => {
    for (const q of [
      "what's the weather in Singapore?",
      'météo singapour',
      'is the cafeteria near the Oracle servers?',
      'il fait quel temps à Singapour cette semaine ?',
      'comment on configure un vpn pour router le trafic via un autre serveur',
    ]) {
      const decision = answerer.ask(q);
      expect(decision.status, q).toBe('unknown');
      expect(decision.offSubject?.kind, q).toBe('everyday');
    }
    // When the question came up is not what it asks.
    const atLunch = 'A partner at lunch insisted TikTok is American now. Who actually owns the app?';
    expect(answerer.ask(atLunch).offSubject).toBeUndefined();
    // "combien de temps" is a length of time, not the weather.
    expect(answerer.ask('les sauvegardes sont gardées combien de temps ?').offSubject).toBeUndefined();
  });

  it('that only closes the conversation ("thanks!", "ok merci"), or asks the bot\'s own opinion, is no question for a fact', () => {
    for (const q of ['thanks!', 'ok merci', 'great, got it', 'merci beaucoup']) {
      const decision = answerer.ask(q);
      expect(decision.status, q).toBe('unknown');
      expect(decision.offSubject?.kind, q).toBe('thanks');
      expect(answerer.ask(q, { previous: 'oracle-routing' }).suggestions, q).toEqual([]);
    }
    for (const q of [
      'what do you think?',
      "t'en penses quoi ?",
      'your take?',
      'ton avis ?',
      'should we be worried?',
      'is it safe?',
      "c'est dangereux ?",
    ]) {
      const after = answerer.ask(q, { previous: 'oracle-routing' });
      expect(after.status, q).toBe('unknown');
      expect(after.offSubject?.kind, q).toBe('opinion');
    }
    // Asking whether something is so, with "do you think", is still that question.
    expect(answerer.ask('do you think tiktok still keeps backups?').fact?.id).toBe('backups-retained');
    // Worry said of someone else is what a fact may say ("Trump feared…").
    expect(answerer.ask('why was trump worried about tiktok?').offSubject).toBeUndefined();
    for (const q of ['what was he worried about?', 'qu’en pensent-ils ?'])
      expect(answerer.ask(q, { previous: 'sale-order-2020' }).offSubject, q).toBeUndefined();
    expect(answerer.ask('ok, and the backups?', { previous: 'oracle-routing' }).offSubject).toBeUndefined();
  });

  it("about an everyday subject a fact explains, is that fact's", () => {
    const files = fixtureFiles();
    files.set(
      'facts/canteen-hours.yaml',
      fact(
        'canteen-hours',
        'office',
        'The cafeteria serves lunch until two',
        "La cantine sert le déjeuner jusqu'à 14 h",
        'Visitor badges are issued by the front desk',
        {
          aliases: ['lunch hours', 'horaires de la cantine'],
          keywords: [
            ['cafeteria', 'lunch'],
            ['cantine', 'déjeuner'],
          ],
        },
      ),
    );
    const decision = createAnswerer(snapshotOf(files)).ask('does the cafeteria serve lunch?');
    expect(decision.offSubject).toBeUndefined();
    expect(decision.fact?.id).toBe('canteen-hours');
  });

  it('naming a company of other_names that no fact names, is never answered, even in lower case', () => {
    expect(answerer.ask('does tiktok keep its backups in singapore').fact?.id).toBe('backup-locations');
    const decision = answerer.ask('does youtube keep its backups in singapore');
    expect(decision).toMatchObject({ status: 'unknown', offSubject: { kind: 'other-name', word: 'YouTube' } });
    expect(decision.suggestions.map((f) => f.id)).toContain('backup-locations');
  });

  it('a company of other_names that says who asks ("my contact at Google", "a Google partner") is not the subject', () => {
    for (const q of ['My contact at Google asked me who owns TikTok', 'a Google partner asked who owns TikTok'])
      expect(answerer.ask(q), q).toMatchObject({ status: 'answered', fact: { id: 'bytedance-ownership' } });
    for (const q of ['did Google ask who owns TikTok?', 'a partner asked me whether Google owns TikTok'])
      expect(answerer.ask(q), q).toMatchObject({ status: 'unknown', offSubject: { kind: 'other-name' } });
  });

  it('a company of other_names that the question came through ("in a WhatsApp thread") is not the subject', () => {
    for (const q of [
      'Someone in a WhatsApp thread mentioned leaked recordings of TikTok meetings. Who published that?',
      "Dans un message WhatsApp, un collègue parle d'enregistrements fuités chez TikTok : qui les a publiés ?",
      'A partner on WhatsApp asked how long TikTok and Oracle have been working together.',
      'Someone in WhatsApp mentioned leaked recordings of TikTok meetings. Who published that?',
      // After the words that say it came through it: "asked on WhatsApp whether …".
      'A prospect asked on WhatsApp whether TikTok got outside help to tighten its data security.',
      "Un partenaire m'a écrit sur WhatsApp : TikTok garde-t-il encore ses propres sauvegardes ?",
      'Un collègue veut citer dans un post LinkedIn la durée du partenariat : depuis quand TikTok et Oracle travaillent-ils ensemble ?',
      // "our" owns the medium, not what was said in it.
      'Someone in our Slack channel mentioned leaked audio about engineers in China. What did that report say?',
    ])
      expect(answerer.ask(q).offSubject, q).toBeUndefined();
    expect(answerer.ask('does WhatsApp keep recordings of meetings?').offSubject?.kind).toBe('other-name');
    expect(answerer.ask('is TikTok data on WhatsApp stored by Oracle?').offSubject?.kind).toBe('other-name');
    expect(answerer.ask('A prospect asked whether TikTok data is stored on WhatsApp.').offSubject?.kind).toBe(
      'other-name',
    );
  });

  it('naming a thing synonyms.yaml names ("uk"), weighs it as a name against a fact that does not, even in lower case', () => {
    const uk = answerer.ask('what did the uk govt say about tiktok');
    expect(uk.status).toBe('unknown');
    expect(uk.terms.find((t) => t.word === 'uk')?.missWeight).toBeCloseTo(answerer.engine.options.unknownNameWeight, 2);
    expect(answerer.ask('is the us govt still reviewing chinese companies controlling american data').fact?.id).toBe(
      'biden-review',
    );
  });
});

describe('a question asking where (the frozen knowledge base)', () => {
  const answerer = fixtureAnswerer();

  it('goes, of two facts its words fit as well, to the one that says where', () => {
    expect(answerer.ask('sauvegardes TikTok stockées').fact?.id).toBe('backups-retained');
    const where = answerer.ask('sauvegardes TikTok stockées où');
    expect(where.fact?.id).toBe('backup-locations');
    expect(where.suggestions.map((f) => f.id)).toContain('backups-retained');
  });

  it("goes to the fact that says where when its words explain the question as fully, however close the other fact's example", () => {
    expect(answerer.ask('does tiktok keep backup copies of its US user data?').fact?.id).toBe('backups-retained');
    const where = answerer.ask('where does tiktok keep backup copies of its US user data?');
    expect(where.fact?.id).toBe('backup-locations');
    expect(where.ranking[1]).toMatchObject({ id: 'backups-retained', coverage: 1 });
    // So with a frame, whose words one of them happens to have ("note"): they count for little, never for this.
    expect(answerer.ask('For my briefing note: where does TikTok keep its backups of US user data?').fact?.id).toBe(
      'backup-locations',
    );
  });
});

describe('a professional question with a frame (the frozen knowledge base)', () => {
  const answerer = fixtureAnswerer();

  it('counts the words of its frame for less: what the answer is for, not what it is about', () => {
    const core = 'Pourquoi le président Trump a-t-il ordonné en 2020 la vente de TikTok ?';
    const framed = answerer.ask(`${core} Nous rédigeons une chronologie pour le comité des risques.`);
    const unframed = answerer.ask(`${core} Nous rédigeons une chronologie, pour le comité des risques ?`);
    const weightOf = (d: typeof framed, word: string) => d.terms.find((t) => t.word === word)!.weight;
    expect(weightOf(framed, 'chronologie') / weightOf(unframed, 'chronologie')).toBeCloseTo(
      answerer.engine.options.frameWeight,
      3,
    );
    expect(framed.fact?.id).toBe('sale-order-2020');
    expect(framed.score).toBeGreaterThan(unframed.score);
  });
});

describe('a misspelt word (the frozen knowledge base)', () => {
  const answerer = fixtureAnswerer();

  it('is read as the knowledge-base word it stands for, so a typo of a short name is answered', () => {
    const typo = answerer.ask('c quoi le cfisu');
    expect(typo.terms.find((t) => t.word === 'cfisu')?.matches.map((m) => m.term)).toEqual(['cfius']);
    expect(typo.fact?.id).toBe('cfius');
  });

  it('is at most two edits in eight letters: a word three edits from one of the knowledge base is not read as it', () => {
    // "s'appuient sur quoi ?" (what do they rely on) is not "appartient" (belongs).
    expect(answerer.ask("ils s'appuient sur quoi ?").terms.find((t) => t.word === 'appuient')?.matches).toEqual([]);
    expect(answerer.ask('tiktok securty team').terms.find((t) => t.word === 'securty')?.matches.length).toBeGreaterThan(
      0,
    );
  });

  it('is read as the stop word it stands for when it is one ("wher", "taht"), which then weighs nothing', () => {
    const decision = answerer.ask('wher are tiktok backups kept');
    expect(decision.terms.map((t) => t.word)).not.toContain('wher');
    expect(decision.ranking[0]?.id).toBe('backup-locations');
  });

  it('next to a word of a phrase of synonyms.yaml, is read as the word of that phrase it stands for ("parent compnay")', () => {
    for (const q of ['tiktok parent compnay', 'tiktok parent comapny']) {
      const decision = answerer.ask(q);
      expect(decision.fact?.id, q).toBe(answerer.ask('tiktok parent company').fact?.id);
      expect(decision.fact?.id, q).toBe('bytedance-ownership');
    }
    // Not a word far from any phrase's, nor one with no phrase word beside it.
    expect(answerer.ask('tiktok compnay').terms.map((t) => t.word)).toContain('compnay');
  });

  it('is no misspelt stop word when synonyms.yaml knows it: "commenté" is one letter from "comment" and is read as commenting', () => {
    const decision = answerer.ask('et ils ont commenté ?');
    expect(decision.terms.map((t) => t.word)).toContain('commente');
    expect(decision.ranking[0]?.id).toBe('no-comment');
  });
});
