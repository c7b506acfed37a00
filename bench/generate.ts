/**
 * Generated knowledge bases for benchmarks: valid YAML files, so the whole path (parse, validate,
 * index, answer) is measured. A seeded generator makes every run use the same data.
 */

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES =
  'ba be bi bo bu da de di do du fa fe fi fo ga ge go ka ke ki ko la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo za ze zi zo'.split(
    ' ',
  );
const COMMON =
  'data users servers backup storage region access policy retention transfer cloud center records logs encryption vendor contract audit review deletion export'.split(
    ' ',
  );

export interface GeneratedKnowledge {
  readonly files: Map<string, string>;
  /** Questions whose answer is a known fact (with typos), and questions about nothing in it. */
  readonly questions: readonly { q: string; expect: string | null }[];
}

export function generateKnowledge(factCount: number, seed = 42): GeneratedKnowledge {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const vocabulary = Array.from({ length: Math.max(500, factCount * 3) }, () => {
    const n = 2 + Math.floor(random() * 3);
    return Array.from({ length: n }, () => pick(SYLLABLES)).join('');
  });
  const words = (n: number) => Array.from({ length: n }, () => (random() < 0.3 ? pick(COMMON) : pick(vocabulary)));
  const sourceText: string[] = [];
  const files = new Map<string, string>();
  const factWords: string[][] = [];
  files.set('topics.yaml', 'topics:\n  - { id: generated, title: { en: Generated, fr: Généré } }\n');
  for (let i = 0; i < factCount; i++) {
    const id = `fact-${i}`;
    const title = words(5);
    const quote = words(8).join(' ');
    sourceText.push(`${quote}.`);
    factWords.push(title.filter((w) => !COMMON.includes(w)));
    files.set(
      `facts/${id}.yaml`,
      [
        `id: ${id}`,
        'topic: generated',
        `title: { en: "${title.join(' ')}", fr: "${words(5).join(' ')}" }`,
        `answer: { en: "${words(25).join(' ')}", fr: "${words(25).join(' ')}" }`,
        'attribution: { claimant: Generator, kind: company-statement }',
        'citations:',
        `  - { source: generated, quote: "${quote}" }`,
        `aliases: { en: ["${words(3).join(' ')} ${i}"], fr: ["${words(3).join(' ')} ${i}"] }`,
        `keywords: { en: [${words(4).join(', ')}], fr: [${words(4).join(', ')}] }`,
        `questions: { en: ["${words(6).join(' ')}?"], fr: ["${words(6).join(' ')} ?"] }`,
        'related: []',
        'as_of: 2026-01-01',
        'owner: bench',
        'review_by: 2099-01-01',
      ].join('\n'),
    );
  }
  files.set(
    'sources/generated.yaml',
    'id: generated\ntitle: Generated\npublisher: Bench\nkind: company-statement\nlanguage: en\ntext: generated.txt\ntext_is: full-text\n',
  );
  files.set('sources/generated.txt', sourceText.join('\n'));

  const typo = (w: string) => {
    if (w.length < 5) return w;
    const i = 1 + Math.floor(random() * (w.length - 2));
    return `${w.slice(0, i)}${w[i + 1]}${w[i]}${w.slice(i + 2)}`;
  };
  const questions: { q: string; expect: string | null }[] = [];
  for (let i = 0; i < 400; i++) {
    if (i % 5 === 4) {
      questions.push({
        q: `what is the ${pick(['wifi', 'parking', 'canteen'])} ${pick(['password', 'schedule', 'menu'])} ${i}`,
        expect: null,
      });
      continue;
    }
    const target = Math.floor(random() * factCount);
    const chosen = factWords[target]!.slice(0, 3).map((w) => (random() < 0.3 ? typo(w) : w));
    questions.push({ q: `where is the ${chosen.join(' ')}?`, expect: `fact-${target}` });
  }
  return { files, questions };
}
