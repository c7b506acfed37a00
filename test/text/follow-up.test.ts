import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/text/analyze.ts';
import { readFollowUp, withoutOpening } from '../../src/text/follow-up.ts';

const read = (text: string) => readFollowUp(analyze(text).words);

describe('how a message reads after an answer', () => {
  it('asks about the answer itself: its source, who says it, how sure, when, why', () => {
    const about = (text: string) => read(text).about;
    expect(['source?', 'sources ?', 'where did they get that?', "d'où ça vient ?"].map(about)).toEqual([
      'source',
      'source',
      'source',
      'source',
    ]);
    for (const q of ['how did they get that?', 'ils ont eu ça comment ?']) expect(about(q), q).toBe('source');
    expect(about('how do I get access?')).toBeUndefined();
    expect(['based on what?', 'ils se basent sur quoi ?', "ils s'appuient sur quoi ?"].map(about)).toEqual([
      'source',
      'source',
      'source',
    ]);
    expect(about('who announced that?')).toBe('claimant');
    for (const q of ['what month?', 'quel mois ?']) expect(about(q), q).toBe('date');
    expect(about('What was their evidence?')).toBe('source');
    // What it is called: the answer says it in full.
    for (const q of ["ça s'appelle comment en anglais ?", 'le nom complet en anglais ?', "what's the full name?"])
      expect(about(q), q).toBe('detail');
    expect(about("what's it meant to do exactly?")).toBe('reason');
    expect(about('what was that supposed to achieve?')).toBe('reason');
    expect(about('why does that matter?')).toBe('reason');
    expect(about('Et ça pose problème ?')).toBe('reason');
    // "why would the Treasury even be involved?" asks what the Treasury's part is: read on its own.
    expect(read('why would the treasury even be involved?')).toMatchObject({ about: undefined, definition: true });
    expect(['who said that?', 'says who?', 'qui a dit ça ?', "c'est qui qui le dit ?"].map(about)).toEqual([
      'claimant',
      'claimant',
      'claimant',
      'claimant',
    ]);
    expect(about("is that the paper's reporting or an official statement?")).toBe('claimant');
    // Whether someone reacted, asked of them: not who made the answer's claim.
    for (const q of ['did they say anything to the press?', 'ont-ils dit quelque chose ?'])
      expect(about(q), q).not.toBe('claimant');
    expect(['is that just their claim?', "c'est juste ce qu'ils disent ?"].map(about)).toEqual([
      'claimant',
      'claimant',
    ]);
    expect(['when did they announce it?', "ils l'ont annoncé quand ?"].map(about)).toEqual(['date', 'date']);
    expect(
      [
        'is that confirmed by anyone independent?',
        "c'est sûr ?",
        'vraiment ?',
        'how reliable is that?',
        'fiable ?',
      ].map(about),
    ).toEqual(['certainty', 'certainty', 'certainty', 'certainty', 'certainty']);
    expect(['since when?', 'quand ça ?'].map(about)).toEqual(['date', 'date']);
    expect(about('il a dit ça où, dans un communiqué ?')).toBe('source');
    expect(['pourquoi ?', 'why are they doing that?', 'pourquoi cette date ?'].map(about)).toEqual([
      'reason',
      'reason',
      'reason',
    ]);
  });

  it('asks when the answer came, compared with something else it names ("did that come out before or after …?")', () => {
    for (const q of [
      "did that come out before or after tiktok's announcement?",
      "c'était avant ou après l'annonce d'Oracle ?",
      'TikTok a publié son annonce avant ou après ?',
    ]) {
      expect(read(q).about, q).toBe('date');
      expect(read(q).beforeOrAfter, q).toBeUndefined();
    }
    expect(read('was the buzzfeed report before or after the oracle announcement?').about).toBeUndefined();
    expect(readFollowUp(analyze('and before that?').words).beforeOrAfter).toBe('before');
    expect(readFollowUp(analyze('et après ?').words).beforeOrAfter).toBe('after');
    expect(readFollowUp(analyze('before or after?').words).beforeOrAfter).toBe('both');
    // What came after, naming a subject of its own; not "since when?".
    for (const q of [
      'et depuis, le gouvernement a continué ?',
      'since then, has the government kept looking?',
      "what has Biden's team done since?",
      "qu'a fait le gouvernement depuis ?",
    ])
      expect(read(q).sinceThen, q).toBe(true);
    for (const q of ['et depuis quand ?', 'depuis quand le gouvernement regarde ça ?'])
      expect(read(q).sinceThen, q).toBe(false);
  });

  it('points back at what was just said ("is it run from China?", "elle est dirigée d\'où ?")', () => {
    for (const q of ['is it run from China?', "elle est dirigée d'où ?"]) expect(read(q).points, q).toBe(true);
    expect(read('who owns tiktok?').points).toBe(false);
    // A relative "that" ("reporting that questioned …") points at nothing; "who made that public?" does.
    expect(read('Was there reporting that questioned whether US data was kept away from China?').points).toBe(false);
    expect(read('who made that public?').points).toBe(true);
  });

  it('ends asking the same of something else ("oracle non plus ?", "the Treasury too?")', () => {
    for (const q of ['oracle non plus ?', 'the Treasury too?', 'Oracle as well?', 'et le Trésor aussi ?'])
      expect(read(q).likewise, q).toBe(true);
    for (const q of ['oracle ?', 'is that too much?', 'plus de détails ?']) expect(read(q).likewise, q).toBe(false);
  });

  it('asks whether the answer holds despite something ("même avec Oracle ?", "even with Oracle?")', () => {
    for (const q of [
      'même avec Oracle ?',
      'et même avec Oracle ?',
      'even with Oracle in the picture?',
      'malgré Oracle ?',
    ])
      expect(read(q).likewise, q).toBe(true);
    expect(read('what happens even if they leave?').likewise).toBe(false);
  });

  it('asks the position of someone the answer names ("what\'s his role?"), not of something it names', () => {
    for (const q of ["what's his role?", 'quel est son poste ?', 'what role?', "what's his actual job there?"])
      expect(read(q).about, q).toBe('position');
    expect(read('what does he do?').about).toBe('position');
    expect(read('what does it do?').about).not.toBe('position');
    expect(read("what's the Treasury's role?").about).toBeUndefined();
    expect(read("what's its role in the deal?").about).toBeUndefined();
  });

  it('asks what a thing is ("c\'est quoi ce comité ?"), not when it asks what the answer rests on or aims at', () => {
    expect(read("c'est quoi ce comité ?").definition).toBe(true);
    expect(read('what is the committee?').definition).toBe(true);
    expect(read('What is the stated purpose of that move?').definition).toBe(false);
    expect(read('what is the source for that?').definition).toBe(false);
  });

  it('asks why the answer matters ("why does that matter?", "en quoi c\'est un souci ?"), or who is quoted saying it', () => {
    for (const q of ['why does that matter?', "en quoi c'est un souci ?", 'is that a problem?'])
      expect(read(q).about, q).toBe('reason');
    expect(read("who's quoted saying that?").about).toBe('claimant');
    expect(read('was that in the blog post or a separate statement?').about).toBe('claimant');
  });

  it('is not about the answer when it names a subject of its own', () => {
    expect(read('who said tiktok keeps backups?').about).toBeUndefined();
    expect(read('when was the unit created?').about).toBeUndefined();
    expect(read('why would the treasury even be involved?').about).toBeUndefined();
  });

  it('is elliptical when it opens with "and", points back ("it", "ça"), has a word or two, or asks the same of a few', () => {
    for (const text of [
      'and the backups?',
      'et à Singapour ?',
      'what about biden?',
      'when was it formed?',
      'et Oracle ?',
      'In-house people, or outside firms too?',
      "uniquement tiktok ou d'autres boîtes chinoises aussi ?",
    ])
      expect(read(text).elliptical, text).toBe(true);
    expect(read('does tiktok route all us user traffic through oracle servers').elliptical).toBe(false);
    expect(read('does tiktok route all us user traffic through oracle servers too?').elliptical).toBe(false);
  });

  it('opens with words that tie it to the conversation ("ok, and…", "et…", "what about…"), which say nothing of its subject', () => {
    const rest = (text: string) => withoutOpening(analyze(text).words).map((w) => w.word);
    expect(rest('ok, and the backups?')).toEqual(['the', 'backups']);
    expect(rest('et les sauvegardes ?')).toEqual(['les', 'sauvegardes']);
    expect(rest('and what about biden?')).toEqual(['biden']);
    expect(rest('where are the backups')).toEqual(['where', 'are', 'the', 'backups']);
  });

  it('changes the subject when it says so, whatever else it says', () => {
    for (const text of [
      'different question, who owns tiktok?',
      'autre chose : le CFIUS, c’est quoi ?',
      'ok thanks. unrelated, is the printer fixed?',
      'rien à voir : et les sauvegardes ?',
    ]) {
      expect(read(text).newTopic, text).toBe(true);
      expect(read(text).elliptical, text).toBe(false);
    }
  });
});
