import { describe, expect, it } from 'vitest';
import { createAnswerer } from '../../src/answer/answerer.ts';
import { validateKnowledge } from '../../src/knowledge/validate.ts';
import { fixtureFiles } from '../answer/fixture-kb.ts';
import { TODAY, snapshotOf } from '../helpers.ts';

const withSynonyms = (yaml: string) => new Map([...fixtureFiles(), ['synonyms.yaml', yaml]]);

describe('the shared vocabulary (synonyms.yaml)', () => {
  it('given a word in two groups, then lint names the file, the line of the second and the first, with a hint', () => {
    const result = validateKnowledge(withSynonyms('equivalent:\n  - [archive, records]\n  - [vault, archives]\n'), {
      now: TODAY,
    });
    expect(result.ok).toBe(false);
    const [error] = result.ok ? [] : result.errors;
    expect(error).toMatchObject({ file: 'synonyms.yaml', line: 3, severity: 'error' });
    expect(error?.message).toBe('"archives" is already listed in the group starting "archive" (line 2)');
    expect(error?.hint).toMatch(/keep it in one place/);
  });

  it('given a phrase of stop words only, or an unknown field, then lint refuses it', () => {
    const stop = validateKnowledge(withSynonyms('one_way:\n  - { words: [as on me], means: archive }\n'), {
      now: TODAY,
    });
    expect(stop.ok ? [] : stop.errors.map((e) => e.message)).toContain(
      '"as on me" is only stop words, which questions are read without',
    );
    const typo = validateKnowledge(withSynonyms('equivalents:\n  - [a, b]\n'), { now: TODAY });
    expect(typo.ok ? [] : typo.errors.map((e) => e.message).join()).toMatch(/equivalents/);
  });

  it('given forms of one word in one group ("réaction", "reaction"), then it is not a clash', () => {
    expect(validateKnowledge(withSynonyms('equivalent:\n  - [reaction, réaction, comment]\n'), { now: TODAY }).ok).toBe(
      true,
    );
  });

  it('given a group, then a question in any of its words finds a fact written with another, both ways', () => {
    const plain = createAnswerer(snapshotOf(fixtureFiles()));
    const shared = createAnswerer(
      snapshotOf(
        withSynonyms(
          'equivalent:\n  - [payslip, salary slip, fiche de paie]\none_way:\n  - { words: [the payroll company], means: Acme Payroll }\n',
        ),
      ),
    );
    expect(plain.ask('salary slips').fact?.id).toBeUndefined();
    expect(shared.ask('salary slips').fact?.id).toBe('payroll-processor');
    expect(shared.ask('fiche de paie').fact?.id).toBe('payroll-processor');
    expect(shared.ask('who is the payroll company in Dublin').fact?.id).toBe('payroll-processor');
  });

  it('given other_names, then a question naming one in lower case is not answered, and a name of more than one word is refused', () => {
    const plain = createAnswerer(snapshotOf(fixtureFiles()));
    const named = createAnswerer(snapshotOf(withSynonyms('other_names: [Globex, Initech]\n')));
    expect(plain.ask('who processes payroll for globex').status).toBe('answered');
    expect(named.ask('who processes payroll for globex').status).not.toBe('answered');
    expect(named.ask('who processes payroll').fact?.id).toBe('payroll-processor');
    const twoWords = validateKnowledge(withSynonyms('other_names: [Globex Corporation]\n'), { now: TODAY });
    expect(twoWords.ok ? [] : twoWords.errors.map((e) => e.message)).toEqual(['"Globex Corporation" is not one word']);
  });

  it('given subject_names, then that name weighs little against a fact without it, and is one word', () => {
    const q = 'where are the paper archives kept at Acme?';
    const weight = (files: Map<string, string>) =>
      createAnswerer(snapshotOf(files))
        .ask(q)
        .terms.find((t) => t.word === 'acme')!;
    expect(weight(fixtureFiles()).missWeight).toBeGreaterThan(weight(fixtureFiles()).weight);
    const acme = weight(withSynonyms('subject_names: [Acme]\n'));
    expect(acme.missWeight).toBeLessThan(acme.weight);
    const twoWords = validateKnowledge(withSynonyms('subject_names: [Acme Corp]\n'), { now: TODAY });
    expect(twoWords.ok ? [] : twoWords.errors.map((e) => e.message)).toEqual(['"Acme Corp" is not one word']);
  });
});
