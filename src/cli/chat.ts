import { createInterface } from 'node:readline';
import { versionLabel } from '../knowledge/snapshot.ts';
import type { TerminalEngine } from './engine-setup.ts';
import { renderText } from './render-text.ts';

export interface ChatIo {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  /** Why the chat is in the terminal rather than on Discord, shown first. */
  readonly banner: readonly string[];
}

const HELP = 'Type a question in English or French and press Enter. Commands: /help, /quit (or Ctrl-D).';

/** An interactive chat on the terminal, on the same engine the Discord bot uses. Resolves at end of input. */
export async function runChat(engine: TerminalEngine, io: ChatIo): Promise<void> {
  const write = (text: string) => io.output.write(`${text}\n`);
  const { snapshot } = engine.answerer;
  for (const line of io.banner) write(line);
  write(`Knowledge base ${versionLabel(snapshot)}: ${snapshot.facts.length} facts. ${HELP}`);
  const rl = createInterface({ input: io.input, output: io.output, prompt: '> ', terminal: false });
  rl.prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === '/quit' || line === '/exit') break;
    if (line === '/help') write(HELP);
    else if (line !== '') write(`${renderText(engine.reply(line))}\n`);
    rl.prompt();
  }
  rl.close();
  write('Bye.');
}
