import { MESSAGES } from '../answer/messages.ts';
import type { ReplyModel } from '../answer/reply.ts';

/** A reply as a person reads it in a terminal. */
export function renderText(reply: ReplyModel): string {
  const m = MESSAGES[reply.language];
  const lines: string[] = [];
  const { fact } = reply;
  if (fact) {
    if (reply.notice) lines.push(reply.notice, '');
    lines.push(fact.answer, '');
    lines.push(`— ${fact.attribution.label}`);
    if (fact.attribution.caveat) lines.push(`  ${fact.attribution.caveat}`);
    if (fact.staleNotice) lines.push(`  ${fact.staleNotice}`);
    let previousSource: string | undefined;
    for (const citation of fact.citations) {
      if (citation.sourceId !== previousSource) {
        lines.push(
          '',
          `${m.source}: ${citation.title} (${citation.publisher}${citation.published ? `, ${citation.published}` : ''}; ${citation.keptAs})`,
        );
        previousSource = citation.sourceId;
      }
      lines.push(`  “${citation.quote}”`);
      if (citation.translation && reply.language !== citation.language)
        lines.push(`  ${m.englishRendering}: “${citation.translation}”`);
      if (citation.url) lines.push(`  ${citation.url}`);
    }
    if (fact.related.length > 0)
      lines.push('', `${m.related}: ${fact.related.map((r) => `${r.title} (${r.id})`).join('; ')}`);
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
