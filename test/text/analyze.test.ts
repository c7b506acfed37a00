import { describe, expect, it } from 'vitest';
import { analyze, contentTerms, questionCues, textKey } from '../../src/text/analyze.ts';
import { stripMarkup } from '../../src/text/markup.ts';
import { stem } from '../../src/text/normalise.ts';

const words = (text: string) => analyze(text).words.map((w) => w.word);

describe('Discord markup in a message', () => {
  it('is taken out before reading: mentions, roles, channels, custom emoji, timestamps, commands, links, @everyone', () => {
    const marked =
      '<@123456789012345678> <@!42> does <@&987654321> tiktok keep backups <#555> <:oracle_logo:112233> <a:wave:9> ' +
      '<t:1718600000:R> </ask:1234> https://evil.example/x?y=1 <https://example.com> @everyone @here';
    expect(words(marked)).toEqual(['does', 'tiktok', 'keep', 'backups']);
  });

  it('keeps the words of a masked link and of emphasis, spoilers, code and quotes, not their marks or address', () => {
    expect(words('[the oracle post](https://example.com/a) **backups** ||singapore|| `cfius` ~~old~~')).toEqual([
      'the',
      'oracle',
      'post',
      'backups',
      'singapore',
      'cfius',
      'old',
    ]);
    expect(stripMarkup('> where are the backups\n# heading')).toBe('where are the backups\nheading');
  });

  it('takes linear time on long runs of the characters its patterns look for', () => {
    for (const text of [
      '<'.repeat(20_000),
      '['.repeat(20_000),
      `<@${'1'.repeat(20_000)}`,
      ':a'.repeat(10_000),
      '*'.repeat(20_000),
    ]) {
      expect(stripMarkup(text).length).toBeLessThanOrEqual(text.length);
    }
  });
});

