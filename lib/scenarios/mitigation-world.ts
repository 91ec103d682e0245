/**
 * The world of the mitigations lesson: Alice, Bob and Carol in three conversations over six
 * simulated days, with the escrow designed one of six ways. Everything else stays as in the
 * steal-the-key lesson: same people, same kind of traffic, an escrow field on every message.
 *
 * The lab's simplifications (choices, stated in the lesson): every message has a fresh random
 * 32-byte message key that both phones hold (standing in for the ratchet, which the earlier
 * lessons run for real), and each message is escrowed on its own (no epochs). The message itself
 * is sealed with the lab's envelope header and ChaCha20-Poly1305 (lib/protocol/message-encryption).
 *
 * How each design seals the escrow field:
 * - `none`, `public-log`: HPKE (RFC 9180) to one global authority key, kept for ever;
 * - `rotation`: HPKE to the key of the day; the authority deletes each day's key a day later;
 * - `per-user`: HPKE to the sender's and to the recipient's own escrow key (two copies);
 * - `decryption-only`: HPKE to the global key, but what is escrowed is an encryption-only key:
 *   the message key yields (HKDF) an encryption key and a separate MAC key, the body is sealed
 *   under the first and HMAC-SHA256'd under the second, and the recipient checks both. The
 *   authority can read; it cannot make a MAC;
 * - `threshold`: a threshold ElGamal KEM on ristretto255 to a key that 2 of 3 agencies hold in
 *   shares (lib/crypto/threshold-kem.ts); the message key is wrapped under the encapsulated key.
 * @module
 */
import { open as aeadOpen, seal as aeadSeal } from '@/lib/crypto/aead';
import { concatBytes, equalBytes, utf8ToBytes } from '@/lib/crypto/bytes';
import { deriveKey } from '@/lib/crypto/hkdf';
import { hmacSha256 } from '@/lib/crypto/hmac-sha256';
import { generateHpkeKeyPair, openBase, sealBase, type HpkeKeyPair } from '@/lib/crypto/hpke';
import type { RandomSource } from '@/lib/crypto/random';
import { encapsulate, generateThresholdKey, type ThresholdKeyGeneration } from '@/lib/crypto/threshold-kem';
import { encodeHeader, type EnvelopeHeader } from '@/lib/protocol/envelope-header';
import { openMessage, sealMessage } from '@/lib/protocol/message-encryption';
import { MINUTES_PER_DAY } from '@/lib/protocol/sim-time';

/** The escrow designs the lesson compares. */
export type MitigationId = 'none' | 'rotation' | 'per-user' | 'decryption-only' | 'threshold' | 'public-log';

/** All of them, in the lesson's order. */
export const MITIGATION_IDS: readonly MitigationId[] = [
  'none',
  'rotation',
  'per-user',
  'decryption-only',
  'threshold',
  'public-log',
];

/** One escrowed copy of a message's escrowed key. */
export type EscrowCopy =
  | { readonly kind: 'hpke'; readonly keyId: string; readonly enc: Uint8Array; readonly ciphertext: Uint8Array }
  | { readonly kind: 'threshold'; readonly ephemeral: Uint8Array; readonly wrapped: Uint8Array };

/** One message as the relay recorded it. */
export interface MitigatedMessage {
  readonly seq: number;
  readonly header: EnvelopeHeader;
  readonly body: Uint8Array;
  /** decryption-only: HMAC-SHA256 under the MAC key the authority never gets. */
  readonly mac: Uint8Array | null;
  readonly escrow: readonly EscrowCopy[];
}

/** The authority's key material under each design (secrets: they stay in the scenario). */
export interface AuthorityKeys {
  /** HPKE key pairs by id: 'global', 'day-<n>', 'user-<id>'. */
  readonly hpke: ReadonlyMap<string, HpkeKeyPair>;
  /** When each HPKE key is created and deleted (minutes; Infinity: never). */
  readonly lifetime: ReadonlyMap<string, { readonly from: number; readonly until: number }>;
  readonly threshold: ThresholdKeyGeneration | null;
}

/** A generated world under one design. */
export interface MitigationWorld {
  readonly mitigation: MitigationId;
  readonly messages: readonly MitigatedMessage[];
  /** What each recipient's phone holds per message (the shared message key). */
  readonly phoneKeys: readonly Uint8Array[];
  readonly texts: readonly string[];
  readonly keys: AuthorityKeys;
}

