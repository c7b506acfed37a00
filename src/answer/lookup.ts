import type { Fact, Language } from '../knowledge/schema.ts';
import type { Answerer } from './answerer.ts';
import { textKey } from '../text/analyze.ts';

/**
 * Facts for a name someone is typing, ranked as people expect: an exact id or title first, then ids and
 * titles that start with what was typed, then aliases, then whatever the answer engine finds (typos,
 * other words). With nothing typed: pinned facts, then the most asked, then by title.
 */
export function lookupFacts(
  answerer: Answerer,
  query: string,
  options: { language: Language; limit: number; popularity?: ReadonlyMap<string, number> },
): Fact[] {
  const { facts } = answerer.snapshot;
  const q = simple(query);
  if (q === '') {
    const asked = (f: Fact) => options.popularity?.get(f.id) ?? 0;
    return [...facts]
      .sort(
        (a, b) =>
          Number(b.pinned ?? false) - Number(a.pinned ?? false) ||
          asked(b) - asked(a) ||
          a.title[options.language].localeCompare(b.title[options.language]),
      )
      .slice(0, options.limit);
  }
  const tiers = new Map<string, number>();
  const consider = (fact: Fact, tier: number) => {
    const previous = tiers.get(fact.id);
    if (previous === undefined || tier < previous) tiers.set(fact.id, tier);
  };
  for (const fact of facts) {
    const titles = [fact.title.en, fact.title.fr].map(simple);
    const aliases = [...fact.aliases.en, ...fact.aliases.fr].map(simple);
    if (simple(fact.id) === q || titles.includes(q)) consider(fact, 0);
    else if (simple(fact.id).startsWith(q) || titles.some((t) => t.startsWith(q))) consider(fact, 1);
    else if (aliases.includes(q)) consider(fact, 2);
    else if (aliases.some((a) => a.startsWith(q)) || titles.some((t) => t.includes(q))) consider(fact, 3);
  }
  const engineOrder = answerer.nearest(query, options.limit);
  engineOrder.forEach((id) => {
    const fact = answerer.snapshot.factsById.get(id);
    if (fact) consider(fact, 4);
  });
  const engineRank = (id: string) => {
    const at = engineOrder.indexOf(id);
    return at < 0 ? Infinity : at;
  };
  return [...tiers]
    .sort(([a, ta], [b, tb]) => ta - tb || engineRank(a) - engineRank(b) || a.localeCompare(b))
    .slice(0, options.limit)
    .map(([id]) => answerer.snapshot.factsById.get(id)!);
}

/** A name as typed and as written, compared by the one key of the text pipeline. */
function simple(text: string): string {
  return textKey(text);
}
