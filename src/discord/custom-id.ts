/** The custom ids of our buttons: one place that writes them and one that reads them. */
export type ButtonAction =
  | { readonly kind: 'fact'; readonly factId: string }
  | { readonly kind: 'sources'; readonly factId: string }
  | { readonly kind: 'vote'; readonly helpful: boolean; readonly recordId: string };

export function encodeButton(action: ButtonAction): string {
  switch (action.kind) {
    case 'fact':
      return `fact:${action.factId}`;
    case 'sources':
      return `sources:${action.factId}`;
    case 'vote':
      return `vote:${action.helpful ? 'up' : 'down'}:${action.recordId}`;
  }
}

export function decodeButton(customId: string): ButtonAction | undefined {
  const [kind, first, second] = customId.split(':');
  if ((kind === 'fact' || kind === 'sources') && first) return { kind, factId: first };
  if (kind === 'vote' && (first === 'up' || first === 'down') && second)
    return { kind, helpful: first === 'up', recordId: second };
  return undefined;
}
