/**
 * Discord markup in knowledge-base text that would show staff something other than the text says: a
 * masked link whose words look like one address while it leads to another, and mention syntax. The
 * validator refuses the first and warns on the second; the Discord renderer neutralises both, so what
 * staff see is what the validator checked. Pure: no Discord import.
 */

/** `[words](target)`, as Discord reads a masked link (one line; the target in parentheses, maybe in <>). */
const MASKED_LINK = /\[([^[\]\n]*)\]\(([^()\n]*)\)/g;

/** @everyone, @here, and user, role and channel mentions (<@123>, <@!123>, <@&123>, <#123>). */
const MENTION = /@(?:everyone|here)\b|<[@#][!&]?\d+>/g;

export interface DeceptiveLink {
  /** The whole `[words](target)`. */
  readonly markup: string;
  readonly words: string;
  readonly target: string;
}

/** Masked links whose words read as an address other than the one they lead to. */
export function deceptiveLinks(text: string): DeceptiveLink[] {
  const found: DeceptiveLink[] = [];
  if (!text.includes('](')) return found;
  for (const match of text.matchAll(MASKED_LINK)) {
    const [markup, words, inner] = match as unknown as [string, string, string];
    const target = inner.trim().split(/\s/)[0]!.replace(/^<|>$/g, '');
    if (leadsElsewhere(words, target)) found.push({ markup, words, target });
  }
  return found;
}

/** Every deceptive masked link written out as its words and its real address: "words (address)". */
export function unmaskDeceptiveLinks(text: string): string {
  if (!text.includes('](')) return text;
  return text.replace(MASKED_LINK, (markup: string, words: string, inner: string) => {
    const target = inner.trim().split(/\s/)[0]!.replace(/^<|>$/g, '');
    return leadsElsewhere(words, target) ? `${words} (${target})` : markup;
  });
}

/** Mention syntax in the text, as written. */
export function mentionsIn(text: string): string[] {
  if (!text.includes('@') && !text.includes('<#')) return [];
  return [...text.matchAll(MENTION)].map((m) => m[0]);
}

/** The text with every mention made inert: a zero-width space after "@" or "<" keeps it as plain text. */
export function inertMentions(text: string): string {
  if (!text.includes('@') && !text.includes('<#')) return text;
  return text.replace(MENTION, (mention) =>
    mention.startsWith('@') ? `@\u200b${mention.slice(1)}` : `<\u200b${mention.slice(1)}`,
  );
}

/** The words look like an address (a URL or a bare domain) and it is not where the link goes. */
function leadsElsewhere(words: string, target: string): boolean {
  const shown = addressOf(words);
  if (shown === undefined) return false;
  const real = addressOf(target);
  if (real === undefined) return true;
  if (hostOf(shown) !== hostOf(real)) return true;
  return pathOf(shown) !== '' && pathOf(shown) !== pathOf(real);
}

function addressOf(text: string): URL | undefined {
  const candidate = text.trim().replace(/^<|>$/g, '');
  if (candidate === '' || /\s/.test(candidate) || !candidate.includes('.')) return undefined;
  const withScheme = /^[a-z][a-z\d+.-]*:\/\//i.test(candidate) ? candidate : `https://${candidate}`;
  try {
    const url = new URL(withScheme);
    return /\.[a-z]{2,}$/i.test(url.hostname) || /^[\d.]+$/.test(url.hostname) ? url : undefined;
  } catch {
    return undefined;
  }
}

function pathOf(url: URL): string {
  let end = url.pathname.length;
  while (end > 0 && url.pathname[end - 1] === '/') end--;
  return url.pathname.slice(0, end);
}

function hostOf(url: URL): string {
  return url.hostname.toLowerCase().replace(/^www\./, '');
}
