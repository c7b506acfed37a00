import type { Built, LiveStore } from '../knowledge/live-store.ts';
import { formatProblem } from '../knowledge/problems.ts';
import { versionLabel } from '../knowledge/snapshot.ts';
import type { PullStatus } from '../ops/knowledge-pull.ts';
import type { Recorder } from '../record/recorder.ts';
import { recordHealth, type RecordHealth } from './record-health.ts';
import { staleFacts, type StaleFacts } from './stale.ts';

/** The running bot's knowledge base and what feeds it and records it, as `/kb status` shows it. */
export interface KnowledgeStatus {
  /** The version live now, as people see it (hash and load time). */
  readonly version: string;
  readonly facts: number;
  readonly loadedAt: Date;
  readonly stale: StaleFacts;
  readonly record: RecordHealth;
  /** The last reload, when it failed: the version still served, and each problem at its file:line:column. */
  readonly lastError: { readonly serving: string; readonly problems: readonly string[] } | undefined;
  /** Files in the folder left out on purpose (editors' leftovers), and why. */
  readonly ignored: readonly { readonly file: string; readonly why: string }[];
  /** The last pull of the knowledge repository, when pulls are configured. */
  readonly pull: PullStatus | undefined;
}

export function knowledgeStatus(bot: {
  readonly store: LiveStore<Built>;
  readonly now: () => Date;
  readonly recorder: Recorder | undefined;
  readonly recordUnavailable?: string | undefined;
  readonly knowledgePull?: { last(): PullStatus | undefined } | undefined;
}): KnowledgeStatus {
  const { snapshot } = bot.store.current();
  const error = bot.store.lastError;
  return {
    version: versionLabel(snapshot),
    facts: snapshot.facts.length,
    loadedAt: snapshot.loadedAt,
    stale: staleFacts(snapshot, bot.now()),
    record: recordHealth(bot.recorder, bot.recordUnavailable),
    lastError: error && { serving: snapshot.version, problems: error.errors.map(formatProblem) },
    ignored: snapshot.ignored.map((p) => ({ file: p.file, why: p.message.replace(/^ignored: /, '') })),
    pull: bot.knowledgePull?.last(),
  };
}
