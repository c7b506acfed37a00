import { describe, expect, it } from 'vitest';
import { detectLanguage, fold, stem, words } from '../../src/text/normalise.ts';

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
  });

  it('does not stem English nouns in -er to their verb, nor short words', () => {
    expect(stem('owner')).toBe('owner');
    expect(stem('order')).toBe('order');
    expect(stem('news')).toBe('new');
    expect(stem('data')).toBe('data');
    expect(stem('2020')).toBe('2020');
  });

  it('detects French from function words, accents and elisions; English otherwise', () => {
    expect(detectLanguage('Les données passent-elles par Oracle ?')).toBe('fr');
    expect(detectLanguage("qu'a revele buzzfeed")).toBe('fr');
    expect(detectLanguage('Does TikTok keep backups?')).toBe('en');
    expect(detectLanguage('Albert Calamug')).toBe('en');
  });
});
