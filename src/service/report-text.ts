import type { Report, UnansweredGroup } from '../record/report.ts';

const EXAMPLE_WIDTH = 60;

/** The report for a terminal: short sections, columns aligned, times in UTC. */
export function formatReportText(report: Report): string {
  const { totals } = report;
  const share = (n: number) => (totals.questions === 0 ? '' : `${Math.round((100 * n) / totals.questions)}%`);
  const sections = [
    `What staff asked, ${minute(report.from)} to ${minute(report.to)} UTC`,
    section('Totals', [
      ['questions', String(totals.questions), ''],
      ['answered', String(totals.answered), share(totals.answered)],
      ['unknown', String(totals.unknown), share(totals.unknown)],
      ['votes', String(totals.votes), ''],
    ]),
    // Questions read after the answer before them, in a conversation: how many, and how many got none.
    section('Follow-ups', [
      ['asked', String(totals.followUps), share(totals.followUps)],
      ['unanswered', String(totals.followUpsUnanswered), share(totals.followUpsUnanswered)],
    ]),
    section('Not answered, most asked first', report.topUnanswered.map(unansweredRow)),
    section(
      'Most voted not helpful',
      report.mostNotHelpful.map((f) => [f.factId, `${f.notHelpful} not helpful`, `${f.helpful} helpful`]),
    ),
    section(
      'Most asked facts',
      report.mostAsked.map((f) => [f.factId, String(f.count)]),
    ),
    section(
      'By language',
      Object.entries(report.byLanguage).map(([language, n]) => [language, String(n)]),
    ),
    section(
      'By channel',
      Object.entries(report.byChannelKind).map(([kind, n]) => [kind, String(n)]),
    ),
  ];
  return sections.join('\n\n');
}

function unansweredRow(group: UnansweredGroup): string[] {
  const where = group.textStored
    ? `“${oneLine(group.example)}”`
    : `(text not stored) ${group.language}, ${group.channelKind}`;
  const row = [String(group.count), where, `last ${minute(group.lastAsked)}`];
  if (!group.textStored || !group.hint) return row;
  const { nearest, unknownWords } = group.hint;
  const near = nearest ? `nearest ${nearest.id} (${nearest.confidence.toFixed(2)})` : 'no fact near';
  return [...row, unknownWords.length > 0 ? `${near}; unknown: ${oneLine(unknownWords.join(', '))}` : near];
}

function section(title: string, rows: readonly (readonly string[])[]): string {
  return [title, ...(rows.length === 0 ? ['  none'] : align(rows).map((line) => `  ${line}`))].join('\n');
}

/** Pads each column to its widest cell; numbers are right-aligned. */
function align(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  const numeric = widths.map((_, i) => rows.every((row) => /^\d*$/.test(row[i] ?? '')));
  return rows.map((row) =>
    row
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}

function minute(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}

/** Question text is user input: one line, no control characters, and short. */
function oneLine(text: string): string {
  const flat = text.replace(/[\p{Cc}\s]+/gu, ' ').trim();
  return flat.length > EXAMPLE_WIDTH ? `${flat.slice(0, EXAMPLE_WIDTH - 1)}…` : flat;
}
