/**
 * The custom checks lesson exercises may name (`{ kind: 'custom', name: ... }`), on top of the
 * sandbox's defaults. They run on the trusted side (the page, or Node in `npm run lessons:check`),
 * never in the learner's worker, and their messages never reveal an expected value: they say what is
 * wrong with the learner's, and how much of it is right.
 *
 * - `sameItems`: an array that must equal the expected one item by item (e.g. every decrypted
 *   message of a capture, in capture order); the message counts the right items and names the first
 *   wrong one.
 * - `recipientAcceptsForgery`: passes only for an envelope the learner made: one the capture never
 *   held (byte-exact, nor a trivial transform of a captured one: its ciphertext, its tag, a bit
 *   flipped, bytes added), sealed under the traffic key the stolen escrow key yields for the
 *   original message (recovered here, trusted-side, from the world; never from a learner value),
 *   accepted by the recipient's real client (lib/protocol/device.ts `receiveMessage`, on the key
 *   state the recipient held just before the original message arrived, as lib/protocol/forgery.ts
 *   `deliverToRecipient` does), and carrying a text of the learner's own (no captured message's).
 * @module
 */
import { AeadOpenError } from '../crypto/aead';
import { bytesToUtf8 } from '../crypto/bytes';
import { seededRandom } from '../crypto/random';
import type { X25519KeyPair } from '../crypto/x25519';
import { DeliveryRejectedError, receiveMessage, type ConversationKeyState } from '../protocol/device';
import { RatchetError } from '../protocol/double-ratchet';
import { decodeHeader, HeaderDecodeError, type EnvelopeHeader } from '../protocol/envelope-header';
import type { KeyDirectory } from '../protocol/key-directory';
import { openMessage } from '../protocol/message-encryption';
import { capturedLookalike, type CapturedEnvelope } from './captured-lookalike';
import { createCheckRegistry, type CheckRegistry, type CustomCheck } from '../sandbox/check-registry';
import { asBytes, describeType, valuesMatch } from '../sandbox/result-values';

/** Passes when the value is an array equal to the expected array, item by item. `params.noun` names the items ("messages"). */
const sameItems: CustomCheck = ({ value, what, expected, params }) => {
  if (!Array.isArray(expected))
    return { pass: false, message: 'This check has no expected list to compare with (lesson bug).' };
  const noun =
    typeof params === 'object' && params !== null && typeof (params as { noun?: unknown }).noun === 'string'
      ? (params as { noun: string }).noun
      : 'items';
  if (!Array.isArray(value))
    return {
      pass: false,
      message: `${what} should be an array of ${expected.length} ${noun}, but it is ${describeType(value)}.`,
    };
  let right = 0;
  let firstWrong = -1;
  for (let i = 0; i < expected.length; i++) {
    if (i < value.length && valuesMatch(value[i], expected[i])) right++;
    else if (firstWrong < 0) firstWrong = i;
  }
  if (right === expected.length && value.length === expected.length)
    return { pass: true, message: `All ${expected.length} ${noun} are right.` };
  const lengthNote =
    value.length === expected.length
      ? ''
      : ` It has ${value.length} items; there should be ${expected.length}, in the same order.`;
  const wrongNote =
    firstWrong >= 0
      ? ` The first wrong one is item ${firstWrong} (it is ${firstWrong < value.length ? describeType(value[firstWrong]) : 'missing'}).`
      : '';
  return {
    pass: false,
    message: `${right} of ${expected.length} ${noun} in ${what} are right.${wrongNote}${lengthNote}`,
  };
};

/**
 * What `recipientAcceptsForgery` needs to run the recipient's client: computed by the exercise
 * builder from the simulated world (trusted side only; the learner's code never sees it).
 */
export interface ForgeryTarget {
  /** The recipient's id and display name, and the identity key pair its client holds. */
  readonly recipient: { readonly id: string; readonly name: string; readonly identity: X25519KeyPair };
  /** Display name of the claimed sender. */
  readonly senderName: string;
  /** The public key directory the client looks keys up in. */
  readonly directory: KeyDirectory;
  /** The recipient's key state for the conversation just before the original message arrived. */
  readonly stateBefore: ConversationKeyState;
  /** The text of the original message; a forgery must say something else. */
  readonly originalText: string;
  /** Seed of the randomness the client would use if the header starts a new ratchet turn. */
  readonly seed: string;
  /**
   * The original message's traffic key, recovered trusted-side with the stolen escrow key
   * (lib/protocol/forgery.ts `recoverTrafficKeyWithEscrow`): a forgery must be sealed under it.
   */
  readonly trafficKey: Uint8Array;
  /** Every envelope of the capture, as the learner saw them: a forgery must be none of them. */
  readonly captured: readonly CapturedEnvelope[];
  /** Every captured message's text: a forgery must say something of the learner's own. */
  readonly capturedTexts: readonly string[];
}