describe('reading a text', () => {
  it('marks stop words of the language, framing words, names, and hyphenated pairs', () => {
    const { language, words: read } = analyze('A client asked whether TikTok keeps its back-ups in Singapore');
    expect(language).toBe('en');
    const mark = (word: string) => read.find((w) => w.word === word)!;
    expect(mark('whether').stop).toBe(true);
    expect(analyze('tout le trafic ou juste une partie ?').words.find((w) => w.word === 'juste')!.stop).toBe(true);
    // Whose side something is on says no subject of its own: "on TikTok's side", "de son côté", "côté Oracle".
    expect(analyze("a copy on TikTok's side?").words.find((w) => w.word === 'side')!.stop).toBe(true);
    expect(analyze('et côté Oracle ?').words.find((w) => w.word === 'cote')!.stop).toBe(true);
    // Future and conditional forms of "être" and "avoir" are function words as their present is.
    expect(analyze("tout sera sur le cloud d'oracle ?").words.find((w) => w.word === 'sera')!.stop).toBe(true);
    expect(analyze('le Trésor serait-il concerné ?').words.find((w) => w.word === 'serait')!.stop).toBe(true);
    // "d'ailleurs", "par ailleurs" (by the way, moreover): not "ailleurs" (elsewhere) alone.
    expect(analyze("pourquoi, d'ailleurs ?").words.find((w) => w.word === 'ailleurs')!.stop).toBe(true);
    expect(analyze('stockées ailleurs ?').words.find((w) => w.word === 'ailleurs')!.stop).toBe(false);
    // "ça veut dire quoi ?" asks a meaning: no "dire" (say); "ça veut dire que …" asks whether it follows.
    expect(analyze('ça veut dire quoi, CFIUS ?').words.find((w) => w.word === 'dire')!.stop).toBe(true);
    expect(analyze('ça veut dire que la Chine y a accès ?').words.find((w) => w.word === 'dire')!.stop).toBe(false);
    // "au sein de" is "within": formal French, no subject of its own.
    expect(analyze("l'instance au sein de laquelle siège le Trésor").words.find((w) => w.word === 'sein')!.stop).toBe(
      true,
    );
    // "what %" asks a share: the "%" is read as a word.
    expect(analyze('what % of tiktok did oracle buy?').words.map((w) => w.word)).toContain('percentage');
    expect(analyze('part oracle dans tiktok en % ?').words.map((w) => w.word)).toContain('percentage');
    // "sans rapport", "dans l'histoire": a change of subject, the story asked about; no report, no story.
    for (const q of ["sans rapport mais tiktok c'est à qui ?", "c quoi le cfius dans l'histoire tiktok ?"])
      expect(
        analyze(q)
          .words.filter((w) => !w.stop)
          .map((w) => w.word),
        q,
      ).not.toContainEqual(expect.stringMatching(/^(rapport|histoire)$/));
    // "where does the traffic go?" asks where it is sent; not "where would it go instead?", what is to come.
    const words = (q: string) => analyze(q).words.map((w) => w.word);
    expect(words('where does us tiktok traffic go')).toContain('sent');
    expect(words('où vont les données des Américains ?')).toContain('transitent');
    for (const q of ['where would the data go instead?', 'where does it go afterwards?'])
      expect(words(q), q).not.toContain('sent');
    // "for what period of time" asks how long: no "period", no "time".
    expect(analyze('for what period of time?').words.every((w) => w.stop)).toBe(true);
    // A capital opening a sentence marks no name: "Singapore? Seriously?".
    expect(analyze('Singapore? Seriously? who said so?').words.find((w) => w.word === 'seriously')!.name).toBe(false);
    expect(analyze('is it run by Oracle?').words.find((w) => w.word === 'oracle')!.name).toBe(true);
    // An acronym written as one is a name, though a word of the other language: "the EU" is no "eu" (had).
    expect(analyze('did the EU react?').words.find((w) => w.word === 'eu')!.otherStop).toBe(false);
    expect(analyze('did the eu react?').words.find((w) => w.word === 'eu')!.otherStop).toBe(true);
    expect(mark('client').framing).toBe(true);
    expect(mark('asked').framing).toBe(true);
    expect(mark('tiktok').name).toBe(true);
    expect(mark('back').hyphenNext).toBe(true);
    expect(mark('ups').hyphenNext).toBe(false);
  });

  it('marks the words of framing phrases ("a sales call", "un appel commercial") as framing, not alone', () => {
    const framing = (text: string, word: string) => analyze(text).words.find((w) => w.word === word)!.framing;
    expect(framing('a customer on a sales call asked me point blank', 'sales')).toBe(true);
    expect(framing('a customer on a sales call asked me point blank', 'blank')).toBe(true);
    expect(framing("pendant un appel commercial, un client m'a demandé", 'commercial')).toBe(true);
    expect(framing('did the sales of TikTok go through?', 'sales')).toBe(false);
    expect(framing('un partenariat commercial avec Oracle', 'commercial')).toBe(false);
    // Who asks and what they recall: "mon directeur se souvient vaguement …", "my boss vaguely remembers …".
    expect(framing("mon directeur se souvient vaguement qu'un président", 'directeur')).toBe(true);
    expect(framing("mon directeur se souvient vaguement qu'un président", 'souvient')).toBe(true);
    expect(framing('my boss vaguely remembers that', 'remembers')).toBe(true);
    // Someone's role at work, and what they saw: "our compliance lead saw something about CFIUS".
    expect(framing('our compliance lead saw something about CFIUS', 'lead')).toBe(true);
    expect(framing('our compliance lead saw something about CFIUS', 'saw')).toBe(true);
    expect(framing('who will lead the new unit?', 'lead')).toBe(false);
    // Workplace tools, like "email" or "call", say how a question came.
    expect(framing('a prospect asked on Slack whether', 'slack')).toBe(true);
  });

  it('marks "in the end", "au final", "en fin de compte" as stop words, not "end" or "final" alone', () => {
    const stops = (text: string) =>
      analyze(text)
        .words.filter((w) => w.stop)
        .map((w) => w.word);
    expect(stops('did the deal go through in the end?')).toEqual(expect.arrayContaining(['in', 'the', 'end']));
    expect(stops("et la vente s'est faite au final ?")).toContain('final');
    expect(stops('en fin de compte, ils ont vendu ?')).toEqual(expect.arrayContaining(['fin', 'compte']));
    expect(stops('where did the data end up?')).not.toContain('end');
    expect(stops('are those gonna get wiped at some point?')).toContain('point');
    expect(stops("what's the point of doing that?")).not.toContain('point');
    expect(stops('la décision finale du CFIUS')).not.toContain('finale');
    expect(stops('how recent are we talking?')).toEqual(expect.arrayContaining(['we', 'talking']));
    expect(stops('TikTok garde-t-il, à ce jour, des copies ?')).toEqual(expect.arrayContaining(['ce', 'jour']));
    expect(stops('ils comptent les supprimer un jour ?')).not.toContain('jour');
    expect(stops('les informations relatives aux utilisateurs')).toContain('relatives');
    expect(stops('for how long?')).toContain('long');
    expect(stops('ont-ils commenté lorsque la presse les a sollicités à ce sujet ?')).toEqual(
      expect.arrayContaining(['lorsque', 'sujet']),
    );
    expect(stops('le sujet des sauvegardes')).not.toContain('sujet');
    expect(stops('et ils comptent les supprimer un jour ?')).toContain('comptent');
    expect(stops('mon compte tiktok est bloqué')).not.toContain('compte');
    expect(stops('combien de temps ?')).toContain('temps');
    expect(stops('a long list of measures')).not.toContain('long');
    // A reason asked by its noun is asked, as by "why", not a word a fact must have.
    expect(stops('pour quelle raison la vente a capoté ?')).toContain('raison');
    expect(stops('what was his concern?')).toContain('concern');
    expect(stops('on what grounds?')).toContain('grounds');
    // Hedges say how sure, not what about.
    expect(stops('who was supposedly buying a piece of it?')).toContain('supposedly');
    expect(stops('ils ont apparemment gardé des copies ?')).toContain('apparemment');
    expect(stops('who was talking to the press?')).not.toContain('talking');
  });

  it('marks the asker\'s risk and regulatory documents as framing ("our risk report", "la matrice des risques réglementaires")', () => {
    const framing = (text: string, word: string) => analyze(text).words.find((w) => w.word === word)!.framing;
    expect(framing('for the infrastructure section of our risk report', 'risk')).toBe(true);
    expect(framing('pour la matrice des risques réglementaires', 'risques')).toBe(true);
    expect(framing('pour la matrice des risques réglementaires', 'reglementaires')).toBe(true);
  });

  it('reads "legal" as framing when it is the asker\'s legal team, not when it is said of the thing asked about', () => {
    const legal = (text: string) => analyze(text).words.find((w) => w.word === 'legal')!.framing;
    expect(legal('legal wants to know where the backups are')).toBe(true);
    expect(legal('for legal: who owns tiktok?')).toBe(true);
    for (const q of ['is it legal?', 'is that even legal?', "c'est vraiment légal ?", 'est-ce légal ?'])
      expect(legal(q), q).toBe(false);
  });

  it('marks a French stop word as the other language\'s in English ("comment"), and reads French elisions', () => {
    const en = analyze('did oracle comment on it').words.find((w) => w.word === 'comment')!;
    expect([en.stop, en.otherStop]).toEqual([false, true]);
    expect(words("l'application qu'il garde")).toEqual(['l', 'application', 'qu', 'il', 'garde']);
  });

  it('marks the frame of a professional question when asked to', () => {
    const read = analyze('For the vendor DPIA: does TikTok keep backups?', { frameMaxWords: 14 }).words;
    expect(read.filter((w) => w.frame).map((w) => w.word)).toEqual(['for', 'the', 'vendor', 'dpia']);
    expect(analyze('For the vendor DPIA: does TikTok keep backups?').words.some((w) => w.frame)).toBe(false);
  });

  it('reads only the first maxLength characters', () => {
    expect(words(`backups ${'x '.repeat(100)}oracle`)).toContain('oracle');
    expect(analyze(`backups ${'x '.repeat(100)}oracle`, { maxLength: 20 }).words.map((w) => w.word)).not.toContain(
      'oracle',
    );
  });
});

