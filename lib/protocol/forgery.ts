/**
 * Forgery: with authenticated encryption the key that reads a message is also the key that vouches
 * for it (Keys Under Doormats, 2015: escrow "interferes with authenticated encryption"). Whoever
 * recovers a traffic key from the escrow blob can change the text and re-seal it under the same
 * header; the recipient's ordinary client recomputes the same key from its own ratchet, the tag
 * verifies, and the forgery is shown as genuine.
 *
 * Without escrow, an attacker on the wire has no key. The best it can do is edit the ciphertext in
 * place (ChaCha20 is a stream cipher, so XOR-ing in (old text XOR new text) would change the
 * decryption, if it knows the old text); the Poly1305 tag then fails and the client refuses it.
 * @module
 */
import { AeadOpenError } from '@/lib/crypto/aead';
import { utf8ToBytes } from '@/lib/crypto/bytes';
import { seededRandom } from '@/lib/crypto/random';
import { DeliveryRejectedError, receiveMessage } from './device';
import { conversationStateBefore } from './device-snapshot';
import type { Envelope } from './envelope';
import { encodeHeader } from './envelope-header';
import { escrowWrapKeyAt, openEscrowEpoch, startEscrowChain, unwrapTrafficKey } from './escrow-epoch';
import type { EscrowSecretKey } from './escrow-setup';
import { openMessage, sealMessage } from './message-encryption';
import { RatchetError } from './double-ratchet';
import type { World } from './world';

/** A forged envelope and how it was made, or why it could not be. */
export type ForgeryAttempt =
  | {
      readonly ok: true;
      readonly method: 'resealed-with-escrowed-key' | 'edited-ciphertext-without-key';
      readonly forged: Envelope;
    }
  | { readonly ok: false; readonly reason: string };

/** What the recipient's client did with an envelope. */
export type DeliveryResult =
  | { readonly accepted: true; readonly plaintext: string }
  | { readonly accepted: false; readonly reason: 'tag-failed' | 'rejected'; readonly message: string };

/**
 * Recovers an envelope's traffic key from its escrow blob with an escrow secret key: HPKE-open the
 * epoch key, walk the wrap chain to the message's position, unwrap, and confirm by opening the
 * message. Null if the envelope has no escrow blob for these keys or anything fails.
 */
export function recoverTrafficKeyWithEscrow(
  envelope: Envelope,
  escrowKeys: readonly EscrowSecretKey[],
): Uint8Array | null {
  const escrow = envelope.escrow;
  if (!escrow || !envelope.header.escrow) return null;
  const headerBytes = encodeHeader(envelope.header);
  for (const k of escrowKeys) {
    try {
      const root = openEscrowEpoch(escrow.epochBlob, k.authorityId, k.secretKey);
      const position = envelope.header.counter - escrow.epochBlob.header.firstCounter;
      const { wrapKey } = escrowWrapKeyAt(startEscrowChain(root), position);
      const trafficKey = unwrapTrafficKey(wrapKey, envelope.header.counter, headerBytes, escrow.wrappedKey);
      openMessage(envelope.header, headerBytes, trafficKey, envelope.ciphertext);
      return trafficKey;
    } catch {
      continue;
    }
  }
  return null;
}

/** `envelope` with `newText` sealed under its own header by `trafficKey`: what a key holder can forge. */
export function resealWithKey(envelope: Envelope, trafficKey: Uint8Array, newText: string): Envelope {
  return {
    ...envelope,
    ciphertext: sealMessage(envelope.header, encodeHeader(envelope.header), trafficKey, utf8ToBytes(newText)),
  };
}

/** Why escrow gives no key for `envelope`: no escrow blob at all, no escrow key in hand, or none that opens it. */
export function noEscrowKeyReason(envelope: Envelope, escrowKeys: readonly EscrowSecretKey[]): string {
  if (!envelope.escrow) return 'this envelope carries no escrow field: there is no key to recover';
  return escrowKeys.length === 0 ? 'no escrow key in hand' : "no escrow key in hand opens this envelope's escrow field";
}

