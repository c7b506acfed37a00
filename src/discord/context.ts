import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  ModalSubmitInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Answerer } from '../answer/answerer.ts';
import type { LiveStore } from '../knowledge/live-store.ts';
import type { Logger } from '../log.ts';
import type { Recorder } from '../record/recorder.ts';
import type { Asking } from '../service/asking.ts';
import type { KnowledgePull } from '../ops/knowledge-pull.ts';
import type { ChannelOutbox } from './channel-outbox.ts';
import type { Cooldown } from './cooldown.ts';
import type { ChannelReply } from './channel-replies.ts';
import type { Contact } from '../answer/reply.ts';

/** What every handler may use. Built once per running bot; nothing here is module-level state. */
export interface BotContext {
  readonly store: LiveStore<Answerer>;
  readonly asking: Asking;
  readonly logger: Logger;
  readonly now: () => Date;
  readonly cooldown: Cooldown;
  readonly settings: BotSettings;
  /** The record of what staff asked, when recording is on. */
  readonly recorder: Recorder | undefined;
  /** Why there is no recorder although recording is on: the record could not be opened at start. */
  readonly recordUnavailable?: string | undefined;
  /** The knowledge repository's pulls, when KNOWLEDGE_GIT_PULL_MINUTES is set: /kb status shows the last. */
  readonly knowledgePull?: Pick<KnowledgePull, 'last'> | undefined;
  /** Replies to messages, one channel at a time, sent together when a channel is busy. */
  readonly channelReplies: ChannelOutbox<ChannelReply>;
}

export interface BotSettings {
  readonly contact: Contact;
  readonly policyRoleId: string | undefined;
  readonly policyChannelId: string | undefined;
  readonly answerChannelIds: readonly string[];
  readonly questionCooldownMs: number;
  /** How long a member's conversation with the bot lasts after its last question; 0: every question alone. */
  readonly conversationMs: number;
  /** The knowledge folder, read by /kb preview to check a draft against the files as they are. */
  readonly knowledgeDir: string;
}

/**
 * How a command's reply may be deferred when the bot is busy, known before its work is done: who will see
 * it, or `never` for a reply that must be the first response (a modal), which must then be cheap.
 */
export type Deferral = 'public' | 'private' | 'never';

/** One slash command: its registration data and its handlers. */
export interface Command {
  readonly data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** Default `private`. */
  deferral?(interaction: ChatInputCommandInteraction): Deferral;
  execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, context: BotContext): Promise<void>;
  modal?(interaction: ModalSubmitInteraction, context: BotContext): Promise<void>;
}

/** An error whose message is meant for the person who asked, shown privately instead of a generic one. */
export class UserError extends Error {
  override readonly name = 'UserError';
}