describe('one key per text', () => {
  it('is the same for texts that differ in case, accents, punctuation, markup and inflection, not in words', () => {
    expect(textKey('Where are the BACKUPS stored?')).toBe(textKey('where are the backup store'));
    expect(textKey('Where are the backups stored?')).not.toBe(textKey('When are the backups stored?'));
    expect(contentTerms('Where are the BACKUPS stored?')).toEqual(contentTerms('backup store'));
    expect(textKey('Les données américaines')).toBe(textKey('les donnees americaine'));
    expect(textKey('<@1> backups')).toBe(textKey('backups'));
    // Every form of "go" is a function word: the verb says nothing of the subject.
    expect(contentTerms('US traffic goes through Oracle')).toEqual(contentTerms('US traffic go through Oracle'));
    expect(contentTerms('the traffic went to Oracle')).toEqual(contentTerms('the traffic is going to Oracle'));
    // Except asking where something goes, which asks where it is sent.
    expect(contentTerms('where the traffic went')).toEqual(contentTerms('where the traffic is sent'));
  });

  it('reads a verb of reporting as no subject: "a leak suggesting that…" asks what "a leak that…" asks', () => {
    expect(contentTerms('was there a leak suggesting china could access us data')).toEqual(
      contentTerms('was there a leak china could access us data'),
    );
    expect(contentTerms('a report indicating access')).toEqual(contentTerms('a report access'));
  });

  it('reads trying as no subject: "has the us tried to force a sale?" asks what "has the us forced a sale?" asks', () => {
    expect(contentTerms('has the us tried to force a sale')).toEqual(contentTerms('has the us to force a sale'));
    expect(contentTerms('le gouvernement a essayé de vendre')).toEqual(contentTerms('le gouvernement a de vendre'));
  });

  it('reads reflexive pronouns as function words, as "itself" always was: "do they keep copies themselves?"', () => {
    expect(contentTerms('do they keep copies themselves')).toEqual(contentTerms('do they keep copies'));
    expect(contentTerms('did he write it himself')).toEqual(contentTerms('did he write it'));
  });

  it('reads adverbs of time and manner as function words in French as in English ("maintenant" as "now", "ensemble" as "together")', () => {
    expect(contentTerms('le trafic passe par où maintenant')).toEqual(contentTerms('le trafic passe par où'));
    expect(contentTerms('depuis quand ils bossent ensemble')).toEqual(contentTerms('depuis quand ils bossent'));
    expect(contentTerms('is that stuff no longer kept')).toEqual(contentTerms('is that no kept'));
  });

  it('marks the last word of a sentence or clause, not the dots of "U.S."', () => {
    const ends = (text: string) =>
      analyze(text)
        .words.filter((w) => w.clauseEnd)
        .map((w) => w.word);
    expect(ends("I'm updating our risk register. TikTok mentioned a team: when was it set up?")).toEqual([
      'register',
      'team',
      'up',
    ]);
    expect(ends('is our U.S. data kept there')).toEqual([]);
  });

  it('reads chat shorthand as the word it stands for ("collab", "koi")', () => {
    expect(contentTerms('the tiktok oracle collab')).toEqual(contentTerms('the tiktok oracle collaboration'));
    expect(contentTerms("c koi l'histoire")).toEqual(contentTerms("c quoi l'histoire"));
  });

  it('reads "even" as emphasis, not a subject: "why would treasury even be involved" asks what "why would treasury be involved" asks', () => {
    expect(contentTerms('why would treasury even be involved')).toEqual(contentTerms('why would treasury be involved'));
  });

  it('keeps a stop word of one language only when the text has nothing else ("comment"; not "on", a stop word in both)', () => {
    expect(contentTerms('comment')).toEqual([stem('comment')]);
    expect(contentTerms('on')).toEqual([]);
  });
});