/** The cast's conversations, each as [first speaker, second speaker]. */
const MITIGATION_CONVERSATIONS = [
  ['alice', 'bob'],
  ['bob', 'carol'],
  ['alice', 'carol'],
] as const;
const MITIGATION_DAYS = 6;
/** The theft: day 4 (index 3) at noon. */
export const MITIGATION_THEFT_AT = 3 * MINUTES_PER_DAY + 12 * 60;

const ESCROW_INFO = utf8ToBytes('backdoor-lab mitigations escrow v1');
const WRAP_NONCE = new Uint8Array(12);
const ENC_INFO = utf8ToBytes('backdoor-lab decryption-only enc');
const MAC_INFO = utf8ToBytes('backdoor-lab decryption-only mac');

/** The encryption key and the MAC key a message key yields under the decryption-only design. */
function splitMessageKey(messageKey: Uint8Array): { encKey: Uint8Array; macKey: Uint8Array } {
  return {
    encKey: deriveKey(messageKey, new Uint8Array(0), ENC_INFO),
    macKey: deriveKey(messageKey, new Uint8Array(0), MAC_INFO),
  };
}

function hpkeKeyIdsFor(mitigation: MitigationId, header: EnvelopeHeader): string[] {
  if (mitigation === 'rotation') return [`day-${Math.floor(header.sentAt / MINUTES_PER_DAY)}`];
  if (mitigation === 'per-user') return [`user-${header.sender}`, `user-${header.recipient}`];
  return ['global'];
}

function createAuthorityKeys(mitigation: MitigationId, random: RandomSource): AuthorityKeys {
  const hpke = new Map<string, HpkeKeyPair>();
  const lifetime = new Map<string, { from: number; until: number }>();
  let threshold: ThresholdKeyGeneration | null = null;
  if (mitigation === 'rotation') {
    for (let d = 0; d < MITIGATION_DAYS; d++) {
      hpke.set(`day-${d}`, generateHpkeKeyPair(random));
      // Made at the start of its day, deleted at the end of the next: warrants may come a day late.
      lifetime.set(`day-${d}`, { from: d * MINUTES_PER_DAY, until: (d + 2) * MINUTES_PER_DAY });
    }
  } else if (mitigation === 'per-user') {
    for (const id of ['alice', 'bob', 'carol']) {
      hpke.set(`user-${id}`, generateHpkeKeyPair(random));
      lifetime.set(`user-${id}`, { from: 0, until: Infinity });
    }
  } else if (mitigation === 'threshold') {
    threshold = generateThresholdKey(3, 2, random);
  } else {
    hpke.set('global', generateHpkeKeyPair(random));
    lifetime.set('global', { from: 0, until: Infinity });
  }
  return { hpke, lifetime, threshold };
}

/** The escrowed key of a message: its message key, or its encryption-only key under decryption-only. */
function escrowedKeyOf(mitigation: MitigationId, messageKey: Uint8Array): Uint8Array {
  return mitigation === 'decryption-only' ? splitMessageKey(messageKey).encKey : messageKey;
}

/** Seals `text` as the recipient will check it: ChaCha20-Poly1305 under the (encryption) key, plus the MAC. */
function sealBody(
  mitigation: MitigationId,
  header: EnvelopeHeader,
  messageKey: Uint8Array,
  text: string,
): { body: Uint8Array; mac: Uint8Array | null } {
  const headerBytes = encodeHeader(header);
  if (mitigation !== 'decryption-only')
    return { body: sealMessage(header, headerBytes, messageKey, utf8ToBytes(text)), mac: null };
  const { encKey, macKey } = splitMessageKey(messageKey);
  const body = sealMessage(header, headerBytes, encKey, utf8ToBytes(text));
  return { body, mac: hmacSha256(macKey, concatBytes(headerBytes, body)) };
}

