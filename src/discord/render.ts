import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  EmbedBuilder,
  escapeMarkdown,
  type APIEmbedField,
  type BaseMessageOptions,
  type MessageActionRowComponentBuilder,
} from 'discord.js';
import { MESSAGES } from '../answer/messages.ts';
import type { FactRef, FactView, ReplyModel } from '../answer/reply.ts';
import type { ClaimKind, Language } from '../knowledge/schema.ts';
import type { KnowledgeSnapshot } from '../knowledge/snapshot.ts';
import { inertMentions, unmaskDeceptiveLinks, versionLabel } from '../service/display.ts';
import type { ReloadSummary } from '../service/reload-summary.ts';
import { encodeButton } from './custom-id.ts';
import { codeBlock, DISCORD_LIMITS as L, truncate } from './limits.ts';
import { UI } from './strings.ts';
import { quoteTyped } from './typed-text.ts';

/**
 * Knowledge-base text as Discord will show it: mention syntax made inert (it would show as a highlighted
 * mention, though nobody is pinged) and a masked link whose words are another address written out as
 * words and address, so staff see what the validator checked whatever reached the renderer.
 */
function kbText(text: string): string {
  return inertMentions(unmaskDeceptiveLinks(text));
}

/** Replies never ping anyone, whatever the question contained. */
export const NO_MENTIONS = Object.freeze({ parse: [] as never[], repliedUser: false });

export type Rendered = Pick<BaseMessageOptions, 'content' | 'embeds' | 'components'> & {
  allowedMentions: typeof NO_MENTIONS;
};

const COLORS: Record<ClaimKind, number> = {
  'company-statement': 0xe67e22,
  'press-report': 0x3498db,
  'government-statement': 0x2ecc71,
  'public-record': 0x95a5a6,
};

/**
 * An answer, or "I don't know" with the nearest facts as buttons. With `embeds: false` (a channel where the
 * bot may not embed links), the answer is written as text instead: title, answer, whose claim, the source
 * quote and the footer, the answer shortened first to fit the 2,000 characters of a message.
 */
export function renderReply(reply: ReplyModel, options: { recordId?: string | undefined; embeds?: boolean }): Rendered {
  if (reply.fact) {
    const { fact, language } = reply;
    const sections = factSections(fact, language, reply.knowledgeVersion);
    const components = factComponents(fact, language, options.recordId, reply.suggestions);
    // A question about the previous answer ("who said that?") is answered in a sentence above it.
    const notice = reply.notice ? truncate(reply.notice, L.messageContent) : '';
    if (options.embeds === false)
      return { content: factText(sections, notice), embeds: [], components, allowedMentions: NO_MENTIONS };
    return {
      ...(notice ? { content: notice } : {}),
      embeds: [factEmbed(sections, fact)],
      components,
      allowedMentions: NO_MENTIONS,
    };
  }
  return {
    // Not kbText: the notice ends with CONTACT_TEXT, where an operator may mention a channel on purpose.
    content: truncate(unmaskDeceptiveLinks(reply.notice), L.messageContent),
    embeds: [],
    components: factButtonRows(reply.suggestions),
    allowedMentions: NO_MENTIONS,
  };
}

/** A fact on its own (a button, /fact, a draft's preview), as an embed. */
export function renderFact(
  fact: FactView,
  language: Language,
  version: string,
  recordId?: string,
  alsoSee: readonly FactRef[] = [],
): Rendered {
  return {
    embeds: [factEmbed(factSections(fact, language, version), fact)],
    components: factComponents(fact, language, recordId, alsoSee),
    allowedMentions: NO_MENTIONS,
  };
}

/** What a fact shows, each part within its own limit, whether it is laid out as an embed or as text. */
interface FactSections {
  readonly title: string;
  /** The answer with its caveat and stale notice; not yet shortened, as its room depends on the layout. */
  readonly answer: string;
  readonly fields: readonly APIEmbedField[];
  readonly footer: string;
}

function factSections(fact: FactView, language: Language, version: string): FactSections {
  const ui = UI[language];
  const notes = [fact.attribution.caveat, fact.staleNotice].filter(Boolean).map((n) => `*${kbText(n!)}*`);
  const first = fact.citations[0];
  const fields: APIEmbedField[] = [{ name: ui.whoseClaim, value: truncate(kbText(fact.attribution.label), 300) }];
  if (first) {
    const translation =
      first.translation && language !== first.language
        ? `\n${MESSAGES[language].englishRendering}: “${truncate(kbText(first.translation), 300)}”`
        : '';
    const origin = `— ${truncate(kbText(`${first.title}, ${first.publisher}`), 200)}${first.url ? ` (${truncate(first.url, 200)})` : ''}`;
    const room = L.embedFieldValue - origin.length - translation.length - 4;
    fields.push({
      name: MESSAGES[language].source,
      value: truncate(`“${truncate(kbText(first.quote), room)}”${translation}\n${origin}`, L.embedFieldValue),
    });
  }
  return {
    title: truncate(kbText(fact.title), L.embedTitle),
    answer: [kbText(fact.answer), ...notes].join('\n\n'),
    fields,
    footer: truncate(ui.footer(fact.id, version), 200),
  };
}

