/**
 * The page's view of a generated world: everything the god view shows (people, conversations, the
 * schedule with its texts), counts, and the public half of the escrow arrangement. The world itself
 * (identity secrets, device histories, escrow key pieces) never leaves the worker.
 * @module
 */
import type { World } from '@/lib/protocol/world';
import type { ConversationSummary, EscrowSummary, ScheduleRow, WorldSummary } from './world-messages';

/** Builds the summary of `world`, registered in the worker as `worldId`. `learnerSeqs` marks the learner's own messages. */
export function summarizeWorld(
  worldId: string,
  world: World,
  options: { readonly generateMs: number; readonly learnerSeqs: ReadonlySet<number> },
): WorldSummary {
  const perConversation = new Map<string, number>();
  let escrowed = 0;
  let ciphertextBytes = 0;
  for (const record of world.relay.records) {
    const h = record.envelope.header;
    perConversation.set(h.conversationId, (perConversation.get(h.conversationId) ?? 0) + 1);
    if (record.envelope.escrow) escrowed++;
    ciphertextBytes += record.envelope.ciphertext.length;
  }
  const conversations: ConversationSummary[] = world.conversations.map((c) => ({
    id: c.id,
    initiator: c.initiator,
    responder: c.responder,
    topic: c.topic,
    messages: perConversation.get(c.id) ?? 0,
  }));
  const schedule: ScheduleRow[] = world.schedule.map((m) => ({
    seq: m.index,
    conversationId: m.conversationId,
    sender: m.sender,
    recipient: m.recipient,
    sentAt: m.sentAt,
    text: m.text,
    learner: options.learnerSeqs.has(m.index),
  }));
  const setup = world.escrow;
  const escrow: EscrowSummary | null = setup
    ? {
        variant: setup.variant,
        enabledAt: setup.enabledAt,
        epochMinutes: setup.epochMinutes,
        piecesNeeded: setup.piecesNeeded,
        authorities: setup.authorities.map((a) => ({ id: a.id, name: a.name, publicKey: a.publicKey })),
        agencies: setup.pieces.map((p) => ({
          agencyId: p.agencyId,
          agencyName: p.agencyName,
          authorityId: p.authorityId,
          kind: p.kind,
        })),
      }
    : null;
  return {
    worldId,
    seed: world.options.seed,
    mode: world.mode,
    durationMinutes: world.options.durationMinutes,
    participants: world.participants.map((p) => ({ id: p.id, name: p.name, identityPublicKey: p.identity.publicKey })),
    conversations,
    schedule,
    counts: {
      people: world.participants.length,
      conversations: world.conversations.length,
      messages: world.relay.records.length,
      escrowed,
      ciphertextBytes,
    },
    endsAt: world.endsAt,
    escrow,
    timing: { generateMs: options.generateMs },
  };
}