/** Generates the six days of traffic under `mitigation`, each message escrowed as that design says. */
export function generateMitigationWorld(mitigation: MitigationId, random: RandomSource): MitigationWorld {
  const keys = createAuthorityKeys(mitigation, random);
  const messages: MitigatedMessage[] = [];
  const phoneKeys: Uint8Array[] = [];
  const texts: string[] = [];
  const counters = new Map<string, number>();
  for (let day = 0; day < MITIGATION_DAYS; day++) {
    for (const [hour, turn] of [
      [9, 0],
      [17, 1],
    ] as const) {
      for (const pair of MITIGATION_CONVERSATIONS) {
        const sender = pair[turn];
        const recipient = pair[1 - turn]!;
        const conversationId = `${pair[0]}-${pair[1]}`;
        const counterKey = `${conversationId}|${sender}`;
        const counter = counters.get(counterKey) ?? 0;
        counters.set(counterKey, counter + 1);
        const header: EnvelopeHeader = {
          version: 1,
          mode: 'static',
          sender,
          recipient,
          conversationId,
          counter,
          sentAt: day * MINUTES_PER_DAY + hour * 60,
          escrow: { epoch: mitigation === 'rotation' ? day : 0 },
        };
        const text = `${sender === 'alice' ? 'Alice' : sender === 'bob' ? 'Bob' : 'Carol'}, day ${day + 1} at ${hour}:00`;
        const messageKey = random.bytes(32);
        const { body, mac } = sealBody(mitigation, header, messageKey, text);
        const escrowed = escrowedKeyOf(mitigation, messageKey);
        const headerBytes = encodeHeader(header);
        let escrow: EscrowCopy[];
        if (keys.threshold) {
          const kem = encapsulate(keys.threshold.publicKey, random);
          const wrapped = aeadSeal({
            algorithm: 'chacha20-poly1305',
            key: kem.key,
            nonce: WRAP_NONCE,
            plaintext: escrowed,
            aad: headerBytes,
          });
          escrow = [{ kind: 'threshold', ephemeral: kem.ephemeral, wrapped }];
        } else {
          escrow = hpkeKeyIdsFor(mitigation, header).map((keyId) => {
            const sealed = sealBase(
              keys.hpke.get(keyId)!.publicKey,
              concatBytes(ESCROW_INFO, headerBytes),
              headerBytes,
              escrowed,
              { random },
            ).result;
            return { kind: 'hpke', keyId, enc: sealed.enc, ciphertext: sealed.ciphertext };
          });
        }
        messages.push({ seq: messages.length, header, body, mac, escrow });
        phoneKeys.push(messageKey);
        texts.push(text);
      }
    }
  }
  return { mitigation, messages, phoneKeys, texts, keys };
}

/** Opens an HPKE escrow copy with a secret key; null when HPKE refuses. */
export function openHpkeCopy(message: MitigatedMessage, copy: EscrowCopy, secretKey: Uint8Array): Uint8Array | null {
  if (copy.kind !== 'hpke') return null;
  const headerBytes = encodeHeader(message.header);
  try {
    return openBase(
      { enc: copy.enc, ciphertext: copy.ciphertext },
      secretKey,
      concatBytes(ESCROW_INFO, headerBytes),
      headerBytes,
    );
  } catch {
    return null;
  }
}

/** Unwraps a threshold copy with a combined key; null when the key is wrong. */
export function unwrapThresholdCopy(message: MitigatedMessage, copy: EscrowCopy, key: Uint8Array): Uint8Array | null {
  if (copy.kind !== 'threshold') return null;
  try {
    return aeadOpen({
      algorithm: 'chacha20-poly1305',
      key,
      nonce: WRAP_NONCE,
      sealed: copy.wrapped,
      aad: encodeHeader(message.header),
    });
  } catch {
    return null;
  }
}

/** Decrypts the body with an escrowed key (the message key, or the encryption-only key); null when the tag fails. */
export function readBody(message: MitigatedMessage, escrowedKey: Uint8Array): string | null {
  try {
    return new TextDecoder().decode(
      openMessage(message.header, encodeHeader(message.header), escrowedKey, message.body),
    );
  } catch {
    return null;
  }
}

/**
 * The recipient's client: checks the MAC under its own MAC key (decryption-only), then opens the
 * body with the key its phone holds. Returns the text, or why it refused.
 */
export function recipientReceives(
  world: MitigationWorld,
  message: MitigatedMessage,
): { accepted: true; plaintext: string } | { accepted: false; reason: string } {
  const phoneKey = world.phoneKeys[message.seq];
  if (!phoneKey) return { accepted: false, reason: 'no such message on this phone' };
  let key = phoneKey;
  if (world.mitigation === 'decryption-only') {
    const { encKey, macKey } = splitMessageKey(phoneKey);
    const expected = hmacSha256(macKey, concatBytes(encodeHeader(message.header), message.body));
    if (!message.mac || !equalBytes(expected, message.mac))
      return { accepted: false, reason: 'the MAC does not verify under the key only the two phones hold' };
    key = encKey;
  }
  const text = readBody(message, key);
  return text === null ? { accepted: false, reason: 'the tag does not verify' } : { accepted: true, plaintext: text };
}