function factEmbed(sections: FactSections, fact: FactView): EmbedBuilder {
  const { title, fields, footer } = sections;
  // Every part has its own limit, and the whole embed has one too: the answer gets what is left.
  const used = title.length + footer.length + fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  return new EmbedBuilder()
    .setTitle(title)
    .setDescription(truncate(sections.answer, Math.min(L.embedDescription, L.embedTotal - used - 10)))
    .addFields([...fields])
    .setColor(COLORS[fact.attribution.kind])
    .setFooter({ text: footer });
}

/** The sections as one message's text, after the notice when there is one; the answer gets what is left. */
function factText(sections: FactSections, notice: string): string {
  // The title shows as written; in a message it would be read as markdown.
  const head = `**${escapeMarkdown(sections.title)}**`;
  const tail = [...sections.fields.map((f) => `**${f.name}**\n${f.value}`), `-# ${sections.footer}`].join('\n');
  const room = Math.max(0, L.messageContent - [notice, head, tail].join('\n\n').length - 4);
  const text = [notice, [head, truncate(sections.answer, room), tail].filter(Boolean).join('\n\n')]
    .filter(Boolean)
    .join('\n\n');
  return truncate(text, L.messageContent);
}

/** Sources, votes when the answer was recorded, then the related facts and the nearest ones. */
function factComponents(
  fact: FactView,
  language: Language,
  recordId: string | undefined,
  alsoSee: readonly FactRef[],
): ActionRowBuilder<MessageActionRowComponentBuilder>[] {
  const ui = UI[language];
  const actions: ButtonBuilder[] = [
    new ButtonBuilder()
      .setCustomId(encodeButton({ kind: 'sources', factId: fact.id }))
      .setLabel(MESSAGES[language].sources)
      .setStyle(ButtonStyle.Secondary),
  ];
  if (recordId) {
    actions.push(
      new ButtonBuilder()
        .setCustomId(encodeButton({ kind: 'vote', helpful: true, recordId }))
        .setLabel(ui.helpful)
        .setStyle(ButtonStyle.Success),
      new ButtonBuilder()
        .setCustomId(encodeButton({ kind: 'vote', helpful: false, recordId }))
        .setLabel(ui.notHelpful)
        .setStyle(ButtonStyle.Danger),
    );
  }
  const related = [...fact.related, ...alsoSee.filter((s) => !fact.related.some((r) => r.id === s.id))];
  return [new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(actions), ...factButtonRows(related)];
}

/** Every source of a fact with its quote, publisher, date and link. */
export function renderSources(fact: FactView, language: Language, version: string): Rendered {
  const m = MESSAGES[language];
  const fields = fact.citations.slice(0, L.embedFields).map((c) => {
    const meta = kbText([c.publisher, c.published, m.claimKinds[c.kind], c.keptAs].filter(Boolean).join(' · '));
    const translation = c.translation ? `\n${m.englishRendering}: “${kbText(c.translation)}”` : '';
    const link = c.url ? `\n${c.url}` : '';
    const fixed = meta.length + Math.min(translation.length, 300) + link.length + 8;
    return {
      name: truncate(kbText(c.title), L.embedFieldName),
      value: truncate(
        `${meta}\n“${truncate(kbText(c.quote), Math.max(100, L.embedFieldValue - fixed))}”${truncate(translation, 300)}${link}`,
        L.embedFieldValue,
      ),
    };
  });
  const title = truncate(`${m.sources}: ${kbText(fact.title)}`, L.embedTitle);
  const description = truncate(kbText(fact.attribution.label), 300);
  const footer = truncate(UI[language].footer(fact.id, version), 200);
  const embed = new EmbedBuilder()
    .setTitle(title)
    .setDescription(description)
    .addFields(fitFields(fields, L.embedTotal - title.length - description.length - footer.length - 10))
    .setFooter({ text: footer });
  return { embeds: [embed], components: [], allowedMentions: NO_MENTIONS };
}

