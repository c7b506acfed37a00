import { describe, expect, it } from 'vitest';
import { detectLanguage, fold, stem, words } from '../../src/text/normalise.ts';
import { askedKinds, asksReaction, givenKinds, namesPosition, reactionParty } from '../../src/text/answer-kinds.ts';
import { questionCues } from '../../src/text/analyze.ts';
import { STOP_WORDS } from '../../src/text/stopwords.ts';

describe('normalising question text', () => {
  it('folds case and accents and makes typographic apostrophes plain', () => {
    expect(fold('Données Américaines’')).toBe("donnees americaines'");
    expect(fold('ŒUVRE Straße')).toBe('oeuvre strasse');
  });

  it('splits French elisions and hyphens into words and drops punctuation', () => {
    expect(words("L'application qu’il garde-t-il ?")).toEqual(['l', 'application', 'qu', 'il', 'garde', 't', 'il']);
    expect(words('US-led, Oracle-controlled!!')).toEqual(['us', 'led', 'oracle', 'controlled']);
  });

  it('stems English and French variants of a word to the same term', () => {
    const same = (a: string, b: string) => expect(stem(a), `${a} ~ ${b}`).toBe(stem(b));
    same('backups', 'backup');
    same('routed', 'routing');
    same('stored', 'store');
    same('supprimees', 'supprimer');
    same('sauvegardes', 'sauvegarde');
    same('americaines', 'americain');
    same('servers', 'server');
    same('passent', 'passe');
    for (const form of ['vende', 'vendu', 'vendue', 'vendus', 'vendent', 'vend']) same(form, 'vendre');
    same('repondu', 'repondre');
  });

  it('does not stem English nouns in -er to their verb, nor short words', () => {
    // "serveur" is no "serve" with a French ending: "which facilities serve as backup sites?" names no server.
    expect(stem('serve')).not.toBe(stem('serveurs'));
    expect(stem('sert')).not.toBe(stem('serveur'));
    expect(stem('owner')).toBe('owner');
    expect(stem('order')).toBe('order');
    expect(stem('news')).toBe('new');
    expect(stem('data')).toBe('data');
    expect(stem('2020')).toBe('2020');
  });

  it('reads chat shorthand as the word it stands for, so "cmb de temps" asks how long', () => {
    expect(words('ca fait cmb de temps, les ppl du govt')).toEqual([
      'ca',
      'fait',
      'combien',
      'de',
      'temps',
      'les',
      'people',
      'du',
      'government',
    ]);
    expect([...askedKinds(words('ca fait cmb de temps qu ils bossent ensemble'))]).toEqual(['duration']);
    expect(words("cb d'ingés pr la vente")).toEqual(['combien', 'd', 'ingenieurs', 'pour', 'la', 'vente']);
    // "the parent co" is the parent company; a hyphenated prefix is no shorthand.
    expect(words('parent co of tiktok')).toEqual(['parent', 'company', 'of', 'tiktok']);
    expect(words('the co-founder')).toEqual(['the', 'co', 'founder']);
    expect(STOP_WORDS.en.has('didnt') && STOP_WORDS.en.has('isnt')).toBe(true);
  });

  it('reads French slang as the everyday word, which a stemmer would confuse ("bosser" is not "boss")', () => {
    expect(words('ils bossent avec le proprio')).toEqual(['ils', 'travaillent', 'avec', 'le', 'proprietaire']);
    expect(stem(words('bosser')[0]!)).not.toBe(stem('boss'));
  });

  it('detects French from function words, accents and elisions; English otherwise', () => {
    expect(detectLanguage('Les données passent-elles par Oracle ?')).toBe('fr');
    expect(detectLanguage("qu'a revele buzzfeed")).toBe('fr');
    expect(detectLanguage('Does TikTok keep backups?')).toBe('en');
    expect(detectLanguage('Albert Calamug')).toBe('en');
  });
});

