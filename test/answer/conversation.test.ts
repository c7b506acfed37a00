import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  evaluateConversations,
  formatConversationReport,
  parseConversationSet,
  type TurnKind,
} from '../../src/answer/evaluate.ts';
import { contextAfter } from '../../src/answer/engine.ts';
import { createAnswerer } from '../../src/answer/answerer.ts';
import { REPO, SHIPPED_KNOWLEDGE_DIR, fixtureAnswerer, knowledgeFiles, snapshotOf } from '../helpers.ts';

const answerer = fixtureAnswerer();
const after = (previous: string, question: string) => answerer.ask(question, { previous });

describe('a question after an answer (the frozen knowledge base)', () => {
  it('about the answer itself ("who said that?", "source?", "c\'est sûr ?") is answered with that fact', () => {
    for (const [q, about] of [
      ['who said that?', 'claimant'],
      ['source?', 'source'],
      ["c'est sûr ?", 'certainty'],
      ['since when?', 'date'],
      ['how recent is that, supposedly?', 'date'],
      ['what does it do?', 'reason'],
      ["d'après qui ?", 'claimant'],
      ['according to whom?', 'claimant'],
      ["where's that from?", 'source'],
      ['how do we know?', 'certainty'],
      ['comment on le sait ?', 'certainty'],
      ['what year?', 'date'],
      ['more details?', 'detail'],
      ["who's quoted on that?", 'claimant'],
      ["ils tiennent ça d'où ?", 'source'],
      ['tu peux développer ?', 'detail'],
      ['sur quoi exactement ?', 'detail'],
      ['like what?', 'detail'],
      ["c'est-à-dire ?", 'detail'],
      ['ça sert à quoi ?', 'reason'],
      ["c'est pour quoi faire ?", 'reason'],
      ["c'est annoncé où ?", 'source'],
      ["c'est une déclaration officielle ?", 'claimant'],
      ["c'est qui qui l'a annoncé ?", 'claimant'],
      ['where was that announced?', 'source'],
      ['who made that statement?', 'claimant'],
      ['quel est son objectif ?', 'reason'],
      ['dans quel but ?', 'reason'],
      ['sûr ?', 'certainty'],
      ["t'es sûr ?", 'certainty'],
      ["what's it short for?", 'detail'],
      ['What was the rationale?', 'reason'],
      ["Sur quelles sources l'article s'appuyait-il ?", 'source'],
      ["Who made that statement on TikTok's behalf?", 'claimant'],
      ['Quel est son objectif affiché ?', 'reason'],
      ['how did they know?', 'source'],
    ] as const) {
      const d = after('backups-retained', q);
      expect(d, q).toMatchObject({ status: 'answered', fact: { id: 'backups-retained' } });
      expect(d.followUp, q).toEqual({ previous: 'backups-retained', used: true, about });
    }
  });

  it('asking since when "it" exists, or where things stand "là-dessus", is asked of the answer, not of a fact that only has the verb', () => {
    // "exist" and "là-dessus" say nothing of a subject: one example question of another fact reading
    // "quelle coopération existe…" is no reason to answer with that fact.
    expect(after('governance-unit-may', 'Depuis quand existe-t-elle ?')).toMatchObject({
      status: 'answered',
      fact: { id: 'governance-unit-may' },
    });
    expect(after('governance-unit-may', 'how long has it existed?').fact?.id).not.toBe('oracle-relationship');
    expect(after('sale-order-2020', 'et biden, il en est où là-dessus ?').fact?.id).toBe('biden-review');
    // What about a name the answer names: "qu'en est-il d'Oracle ?" after who declined to comment.
    expect(after('no-comment', "Qu'en est-il d'Oracle ?").fact?.id).toBe('no-comment');
    expect(after('cfius', 'and what did the treasury say?').fact?.id).toBe('no-comment');
    // The exact day, of an answer that gives a year: what it lacks, said.
    const day = after('sale-order-2020', "c'était quelle date exacte le décret ?");
    expect(day.status).toBe('unknown');
    expect(day.ranking[0]?.lacks).toEqual(['day']);
    expect(after('sale-order-2020', 'when was that?').fact?.id).toBe('sale-order-2020');
    // Whether it holds even so: "même si le trafic passe par oracle ?" after TikTok keeping its backups.
    expect(after('backups-retained', 'même si le trafic passe par oracle ?').fact?.id).toBe('backups-retained');
    // What came before, naming its own subject: the related fact earlier in time that those words fit.
    for (const q of ['et avant biden, trump avait fait quoi ?', 'what did Trump do before that?'])
      expect(after('biden-review', q), q).toMatchObject({ status: 'answered', fact: { id: 'sale-order-2020' } });
    // Nor does "afterwards", as "after" does not.
    expect(after('deletion-plan', 'Where would the data reside afterwards?').fact?.id).toBe('deletion-plan');
  });

  it('asking how the answer\'s subject stands to something it does not name ("does he report to the new US unit?") is not answered, and offers both facts', () => {
    for (const [previous, q, other] of [
      ['oracle-relationship', 'does he report to the new US unit?', 'governance-unit-may'],
      ['governance-unit-may', 'elle dépend de ByteDance ?', 'bytedance-ownership'],
      ['governance-unit-may', 'is it independent from bytedance?', 'bytedance-ownership'],
    ] as const) {
      const d = after(previous, q);
      expect(d.status, q).toBe('unknown');
      expect(d.ranking[0]?.lacks, q).toEqual(['relation']);
      expect(
        d.suggestions.map((f) => f.id),
        q,
      ).toEqual([previous, other]);
    }
    // Not when what it stands to is the answer's own subject ("is the Treasury part of it?" after CFIUS).
    expect(after('cfius', 'is the Treasury part of it?')).toMatchObject({ status: 'answered', fact: { id: 'cfius' } });
  });

  it('pointing back at the answer in a word of its own ("is it run from China?" after the US-led unit), when nothing answers it alone, is about that answer', () => {
    for (const q of ['is it led from China?', 'is it headed from China?']) {
      const d = after('governance-unit-may', q);
      expect(d, q).toMatchObject({ status: 'answered', fact: { id: 'governance-unit-may' } });
      expect(d.followUp?.linked, q).toBe('points');
    }
    // Not where, which that answer does not say, nor what it lacks, nor the same asked of something else.
    expect(after('backups-retained', 'where are they kept?').fact?.id).toBe('backup-locations');
    expect(after('governance-unit-may', 'is it encrypted?').status).toBe('unknown');
    expect(after('oracle-routing', 'Does that cover European users too?').fact?.id).not.toBe('oracle-routing');
  });

  it('asking why, pointing back in a word the previous answer lacks and one fact linked to it gives a reason for, is answered by that fact', () => {
    // The frozen knowledge base, with "ça pose problème" read as complicating, as the shipped one reads it.
    const files = knowledgeFiles();
    files.set(
      'synonyms.yaml',
      files
        .get('synonyms.yaml')!
        .replace(/^one_way:\n/m, 'one_way:\n  - words: [pose problème]\n    means: complicate\n'),
    );
    const reading = createAnswerer(snapshotOf(files));
    const q = 'pourquoi ça pose problème ?';
    // Where the backups are gives no reason; that keeping them could complicate the effort does.
    const d = reading.ask(q, { previous: 'backup-locations' });
    expect(d).toMatchObject({ status: 'answered', fact: { id: 'backups-retained' } });
    expect(d.followUp?.linked).toBe('related');
    // "why?" alone points at nothing the linked fact has: refused, saying the answer gives no reason.
    expect(reading.ask('pourquoi ?', { previous: 'backup-locations' }).status).toBe('unknown');
  });

  it('asking whether "they" reacted, after an answer naming someone who does not speak in it, is answered by the fact linked to it in which they do', () => {
    // CFIUS, on which the Treasury sits; the Treasury declined to comment (no-comment, linked to it).
    for (const q of ['did they say anything to the press?', 'et il a dit quelque chose sur TikTok ?']) {
      expect(answerer.ask(q).status, q).not.toBe('answered');
      const d = after('cfius', q);
      expect(d, q).toMatchObject({ status: 'answered', fact: { id: 'no-comment' } });
      expect(d.followUp?.linked, q).toBe('speaker');
    }
    // No one the answer names speaks in a linked fact: read as before.
    expect(after('governance-unit-may', 'did they say anything to the press?').fact?.id).not.toBe('no-comment');
  });

  it('asking what it is called ("le nom complet en anglais ?") is answered by the answer that names it, refused by one that names no one', () => {
    for (const q of ["ça s'appelle comment en anglais ?", 'le nom complet en anglais ?'])
      expect(after('cfius', q), q).toMatchObject({ status: 'answered', fact: { id: 'cfius' } });
    expect(after('governance-unit-may', "what's his full name?")).toMatchObject({
      status: 'unknown',
      ranking: [{ id: 'governance-unit-may', lacks: ['name'] }],
    });
  });

  it('asking how sure the answer is, when it asks for an audit the answer does not tell of, is refused saying so', () => {
    const d = after('deletion-plan', 'will anyone independently verify it was actually deleted?');
    expect(d).toMatchObject({ status: 'unknown', ranking: [{ id: 'deletion-plan', lacks: ['certification'] }] });
    expect(after('oracle-routing', 'is that confirmed by anyone independent?').fact?.id).toBe('oracle-routing');
  });

  it('asking whether the answer holds despite something it names ("même avec Oracle ?") is about that answer', () => {
    for (const q of ['même avec Oracle ?', 'even with Oracle?'])
      expect(after('backups-retained', q), q).toMatchObject({ status: 'answered', fact: { id: 'backups-retained' } });
  });

  it('asking the same of something the previous answer names ("oracle non plus ?", "the Treasury too?") is about that answer', () => {
    for (const q of ['oracle non plus ?', 'oracle either?', 'the treasury too?']) {
      const d = after('no-comment', q);
      expect(d, q).toMatchObject({ status: 'answered', fact: { id: 'no-comment' } });
      expect(d.followUp?.linked, q).toBe('same');
    }
    // Something the previous answer does not name: read as any follow-up.
    expect(after('oracle-routing', 'the backups too?').fact?.id).toBe('backups-retained');
  });

  it('"et depuis, …" naming a subject is a later related fact its words fit, not the previous one again', () => {
    for (const q of [
      'Et depuis, le gouvernement américain a continué à regarder le dossier ?',
      'since then, has the government kept looking at it?',
    ])
      expect(after('sale-order-2020', q), q).toMatchObject({ status: 'answered', fact: { id: 'biden-review' } });
    // Since when is the previous answer's date, not what came after it.
    expect(after('sale-order-2020', 'et depuis quand ?').fact?.id).toBe('sale-order-2020');
  });

  it('asking someone\'s position ("what\'s his role?") is answered by the previous answer when it names a position, read as any message when not', () => {
    for (const q of [
      "what's his role?",
      "what's his role there?",
      "c'est quoi son rôle ?",
      'What does he do at TikTok?',
      'which division is the guy quoted from?',
      'Who said that, and what is their role?',
    ]) {
      const d = after('oracle-relationship', q);
      expect(d, q).toMatchObject({ status: 'answered', fact: { id: 'oracle-relationship' } });
      expect(d.followUp?.about, q).toBe('position');
    }
    // The 2020 order names nobody's position: not answered with it.
    const d = after('sale-order-2020', "what's his role?");
    expect(d.followUp?.about).toBeUndefined();
    expect(d.fact?.id).not.toBe('sale-order-2020');
    // Something else than a position: refused as before.
    expect(after('oracle-relationship', 'got his email address?').status).toBe('unknown');
  });

  it('asking whether another party confirmed it ("has oracle confirmed it?") is a question of its own, not how sure the answer is', () => {
    for (const q of ['has oracle confirmed it?', "c'est confirmé par oracle ?", 'has the treasury confirmed?']) {
      const d = after('oracle-routing', q);
      expect(d.fact?.id, q).not.toBe('oracle-routing');
      expect(d.followUp?.about, q).toBeUndefined();
    }
    for (const q of ['is that confirmed by anyone independent?', 'is it confirmed by tiktok?'])
      expect(after('oracle-routing', q).followUp?.about, q).toBe('certainty');
  });

  it('asking who says it in the words of the knowledge base\'s whole subject ("TikTok"), or of that answer\'s own title, is still about that answer; a word of another fact is not', () => {
    for (const q of ["is that tiktok's word or the press?", "c'est TikTok qui le dit ou la presse ?"]) {
      const d = after('deletion-plan', q);
      expect(d, q).toMatchObject({ status: 'answered', fact: { id: 'deletion-plan' } });
      expect(d.followUp, q).toEqual({ previous: 'deletion-plan', used: true, about: 'claimant' });
    }
    // Naming the answer's own claimant or subject does not make it another question.
    const own = after('buzzfeed-report', "c'est confirmé ou c'est juste ce que dit BuzzFeed ?");
    expect(own).toMatchObject({ status: 'answered', fact: { id: 'buzzfeed-report' } });
    expect(own.followUp?.about).toBeDefined();
    expect(after('oracle-routing', 'is that just what buzzfeed says?').followUp?.about).toBeUndefined();
    // A word of that answer's own text: it says the backups could complicate the effort.
    expect(after('backups-retained', 'why would that complicate things?')).toMatchObject({
      status: 'answered',
      fact: { id: 'backups-retained' },
      followUp: { about: 'reason' },
    });
    // The Treasury is in the CFIUS fact, not in most facts: asking what it said is another fact's question.
    expect(after('cfius', 'and what did the treasury say?').fact?.id).toBe('no-comment');
  });

  it('that is elliptical is read with the previous answer, when it cannot be answered alone', () => {
    for (const [previous, q] of [
      ['governance-unit-may', "ok, and what's it supposed to do?"],
      ['deletion-plan', 'pour aller où ?'],
    ] as const) {
      expect(answerer.ask(q).status, q).not.toBe('answered');
      const d = after(previous, q);
      expect(d, q).toMatchObject({ status: 'answered', fact: { id: previous } });
      expect(d.followUp?.used, q).toBe(true);
      expect(
        d.terms.some((t) => t.context),
        q,
      ).toBe(true);
    }
  });

  it('that two facts explain as well, their word pairs deciding alone, goes to the one linked to the previous answer', () => {
    for (const q of ['and the backups?', 'et les sauvegardes ?']) {
      expect(answerer.ask(q).fact?.id, q).toBe('backup-locations');
      const d = after('oracle-routing', q);
      expect(d, q).toMatchObject({ status: 'answered', fact: { id: 'backups-retained' } });
      expect(d.followUp, q).toEqual({ previous: 'oracle-routing', used: true, linked: 'tie' });
    }
    // Asking where: never the fact that says not where ("et les sauvegardes, elles sont où ?").
    expect(after('oracle-routing', 'et les sauvegardes, elles sont où ?').fact?.id).not.toBe('backups-retained');
    // Both are linked to the deletion plan: nothing to choose by, so the question's own reading stands.
    expect(after('deletion-plan', 'et les sauvegardes ?').fact?.id).toBe('backup-locations');
    // Asked back when read alone, between two facts its words fit as well: the conversation chooses, and
    // follows the answer ("où ça ?" then asks where the backups are).
    const q = 'and the backups, are they gone?';
    const alone = answerer.ask(q);
    expect([alone.status, alone.suggestions[0]?.id]).toEqual(['clarify', 'backup-locations']);
    const chosen = after('oracle-routing', q);
    expect(chosen).toMatchObject({ status: 'answered', fact: { id: 'backups-retained' } });
    expect(chosen.suggestions[0]?.id).toBe('backup-locations');
    expect(contextAfter({ previous: 'oracle-routing' }, chosen)).toMatchObject({ previous: 'backups-retained' });
  });

  it('asking where, after a fact that says not where, is answered by the one fact linked to it that does', () => {
    for (const q of ['where?', 'où ça ?', 'where are those kept?']) {
      expect(answerer.ask(q).status, q).not.toBe('answered');
      const d = after('backups-retained', q);
      expect(d, q).toMatchObject({ status: 'answered', fact: { id: 'backup-locations' } });
      expect(d.followUp?.used, q).toBe(true);
    }
    // The routing fact says where the traffic goes: "where?" is about it, and answered by it.
    expect(after('oracle-routing', 'where?')).toMatchObject({ status: 'answered', fact: { id: 'oracle-routing' } });
    // A related fact saying where something else is does not answer it: after the unit created in May,
    // where the traffic goes is not where the unit is.
    expect(after('governance-unit-may', 'where?').fact?.id).not.toBe('oracle-routing');
    // An answer saying where something is led from says where; "based" says no more than "where" then.
    for (const q of ['based where?', 'where is it based?', "c'est piloté d'où ?"])
      expect(after('governance-unit-may', q), q).toMatchObject({
        status: 'answered',
        fact: { id: 'governance-unit-may' },
      });
    expect(after('buzzfeed-report', "what's that based on?").fact?.id).toBe('buzzfeed-report');
    // So does an answer naming where ("servers located in the US"), though none of its questions asks where.
    expect(after('deletion-plan', "and where's the data supposed to end up instead?").fact?.id).toBe('deletion-plan');
    // Where something comes from asks for a source; a place the linked fact does not name is refused.
    expect(after('backups-retained', 'where did that come from?').fact?.id).toBe('backups-retained');
    expect(after('backups-retained', 'ok thanks, where is the cafeteria?').status).not.toBe('answered');
  });

  it('asking whether it still holds today is refused, saying the answer does not say; how recent it was is the answer', () => {
    for (const [previous, q] of [
      ['oracle-routing', 'is that still true today?'],
      ['buzzfeed-report', "est-ce que c'est encore le cas aujourd'hui ?"],
    ] as const) {
      const d = after(previous, q);
      expect(d.status, q).toBe('unknown');
      expect(d.ranking[0]?.lacks, q).toContain('current');
    }
    expect(after('buzzfeed-report', "Et cet accès, c'était encore le cas récemment ?").fact?.id).toBe(
      'buzzfeed-report',
    );
  });

  it('pointing back in a word of the answer’s own, with a name no fact knows, is about that name, not the answer', () => {
    for (const [previous, q] of [
      ['backups-retained', 'is that a GDPR problem?'],
      ['oracle-relationship', "il a quel poste exactement, c'est un VP ?"],
    ] as const)
      expect(after(previous, q).status, q).not.toBe('answered');
    expect(after('backup-locations', 'Singapore? Seriously? who made that public?').fact?.id).toBe('backup-locations');
  });

  it('asking what is planned, after a fact that plans nothing, is answered by the fact linked to it that does', () => {
    for (const q of ['Is that supposed to change at some point?', 'et à terme, ça va rester comme ça ?']) {
      const d = after('backup-locations', q);
      expect(d, q).toMatchObject({ status: 'answered', fact: { id: 'deletion-plan' } });
      expect(d.followUp?.linked, q).toBe('plan');
    }
  });

  it('pointing back in a word the previous answer lacks and one fact linked to it has, is answered by that fact', () => {
    // Where the backups are says nothing of the Oracle plan; that keeping them could complicate it does.
    const q = "Doesn't that undercut the whole Oracle arrangement?";
    expect(answerer.ask(q).status).not.toBe('answered');
    const d = after('backup-locations', q);
    expect(d).toMatchObject({ status: 'answered', fact: { id: 'backups-retained' } });
    expect(d.followUp).toEqual({ previous: 'backup-locations', used: true, linked: 'related' });
    // "do they still have copies?" after the routing answer, which names no copy: those TikTok keeps.
    expect(answerer.ask('do they still have copies?').status).toBe('clarify');
    expect(after('oracle-routing', 'do they still have copies?').fact?.id).toBe('backups-retained');
    // Not when a word no fact has may be the one that says which ("problem", unknown to this knowledge base).
    expect(after('backup-locations', "and isn't that a problem for the whole oracle plan?").fact?.id).toBeUndefined();
    // Not when it points at the people in that answer: what the Biden administration concluded is not
    // the 2020 deal that "never materialised".
    expect(after('biden-review', 'ils ont conclu quoi ?').fact?.id).not.toBe('sale-order-2020');
    // Not when it asks for something: who made it is no yes or no about that answer.
    expect(after('oracle-relationship', 'Who made that statement, and in what role?').fact?.id).not.toBe('no-comment');
  });

  it('reads "we" pointing back at the answer just given as the organisation it was about, unless set apart', () => {
    expect(answerer.ask('ok and do we still keep our own copies of that data?').status).toBe('unknown');
    expect(after('oracle-routing', 'ok and do we still keep our own copies of that data?').fact?.id).toBe(
      'backups-retained',
    );
    expect(after('oracle-routing', 'and do we keep copies of that data too?').status).not.toBe('answered');
  });

  it('asking whether someone reacted, after a fact in which they do not speak, is answered by the fact linked to it in which they do', () => {
    for (const q of ['tiktok a réagi ?', 'and how did TikTok respond?']) {
      const d = after('buzzfeed-report', q);
      expect(d, q).toMatchObject({ status: 'answered', fact: { id: 'security-experts' } });
      expect(d.followUp?.linked, q).toBe('speaker');
    }
    // The party speaks in the previous answer: that answer's own business, no link.
    expect(after('no-comment', 'did the White House respond?').followUp?.linked).not.toBe('speaker');
    // Nobody related speaks for the party: refused, not bent to a related fact.
    expect(after('buzzfeed-report', 'how did the Chinese government respond?').status).not.toBe('answered');
  });

  it("asking what came before or after the answer's subject, naming nothing else, gets its related fact nearest in time on that side, or is asked back with its related facts", () => {
    expect(answerer.ask('and before biden?').fact?.id).toBe('biden-review');
    // The Biden review is dated by its source (2022); the 2020 order, related to it, by the year it gives.
    for (const q of ['and before biden?', 'et avant lui ?']) {
      const d = after('biden-review', q);
      expect(d, q).toMatchObject({ status: 'answered', fact: { id: 'sale-order-2020' } });
      expect(d.followUp?.linked, q).toBe('around');
    }
    // Nothing related comes later, or one side only is not said: asked back with the related facts.
    for (const q of ['and after that?', 'before or after?']) {
      const d = after('biden-review', q);
      expect(d.status, q).toBe('clarify');
      expect(
        d.suggestions.map((f) => f.id),
        q,
      ).toEqual(['sale-order-2020', 'cfius']);
    }
    // Two related facts as near on that side: asked back.
    expect(after('sale-order-2020', 'and after that?').status).toBe('clarify');
    // Naming something else, it is read as any follow-up.
    expect(after('biden-review', 'and before that, what did Trump order in 2020?').fact?.id).toBe('sale-order-2020');
  });

  it('that stands alone, or says it changes the subject, is read alone: a new topic is never bent', () => {
    const alone = answerer.ask('who owns tiktok?');
    const afterOther = after('oracle-routing', 'who owns tiktok?');
    expect(afterOther.fact?.id).toBe(alone.fact?.id);
    expect(afterOther.followUp).toEqual({ previous: 'oracle-routing', used: false });
    expect(after('oracle-routing', 'autre chose : le CFIUS, c’est quoi ?').fact?.id).toBe('cfius');
  });

  it('asking why, is answered by the previous answer when it gives a cause or an aim, and refused saying so when not', () => {
    for (const [previous, q] of [
      ['sale-order-2020', 'why?'],
      ['oracle-routing', 'pourquoi ?'],
      ['governance-unit-may', 'why?'],
      ['oracle-routing', "what's the point of doing that?"],
      ['oracle-routing', "what's the aim?"],
    ] as const)
      expect(after(previous, q), q).toMatchObject({ status: 'answered', fact: { id: previous } });
    for (const [previous, q] of [
      ['biden-review', 'why?'],
      ['bytedance-ownership', 'pourquoi ?'],
    ] as const) {
      const d = after(previous, q);
      expect(d.status, q).toBe('unknown');
      expect(d.ranking[0], q).toMatchObject({ id: previous, lacks: ['reason'] });
      expect(d.followUp, q).toMatchObject({ about: 'reason' });
    }
    // What something does is what the answer says, reason or not.
    expect(after('cfius', 'what does it do exactly?').fact?.id).toBe('cfius');
  });

  it("made only of the previous answer's own words, is about that answer, unless it opens on something else, asks where it says not, or asks what it lacks", () => {
    for (const [previous, q] of [
      ['biden-review', 'only tiktok or other chinese companies too?'],
      ['biden-review', 'just tiktok or other companies as well?'],
      ['biden-review', "que tiktok ou d'autres boites chinoises aussi ?"],
      ['oracle-relationship', 'which team is he on?'],
    ] as const) {
      expect(answerer.ask(q).fact?.id, q).not.toBe(previous);
      const d = after(previous, q);
      expect(d, q).toMatchObject({ status: 'answered', fact: { id: previous } });
      expect(d.followUp, q).toEqual({ previous, used: true, linked: 'same' });
    }
    // What a thing the answer only named is ("c'est quoi ce comité…?" after the Treasury declined to
    // comment) is not that answer; what "it" does still is.
    const committee = after('no-comment', "c'est quoi ce comité dont il fait partie ?");
    expect(committee.fact?.id).not.toBe('no-comment');
    expect(committee.fact?.id ?? committee.suggestions[0]?.id).toBe('cfius');
    expect(after('governance-unit-may', "what's it supposed to do?").fact?.id).toBe('governance-unit-may');
    // Words of the whole knowledge base's subject only ask about no answer in particular, unless the
    // message is elliptical and asks where, when or who, which that answer says: "where would the data go
    // instead?" after the plan to move it to Oracle's US servers, which read alone goes to the routing fact.
    expect(after('backups-retained', 'tiktok data').followUp?.linked).toBeUndefined();
    const instead = 'where would the data go instead?';
    expect(answerer.ask(instead).fact?.id).not.toBe('deletion-plan');
    expect(after('deletion-plan', instead)).toMatchObject({ status: 'answered', fact: { id: 'deletion-plan' } });
    expect(after('deletion-plan', instead).followUp?.linked).toBe('same');
    // "and…" asks the same of something else; "where" after an answer that says not where; a figure it lacks.
    expect(after('cfius', 'and what did the treasury say?').fact?.id).toBe('no-comment');
    expect(after('backups-retained', 'where are those kept?').fact?.id).toBe('backup-locations');
    expect(after('backups-retained', 'how many backups?').status).toBe('unknown');
    // A word no fact explains ("market cap") is not made an answer by the conversation.
    expect(after('oracle-relationship', "what's oracle's market cap?").status).not.toBe('answered');
  });

  it('made of nothing but function words ("to whom?", "et à qui ?"), is asked back with the previous answer, not answered', () => {
    for (const q of ['to whom?', 'et à qui ?', 'why not?', 'pourquoi pas ?']) {
      expect(answerer.ask(q).suggestions, q).toEqual([]);
      const d = after('sale-order-2020', q);
      expect(d.status, q).toBe('clarify');
      expect(
        d.suggestions.map((f) => f.id),
        q,
      ).toEqual(['sale-order-2020']);
      expect(d.followUp, q).toEqual({ previous: 'sale-order-2020', used: true });
    }
  });

  it('made of function words but asking for a kind of answer, is answered by the previous answer when it gives it, and refused saying what it lacks when not', () => {
    for (const q of [
      'and did it go through?',
      'did it ever go through?',
      "ça s'est fait finalement ?",
      'ça a abouti ?',
    ])
      expect(after('sale-order-2020', q), q).toMatchObject({ status: 'answered', fact: { id: 'sale-order-2020' } });
    for (const q of ['and did it go through?', "ça s'est fait finalement ?"]) {
      const other = after('deletion-plan', q);
      expect(other.status, q).toBe('unknown');
      expect(other.ranking[0], q).toMatchObject({ id: 'deletion-plan', lacks: ['outcome'] });
      expect(
        other.suggestions.map((f) => f.id),
        q,
      ).toEqual(['deletion-plan']);
    }
    for (const [previous, q, kind] of [
      ['sale-order-2020', 'pour combien ?', 'quantity'],
      ['sale-order-2020', 'how much?', 'quantity'],
      ['security-experts', 'who are they?', 'name'],
      ['security-experts', "c'est qui eux ?", 'name'],
      ['security-experts', 'lesquels ?', 'name'],
    ] as const) {
      const d = after(previous, q);
      expect(d.status, q).toBe('unknown');
      expect(d.ranking[0], q).toMatchObject({ id: previous, lacks: [kind] });
    }
    // After a message that got no answer, the older answer is only offered, even when it would give it.
    const offered = answerer.ask('did it go through?', { previous: 'sale-order-2020', unanswered: true });
    expect(offered.status).toBe('clarify');
  });

  it('about "the answer" just after a message that got none ("source?", "quand ça ?") is not taken as about the answer before it', () => {
    for (const q of ['who said that?', 'quand ça ?', 'source?']) {
      const d = answerer.ask(q, { previous: 'security-experts', unanswered: true });
      expect(d.status, q).toBe('clarify');
      expect(
        d.suggestions.map((f) => f.id),
        q,
      ).toEqual(['security-experts']);
    }
    // An elliptical follow-up still reads the older answer as the conversation's subject.
    expect(answerer.ask('pour aller où ?', { previous: 'deletion-plan', unanswered: true }).fact?.id).toBe(
      'deletion-plan',
    );
  });

  it('after a first message that got "did you mean …?", a follow-up leaning on the fact offered accepts it', () => {
    const first = answerer.ask("TikTok c'est chinois ?");
    expect(first.status).toBe('clarify');
    const offered = first.suggestions[0]!.id;
    const context = contextAfter(undefined, first);
    expect(context).toEqual({ previous: offered, unanswered: true, offered: true });
    // "source ?" is about the fact offered, as after an answer; so is a question its words and the fact's answer.
    expect(answerer.ask('source ?', context)).toMatchObject({ status: 'answered', fact: { id: offered } });
    const unit = contextAfter(
      undefined,
      answerer.ask('tiktok a monté une équipe dédiée à la sécu des données des américains ?'),
    );
    expect(unit).toMatchObject({ previous: 'governance-unit-may', offered: true });
    expect(answerer.ask('elle date de qd ?', unit)).toMatchObject({
      status: 'answered',
      fact: { id: 'governance-unit-may' },
    });
    // So is a question in that fact's own words and the whole knowledge base's ("where would the data go
    // instead?" after the plan to move it), however it opens.
    const plan = { previous: 'deletion-plan', unanswered: true, offered: true } as const;
    for (const c of [plan, { previous: 'deletion-plan' }])
      expect(answerer.ask('And where would the data go instead?', c)).toMatchObject({
        status: 'answered',
        fact: { id: 'deletion-plan' },
      });
    // A message clear on its own is read on its own, not bent toward it.
    expect(answerer.ask('what did Trump order in 2020?', context)).toMatchObject({
      fact: { id: 'sale-order-2020' },
      followUp: { used: false },
    });
    // An answer then makes it a conversation like any other; "I don't know" at the start leaves nothing to follow.
    const answered = answerer.ask('who owns tiktok?', context);
    expect(contextAfter(context, answered)).toEqual({ previous: answered.fact!.id });
    expect(contextAfter(undefined, answerer.ask('quelle météo à Singapour ?'))).toBeUndefined();
  });

  it('after a later message read on its own that got "did you mean …?", follows the fact it offered', () => {
    const routing = { previous: 'oracle-routing' };
    const vague = answerer.ask('are there still copies?', routing);
    expect(vague).toMatchObject({ status: 'clarify', followUp: { used: false } });
    const context = contextAfter(routing, vague);
    expect(context).toEqual({ previous: vague.suggestions[0]!.id, unanswered: true, offered: true });
    // Not when the fact was offered only for having the message's one word, unlikely as it is.
    const unit = { previous: 'governance-unit-may' };
    const based = answerer.ask('what is it based on?', unit);
    expect(based.status).toBe('clarify');
    expect(based.score).toBeLessThan(answerer.engine.options.clarifyThreshold);
    expect(contextAfter(unit, based)).toEqual({ previous: 'governance-unit-may', unanswered: true });
    // A follow-up about the previous answer that got "did you mean" keeps that answer as the subject.
    const about = answerer.ask('did it go through?', { previous: 'sale-order-2020', unanswered: true });
    expect(about).toMatchObject({ status: 'clarify', followUp: { used: true } });
    expect(contextAfter({ previous: 'sale-order-2020' }, about)).toEqual({
      previous: 'sale-order-2020',
      unanswered: true,
    });
  });

  it('asking where with no word of its own, after a fact that says where, is answered by it; not read as what came after', () => {
    for (const q of ['et elles iraient où après ?', 'et elles iraient où ensuite ?']) {
      const d = after('deletion-plan', q);
      expect(d, q).toMatchObject({ status: 'answered', fact: { id: 'deletion-plan' } });
    }
  });

  it('asking a name the previous answer does not give ("which firms?" after the experts), is refused saying so, not asked back with another fact', () => {
    for (const q of ['which firms?', 'which firms tho?']) {
      const d = after('security-experts', q);
      expect(d.status, q).toBe('unknown');
      expect(
        d.suggestions.map((f) => f.id),
        q,
      ).toEqual(['security-experts']);
      expect(d.ranking[0]?.lacks, q).toContain('name');
    }
  });

  it('asking how long, after a fact that gives no length of time, is refused saying so, not answered by another fact', () => {
    for (const q of ['for how long?', 'combien de temps ?']) {
      const d = after('backup-locations', q);
      expect(d.status, q).toBe('unknown');
      expect(d.ranking[0]?.lacks, q).toContain('duration');
    }
    expect(after('oracle-relationship', 'for how long?')).toMatchObject({
      status: 'answered',
      fact: { id: 'oracle-relationship' },
    });
  });

  it('that asks what the previous fact does not give, or about something else, is refused as before', () => {
    for (const q of [
      'how much did that cost?',
      'and his salary?',
      'ok thanks, where is the cafeteria?',
      'et en Europe ?',
      'is it legal?',
      'did it work?',
    ])
      expect(after('oracle-routing', q).status, q).not.toBe('answered');
    expect(after('governance-unit-may', 'who leads it?').status).not.toBe('answered');
    expect(after('bytedance-ownership', 'qui dirige cette société ?').status).not.toBe('answered');
  });
});