/** Re-seals `newText` under the envelope's own header with the traffic key recovered through escrow. */
export function forgeWithEscrowKey(
  envelope: Envelope,
  escrowKeys: readonly EscrowSecretKey[],
  newText: string,
): ForgeryAttempt {
  const trafficKey = recoverTrafficKeyWithEscrow(envelope, escrowKeys);
  if (!trafficKey) return { ok: false, reason: noEscrowKeyReason(envelope, escrowKeys) };
  return { ok: true, method: 'resealed-with-escrowed-key', forged: resealWithKey(envelope, trafficKey, newText) };
}

const TAG_BYTES = 16;

/**
 * The plaintext bytes a keyless edit writes: `newText` cut or space-padded to the envelope's body
 * length (a stream cipher keeps lengths, RFC 8439 §2.4).
 */
function editedBody(envelope: Envelope, newText: string): Uint8Array {
  const body = new Uint8Array(envelope.ciphertext.length - TAG_BYTES).fill(0x20);
  body.set(utf8ToBytes(newText).subarray(0, body.length));
  return body;
}

/** The text a keyless edit of `envelope` would make the recipient read, were the tag not checked. */
export function keylessEditText(envelope: Envelope, newText: string): string {
  return new TextDecoder().decode(editedBody(envelope, newText));
}

/**
 * The keyless attempt: XORs (guessed old text XOR new text) into the ciphertext, keeping the tag.
 * The new text is cut or space-padded to the old length (a stream cipher keeps lengths).
 */
export function forgeByEditingCiphertext(
  envelope: Envelope,
  guessedPlaintext: string,
  newText: string,
): ForgeryAttempt {
  const oldBytes = utf8ToBytes(guessedPlaintext);
  const newBytes = editedBody(envelope, newText);
  const ciphertext = envelope.ciphertext.slice();
  for (let i = 0; i < newBytes.length; i++) ciphertext[i] = ciphertext[i]! ^ (oldBytes[i] ?? 0x20) ^ newBytes[i]!;
  return { ok: true, method: 'edited-ciphertext-without-key', forged: { ...envelope, ciphertext } };
}

/**
 * What a recipient's client did, from running its receive path: accepted with the plaintext, or
 * refused because the tag failed (AeadOpenError) or the header was rejected. Other errors are bugs.
 */
export function deliveryOf(receive: () => string): DeliveryResult {
  try {
    return { accepted: true, plaintext: receive() };
  } catch (e) {
    if (e instanceof AeadOpenError) return { accepted: false, reason: 'tag-failed', message: e.message };
    if (e instanceof DeliveryRejectedError || e instanceof RatchetError || e instanceof RangeError) {
      return { accepted: false, reason: 'rejected', message: e.message };
    }
    throw e;
  }
}

/**
 * Hands `envelope` to the recipient's ordinary client in place of relay record `seq`: the receive
 * path runs on the recipient's key state just before that record arrived. Nothing here looks at
 * the escrow blob; the client trusts whatever its own keys verify.
 */
export function deliverToRecipient(world: World, seq: number, envelope: Envelope): DeliveryResult {
  const original = world.relay.records[seq];
  if (!original) return { accepted: false, reason: 'rejected', message: `no relay record ${seq}` };
  const h = original.envelope.header;
  const recipient = world.participants.find((p) => p.id === h.recipient);
  if (!recipient) return { accepted: false, reason: 'rejected', message: `unknown recipient '${h.recipient}'` };
  const state = conversationStateBefore(world, h.recipient, h.conversationId, seq);
  return deliveryOf(
    () =>
      receiveMessage(state, envelope, {
        self: recipient.id,
        identity: recipient.identity,
        directory: world.directory,
        // Only used if the header starts a new ratchet turn; the resulting state is thrown away.
        random: seededRandom(`${world.options.seed}|delivery|${seq}`),
        escrow: null,
      }).plaintext,
  );
}

/** The text of a delivered envelope, for display. */
export function describeDelivery(result: DeliveryResult): string {
  return result.accepted
    ? `accepted as genuine: "${result.plaintext}"`
    : `refused (${result.reason}): ${result.message}`;
}
