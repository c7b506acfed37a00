import { describe, expect, it } from 'vitest';
import { detectLanguage, fold, stem, words } from '../../src/text/normalise.ts';
import { asksForQuantity } from '../../src/text/stopwords.ts';

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

describe('questions that ask for a quantity', () => {
  it('are told by how many, how much, combien, nombre de, montant…, not by how long or combien de temps', () => {
    for (const q of [
      'how many users',
      'how much did it cost',
      "combien d'utilisateurs",
      'le nombre de serveurs',
      'nb de personnes',
      'le montant de l’accord',
      'traffic percentage',
    ]) {
      expect(asksForQuantity(words(q)), q).toBe(true);
    }
    for (const q of [
      'how long has it worked with Oracle',
      'how much time is left',
      'depuis combien de temps',
      'where are the backups',
    ]) {
      expect(asksForQuantity(words(q)), q).toBe(false);
    }
  });
});
