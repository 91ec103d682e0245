/**
 * The learner's own message, sent into a generated world through the same path every simulated
 * message took: the sender's client seals it (deriving the next ratchet or static key, and with
 * escrow on wrapping the key for the authority), the relay logs it, and the recipient's client opens
 * it. It is sent one minute after the world's last message, so the relay log stays in time order
 * and every capture taken afterwards (a wiretap up to the end, the server's log) includes it.
 * @module
 */
import type { RandomSource } from '@/lib/crypto/random';
import { receiveMessage, sendMessage, type DeviceContext } from '@/lib/protocol/device';
import type { Envelope } from '@/lib/protocol/envelope';
import { escrowPolicyOf } from '@/lib/protocol/escrow-setup';
import type { ParticipantId } from '@/lib/protocol/participant';
import { relayEnvelope } from '@/lib/protocol/relay';
import type { ScheduledMessage } from '@/lib/protocol/schedule';
import type { SessionVersion, World } from '@/lib/protocol/world';

/** The world after the message, the message's relay seq and envelope, and what the recipient opened. */
export interface AppendedMessage {
  readonly world: World;
  readonly seq: number;
  readonly envelope: Envelope;
  readonly delivered: string;
}

/**
 * Sends `text` from `sender` to `recipient` in their conversation. The relay log is appended in
 * place (it is append-only, see relay.ts); the returned world has the new schedule entry, both
 * devices' new key states and the new end time. Throws a RangeError if the two share no conversation.
 */
export function appendLearnerMessage(
  world: World,
  message: { readonly sender: ParticipantId; readonly recipient: ParticipantId; readonly text: string },
  random: RandomSource,
): AppendedMessage {
  const { sender, recipient, text } = message;
  if (sender === recipient) throw new RangeError('a message needs two different people');
  const from = world.participants.find((p) => p.id === sender);
  const to = world.participants.find((p) => p.id === recipient);
  if (!from) throw new RangeError(`no participant '${sender}' in this world`);
  if (!to) throw new RangeError(`no participant '${recipient}' in this world`);
  const conversation = world.conversations.find(
    (c) =>
      (c.initiator === sender && c.responder === recipient) || (c.initiator === recipient && c.responder === sender),
  );
  if (!conversation) throw new RangeError(`${from.name} and ${to.name} have no conversation in this world`);
  const policy = world.escrow ? escrowPolicyOf(world.escrow) : null;
  const context = (who: typeof from): DeviceContext => ({
    self: who.id,
    identity: who.identity,
    directory: world.directory,
    random,
    escrow: policy,
  });
  const versions = (who: ParticipantId): readonly SessionVersion[] => world.deviceHistory[who]?.[conversation.id] ?? [];
  const latest = (who: ParticipantId) => {
    const v = versions(who);
    const last = v[v.length - 1];
    if (!last) throw new RangeError(`'${who}' holds no state for '${conversation.id}'`);
    return last.state;
  };

  const sentAt = world.endsAt + 1;
  const sent = sendMessage(latest(sender), text, sentAt, context(from));
  // Open before logging: if the recipient's client refused it, the world must stay as it was.
  const received = receiveMessage(latest(recipient), sent.envelope, context(to));
  const record = relayEnvelope(world.relay, sent.envelope);

  const withVersion = (who: ParticipantId, state: SessionVersion['state']) => ({
    ...world.deviceHistory[who],
    [conversation.id]: [...versions(who), { seq: record.seq, at: sentAt, state }],
  });
  const scheduled: ScheduledMessage = {
    index: record.seq,
    conversationId: conversation.id,
    sender,
    recipient,
    sentAt,
    text,
  };
  return {
    world: {
      ...world,
      schedule: [...world.schedule, scheduled],
      deviceHistory: {
        ...world.deviceHistory,
        [sender]: withVersion(sender, sent.state),
        [recipient]: withVersion(recipient, received.state),
      },
      endsAt: sentAt,
    },
    seq: record.seq,
    envelope: sent.envelope,
    delivered: received.plaintext,
  };
}
