/**
 * Opening a capture's escrow epochs ahead of a bulk decryption. Each epoch costs one HPKE open,
 * i.e. one X25519 (RFC 9180 §4.1 Decap), and a 10,000-message capture has dozens of epochs: with
 * noble, inside the synchronous decryption loop, they were a fifth to a third of the whole run.
 * Here they run first, concurrently, on an injected X25519 engine (the platform's WebCrypto when
 * present, x25519-platform.ts), and {@link decryptCaptureInChunks} takes the result as
 * `openedEpochs`. The outcomes are the same either way: an epoch that does not open here is
 * recorded as failed, exactly as the loop's own attempt would fail.
 * @module
 */
import { publicKeyFromSecret } from '@/lib/crypto/x25519';
import type { X25519Engine } from '@/lib/crypto/x25519-platform';
import type { Capture, Loot } from './capability';
import type { EnvelopeHeader } from './envelope-header';
import { openEscrowEpochWith } from './escrow-epoch';

/** Epoch keys by {@link escrowEpochKeyId}; `null`: that epoch's seal did not open with that key. */
export type OpenedEscrowEpochs = ReadonlyMap<string, Uint8Array | null>;

/** Names one (authority, conversation, sender, epoch): the unit an epoch key opens. */
export function escrowEpochKeyId(
  authorityId: string,
  header: Pick<EnvelopeHeader, 'conversationId' | 'sender'>,
  epoch: number,
): string {
  return `${authorityId}|${header.conversationId}|${header.sender}|${epoch}`;
}

/**
 * Opens, once each and all at once, every epoch of `capture` that a stolen escrow key in `loot`
 * applies to (the envelope's blob must belong to its header, as decrypt-capture.ts requires).
 */
export async function openEscrowEpochsAhead(
  capture: Capture,
  loot: Loot,
  x25519: X25519Engine,
): Promise<OpenedEscrowEpochs> {
  const pending = new Map<string, Promise<Uint8Array | null>>();
  const publicKeys = new Map<Uint8Array, Uint8Array>();
  for (const { envelope } of capture.records) {
    const h = envelope.header;
    const escrow = envelope.escrow;
    if (!escrow || !h.escrow) continue;
    const e = escrow.epochBlob.header;
    if (
      e.conversationId !== h.conversationId ||
      e.sender !== h.sender ||
      e.recipient !== h.recipient ||
      e.epoch !== h.escrow.epoch
    )
      continue;
    for (const stolen of loot.escrowKeys) {
      if (!escrow.epochBlob.seals.some((s) => s.authorityId === stolen.authorityId)) continue;
      const id = escrowEpochKeyId(stolen.authorityId, h, h.escrow.epoch);
      if (pending.has(id)) continue;
      let publicKey = publicKeys.get(stolen.secretKey);
      if (!publicKey) {
        try {
          publicKey = publicKeyFromSecret(stolen.secretKey);
        } catch {
          continue; // a malformed key: the loop's own attempt reports it
        }
        publicKeys.set(stolen.secretKey, publicKey);
      }
      pending.set(
        id,
        openEscrowEpochWith(escrow.epochBlob, stolen.authorityId, stolen.secretKey, publicKey, x25519).catch(
          () => null,
        ),
      );
    }
  }
  const opened = new Map<string, Uint8Array | null>();
  for (const [id, root] of pending) opened.set(id, await root);
  return opened;
}
