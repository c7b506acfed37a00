import type { Command } from '../context.ts';
import { ask } from './ask.ts';
import { fact } from './fact.ts';
import { facts } from './facts.ts';
import { kb } from './kb/index.ts';
import { sources } from './sources.ts';

/** Every slash command, by name. A command missing here is missing everywhere, deployment included. */
export const COMMANDS = { ask, fact, facts, sources, kb } as const satisfies Record<string, Command>;

export function findCommand(name: string): Command | undefined {
  return Object.hasOwn(COMMANDS, name) ? COMMANDS[name as keyof typeof COMMANDS] : undefined;
}
