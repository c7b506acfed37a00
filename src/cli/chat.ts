import { createInterface } from 'node:readline';
import type { Language } from '../knowledge/schema.ts';
import { reloadSummary, type ReloadSummary } from '../service/reload-summary.ts';
import { versionLabel } from '../service/display.ts';
import { analyze } from '../text/analyze.ts';
import type { TerminalEngine } from './engine-setup.ts';
import { renderText } from './render-text.ts';

export interface ChatIo {
  readonly input: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly output: NodeJS.WritableStream;
  /** Why the chat is in the terminal rather than on Discord, shown first. */
  readonly banner: readonly string[];
  /** Reload the knowledge base when its files are saved (the default), as the bot does. */
  readonly watch?: boolean;
}

const YES = new Set(['y', 'yes', 'yeah', 'yep', 'o', 'oui', 'ouais']);

const HELP = 'Type a question in English or French and press Enter. Commands: /help, /quit (or Ctrl-D).';

/** Lines kept for the up arrow, when the input is a terminal. */
const HISTORY_SIZE = 200;

/** An interactive chat on the terminal, on the same engine the Discord bot uses. Resolves at end of input. */
export async function runChat(engine: TerminalEngine, io: ChatIo): Promise<void> {
  const write = (text: string) => io.output.write(`${text}\n`);
  const { snapshot } = engine.current();
  for (const line of io.banner) write(line);
  write(`Knowledge base ${versionLabel(snapshot)}: ${snapshot.facts.length} facts. ${HELP}`);
  // On a terminal, readline edits the line (arrows, history); on a pipe it only splits lines.
  const terminal = io.input.isTTY === true;
  const rl = createInterface({
    input: io.input,
    output: io.output,
    prompt: '> ',
    terminal,
    historySize: terminal ? HISTORY_SIZE : 0,
  });
  const watcher =
    io.watch === false
      ? undefined
      : engine.watch((outcome) => {
          write(`\n${reloadMessage(reloadSummary(outcome)).join('\n')}`);
          rl.prompt(true);
        });
  rl.prompt();
  // After "did you mean …?", a yes shows that fact; anything else is a new question.
  let offered: { id: string; language: Language } | undefined;
  try {
    for await (const raw of rl) {
      const line = raw.trim();
      if (line === '/quit' || line === '/exit') break;
      const accepted =
        offered &&
        YES.has(
          analyze(line)
            .words.map((w) => w.word)
            .join(''),
        )
          ? engine.show(offered.id, offered.language)
          : undefined;
      offered = undefined;
      if (line === '/help') write(HELP);
      else if (accepted) write(`${renderText(accepted)}\n`);
      else if (line !== '') {
        const reply = engine.reply(line, 'chat');
        write(`${renderText(reply)}\n`);
        if (reply.status === 'clarify' && reply.suggestions[0])
          offered = { id: reply.suggestions[0].id, language: reply.language };
      }
      rl.prompt();
    }
  } finally {
    watcher?.close();
    rl.close();
  }
  write('Bye.');
}

/** What a reload did, for the person chatting. */
export function reloadMessage({ headline, problems }: ReloadSummary): string[] {
  return [headline, ...problems];
}