describe('a question after an answer (the shipped knowledge base)', () => {
  const shipped = createAnswerer(snapshotOf(knowledgeFiles(SHIPPED_KNOWLEDGE_DIR)));
  const afterShipped = (previous: string, question: string) => shipped.ask(question, { previous });

  it('opening on "and…" but ending pointing back at the answer ("and the Treasury\'s on it?") is about that answer', () => {
    expect(afterShipped('cfius', "and treasury's on it?")).toMatchObject({ status: 'answered', fact: { id: 'cfius' } });
    // Not a pointing word inside, of the thing just named: "and the Treasury, did it say anything?".
    expect(afterShipped('cfius', 'and the treasury, did it say anything?').fact?.id).toBe('no-comment');
  });

  it('pointing back in words that name nothing, answered alone by a fact unrelated to the answer ("what\'s their role?"), offers that fact, never gives it', () => {
    const d = afterShipped('oracle-routing', "what's their role?");
    expect(shipped.ask("what's their role?").status).toBe('answered');
    expect(d.status).toBe('clarify');
    expect(d.suggestions[0]?.id).toBe(shipped.ask("what's their role?").fact?.id);
    // Not when it names that fact's own subject: "Where is that unit led from?".
    expect(afterShipped('oracle-routing', 'Where is that unit led from?').fact?.id).toBe('governance-unit-may');
  });
});