function isForgeryTarget(value: unknown): value is ForgeryTarget {
  if (typeof value !== 'object' || value === null) return false;
  const t = value as Partial<ForgeryTarget>;
  return (
    typeof t.originalText === 'string' &&
    typeof t.seed === 'string' &&
    typeof t.senderName === 'string' &&
    typeof t.recipient?.name === 'string' &&
    typeof t.stateBefore === 'object' &&
    typeof t.directory === 'object' &&
    t.trafficKey instanceof Uint8Array &&
    Array.isArray(t.captured) &&
    Array.isArray(t.capturedTexts)
  );
}

/** Names a field of the value a check looked at: "the export `forged`" → "the export `forged.header`". */
function fieldOf(what: string, field: string): string {
  return what.endsWith('`') ? `${what.slice(0, -1)}.${field}\`` : `${what}.${field}`;
}

/** A learner's text in a message: cut, so a huge forged text cannot make the message huge. */
function quoted(text: string): string {
  return text.length > 200 ? `"${text.slice(0, 200)}…" (${text.length} characters)` : `"${text}"`;
}

/**
 * Passes when the value (`{ header, ciphertext }`) is an envelope the learner made (see the module
 * comment): not captured, sealed under the recovered key, accepted by the recipient, with new text.
 */
const recipientAcceptsForgery: CustomCheck = ({ value, what, expected }) => {
  if (!isForgeryTarget(expected))
    return { pass: false, message: 'This check has no recipient to deliver to (lesson bug).' };
  const { recipient, senderName } = expected;
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Uint8Array) {
    return {
      pass: false,
      message: `${what} should be an object { header, ciphertext }, but it is ${describeType(value)}.`,
    };
  }
  const parts = value as { header?: unknown; ciphertext?: unknown };
  const headerBytes = asBytes(parts.header);
  const ciphertext = asBytes(parts.ciphertext);
  if (!headerBytes)
    return {
      pass: false,
      message: `${fieldOf(what, 'header')} should be bytes (the encoded envelope header), but it is ${describeType(parts.header)}.`,
    };
  if (!ciphertext)
    return {
      pass: false,
      message: `${fieldOf(what, 'ciphertext')} should be bytes (ciphertext ‖ tag), but it is ${describeType(parts.ciphertext)}.`,
    };
  let header: EnvelopeHeader;
  try {
    header = decodeHeader(headerBytes);
  } catch (error) {
    return {
      pass: false,
      message: `${recipient.name}'s client cannot read ${fieldOf(what, 'header')}: ${error instanceof HeaderDecodeError ? error.message : String(error)}.`,
    };
  }
  const replay = capturedLookalike({ header: headerBytes, ciphertext }, expected.captured);
  if (replay) {
    return {
      pass: false,
      message: `${what} ${replay}. A forgery is an envelope the capture never held: seal a text of your own under the recovered traffic key.`,
    };
  }
  // Sealed under the key the learner was to recover: opened here with the key recovered trusted-side.
  let sealedText: string;
  try {
    sealedText = bytesToUtf8(openMessage(header, headerBytes, expected.trafficKey, ciphertext));
  } catch {
    return {
      pass: false,
      message: `${fieldOf(what, 'ciphertext')} is not sealed under the traffic key that the stolen escrow key gives for ${senderName}'s message (with ${fieldOf(what, 'header')} as associated data): recover that key and aeadSeal your text with it.`,
    };
  }
  let plaintext: string;
  try {
    ({ plaintext } = receiveMessage(
      expected.stateBefore,
      { header, ciphertext },
      {
        self: recipient.id,
        identity: recipient.identity,
        directory: expected.directory,
        random: seededRandom(expected.seed),
        escrow: null,
      },
    ));
  } catch (error) {
    if (error instanceof AeadOpenError) {
      return {
        pass: false,
        message: `${recipient.name}'s client rejected it: the authentication tag does not verify under the key its own ratchet gives for this header. Seal with the message's traffic key, and keep the header as it was (it is the associated data).`,
      };
    }
    if (error instanceof DeliveryRejectedError || error instanceof RatchetError || error instanceof RangeError) {
      return { pass: false, message: `${recipient.name}'s client refused it: ${error.message}.` };
    }
    return {
      pass: false,
      message: `${recipient.name}'s client failed on it: ${error instanceof Error ? error.message : String(error)}.`,
    };
  }
  if (plaintext === expected.originalText) {
    return {
      pass: false,
      message: `${recipient.name}'s client accepted it, but it is ${senderName}'s original message: seal a text of your own.`,
    };
  }
  if (plaintext !== sealedText || expected.capturedTexts.includes(plaintext)) {
    return {
      pass: false,
      message: `${recipient.name}'s client accepted it, but its text is one the capture already held: seal a text of your own.`,
    };
  }
  return {
    pass: true,
    message: `${recipient.name}'s client accepted it as a message from ${senderName} and shows: ${quoted(plaintext)}`,
  };
};

/** Every check lesson exercises can use: the sandbox defaults plus the two above. */
export const LESSON_CHECK_REGISTRY: CheckRegistry = createCheckRegistry({ sameItems, recipientAcceptsForgery });
