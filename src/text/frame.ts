import { fold } from './normalise.ts';
import { STOP_WORDS } from './stopwords.ts';

/**
 * A professional question often frames itself before or after the question proper: "For the vendor DPIA:
 * …", "Dans le cadre d'une note juridique interne, …", "… ? Needed for the client's questionnaire." The
 * frame says what the answer is for, not what it is about. This splits a question into its parts, each
 * marked as frame or not; the words of a frame count for less. A leading frame has at most `maxFrameWords`
 * words: longer, it is the question.
 */
export interface Part {
  readonly text: string;
  readonly frame: boolean;
}

export function splitFrame(text: string, maxFrameWords: number): Part[] {
  const parts: Part[] = [];
  let rest = text;
  // A frame before a colon ("Memo context: …", "Client asks: …"), or opening with "for…" up to a comma.
  const colon = /^([^:?]{3,120}):\s*(\S[\s\S]*)$/u.exec(rest);
  const opening = FRAME_OPENING.exec(rest);
  // Or who asked it: "A customer worried about sovereignty asked whether …", "Mon manager veut savoir si …".
  const reported = REPORTED.exec(rest);
  // Not when what follows the colon says nothing of its own ("dans le dossier on parle du CFIUS : c'est quoi ?").
  const lead =
    colon && wordCount(colon[2]!) >= 3 && saysSomething(colon[2]!)
      ? colon[1]!
      : opening
        ? opening[1]!
        : reported
          ? reported[1]!
          : undefined;
  if (lead !== undefined && wordCount(lead) <= maxFrameWords) {
    parts.push({ text: lead, frame: true });
    rest = rest.slice(rest.indexOf(lead) + lead.length);
  }
  // What follows the last question mark, when it asks nothing: "… ? Needed for the board memo."
  const last = rest.lastIndexOf('?');
  const tail = last >= 0 ? rest.slice(last + 1) : '';
  if (wordCount(tail) >= 2 && wordCount(rest.slice(0, last)) >= 3) {
    parts.push({ text: rest.slice(0, last + 1), frame: false }, { text: tail, frame: true });
  } else {
    parts.push({ text: rest, frame: false });
  }
  return parts;
}

const FRAME_OPENING =
  /^((?:(?:for|pour|as part of|in the context of|ahead of)\b|dans le cadre d|en vue d|en prevision d|en prévision d)[^,:?]{3,120})[,:]/iu;

/** Someone's question reported: the words up to "asked", "wants to know", "m'a demandé", before what they asked. */
const REPORTED =
  /^([^?.!:;]{3,120}?\b(?:asked(?: me| us)?|is asking(?: me| us)?|wants to know|wanted to know|a demande|m'a demande|m’a demande|nous a demande|veut savoir|voulait savoir|me demande|nous demande))\s+(?=(?:whether|if|which|what|who|where|when|how|si|s'|s’|quel|quelle|quels|quelles|qui|ou|où|quand|comment|combien|pourquoi)\b)/iu;

/** Whether a text has a word that is no stop word of either language. */
function saysSomething(text: string): boolean {
  return (fold(text).match(/[\p{L}\p{N}]+/gu) ?? []).some((w) => !STOP_WORDS.en.has(w) && !STOP_WORDS.fr.has(w));
}

function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}
