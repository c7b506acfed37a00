import { describe, expect, it } from 'vitest';
import { DEFAULT_ENGINE_OPTIONS } from '../../src/answer/options.ts';
import { splitFrame } from '../../src/text/frame.ts';

const frames = (text: string) =>
  splitFrame(text, DEFAULT_ENGINE_OPTIONS.frameMaxWords)
    .filter((p) => p.frame)
    .map((p) => p.text.trim());

describe('the frame of a professional question', () => {
  it('is what comes before a colon, or an opening "for…"/"dans le cadre de…" clause', () => {
    expect(frames('For our press monitoring digest: which parties responded to requests for comment?')).toEqual([
      'For our press monitoring digest',
    ]);
    expect(
      frames("Dans le cadre d'une note juridique interne, depuis quand TikTok collabore-t-il avec Oracle ?"),
    ).toEqual(["Dans le cadre d'une note juridique interne"]);
    expect(frames('Pour notre AIPD, est-il exact que TikTok conserve ses sauvegardes ?')).toEqual(['Pour notre AIPD']);
    // "Pourquoi", "Foreign" open no "pour…"/"for…" clause.
    expect(frames("Pourquoi le Trésor serait-il concerné, d'ailleurs ?")).toEqual([]);
    expect(frames('Foreign investment committee, what is it?')).toEqual([]);
    // Not when what follows the colon says nothing of its own: then what comes before is the question.
    expect(frames("Bonjour, dans le dossier TikTok on parle du CFIUS : c'est quoi ?")).toEqual([]);
  });

  it('is who asked, when the question is reported: "a customer asked whether…", "mon manager veut savoir si…"', () => {
    expect(
      frames("A customer worried about data sovereignty asked whether TikTok's traffic goes through Oracle."),
    ).toEqual(['A customer worried about data sovereignty asked']);
    expect(frames('Mon manager veut savoir si TikTok garde ses sauvegardes')).toEqual(['Mon manager veut savoir']);
    expect(frames("A prospect's CISO asked me which firm hosts the traffic")).toEqual(["A prospect's CISO asked me"]);
    // Asked about something, not reporting a question.
    expect(frames('who asked TikTok to sell in 2020?')).toEqual([]);
  });

  it('is what follows the question mark when it asks nothing', () => {
    expect(
      frames(
        'Is the Biden administration still reviewing TikTok? Need the current regulatory posture for the risk register.',
      ),
    ).toEqual(['Need the current regulatory posture for the risk register.']);
  });

  it('is nothing in a plain or chat question, and the parts always give back the whole text', () => {
    for (const q of [
      'does tiktok still keep backups',
      'For how long has TikTok worked with Oracle?',
      'quick q: is tiktok owned by bytedance?',
      'where are the backups? singapore?',
    ]) {
      expect(
        splitFrame(q, DEFAULT_ENGINE_OPTIONS.frameMaxWords)
          .map((p) => p.text)
          .join(''),
        q,
      ).toBe(q);
    }
    expect(frames('does tiktok still keep backups')).toEqual([]);
    expect(frames('For how long has TikTok worked with Oracle?')).toEqual([]);
    expect(frames('where are the backups? singapore?')).toEqual([]);
  });
});