describe('the cues of a question: what kind of question it asks', () => {
  const cues = (text: string, language: 'en' | 'fr' = 'en') =>
    [
      ...questionCues(
        analyze(text, { language }).words.map((w) => w.word),
        language,
      ),
    ].sort();

  it('reads where, when, since when, who, why, how many and how in both languages', () => {
    expect(cues('where are the backups')).toEqual(['where']);
    expect(cues('les sauvegardes sont où', 'fr')).toEqual(['where']);
    expect(cues('et elles iraient où après ?', 'fr')).toEqual(['where']);
    expect(cues('since when has tiktok worked with oracle')).toEqual(['since']);
    expect(cues('depuis quand tiktok travaille avec oracle', 'fr')).toEqual(['since']);
    expect(cues('how long has it worked with oracle')).toEqual(['since']);
    expect(cues('what year was the order')).toEqual(['when']);
    expect(cues('who owns tiktok')).toEqual(['who']);
    expect(cues('pourquoi trump a ordonné la vente', 'fr')).toEqual(['why']);
    expect(cues('combien de serveurs', 'fr')).toEqual(['howmany']);
    expect(cues('comment tiktok protège les données', 'fr')).toEqual(['how']);
  });

  it('does not read the English noun "comment" or French "ou" (or) as a question', () => {
    expect(cues('did oracle comment')).toEqual([]);
    expect(cues('tiktok ou oracle', 'fr')).toEqual([]);
  });
});
