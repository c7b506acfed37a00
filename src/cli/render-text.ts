import { MESSAGES } from '../answer/messages.ts';
import type { RankedFact } from '../answer/engine.ts';
import type { Explanation, WordReading } from '../answer/explain.ts';
import type { ReplyModel } from '../answer/reply.ts';

/** A reply as a person reads it in a terminal. */
export function renderText(reply: ReplyModel): string {
  const m = MESSAGES[reply.language];
  const lines: string[] = [];
  const { fact } = reply;
  if (fact) {
    lines.push(fact.answer, '');
    lines.push(`— ${fact.attribution.label}`);
    if (fact.attribution.caveat) lines.push(`  ${fact.attribution.caveat}`);
    if (fact.staleNotice) lines.push(`  ${fact.staleNotice}`);
    let previousSource: string | undefined;
    for (const citation of fact.citations) {
      if (citation.sourceId !== previousSource) {
        lines.push('', `${m.source}: ${citation.title} (${citation.publisher}${citation.published ? `, ${citation.published}` : ''}; ${citation.keptAs})`);
        previousSource = citation.sourceId;
      }
      lines.push(`  “${citation.quote}”`);
      if (citation.translation && reply.language !== citation.language) lines.push(`  ${m.englishRendering}: “${citation.translation}”`);
      if (citation.url) lines.push(`  ${citation.url}`);
    }
    if (fact.related.length > 0) lines.push('', `${m.related}: ${fact.related.map((r) => `${r.title} (${r.id})`).join('; ')}`);
    lines.push('', `[${fact.id} · confidence ${reply.score.toFixed(2)} · knowledge ${reply.knowledgeVersion}]`);
  } else {
    lines.push(reply.status === 'clarify' ? `${reply.notice} ${m.answerYes}` : reply.notice);
  }
  // A fact already offered as related is not offered again as nearest.
  const related = new Set(fact?.related.map((r) => r.id));
  const nearest = reply.suggestions.filter((s) => !related.has(s.id));
  if (nearest.length > 0) {
    lines.push('', `${m.nearest}:`);
    for (const s of nearest) lines.push(`  - ${s.title} (${s.id})`);
  }
  return lines.join('\n');
}

const READING: Record<WordReading['reading'], (w: WordReading) => string> = {
  known: () => 'known',
  synonym: (w) => `read as "${w.as[0]}" through synonyms.yaml`,
  typo: (w) => `a typo? read as ${w.as.map((a) => `"${a}"`).join(' or ')}`,
  unknown: () => 'no fact has this word: it counts against every fact',
};

/** Why the engine decided what it did, for the policy team (`ask --explain`). */
export function renderExplanation(e: Explanation): string {
  const percent = (share: number) => `${Math.round(share * 100)}%`.padStart(4);
  const width = Math.max(0, ...e.words.map((w) => w.word.length));
  const fact = (label: string, r: RankedFact) =>
    `${label}: ${r.id}, confidence ${r.confidence.toFixed(2)} (covers ${percent(r.coverage).trim()} of the question's weight, probability ${r.probability.toFixed(2)})`;
  const lines = ['Why:', '  the question\'s words, with their share of its weight:'];
  if (e.words.length === 0) lines.push('    (none: only stop words)');
  for (const w of e.words) lines.push(`    ${w.word.padEnd(width)} ${percent(w.share)}  ${READING[w.reading](w)}`);
  if (e.best) lines.push(`  ${fact('best', e.best)}`);
  if (e.runnerUp) lines.push(`  ${fact('runner-up', e.runnerUp)}; margin ${(e.best!.confidence - e.runnerUp.confidence).toFixed(2)}`);
  for (const bar of e.bars) lines.push(`  ${bar.what}: ${bar.value.toFixed(2)} ${bar.passed ? '≥' : '<'} ${bar.needed} ${bar.passed ? '(passed)' : '(missed)'}`);
  lines.push(`  outcome: ${e.decision.status === 'answered' ? `answered with ${e.decision.fact!.id}` : e.decision.status === 'clarify' ? `"did you mean ${e.decision.suggestions[0]?.id}?"` : '"I don\'t know"'}`);
  if (e.words.some((w) => w.reading === 'unknown')) {
    lines.push('  If this question is about a fact, add its unknown words to that fact (an alias or a question) or to synonyms.yaml.');
  }
  return lines.join('\n');
}