/** A conversation set of test/fixtures, asked in order and each turn alone, with the share right by kind. */
function scored(file: string) {
  const set = parseConversationSet(readFileSync(join(REPO, 'test', 'fixtures', file), 'utf8'));
  const report = evaluateConversations(set, answerer.ask);
  const alone = evaluateConversations(set, (q) => answerer.ask(q));
  const share = (kind: TurnKind, of = report) => of.byKind[kind].right / Math.max(1, of.byKind[kind].questions);
  return { report, alone, share, summary: formatConversationReport(report).join('\n') };
}

describe('conversations of the development set (test/fixtures/conversations-dev.yaml)', () => {
  const { report, summary, share, alone } = scored('conversations-dev.yaml');

  it('answers follow-ups far better than each turn read alone, and new topics as well as alone', () => {
    expect(share('followup'), summary).toBeGreaterThanOrEqual(0.85);
    expect(share('followup'), summary).toBeGreaterThan(share('followup', alone) + 0.3);
    expect(share('new-topic'), summary).toBeGreaterThanOrEqual(share('new-topic', alone));
  });

  it('refuses out-of-scope follow-ups and answers wrongly at most 2% of turns', () => {
    expect(share('out-of-scope'), summary).toBeGreaterThanOrEqual(0.85);
    expect(report.wrongShare, summary).toBeLessThanOrEqual(0.02);
  });
});

