import type { KnowledgeSnapshot } from '../../src/knowledge/snapshot.ts';
import { snapshotOf } from '../helpers.ts';

/** A small knowledge base unrelated to the real one, so engine tests do not depend on its wording. */
const SOURCE_TEXT = `The Lyon office stores its printed archives in the basement vault.
Le bureau de Lyon conserve ses archives papier dans la cave.
Visitor badges are issued by the front desk and expire at midnight.
Les badges visiteurs sont délivrés par l'accueil et expirent à minuit.
Payroll data is processed by Acme Payroll in Dublin.
Les données de paie sont traitées par Acme Payroll à Dublin.`;

export function fact(
  id: string,
  topic: string,
  en: string,
  fr: string,
  quote: string,
  extra: { aliases: [string, string]; keywords?: [string[], string[]]; related?: string[] },
): string {
  return [
    `id: ${id}`,
    `topic: ${topic}`,
    `title: { en: "${en}", fr: "${fr}" }`,
    `answer: { en: "${en}.", fr: "${fr}." }`,
    'attribution: { claimant: Facilities, kind: company-statement, date: 2026-01-15 }',
    'citations:',
    `  - { source: office-handbook, quote: "${quote}" }`,
    `aliases: { en: ["${extra.aliases[0]}"], fr: ["${extra.aliases[1]}"] }`,
    `keywords: { en: [${(extra.keywords?.[0] ?? []).join(', ')}], fr: [${(extra.keywords?.[1] ?? []).join(', ')}] }`,
    `related: [${(extra.related ?? []).join(', ')}]`,
    'as_of: 2026-01-15',
    'owner: facilities-team',
    'review_by: 2027-01-15',
  ].join('\n');
}

export function fixtureFiles(): Map<string, string> {
  return new Map([
    [
      'topics.yaml',
      'topics:\n  - { id: office, title: { en: Office, fr: Bureau } }\n  - { id: people, title: { en: People, fr: Personnes } }\n',
    ],
    [
      'sources/office-handbook.yaml',
      'id: office-handbook\ntitle: Office handbook\npublisher: Facilities\nkind: company-statement\nlanguage: en\npublished: 2026-01-15\ntext: office-handbook.txt\ntext_is: full-text\n',
    ],
    ['sources/office-handbook.txt', SOURCE_TEXT],
    [
      'facts/archives-location.yaml',
      fact(
        'archives-location',
        'office',
        'The Lyon office keeps printed archives in the basement vault',
        'Le bureau de Lyon garde les archives papier à la cave',
        'stores its printed archives in the basement vault',
        {
          aliases: ['paper archives', 'archives papier'],
          keywords: [
            ['archive', 'archives', 'basement', 'vault'],
            ['archives', 'cave', 'sous-sol'],
          ],
          related: ['visitor-badges'],
        },
      ),
    ],
    [
      'facts/visitor-badges.yaml',
      fact(
        'visitor-badges',
        'office',
        'Visitor badges come from the front desk and expire at midnight',
        "Les badges visiteurs viennent de l'accueil et expirent à minuit",
        'Visitor badges are issued by the front desk',
        {
          aliases: ['guest badge', 'badge visiteur'],
          keywords: [
            ['badge', 'visitor', 'guest', 'expire'],
            ['badge', 'visiteur', 'invité', 'accueil'],
          ],
        },
      ),
    ],
    [
      'facts/payroll-processor.yaml',
      fact(
        'payroll-processor',
        'people',
        'Payroll data is processed by Acme Payroll in Dublin',
        'Les données de paie sont traitées par Acme Payroll à Dublin',
        'Payroll data is processed by Acme Payroll in Dublin',
        {
          aliases: ['payroll provider', 'prestataire de paie'],
          keywords: [
            ['payroll', 'salary', 'payslip', 'Dublin'],
            ['paie', 'salaire', 'Dublin'],
          ],
        },
      ),
    ],
  ]);
}

export function fixtureSnapshot(): KnowledgeSnapshot {
  return snapshotOf(fixtureFiles());
}
