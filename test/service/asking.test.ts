import { describe, expect, it } from 'vitest';
import { createAsking } from '../../src/service/asking.ts';
import { openKnowledge } from '../../src/service/knowledge.ts';
import { FIXTURE_KNOWLEDGE_DIR, TODAY } from '../helpers.ts';

async function asking() {
  const opened = await openKnowledge({ knowledgeDir: FIXTURE_KNOWLEDGE_DIR, now: () => TODAY });
  if (!opened.ok) throw new Error('the fixture knowledge base does not load');
  return createAsking({
    store: opened.store,
    contact: { en: 'the policy team', fr: 'l’équipe' },
    now: () => TODAY,
    conversationMs: 10 * 60_000,
  });
}

const inDm = (userId = 'u1', place = `dm:${userId}`) =>
  ({ channelKind: 'dm', userId, conversation: { place, continues: true } }) as const;

describe('a conversation, in the service', () => {
  it('given "I don\'t know", then the conversation keeps following the answer before it, but "source?" is asked back', async () => {
    const a = await asking();
    expect(a.ask('does tiktok still keep backups of US data?', inDm()).reply.fact?.id).toBe('backups-retained');
    expect(a.ask('ok thanks, where is the cafeteria?', inDm()).reply.status).toBe('unknown');
    // The source of what? The message just before got no answer: the older answer is offered, not given.
    const source = a.ask('source?', inDm()).reply;
    expect(source.status).toBe('clarify');
    expect(source.suggestions.map((f) => f.id)).toEqual(['backups-retained']);
    expect(a.ask('and where are they kept?', inDm()).reply.fact?.id).toBe('backup-locations');
    // Once answered again, "source?" is about that answer.
    expect(a.ask('source?', inDm()).reply.fact?.id).toBe('backup-locations');
  });

  it('never shares a conversation between two members, even in one place', async () => {
    const a = await asking();
    a.ask('does tiktok still keep backups of US data?', inDm('u1', 'thread:1'));
    expect(a.ask('source?', inDm('u2', 'thread:1')).reply.fact).toBeUndefined();
    expect(a.ask('source?', inDm('u1', 'thread:1')).reply.fact?.id).toBe('backups-retained');
  });
});