/** Topics and fact titles, grouped, within an embed's limits. */
export function renderFactList(snapshot: KnowledgeSnapshot, language: Language): Rendered {
  const ui = UI[language];
  const fields: APIEmbedField[] = [];
  for (const topic of snapshot.topics) {
    const facts = snapshot.facts.filter((f) => f.topic === topic.id);
    if (facts.length === 0) continue;
    const lines: string[] = [];
    let length = 0;
    for (const fact of facts) {
      const line = `• ${truncate(kbText(fact.title[language]), 90)} — \`${fact.id}\``;
      if (length + line.length + 1 > L.embedFieldValue) break;
      lines.push(line);
      length += line.length + 1;
    }
    fields.push({ name: truncate(kbText(topic.title[language]), L.embedFieldName), value: lines.join('\n') });
  }
  const kept = fitFields(fields.slice(0, L.embedFields), L.embedTotal - 300);
  const shown = kept.reduce((n, f) => n + f.value.split('\n').length, 0);
  const hidden = snapshot.facts.length - shown;
  const embed = new EmbedBuilder()
    .setTitle(ui.factsTitle)
    .addFields(kept)
    .setFooter({ text: `knowledge ${versionLabel(snapshot)} · ${snapshot.facts.length} facts` });
  if (hidden > 0) embed.setDescription(ui.moreFacts(hidden));
  return { embeds: [embed], components: [], allowedMentions: NO_MENTIONS };
}

function factButtonRows(facts: readonly FactRef[]): ActionRowBuilder<MessageActionRowComponentBuilder>[] {
  // Discord refuses a message whose buttons share a custom id.
  const unique = [...new Map(facts.map((f) => [f.id, f])).values()];
  if (unique.length === 0) return [];
  const buttons = unique.slice(0, L.buttonsPerRow).map((f) =>
    new ButtonBuilder()
      .setCustomId(encodeButton({ kind: 'fact', factId: f.id }))
      .setLabel(truncate(f.title, L.buttonLabel))
      .setStyle(ButtonStyle.Primary),
  );
  return [new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(buttons)];
}

/** One answer among several sent together in a busy channel: who asked what, and the reply. */
export interface TogetherItem {
  readonly authorId: string;
  readonly question: string;
  readonly reply: ReplyModel;
}

/**
 * Several answers in one message, for a channel where questions come faster than Discord lets the bot
 * post: each asker (shown, never pinged), their question as typed, and the answer's title and first
 * words, or what the bot says instead; a button per fact opens it in full, privately, with its sources.
 */
export function renderTogether(items: readonly TogetherItem[]): Rendered {
  const language = items.at(-1)?.reply.language ?? 'en';
  const head = UI[language].together(items.length);
  const room = Math.floor((L.messageContent - head.length - items.length) / Math.max(1, items.length));
  const lines = items.map(({ authorId, question, reply }, i) => {
    const asked = `**${i + 1}.** <@${authorId}> “${quoteTyped(question, 80)}” →`;
    const said = reply.fact
      ? `**${kbText(reply.fact.title)}**: ${kbText(reply.fact.answer)}`
      : unmaskDeceptiveLinks(reply.notice);
    return truncate(`${asked} ${said}`, room);
  });
  const facts = new Map<string, { title: string; numbers: number[] }>();
  items.forEach(({ reply }, i) => {
    if (!reply.fact) return;
    const seen = facts.get(reply.fact.id) ?? { title: reply.fact.title, numbers: [] };
    seen.numbers.push(i + 1);
    facts.set(reply.fact.id, seen);
  });
  const buttons = [...facts].slice(0, L.buttonsPerRow * L.actionRows).map(([factId, { title, numbers }]) =>
    new ButtonBuilder()
      .setCustomId(encodeButton({ kind: 'fact', factId }))
      .setLabel(truncate(`${numbers.join(', ')}. ${title}`, L.buttonLabel))
      .setStyle(ButtonStyle.Secondary),
  );
  const rows: ActionRowBuilder<MessageActionRowComponentBuilder>[] = [];
  for (let i = 0; i < buttons.length; i += L.buttonsPerRow)
    rows.push(
      new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(buttons.slice(i, i + L.buttonsPerRow)),
    );
  return { content: [head, ...lines].join('\n'), embeds: [], components: rows, allowedMentions: NO_MENTIONS };
}

/** Keeps fields while the embed stays under its total-length limit. */
function fitFields(fields: readonly APIEmbedField[], budget: number): APIEmbedField[] {
  const kept: APIEmbedField[] = [];
  let used = 0;
  for (const field of fields) {
    const size = field.name.length + field.value.length;
    if (used + size > budget) break;
    kept.push(field);
    used += size;
  }
  return kept;
}

/** A reload's summary as a Discord message: the headline, and the problems in a code block. */
export function describeReload({ headline, problems }: ReloadSummary): string {
  if (problems.length === 0) return headline;
  const head = `${headline}\n`;
  return head + codeBlock(problems.join('\n'), L.messageContent - head.length);
}