/**
 * Written blind (from the article and the fact titles alone), 64 conversations each in English and
 * French, scored once and since then floors, not evidence (docs/quality.md). The first, at 33b97fa:
 * first 93.8%, follow-ups 63.6% right (12 wrong), new topics 96.7%, out-of-scope follow-ups 79.3% refused
 * (4 answered), 7.6% of turns wrong; since "to whom?"-like follow-ups are asked back, two out-of-scope
 * ones are asked back, not refused. The second, at 14987f2: first 95.3%, follow-ups 62.7% (5 wrong), new
 * topics 90.5%, out-of-scope follow-ups 63.3% refused (7 answered), 6.3% of turns wrong. The floors were
 * raised on 2026-12-02 (eighth session) a little under the figures then: first set follow-ups 71/88, 5
 * of 211 turns wrong; second set follow-ups 60/75, 2 of 190 turns wrong.
 */
const BLIND_FLOORS = [
  {
    // Scored once at ab5acda: first 31/32 (1 more did you mean), follow-ups 43/49 (2 more did you mean), new
    // topics 16/16, out of scope 18/18, 3 of 115 wrong.
    file: 'conversations-blind-22a.yaml',
    first: 0.96,
    followup: 0.89,
    newTopic: 1,
    refused: 1,
    notAnswered: 1,
    wrong: 0.027,
  },
  {
    // Scored once at ab5acda: first 32/32, follow-ups 46/48, new topics 16/17 (1 more did you mean), out of
    // scope 17/19 (1 asked back), 1 of 116 wrong.
    file: 'conversations-blind-22b.yaml',
    first: 1,
    followup: 0.95,
    newTopic: 0.94,
    refused: 0.89,
    notAnswered: 0.94,
    wrong: 0.009,
  },
  {
    // Scored once at e6655cf: first 32/32, follow-ups 46/50 (3 more did you mean), new topics 16/16, out of
    // scope 17/18, 1 of 116 wrong.
    file: 'conversations-blind-21a.yaml',
    first: 1,
    followup: 0.92,
    newTopic: 1,
    refused: 0.88,
    notAnswered: 0.88,
    wrong: 0.018,
  },
  {
    // Scored once at e6655cf: first 32/32, follow-ups 44/49, new topics 16/16, out of scope 16/18 (1 asked
    // back), 3 of 115 wrong.
    file: 'conversations-blind-21b.yaml',
    first: 1,
    followup: 0.89,
    newTopic: 1,
    refused: 0.88,
    notAnswered: 0.94,
    wrong: 0.027,
  },
  {
    // Scored once at 153dc0f: first 31/32, follow-ups 45/49, new topics 17/17, out of scope 18/19, 3 of 117
    // wrong.
    file: 'conversations-blind-20a.yaml',
    first: 0.96,
    followup: 0.93,
    newTopic: 1,
    refused: 0.94,
    notAnswered: 0.94,
    wrong: 0.018,
  },
  {
    // Scored once at 153dc0f: first 32/32, follow-ups 43/46 (1 more did you mean), new topics 17/17, out of
    // scope 18/19, 1 of 114 wrong.
    file: 'conversations-blind-20b.yaml',
    first: 1,
    followup: 0.97,
    newTopic: 1,
    refused: 1,
    notAnswered: 1,
    wrong: 0,
  },
  {
    // Scored once at 350ee8a: first 31/32, follow-ups 45/50 (3 more did you mean), new topics 15/16, out of
    // scope 17/18, 2 of 116 wrong.
    file: 'conversations-blind-19a.yaml',
    first: 0.96,
    followup: 0.93,
    newTopic: 0.93,
    refused: 0.94,
    notAnswered: 0.94,
    wrong: 0.018,
  },
  {
    // Scored once at 350ee8a: first 32/32, follow-ups 46/49, new topics 17/17, out of scope 14/18 (1 asked
    // back), 3 of 116 wrong.
    file: 'conversations-blind-19b.yaml',
    first: 0.96,
    followup: 0.95,
    newTopic: 0.94,
    refused: 0.83,
    notAnswered: 0.88,
    wrong: 0.018,
  },
  {
    // Scored once at caae13e: first 32/32, follow-ups 47/49, new topics 17/17, out of scope 17/18, 3 of 116
    // wrong.
    file: 'conversations-blind-18a.yaml',
    first: 1,
    followup: 1,
    newTopic: 1,
    refused: 1,
    notAnswered: 1,
    wrong: 0,
  },
  {
    // Scored once at caae13e: first 31/32, follow-ups 39/48 (1 more did you mean), new topics 17/17, out of
    // scope 14/18 (1 asked back), 8 of 115 wrong.
    file: 'conversations-blind-18b.yaml',
    first: 0.96,
    followup: 0.93,
    newTopic: 1,
    refused: 0.88,
    notAnswered: 0.88,
    wrong: 0.018,
  },
  {
    // Scored once at 117e4a6: first 32/32, follow-ups 48/50, new topics 16/16, out of scope 16/18, 2 of 116
    // wrong (both fixed since; measured here on the frozen knowledge base).
    file: 'conversations-blind-17a.yaml',
    first: 0.96,
    followup: 0.96,
    newTopic: 1,
    refused: 0.94,
    notAnswered: 0.94,
    wrong: 0.009,
  },
  {
    // Scored once at 8f87922: first 32/32, follow-ups 42/44 (1 more did you mean), new topics 16/16, out of
    // scope 16/17, 1 of 109 wrong.
    file: 'conversations-blind-16a.yaml',
    first: 1,
    followup: 0.95,
    newTopic: 1,
    refused: 0.94,
    notAnswered: 0.94,
    wrong: 0.01,
  },
  {
    // Scored once at 8f87922: first 31/32 (1 more did you mean), follow-ups 46/48, new topics 16/16, out of
    // scope 18/19, 1 of 115 wrong.
    file: 'conversations-blind-16b.yaml',
    first: 0.96,
    followup: 0.95,
    newTopic: 1,
    refused: 0.94,
    notAnswered: 0.94,
    wrong: 0.009,
  },
  {
    // Scored once at 01367fd: first 31/32 (1 more did you mean), follow-ups 45/47, new topics 14/14, out of
    // scope 16/19 (1 asked back), 2 of 112 wrong.
    file: 'conversations-blind-15a.yaml',
    first: 0.96,
    followup: 0.93,
    newTopic: 1,
    refused: 0.84,
    notAnswered: 0.89,
    wrong: 0.018,
  },
  {
    // Scored once at 01367fd: first 28/32 (3 more did you mean), follow-ups 49/51, new topics 14/16 (2 more
    // did you mean), out of scope 15/17, 2 of 116 wrong.
    file: 'conversations-blind-15b.yaml',
    first: 0.84,
    followup: 0.96,
    newTopic: 0.87,
    refused: 0.82,
    notAnswered: 0.82,
    wrong: 0.026,
  },
  {
    // Scored once at a9ede75: first 31/32, follow-ups 41/48 (2 more did you mean), new topics 16/16, out of
    // scope 17/18, 3 of 114 wrong.
    file: 'conversations-blind-14a.yaml',
    first: 0.9,
    followup: 0.85,
    newTopic: 1,
    refused: 0.94,
    notAnswered: 0.94,
    wrong: 0.027,
  },
  {
    // Scored once at a9ede75: first 31/32 (1 more did you mean), follow-ups 41/43, new topics 15/17, out of
    // scope 16/17, 2 of 109 wrong.
    file: 'conversations-blind-14b.yaml',
    first: 0.96,
    followup: 0.93,
    newTopic: 0.88,
    refused: 0.88,
    notAnswered: 0.88,
    wrong: 0.037,
  },
  {
    // Scored once at bcd680e: first 31/32, follow-ups 43/48 (1 more did you mean), new topics 15/16, out of
    // scope 17/18, 3 of 114 wrong.
    file: 'conversations-blind-13a.yaml',
    first: 0.96,
    followup: 0.89,
    newTopic: 0.93,
    refused: 0.94,
    notAnswered: 0.94,
    wrong: 0.027,
  },
  {
    // Scored once at bcd680e: first 30/32, follow-ups 43/50, new topics 16/17, out of scope 18/18, 2 of 117
    // wrong.
    file: 'conversations-blind-13b.yaml',
    first: 0.96,
    followup: 0.9,
    newTopic: 0.94,
    refused: 0.94,
    notAnswered: 1,
    wrong: 0.009,
  },
  {
    // Scored once at 910246e: first 31/32, follow-ups 39/44, new topics 17/17, out of scope 19/19, 1 of 112
    // wrong.
    file: 'conversations-blind-11b.yaml',
    first: 0.96,
    followup: 0.9,
    newTopic: 0.94,
    refused: 0.89,
    notAnswered: 0.89,
    wrong: 0.027,
  },
  {
    // Scored once at 910246e: first 31/32, follow-ups 41/48, new topics 14/14, out of scope 15/17, 5 of 111
    // wrong.
    file: 'conversations-blind-12b.yaml',
    first: 0.96,
    followup: 0.85,
    newTopic: 1,
    refused: 0.88,
    notAnswered: 0.88,
    wrong: 0.037,
  },
  {
    // Scored once at c1e6eb8: first 32/32, follow-ups 42/45, new topics 17/17, out of scope 14/17, 2 of 111
    // wrong.
    file: 'conversations-blind-11a.yaml',
    first: 1,
    followup: 0.91,
    newTopic: 1,
    refused: 0.82,
    notAnswered: 0.88,
    wrong: 0.019,
  },
  {
    // Scored once at e87a1a0: first 31/32, follow-ups 39/44, new topics 16/17, out of scope 17/19, 4 of 112
    // wrong.
    file: 'conversations-blind-10a.yaml',
    first: 0.96,
    followup: 0.95,
    newTopic: 0.94,
    refused: 0.94,
    notAnswered: 0.94,
    wrong: 0.009,
  },
  {
    // Scored once at e87a1a0: first 31/32, follow-ups 43/48, new topics 16/16, out of scope 16/18, 4 of 114
    // wrong.
    file: 'conversations-blind-10b.yaml',
    first: 0.96,
    followup: 0.95,
    newTopic: 1,
    refused: 0.88,
    notAnswered: 0.94,
    wrong: 0.009,
  },
  {
    // Scored once at a8a5e56: first 31/32, follow-ups 43/46, new topics 16/16, out of scope 14/17, 3 of 111
    // wrong.
    file: 'conversations-blind-9a.yaml',
    first: 0.96,
    followup: 0.97,
    newTopic: 1,
    refused: 0.94,
    notAnswered: 1,
    wrong: 0,
  },
  {
    // Scored once at a8a5e56: first 30/32, follow-ups 45/54, new topics 15/16, out of scope 14/16, 4 of 118
    // wrong.
    file: 'conversations-blind-9b.yaml',
    first: 0.93,
    followup: 0.88,
    newTopic: 0.93,
    refused: 1,
    notAnswered: 1,
    wrong: 0.009,
  },
  {
    // Scored once at 3de148b: first 28/32, follow-ups 36/45, new topics 15/16, out of scope 14/19, 6 of 112
    // wrong. Like 7a's, its writer often spoke as TikTok staff ("nos sauvegardes des données US").
    file: 'conversations-blind-8a.yaml',
    first: 0.96,
    followup: 0.84,
    newTopic: 1,
    refused: 0.78,
    notAnswered: 0.84,
    wrong: 0.036,
  },
  {
    // Scored once at 3de148b: first 31/32, follow-ups 40/49, new topics 16/16, out of scope 12/16, 5 of 113
    // wrong.
    file: 'conversations-blind-8b.yaml',
    first: 0.93,
    followup: 0.83,
    newTopic: 1,
    refused: 1,
    notAnswered: 1,
    wrong: 0.009,
  },
  {
    // Scored once at 93b66cf: first 31/32, follow-ups 34/42, new topics 16/16, out of scope 18/18, 1 of 108 wrong.
    file: 'conversations-blind-7b.yaml',
    first: 0.93,
    followup: 0.88,
    newTopic: 1,
    refused: 1,
    notAnswered: 1,
    wrong: 0,
  },
  {
    // Scored once at c9b7e0d: first 24/32, follow-ups 25/46, new topics 13/16, out of scope 16/18, 2 of 112
    // wrong. Its writer took the asker for a TikTok employee ("do we still keep our own backups?"): those
    // turns are refused as about the asker's own organisation.
    file: 'conversations-blind-7a.yaml',
    first: 0.96,
    followup: 0.8,
    newTopic: 0.93,
    refused: 0.94,
    notAnswered: 0.94,
    wrong: 0.009,
  },
  {
    file: 'conversations-blind.yaml',
    first: 0.9,
    followup: 0.75,
    newTopic: 0.93,
    refused: 0.75,
    notAnswered: 0.95,
    wrong: 0.03,
  },
  {
    file: 'conversations-blind-2.yaml',
    first: 0.93,
    followup: 0.77,
    newTopic: 0.85,
    refused: 0.75,
    notAnswered: 0.9,
    wrong: 0.02,
  },
  {
    file: 'conversations-blind-3a.yaml',
    first: 0.93,
    followup: 0.84,
    newTopic: 0.9,
    refused: 0.66,
    notAnswered: 0.73,
    wrong: 0.052,
  },
  {
    file: 'conversations-blind-3b.yaml',
    first: 0.87,
    followup: 0.81,
    newTopic: 1,
    refused: 0.73,
    notAnswered: 0.78,
    wrong: 0.042,
  },
  {
    // Scored once at c6964dd: first 29/32, follow-ups 28/40, new topics 12/12, out of scope 13/15, 5 of 99 wrong.
    file: 'conversations-blind-5b.yaml',
    first: 0.9,
    followup: 0.7,
    newTopic: 1,
    refused: 0.86,
    notAnswered: 0.93,
    wrong: 0.041,
  },
  {
    // Scored once at 006fb63: first 29/32, follow-ups 33/40, new topics 11/12, out of scope 12/14, 2 of 98 wrong.
    file: 'conversations-blind-4a.yaml',
    first: 0.9,
    followup: 0.82,
    newTopic: 0.9,
    refused: 0.85,
    notAnswered: 0.98,
    wrong: 0.021,
  },
  {
    // Scored once at 7e0cd96: first 28/32, follow-ups 28/38, new topics 11/12, out of scope 15/16, 3 of 98 wrong.
    file: 'conversations-blind-4b.yaml',
    first: 0.87,
    followup: 0.78,
    newTopic: 0.9,
    refused: 0.93,
    notAnswered: 0.93,
    wrong: 0.031,
  },
] as const;

for (const floor of BLIND_FLOORS) {
  describe(`conversations of the blind set test/fixtures/${floor.file}`, () => {
    const { report, summary, share, alone } = scored(floor.file);

    it('stays at or above what was measured blind', () => {
      expect(share('first'), summary).toBeGreaterThanOrEqual(floor.first);
      expect(share('followup'), summary).toBeGreaterThanOrEqual(floor.followup);
      expect(share('followup'), summary).toBeGreaterThan(share('followup', alone) + 0.2);
      expect(share('new-topic'), summary).toBeGreaterThanOrEqual(floor.newTopic);
      expect(share('out-of-scope'), summary).toBeGreaterThanOrEqual(floor.refused);
      const oos = report.byKind['out-of-scope'];
      expect((oos.right + oos.clarified) / oos.questions, summary).toBeGreaterThanOrEqual(floor.notAnswered);
      expect(report.wrongShare, summary).toBeLessThanOrEqual(floor.wrong);
    });
  });
}
