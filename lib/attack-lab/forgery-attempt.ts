/**
 * A thief rewrites a captured message and delivers it. With a key that opens the message (from the
 * escrow field and a stolen escrow key, or, in static mode, from a stolen phone's identity key) it
 * re-seals the new text under the same header; the recipient's client derives the same key from its
 * own state and the tag verifies. Without one, it can only edit the ciphertext in place or seal
 * under a key of its own, and the recipient's tag check refuses both (lib/protocol/forgery.ts).
 * @module
 */
import { utf8ToBytes } from '@/lib/crypto/bytes';
import type { RandomSource } from '@/lib/crypto/random';
import type { Loot } from '@/lib/protocol/capability';
import type { Envelope } from '@/lib/protocol/envelope';
import { encodeHeader } from '@/lib/protocol/envelope-header';
import { deliverToRecipient, forgeByEditingCiphertext, recoverTrafficKeyWithEscrow } from '@/lib/protocol/forgery';
import { identityPublicKeyOf } from '@/lib/protocol/key-directory';
import { openMessage, sealMessage } from '@/lib/protocol/message-encryption';
import { deriveStaticConversationKey } from '@/lib/protocol/static-session';
import type { World } from '@/lib/protocol/world';
import type { ForgeResult, KeylessForgery } from './world-messages';

/** A traffic key the thief holds for `envelope`, and where it came from; null when it holds none. */
export function thiefKeyFor(world: World, envelope: Envelope, loot: Loot): { key: Uint8Array; source: 'escrow' | 'static-device' } | null {
  const fromEscrow = recoverTrafficKeyWithEscrow(envelope, loot.escrowKeys);
  if (fromEscrow) return { key: fromEscrow, source: 'escrow' };
  const h = envelope.header;
  if (h.mode !== 'static') return null;
  // Static mode: a stolen phone's identity secret gives every conversation key of its owner, for ever.
  for (const device of loot.devices) {
    if (device.participantId !== h.sender && device.participantId !== h.recipient) continue;
    const peer = device.participantId === h.sender ? h.recipient : h.sender;
    const key = deriveStaticConversationKey(device.identity.secretKey, identityPublicKeyOf(world.directory, peer), h.conversationId);
    try {
      openMessage(h, encodeHeader(h), key, envelope.ciphertext);
      return { key, source: 'static-device' };
    } catch {
      continue;
    }
  }
  return null;
}

/** Forges relay record `seq` with the keys in `loot` (or without a key, by `keyless`), and delivers it. */
export function forgeCapturedMessage(
  world: World,
  seq: number,
  newText: string,
  loot: Loot,
  options: { readonly keyless?: KeylessForgery; readonly random: RandomSource },
): ForgeResult {
  const record = world.relay.records[seq];
  if (!record) throw new RangeError(`no relay record ${seq} in this world (it has ${world.relay.records.length})`);
  const original = record.envelope;
  const h = original.header;
  const originalText = world.schedule[seq]?.text ?? '';
  const held = thiefKeyFor(world, original, loot);
  let forged: Envelope;
  let method: ForgeResult['method'];
  let forgedText = newText;
  let noKeyReason: string | null = null;
  if (held) {
    forged = { ...original, ciphertext: sealMessage(h, encodeHeader(h), held.key, utf8ToBytes(newText)) };
    method = held.source === 'escrow' ? 'resealed-with-escrowed-key' : 'resealed-with-phone-key';
  } else {
    noKeyReason = !original.escrow
      ? 'this envelope carries no escrow field: there is no key to recover'
      : loot.escrowKeys.length === 0
        ? 'no escrow key in hand'
        : "no escrow key in hand opens this envelope's escrow field";
    if ((options.keyless ?? 'edit-ciphertext') === 'edit-ciphertext') {
      // The best case for the forger: it knows the old text, so XOR-ing in old ⊕ new changes the
      // plaintext exactly (a stream cipher keeps lengths, so the new text is cut or padded).
      const attempt = forgeByEditingCiphertext(original, originalText, newText);
      if (!attempt.ok) throw new Error(attempt.reason);
      forged = attempt.forged;
      method = 'edited-ciphertext-without-key';
      const body = utf8ToBytes(newText).subarray(0, original.ciphertext.length - 16);
      forgedText = new TextDecoder().decode(body);
    } else {
      forged = { ...original, ciphertext: sealMessage(h, encodeHeader(h), options.random.bytes(32), utf8ToBytes(newText)) };
      method = 'sealed-with-own-key';
    }
  }
  return {
    seq,
    original: { sender: h.sender, recipient: h.recipient, sentAt: h.sentAt, text: originalText, ciphertext: original.ciphertext, escrowed: Boolean(original.escrow) },
    method,
    noKeyReason,
    recoveredKey: held?.key ?? null,
    forgedText,
    forgedCiphertext: forged.ciphertext,
    delivery: deliverToRecipient(world, seq, forged),
  };
}
