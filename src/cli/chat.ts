import { createInterface } from 'node:readline';
import type { Language } from '../knowledge/schema.ts';
import { versionLabel } from '../knowledge/snapshot.ts';
import { fold } from '../text/normalise.ts';
import type { TerminalEngine } from './engine-setup.ts';
import { renderText } from './render-text.ts';

export interface ChatIo {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  /** Why the chat is in the terminal rather than on Discord, shown first. */
  readonly banner: readonly string[];
}

const YES = new Set(['y', 'yes', 'yeah', 'yep', 'o', 'oui', 'ouais']);

const HELP = 'Type a question in English or French and press Enter. Commands: /help, /quit (or Ctrl-D).';

/** An interactive chat on the terminal, on the same engine the Discord bot uses. Resolves at end of input. */
export async function runChat(engine: TerminalEngine, io: ChatIo): Promise<void> {
  const write = (text: string) => io.output.write(`${text}\n`);
  const { snapshot } = engine.answerer;
  for (const line of io.banner) write(line);
  write(`Knowledge base ${versionLabel(snapshot)}: ${snapshot.facts.length} facts. ${HELP}`);
  const rl = createInterface({ input: io.input, output: io.output, prompt: '> ', terminal: false });
  rl.prompt();
  // After "did you mean …?", a yes shows that fact; anything else is a new question.
  let offered: { id: string; language: Language } | undefined;
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === '/quit' || line === '/exit') break;
    const accepted = offered && YES.has(fold(line).replace(/[^a-z]/g, '')) ? engine.show(offered.id, offered.language) : undefined;
    offered = undefined;
    if (line === '/help') write(HELP);
    else if (accepted) write(`${renderText(accepted)}\n`);
    else if (line !== '') {
      const reply = engine.reply(line);
      write(`${renderText(reply)}\n`);
      if (reply.status === 'clarify' && reply.suggestions[0]) offered = { id: reply.suggestions[0].id, language: reply.language };
    }
    rl.prompt();
  }
  rl.close();
  write('Bye.');
}
