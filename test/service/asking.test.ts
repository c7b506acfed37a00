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
  it('given "I don\'t know", then the conversation keeps following the answer before it', async () => {
    const a = await asking();
    expect(a.ask('does tiktok still keep backups of US data?', inDm()).reply.fact?.id).toBe('backups-retained');
    expect(a.ask('ok thanks, where is the cafeteria?', inDm()).reply.status).toBe('unknown');
    expect(a.ask('source?', inDm()).reply.fact?.id).toBe('backups-retained');
  });

  it('never shares a conversation between two members, even in one place', async () => {
    const a = await asking();
    a.ask('does tiktok still keep backups of US data?', inDm('u1', 'thread:1'));
    expect(a.ask('source?', inDm('u2', 'thread:1')).reply.fact).toBeUndefined();
    expect(a.ask('source?', inDm('u1', 'thread:1')).reply.fact?.id).toBe('backups-retained');
  });
});