describe('what kind of answer a question asks for', () => {
  const asked = (q: string) => [...askedKinds(words(q))];

  it('a figure: how many, how much, combien, nombre de, how old…', () => {
    for (const q of [
      'traffic percentage',
      'how old is he',
      'What share of that parent company does the Chinese government hold?',
      "quelle proportion du capital l'État détient-il ?",
      "Quelle part du capital de ByteDance est détenue par l'État chinois ?",
      'What equity stake was the cloud provider expected to acquire?',
    ]) {
      // A state's share is also whether a state owns part of it.
      expect(
        asked(q).filter((k) => k !== 'state'),
        q,
      ).toEqual(['quantity']);
    }
    // Not a part of an organisation, nor what someone took ("all of it").
    expect(asked('which part of TikTok did he work for?')).not.toContain('quantity');
    expect(asked('does tiktok still hold its own copy or did oracle take all of it')).not.toContain('quantity');
    expect(asked('all of it or just part?')).toContain('quantity');
    // A count of people, accounts or things.
    for (const q of [
      'le nombre de serveurs',
      'how many users',
      "combien d'utilisateurs",
      'the number of engineers',
      'nb de personnes',
      'nombre ingénieurs chinois accès',
    ])
      expect(asked(q), q).toEqual(['headcount']);
  });

  it('a sum of money: a price, a cost, a payment, revenue, a fine, le montant, combien ça coûte', () => {
    for (const q of [
      'what is the price of the oracle deal',
      'le montant de l’accord',
      'is tiktok paying oracle',
      "oracle's revenue from tiktok",
      'une amende pour tiktok ?',
      "what did oracle's stock do that day?",
      'ByteDance vaut quoi en bourse ?',
    ]) {
      expect(asked(q), q).toEqual(['money']);
    }
    // "stock" as a verb asks no sum.
    expect(asked('do they stock the backups in singapore?')).toEqual([]);
    expect(asked('how much did it cost'), 'how much did it cost').toEqual(['quantity', 'money']);
    expect(asked('salary slips')).toEqual([]);
    expect(asked('dans quels pays')).toEqual([]);
    expect(namesPosition("Albert Calamug, of TikTok's public policy division, said so")).toBe(true);
    expect(namesPosition('un porte-parole du Trésor a refusé de commenter')).toBe(true);
    expect(namesPosition('Trump ordered ByteDance to sell TikTok in 2020')).toBe(false);
    expect([...givenKinds('100% of US user traffic')]).toEqual(['quantity']);
    expect([...givenKinds('a fine of $5 million')]).toEqual(['headcount', 'quantity', 'money', 'sanction']);
  });

  it('a length of time, a date, or either for "since when"', () => {
    for (const q of ['how long has it worked with Oracle', 'how much time is left', 'depuis combien de temps']) {
      expect(asked(q), q).toEqual(['duration']);
    }
    for (const q of ['when did it start', 'c quand', 'en quelle année', 'what year was it']) {
      expect(asked(q), q).toEqual(['date']);
    }
    // When something planned is to happen: a date, and a plan.
    expect(asked('tiktok va supprimer les donnees quand ?')).toEqual(['future', 'date']);
    for (const q of ['depuis quand', 'since when']) expect(asked(q), q).toEqual(['since']);
    // "quand même", "qd même": even so.
    expect(asked('qd meme, tiktok garde encore ses sauvegardes ?')).not.toContain('date');
    // A clause of time, with another word asking: not when.
    expect(asked("qd un user utilise l'appli, ses données passent par qui ?")).not.toContain('date');
    expect(asked('quand le groupe a-t-il été créé ?')).toContain('date');
  });

  it('a name: the name of…, son nom, can you name…, but not "au nom de"', () => {
    for (const q of ["what's the name of the security firm", 'et son nom ?', "Quelle est l'identité de l'unité ?"]) {
      expect(asked(q), q).toEqual(['name']);
    }
    expect(asked('qui a parlé au nom de TikTok')).toEqual([]);
    expect(asked("l'article selon lequel des ingénieurs avaient accès, il date de quand ?")).not.toContain('name');
    expect(asked('buzzfeed article author')).toEqual(['name', 'person']);
    for (const q of [
      'c qui qui a leak les enregistrements',
      'who leaked the audio?',
      'qui a fuité ça ?',
      'qui a fait fuiter les enregistrements ?',
      'who recorded the meetings?',
    ])
      expect(asked(q), q).toEqual(['name', 'person']);
    expect(asked('who reported the leak?')).not.toContain('person');
    expect(asked('who broke the story about chinese engineers?')).not.toContain('person');
    // The person who asks the asker is not the one asked about.
    for (const q of ['a journalist asked me who owns TikTok', "Un journaliste m'a demandé à qui appartient TikTok"])
      expect(asked(q), q).not.toContain('person');
    expect(asked('who are the engineers?')).toContain('person');
    // French "qui" after a noun opens a relative clause; after a person, it still asks that person.
    expect(asked("Mon responsable m'a parlé de réunions de TikTok qui auraient fuité")).toEqual([]);
    expect(asked('la personne qui a enregistré les réunions, elle a dit quoi ?')).toContain('person');
    expect(asked('quel est le comité qui examine les investissements étrangers ?')).toContain('name');
    expect(asked('can you name the engineers')).toEqual(['name', 'person']);
    expect(asked('which outlet published it?')).not.toContain('person');
    // "which" then a word or two before what it names; not "what did the employees say?".
    expect(asked('Which external consultancy firms were retained?')).toContain('name');
    expect(asked('what did tiktok employees say according to buzzfeed news')).not.toContain('name');
    // Nor read past an article: the firm in "quelle structure la société a-t-elle créée ?" created it.
    expect(asked('Quelle structure la société a-t-elle instituée au mois de mai ?')).not.toContain('name');
    // Two questions in one message: "who" in the first, the people in the second.
    expect(asked('who published that and what did the employees say?')).not.toContain('name');
    expect(asked('who is the reporter?')).toContain('name');
    expect(asked('who owns tiktok')).toEqual([]);
    for (const q of [
      'who are the experts they hired?',
      "c'est qui les experts ?",
      'who leaked those recordings?',
      "c'est qui le journaliste ?",
    ])
      expect(asked(q), q).toContain('name');
  });

  it('the person at the head of something: who leads, chairs, founded, is the CEO; given only by a text that says who leads', () => {
    for (const q of [
      'who leads the new unit',
      'c qui le chef de la nouvelle unite ?',
      'qui dirige le service',
      'who chairs the committee?',
      'qui préside ce comité ?',
      "who is bytedance's ceo",
      'c qui qui a fondé bytedance',
      "le pdg de bytedance c'est qui ?",
      'qui est à la tête de cette unité ?',
      'chef unité sécurité us',
      'head of the new data security unit',
      'Who has been appointed to head the US-led data security unit?',
      'qui a été nommé à la tête de cette unité ?',
      "qui est la personne à la tête de l'unité ?",
      "c'est qui le président du cfius ?",
      'who is the president of cfius?',
    ]) {
      expect(asked(q), q).toEqual(['leader']);
    }
    // A president named as one, not the head of a body.
    expect(asked('who was the president who ordered the sale?')).not.toContain('leader');
    // "qui" opening a sentence after a frame asks who ("Pour une présentation : qui est …"), not a relative.
    const framed = words("Pour une présentation : qui est la personne à la tête de l'unité ?");
    expect([...askedKinds(framed)]).toEqual([]);
    expect([...askedKinds(framed, new Set([0, 3]))]).toEqual(['leader']);
    // A manager who frames the question, and "qu'est-ce qui", ask for no one.
    expect(asked("Mon manager veut un rappel du contexte : qu'est-ce qui s'est passé en 2020 ?")).toEqual([]);
    expect(asked('my manager asked me who owns it and what happened in 2020')).toEqual([]);
    for (const text of [
      'The unit is led by Jane Doe.',
      "ByteDance's CEO said so.",
      'Le comité est présidé par le secrétaire au Trésor.',
      'Son fondateur, Zhang Yiming, …',
    ]) {
      expect([...givenKinds(text)], text).toContain('leader');
    }
    // Naming the owner is not naming who leads it.
    expect([...givenKinds('TikTok belongs to the Chinese company ByteDance.')]).not.toContain('leader');
  });

  it('what was decided or approved; given by a text that says someone decided, approved or ordered it', () => {
    for (const q of [
      'and what did CFIUS decide?',
      'et le CFIUS a décidé quoi ?',
      'has CFIUS approved the deal?',
      'cfius décision finale',
      'has the committee reached a final determination?',
      'has CFIUS signed off on the Oracle arrangement?',
      'qui a signé le contrat côté Oracle ?',
    ])
      expect(asked(q), q).toEqual(['decision']);
    expect(asked('TikTok a signé avec Oracle ?')).toEqual([]);
    expect(asked("I'd like to check that before we sign off")).toEqual([]);
    expect(asked("TikTok's decision to route traffic through Oracle")).toEqual([]);
    expect([...givenKinds('In 2020, President Trump ordered ByteDance to sell TikTok.')]).toContain('decision');
    expect([...givenKinds('The committee reviews foreign investments.')]).not.toContain('decision');
  });

  it('a place finer than a country: which city, state or region; given by a text that names one as such', () => {
    for (const q of [
      'which city are those servers in exactly?',
      'dans quelle ville exactement ?',
      'dans quels États américains ?',
      'in which us state is the backup data center?',
      'in which Oracle cloud region is the traffic hosted?',
    ])
      expect(asked(q), q).toEqual(['locality']);
    expect(asked('which countries hold the backups?')).toEqual([]);
    expect([...givenKinds('Its servers are in the state of Texas.')]).toContain('locality');
    expect([...givenKinds('Data centers in the US and in Singapore.')]).not.toContain('locality');
  });

  it('how something turned out ("did it go through?", "ça s\'est fait ?"), not where traffic goes nor a told outcome', () => {
    for (const q of [
      'did it go through?',
      'did the sale ever go through in the end',
      "ça s'est fait finalement ?",
      'ça a abouti ?',
      'did it materialise?',
      "l'administration a fini par interdire TikTok ?",
      'did they end up banning it?',
      'did they actually delete it in the end?',
      'did it happen?',
      'did that ever happen?',
      'ça a eu lieu ?',
      'did it work?',
      'has that worked out?',
      'ça a marché ?',
    ])
      expect(asked(q), q).toContain('outcome');
    expect(asked('what happened to the 2020 deal?')).toEqual([]);
    for (const q of ["et après, il s'est passé quoi ?", 'what happened next?'])
      expect(asked(q), q).toEqual(['outcome']);
    // "next" naming who came after: what they did, not how it turned out.
    expect(asked('what happened under the next administration?')).toEqual([]);
    for (const q of [
      'does US traffic go through Oracle?',
      'did they say it after the order failed to materialise?',
      "qu'est-ce qui s'est fait en 2020 ?",
      'where did the data end up?',
      'has it worked with oracle for long?',
    ])
      expect(asked(q), q).toEqual([]);
    // Whether it is working, now.
    for (const q of ['is it working?', 'est-ce que ça marche ?']) expect(asked(q), q).toContain('outcome');
    expect(asked('is tiktok working with oracle?')).not.toContain('outcome');
    // The result of an inquiry, not the results of something else.
    for (const q of ['resultat enquete cfius tiktok', 'what was the result of the review?'])
      expect(asked(q), q).toContain('outcome');
    expect(asked('results of the buzzfeed recordings')).not.toContain('outcome');
    expect(asked('Was a deal ever concluded?')).toContain('outcome');
    expect([...givenKinds('A deal was reportedly reached, but it never materialised.')]).toContain('outcome');
    expect([...givenKinds("Cela ne s'est jamais concrétisé.")]).toContain('outcome');
    expect([...givenKinds('It did not say when that would happen.')]).not.toContain('outcome');
  });

  it('the exact day ("la date exacte", "which day"), which a year does not give; a text saying no date was given answers it', () => {
    for (const q of [
      'la date exacte du décret ?',
      'what was the exact date of the order?',
      'which day was it published?',
      'quel jour ?',
    ])
      expect(asked(q), q).toContain('day');
    expect(asked('quel journaliste ?')).not.toContain('day');
    expect([...givenKinds('In a blog post on 17 June 2022, TikTok said…')]).toContain('day');
    expect([...givenKinds('TikTok a publié vendredi un billet.')]).toContain('day');
    expect([...givenKinds('In 2020, Trump ordered ByteDance to sell TikTok.')]).not.toContain('day');
    expect([...givenKinds('It did not say when this would happen.')]).toEqual(expect.arrayContaining(['date', 'day']));
    expect([...givenKinds("Il n'a pas précisé quand cela aurait lieu.")]).toEqual(
      expect.arrayContaining(['date', 'day']),
    );
  });

  it('a reason, asked by a question opening on "why" / "pourquoi"; not "asked me why", nor "why not?"', () => {
    for (const q of [
      'why singapore of all places',
      'and why Oracle?',
      'pourquoi trump voulait la vente ?',
      'Singapore? why there of all places?',
    ])
      expect(asked(q), q).toContain('reason');
    for (const q of [
      'our CFO asked me why. Which committee is it?',
      'why not?',
      'pourquoi pas ?',
      'why would the Treasury even be involved?',
      'why does the Treasury keep coming up with it?',
      'why is CFIUS even relevant here?',
      'why does the Treasury matter here?',
    ])
      expect(asked(q), q).not.toContain('reason');
  });

  it('a reason: a cause or an aim ("because he feared", "the aim is to", "pour « fournir »"), not a bare statement', () => {
    expect([...givenKinds('Trump ordered the sale because he feared exposure.')]).toContain('reason');
    expect([...givenKinds('Une unité créée pour « fournir un plus grand niveau de gouvernance ».')]).toContain(
      'reason',
    );
    expect([...givenKinds('The Biden administration kept examining TikTok.')]).not.toContain('reason');
  });

  it('a count of people, accounts or things ("how many US users", "combien de serveurs"), which a share ("100% of the traffic") does not give; "for what period" asks how long', () => {
    for (const q of [
      'how many US users does it have?',
      "combien d'utilisateurs américains ?",
      'the number of engineers with access',
      'Combien de serveurs Oracle sont utilisés ?',
    ])
      expect(asked(q), q).toContain('headcount');
    expect(asked('how much of the traffic goes to Oracle?')).not.toContain('headcount');
    for (const q of ['is that all of it or just some', 'ou juste une partie ?'])
      expect(asked(q), q).toEqual(['quantity']);
    expect(asked('vendre une partie de TikTok ?')).toEqual([]);
    expect([...givenKinds('100% of US user traffic goes to Oracle')]).not.toContain('headcount');
    expect([...givenKinds('1,000 engineers had access')]).toContain('headcount');
    expect(asked('What is the precise number of American user accounts?')).toContain('headcount');
    expect(asked("combien TikTok compte-t-il d'utilisateurs aux États-Unis ?")).toContain('headcount');
    for (const q of [
      'For what period are the copies retained?',
      'sur quelle durée ?',
      'what retention period applies?',
      'quelle est la durée de conservation des copies ?',
    ])
      expect(asked(q), q).toContain('duration');
  });

  it('a penalty on someone ("were they fired?", "ont-ils été sanctionnés ?", "any lawsuit?"), not "a poursuivi l\'examen"', () => {
    for (const q of [
      'were any of those engineers fired over it?',
      'et les ingénieurs ont été sanctionnés ?',
      'est-ce que TikTok a licencié les ingénieurs ?',
      'tiktok a viré des gens après ça ?',
      'il va bloquer tiktok ?',
      'did anyone sue them?',
      'were there any penalties?',
      'Has a federal court invalidated the 2020 order?',
      'What legal challenges were brought against it?',
      "ByteDance a-t-il contesté en justice l'ordre, et devant quelle juridiction ?",
      'did TikTok fire or discipline any employees?',
    ])
      expect(asked(q), q).toContain('sanction');
    expect(asked('le ministère de la Justice a-t-il réagi ?')).not.toContain('sanction');
    expect(asked('la suppression est prévue à court terme ?')).not.toContain('sanction');
    expect(asked('ils comptent virer les données de leurs datacenters ?')).not.toContain('sanction');
    expect(asked("L'entreprise a-t-elle eu recours à des spécialistes ?")).not.toContain('sanction');
    for (const q of [
      "L'administration Biden a-t-elle poursuivi l'examen de TikTok ?",
      'who is in charge of the unit?',
      'did they dismiss the report?',
    ])
      expect(asked(q), q).not.toContain('sanction');
    expect([...givenKinds('The regulator fined TikTok $5 million.')]).toContain('sanction');
    expect([...givenKinds('TikTok a écopé d’une amende.')]).toContain('sanction');
    expect([...givenKinds('BuzzFeed News reported that engineers in China had access to US data.')]).not.toContain(
      'sanction',
    );
  });

  it('whether or how data is encrypted ("are the backups encrypted?", "ils sont chiffrés ?"), not "les chiffres"', () => {
    for (const q of [
      'are the backups encrypted?',
      'what encryption standard do they use?',
      'les sauvegardes sont chiffrées ?',
      'ils sont chiffrés comment ?',
      'chiffrement des données',
    ])
      expect(asked(q), q).toContain('encryption');
    for (const q of ['les chiffres du trafic ?', 'quel chiffre ?', 'where are the backups kept?'])
      expect(asked(q), q).not.toContain('encryption');
    expect([...givenKinds('The backups are encrypted at rest with keys held in the US.')]).toContain('encryption');
    expect([...givenKinds('Les sauvegardes sont conservées à Singapour.')]).not.toContain('encryption');
  });

  it('a size of data ("how many terabytes?", "the volume of data"), which only a size in bytes gives, not a share', () => {
    for (const q of [
      'how many terabytes is that?',
      'What is the total volume of data, in petabytes?',
      'ça représente combien de téraoctets ?',
    ])
      expect(asked(q), q).toContain('volume');
    expect(asked('how many users?')).not.toContain('volume');
    expect(asked('how much data is that?')).toContain('volume');
    expect(asked('how much of the data goes through oracle?')).not.toContain('volume');
    expect([...givenKinds('The backups hold about 40 TB of user data.')]).toContain('volume');
    expect([...givenKinds('Les sauvegardes font 3 pétaoctets.')]).toContain('volume');
    expect([...givenKinds('100% of US user traffic goes to Oracle.')]).not.toContain('volume');
  });

  it('what would follow ("what happens if they miss it?"), whether it is legal ("c\'est légal ?"), an audit, a storage capacity', () => {
    for (const q of [
      'what happens if they miss it?',
      "qu'est-ce qui se passe si elles ne le font pas ?",
      'what are the consequences?',
      "et s'ils le font pas, il se passe quoi ?",
      "what if they don't?",
    ])
      expect(asked(q), q).toContain('consequence');
    expect(asked('what happened in 2020?')).not.toContain('consequence');
    for (const q of [
      'will they stop using their own centers at some point?',
      'is that supposed to stop at some point?',
    ])
      expect(asked(q), q).toContain('future');
    expect(asked('did they stop the review?')).not.toContain('future');
    expect(asked("who's heading it?")).toContain('leader');
    // Who oversees something may be a body: "Who oversees US data security at TikTok, is there a US-led unit?"
    for (const q of ['who oversees US data security?', 'which department oversees US data security?'])
      expect(asked(q), q).not.toContain('leader');
    // Who runs a thing is the company operating it: "who runs those servers?", "qui gère l'infra ?".
    for (const q of ['who runs those servers?', "c'est qui qui gère les serveurs ?"])
      expect(asked(q), q).not.toContain('leader');
    expect(asked('who runs the unit?')).toContain('leader');
    for (const q of ['did it actually convince washington?', 'ça a rassuré Washington ?'])
      expect(asked(q), q).toContain('outcome');
    expect(asked('is the aim to reassure the US government?')).not.toContain('outcome');
    for (const q of [
      'Does it actually stop the Chinese government from seeing the data?',
      "so the chinese government can't get at it anymore?",
      "ça empêche la Chine d'y accéder ?",
      'la Chine ne peut plus y accéder ?',
    ])
      expect(asked(q), q).toContain('outcome');
    for (const q of [
      'will they stop using their own centers?',
      "can't they keep it?",
      // A relative "that", far from the verb: no answer keeping anyone from anything.
      'Was there reporting that questioned whether US data was really kept away from China?',
    ])
      expect(asked(q), q).not.toContain('outcome');
    expect(asked('les employés enregistrés, ils sont toujours chez TikTok ?')).toContain('biography');
    expect(asked('les données sont toujours chez TikTok ?')).not.toContain('biography');
    expect(asked('si le trafic passe par Oracle, pourquoi des sauvegardes ?')).not.toContain('consequence');
    expect(asked("Quel média a fait état d'enregistrements de réunions internes ?")).not.toContain('locality');
    expect(asked('dans quels états américains ?')).toContain('locality');
    for (const q of ['Which head of state directed the sale?', "Quel chef d'État a ordonné la vente ?"])
      expect(asked(q), q).not.toContain('locality');
    expect(asked('which state are the servers in?')).toContain('locality');
    expect(asked('can I quote it in a LinkedIn post?')).not.toContain('biography');
    expect(asked('what does his LinkedIn say?')).toContain('biography');
    for (const q of [
      'is that even legal?',
      "et c'est légal de faire transiter ça ?",
      'is it lawful?',
      'was that order even legal?',
    ])
      expect(asked(q), q).toContain('legality');
    expect(asked('legal wants to know where the backups are')).not.toContain('legality');
    for (const q of ["et singapour a le droit d'y accéder ?", 'is tiktok even allowed on our work phones?'])
      expect(asked(q), q).toContain('legality');
    expect(asked('quel est le droit applicable ?')).not.toContain('legality');
    expect(asked('has anyone independently audited it?')).toContain('certification');
    for (const q of [
      'will anyone independently verify it was actually deleted?',
      'est-ce que ça a été vérifié de manière indépendante ?',
      'will oracle audit the deletion?',
      'Is there an external audit confirming they did it?',
      'y a-t-il un audit externe ?',
      'Un auditeur indépendant vérifiera-t-il la suppression ?',
    ])
      expect(asked(q), q).toContain('certification');
    // The asker's own audit frames the question.
    for (const q of [
      "for an audit I'm doing: where are the backups?",
      'I need to audit our vendors: where does the data go?',
    ])
      expect(asked(q), q).not.toContain('certification');
    // Whether someone independent confirms it is how sure the claim is, not an audit.
    expect(asked('is that confirmed by anyone independent?')).not.toContain('certification');
    expect(asked("What's the storage capacity of the Singapore site?")).toContain('volume');
    expect(asked('singapore backup storage size')).toContain('volume');
    expect(asked('capacite datacenter singapour')).toContain('volume');
    expect(asked('singapore data center capacity')).toContain('volume');
    expect(asked("oracle's capacity to control the servers")).toEqual([]);
    expect(asked('what size is the unit?')).not.toContain('volume');
    expect(asked('the capacity of Chinese companies to control American data')).toEqual([]);
    expect([...givenKinds('Failing that, it would face a ban.')]).toContain('consequence');
    expect([...givenKinds('A court found the transfer unlawful.')]).toContain('legality');
    // A ban is a penalty, given only by a text that tells of one.
    expect(asked('so is TikTok going to get banned?')).toContain('sanction');
    expect(asked("l'appli va être interdite ?")).toContain('sanction');
    expect([...givenKinds('TikTok routes US traffic through Oracle.')]).not.toContain('legality');
  });

  it('what is planned ("is that supposed to change?", "ça va rester comme ça ?", "à terme"), given only by a plan', () => {
    for (const q of [
      'Is that supposed to change at some point?',
      'et à terme, ça va rester comme ça ?',
      'will that change?',
      'are those going away at some point?',
      'ils vont les garder longtemps ?',
      'et ça va durer ?',
      'when will the singapore data center close?',
      'ils vont fermer le centre de singapour ?',
      'will they force the sale this time?',
      'are they going to try again?',
      'le gouvernement va-t-il de nouveau exiger une vente ?',
      'do they plan to get rid of their own copies at some point',
      'are they planning to delete them?',
      'ils vont les supprimer un jour ?',
    ])
      expect(asked(q), q).toContain('future');
    expect(asked('did they delete the data?')).not.toContain('future');
    expect(asked('who owns tiktok again?')).not.toContain('future');
    expect(asked('did they try again in 2021?')).not.toContain('future');
    expect(asked('did the deal close in 2020?')).not.toContain('future');
    expect(asked('did they keep them long?')).not.toContain('future');
    expect(asked('la cession a-t-elle été menée à terme ?')).not.toContain('future');
    expect(asked('did the routing change in June?')).not.toContain('future');
    expect([...givenKinds('TikTok plans to delete the data from its own centers.')]).toContain('future');
    expect([...givenKinds('TikTok will still store its own backups.')]).not.toContain('future');
  });

  it('whether a state owns or controls it ("is it state-owned?", "contrôlée par l\'État chinois ?"), given only by a text saying so', () => {
    for (const q of [
      'is it state-owned?',
      'is bytedance controlled by the chinese government?',
      "bytedance est-elle contrôlée par l'État chinois ?",
      'ByteDance appartient-il au gouvernement chinois ?',
      'does the chinese government own it?',
      "c'est une entreprise d'État ?",
      'does beijing have a stake in bytedance?',
    ])
      expect(asked(q), q).toContain('state');
    for (const q of [
      'who owns tiktok?',
      'Quelle instance gouvernementale est chargée du contrôle des investissements étrangers aux États-Unis ?',
      'will the chinese government get access to data controlled by oracle?',
      'in which us state is the data center?',
    ])
      expect(asked(q), q).not.toContain('state');
    expect([...givenKinds('TikTok belongs to the Chinese company ByteDance.')]).not.toContain('state');
    expect([...givenKinds('ByteDance is not state-owned, the company says.')]).toContain('state');
  });

  it('whether it still holds today ("is that still the case today?"), which a dated answer does not say', () => {
    for (const q of [
      'is that still the case today?',
      "est-ce que c'est encore le cas aujourd'hui ?",
      'is that still true now?',
    ])
      expect(asked(q), q).toContain('current');
    for (const q of ["Et cet accès, c'était encore le cas récemment ?", 'does tiktok still hold backups?'])
      expect(asked(q), q).not.toContain('current');
    expect([...givenKinds('TikTok keeps its own backups.')]).not.toContain('current');
  });

  it('whether a decision was undone ("did Biden revoke the order?", "l\'ordre a-t-il été abrogé ?"), given only by a text saying so', () => {
    for (const q of ["did Biden revoke Trump's order?", "l'ordre a-t-il été abrogé ?", 'was the order rescinded?'])
      expect(asked(q), q).toContain('reversal');
    expect(asked('was the deal cancelled?')).not.toContain('reversal');
    expect(asked('est-ce que Biden a annulé le décret de Trump ?')).toContain('reversal');
    expect(asked('le deal de 2020 a été annulé ?')).not.toContain('reversal');
    expect(asked('la vente a été annulée ?')).not.toContain('reversal');
    expect([...givenKinds('In 2020, Trump ordered ByteDance to sell TikTok.')]).not.toContain('reversal');
    expect([...givenKinds('The order was later revoked.')]).toContain('reversal');
  });

  it('a deadline ("quelle date limite ?", "what deadline did Trump set?"), which a year does not give', () => {
    for (const q of [
      'trump avait fixé quelle date limite pour la vente ?',
      'what deadline did Trump set?',
      "l'échéance ?",
    ])
      expect(asked(q), q).toContain('deadline');
    expect(asked('when did trump order the sale?')).not.toContain('deadline');
    for (const q of ['When does the Oracle contract expire?', 'le contrat expire quand ?'])
      expect(asked(q), q).toContain('deadline');
    expect([...givenKinds('In 2020, Trump ordered ByteDance to sell TikTok.')]).not.toContain('deadline');
    expect([...givenKinds('It must sell within 90 days.')]).toContain('deadline');
    expect([...givenKinds('It plans to delete the data, with no date given.')]).toContain('deadline');
  });

  it('whose reaction is asked, when the question names them, before the verb or around the noun', () => {
    const names = new Set([
      'chinese',
      'white',
      'house',
      'oracle',
      'tiktok',
      'pekin',
      'maison',
      'blanche',
      'us',
      'treasury',
      'tresor',
    ]);
    const party = (q: string) => {
      const said = words(q);
      return reactionParty(said, (i) => names.has(said[i]!));
    };
    expect(party('how did the Chinese government respond to TikTok moving traffic?')).toEqual(['chinese']);
    expect(party('Did the White House respond to questions?')).toEqual(['house', 'white']);
    expect(party('White House response TikTok')).toEqual(['house', 'white']);
    expect(party('la réaction de la Maison Blanche')).toEqual(['maison']);
    expect(party('reaction pekin annonce oracle')).toEqual(['pekin']);
    expect(party('et pekin il a repondu quoi a tout ca ?')).toEqual(['pekin']);
    expect(party("ils ont réagi à l'annonce de TikTok ?")).toEqual([]);
    expect(party('Which parties declined to respond when reporters sought their reaction?')).toEqual([]);
    expect(party('did the US government respond?')).toEqual([]);
    expect(party('where are the backups kept?')).toEqual([]);
    // Next to the noun only: "a statement in response to press inquiries" names no one responding.
    expect(party('Did Oracle issue any statement in response to press inquiries?')).toEqual([]);
    expect(party('did the Chinese embassy comment on it?')).toEqual(['chinese']);
    expect(party('comment on sait que oracle a tout ?')).toEqual([]);
    // Whether they said anything, not what someone said.
    expect(party('did the Treasury say anything about us?')).toEqual(['treasury']);
    // Asked of "they", no one named: a reaction all the same ("did they have anything to say?").
    expect(asksReaction(words('did they have anything to say?'))).toBe(true);
    expect(asksReaction(words('ils avaient quelque chose à dire ?'))).toBe(true);
    expect(asksReaction(words('what do they say about the backups?'))).toBe(false);
    expect(party('ok and what did TikTok say back in its statement?')).toEqual(['tiktok']);
    // Named after the verb, and not what it was about.
    expect(party('et il a dit quoi sur tiktok, le trésor ?')).toEqual(['tresor']);
    expect(party('how did they respond to the Oracle news?')).toEqual([]);
    expect(party('tiktok a démenti ?')).toEqual(['tiktok']);
    expect(party('et le Trésor, il a dit quoi sur TikTok ?')).toEqual(['tresor']);
    // What a word means, not what someone said.
    expect(party('ça veut dire quoi, le Trésor ?')).toEqual([]);
    expect(party('what did TikTok employees say according to BuzzFeed?')).toEqual([]);
    // Every party of an alternative; not the asker's own answer.
    expect(party("est-ce qu'Oracle ou la Maison Blanche ont réagi ?")).toEqual(['blanche', 'maison', 'oracle']);
    expect(party("je n'ai pas su répondre à TikTok")).toEqual([]);
    // A stance: "position officielle", "quelle position", not a name in a relative clause.
    expect(party('la position officielle de Pékin sur Oracle')).toEqual(['pekin']);
    expect(party('reponse gouvernement chinese buzzfeed')).toEqual(['chinese']);
    expect(party('What position has the administration that succeeded President Trump adopted?')).toEqual([]);
  });

  it('a reason, asked first or after a frame ("For my memo I need the reason: why exactly did it collapse?"), not "that\'s why"', () => {
    expect(asked('why did trump order the sale?')).toContain('reason');
    expect(asked('For my policy memo I need the reason: why exactly did the deal collapse?')).toContain('reason');
    expect(asked('Pour ma note : pourquoi la vente a-t-elle capoté ?')).toContain('reason');
    expect(asked("that's why they keep backups, right?")).not.toContain('reason');
    expect(asked('pour quelle raison la vente a-t-elle capoté ?')).toContain('reason');
    expect(asked('pourquoi TikTok ne donne pas de date ?')).toContain('reason');
    expect(asked('why not?')).not.toContain('reason');
    expect(asked('for what reason did they pick Singapore?')).toContain('reason');
    for (const q of ['what was his concern?', 'quelles étaient leurs raisons ?'])
      expect(asked(q), q).toContain('reason');
    expect(asked("that's the reason they moved it, right?")).not.toContain('reason');
    expect(asked('Which President ordered the sale, and on what grounds?')).toContain('reason');
    // Why it never happened: a failure, asked with a negation.
    expect(asked("pour quelle raison l'accord n'a-t-il jamais abouti ?")).toContain('failure');
    expect(asked('why did the deal never materialise?')).toContain('failure');
    expect(asked("c'est pourquoi ils gardent des sauvegardes ?")).not.toContain('reason');
  });

  it('why something failed ("why did the deal fall through?", "pourquoi ça a capoté ?"), given only by a sentence saying why', () => {
    for (const q of [
      'why did the 2020 oracle deal fall through in the end',
      'why did it fall apart tho',
      'pourquoi ça a capoté ?',
      'pourquoi la vente a-t-elle échoué ?',
      "et pourquoi l'accord s'est jamais fait ?",
      "pourquoi la vente n'a pas eu lieu ?",
      'why did the deal never close?',
      "so why didn't the sale go through?",
    ])
      expect(asked(q), q).toContain('failure');
    for (const q of ['why did trump order the sale?', 'pourquoi singapour ?', 'did the deal fall through?'])
      expect(asked(q), q).not.toContain('failure');
    expect([...givenKinds('The deal collapsed because the buyer withdrew.')]).toContain('failure');
    expect([
      ...givenKinds('Trump ordered the sale because he feared for the data. The deal never materialised.'),
    ]).not.toContain('failure');
  });

  it('the names of others than the one named ("which other agencies besides the Treasury?"), given by a list of names', () => {
    for (const q of [
      'Which other federal agencies, besides the Treasury, are members of the committee?',
      'quelles autres sociétés devaient acquérir une participation ?',
      'Quels étaient, outre Oracle, les autres acquéreurs pressentis ?',
      'who else sits on it besides treasury?',
      "qui d'autre en fait partie, à part le Trésor ?",
    ])
      expect(asked(q), q).toContain('others');
    for (const q of [
      'just tiktok or other chinese companies as well?',
      'besides the Oracle routing, does TikTok still keep copies?',
      // May ask the rest of a list just given.
      'who else declined to comment?',
    ])
      expect(asked(q), q).not.toContain('others');
    expect([...givenKinds('Its members include Treasury, Defense, Justice and Commerce.')]).toContain('others');
    expect([...givenKinds('A deal to sell part of the app to Oracle and others never materialised.')]).not.toContain(
      'others',
    );
  });

  it('a certification ("is it ISO 27001 certified?", "SOC 2", "FedRAMP", "certification HDS"), not "ISO" or "SOC" alone', () => {
    for (const q of [
      'Has the data center obtained ISO 27001 certificaton?',
      'are they SOC 2 compliant?',
      'is Oracle FedRAMP authorised for this?',
      "l'hébergeur est-il certifié HDS ?",
    ])
      expect(asked(q), q).toContain('certification');
    for (const q of ['what is the ISO country code?', 'who runs the SOC?', 'where are the backups kept?'])
      expect(asked(q), q).not.toContain('certification');
    expect([...givenKinds('The data centre is ISO 27001 certified.')]).toContain('certification');
    expect([...givenKinds('TikTok uses its data centres in Singapore for backup.')]).not.toContain('certification');
  });

  it('who someone pointed at is ("who are they?", "c\'est qui eux ?", "lesquels ?"): a name', () => {
    for (const q of [
      'who are they?',
      "c'est qui eux ?",
      'qui sont-ils ?',
      'lesquels ?',
      'which ones?',
      "what's it called?",
      'under what designation was it constituted?',
      'which individual was appointed?',
      'la dénomination des cabinets',
      "le journaliste de buzzfeed qui a sorti l'article c'est qui ?",
    ])
      expect(asked(q), q).toContain('name');
    expect(asked("who'd they get to help with security?")).toEqual([]);
  });

  it('where something is, not where it comes from; French "où", not "ou" (or)', () => {
    for (const q of [
      'where?',
      'where are those kept',
      'où ça ?',
      "c'est où ?",
      'Où sont-elles ?',
      'elles sont où, ces sauvegardes ?',
    ])
      expect(questionCues(words(q), 'fr').has('where'), q).toBe(true);
    for (const q of [
      'where did that come from?',
      "d'où ça vient ?",
      "c'est sûr ou pas ?",
      'who said that?',
      'on en est où ?',
      'Ou bien Oracle garde-t-il les sauvegardes ?',
    ])
      expect(questionCues(words(q), 'fr').has('where'), q).toBe(false);
    // Opening a sentence, "ou" is "où": "or" joins nothing there.
    expect(questionCues(words('où TikTok garde-t-il ses sauvegardes ?'), 'fr').has('where')).toBe(true);
    const opened = words('Changement de sujet. Où TikTok garde-t-il ses sauvegardes ?');
    expect(questionCues(opened, 'fr').has('where')).toBe(false);
    expect(questionCues(opened, 'fr', new Set([0, 3])).has('where')).toBe(true);
    expect(questionCues(words('sauvegardes chez TikTok ou Oracle ?'), 'fr').has('where')).toBe(false);
  });

  it("a detail of someone's life or career: where they were born or studied, their career before", () => {
    for (const q of [
      'where was the spokesman born?',
      'il a fait quelle école ?',
      'what was his career before?',
      'where did he work before tiktok?',
      'il a fait quoi avant tiktok ?',
      'is she still with the company?',
    ])
      expect(asked(q), q).toEqual(['biography']);
    expect(asked('how long has he been at tiktok?')).toContain('biography');
    // Not what a company did before: no one pointed at.
    expect(asked('did tiktok work with oracle before the announcement?')).toEqual([]);
    expect(asked("le trafic il transite par qui, c'est chez oracle ?")).toEqual([]);
    expect(asked("est-il exact qu'ils ne gardent rien ?")).toEqual([]);
    // "résume-moi" asks for a summary, not a résumé.
    expect(asked('résume moi ce que tiktok dit sur les experts')).toEqual([]);
    expect([...givenKinds('Born in Ohio, she studied law at Yale.')]).toContain('biography');
    expect([...givenKinds('Albert Calamug, of TikTok’s public policy division, said so.')]).not.toContain('biography');
  });

  it('a postal address: "office address", "l\'adresse exacte"; not an IP or e-mail address, nor the verb', () => {
    for (const q of [
      'Singapore office address',
      "Quelle est l'adresse exacte du datacenter ?",
      'the address of oracle hq',
    ]) {
      expect(asked(q), q).toEqual(['address']);
    }
    for (const q of [
      "what is tiktok's IP address",
      'adresse mail du support',
      'how did tiktok address US concerns',
      'steps taken to address the risks',
      "il s'adresse à qui",
    ]) {
      expect(asked(q), q).toEqual([]);
    }
    expect([...givenKinds('Its office is at 500 Oracle Parkway, Redwood Shores.')]).toContain('address');
    expect([...givenKinds('TikTok used its own data centers in the US and in Singapore.')]).not.toContain('address');
  });

  it('how often: how often, how frequently, à quelle fréquence, tous les combien', () => {
    for (const q of ['how often does it run backups', 'a quelle frequence', 'tous les combien ?']) {
      expect(asked(q), q).toEqual(['frequency']);
    }
    expect([...givenKinds('backups run daily')]).toEqual(['frequency']);
    expect([...givenKinds('une sauvegarde chaque semaine')]).toContain('frequency');
  });

  it("a figure for a size, a volume or a number of people, a sum for a deal's value", () => {
    expect(asked("le nombre d'employés de l'unité")).toEqual(['headcount']);
    expect(asked('what is the total volume of data in petabytes')).toEqual(['quantity', 'volume']);
    for (const q of [
      'headcount of the new unit',
      'how big are those data centers?',
      'quelle taille fait le centre de Singapour ?',
    ])
      expect(asked(q), q).toEqual(['quantity']);
    expect(asked('is it a big deal?')).toEqual([]);
    expect(asked('combien oracle facture pour ça ?')).toContain('money');
    expect(asked("what's the contract worth?")).toContain('money');
    // "paie" as "paye" is, and a vendor charging; not "pays", a country in French.
    expect(asked('Combien TikTok paie-t-il Oracle pour ce service ?')).toContain('money');
    expect(asked('how much is Oracle charging for that?')).toContain('money');
    expect(asked('de quel pays ?')).not.toContain('money');
    // English "pays", with what is paid for; French "pays" after a determiner or last is a country.
    expect(asked('how much TikTok pays Oracle for hosting')).toContain('money');
    for (const q of ['dans quels pays sont les sauvegardes ?', 'datacenters secours tiktok pays'])
      expect(asked(q), q).not.toContain('money');
    for (const q of [
      'Oracle contract value',
      "la valeur de l'accord avec Oracle",
      'the contractual value of the arrangement',
    ])
      expect(asked(q), q).toEqual(['money']);
  });

  it('nothing, when "when", "quand" or "number" only joins or names, or "value" is not a sum', () => {
    for (const q of [
      'where are the backups',
      'what happened when Trump ordered the sale',
      'quand il a dit ça, il parlait de quoi',
      'I need to update the PIN number of my card',
      'what value does Oracle add to go to the cloud',
    ]) {
      expect(asked(q), q).toEqual([]);
    }
  });
});

describe('what kind of answer a text gives', () => {
  it('reads figures (not dates), dates and lengths of time', () => {
    expect([...givenKinds('100% of US user traffic')]).toEqual(['quantity']);
    expect([...givenKinds('its blog post of 17 June 2022')]).toEqual(['date', 'day']);
    expect([...givenKinds('a unit created in May')]).toEqual(['date']);
    expect([...givenKinds('for more than a year')]).toEqual(['duration']);
    expect([...givenKinds('il collabore depuis plus d’un an')]).toEqual(['duration']);
    expect([...givenKinds('TikTok brought in security experts')]).toEqual([]);
  });
});
