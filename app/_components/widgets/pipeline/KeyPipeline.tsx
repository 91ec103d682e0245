'use client';
/**
 * The whole path of one message as a picture, with the lesson lab's own values: X25519 (the two
 * key pairs) → HKDF-SHA256 (the message key) → ChaCha20-Poly1305 (the sealed message) → Bob's
 * open. It computes nothing: every value is what the lab's widgets computed (lib/store/lab-store.ts),
 * and a stage not reached yet says which button above makes it. Spec: lib/lessons/widget-names.ts.
 */
import { bytesToUtf8, equalBytes, utf8ToBytes } from '@/lib/crypto/bytes';
import { traceValue } from '@/lib/crypto/trace';
import type { LabState } from '@/lib/store/lab-store';
import { useLab } from '../crypto/lab-hooks';
import w from '../crypto/widgets.module.css';
import { PipelineView, type PipelineStage } from './PipelineView';

/** The stages the lab has reached, and what is still missing. */
function stagesOf(s: Pick<LabState, 'keys' | 'shared' | 'derived' | 'sent' | 'delivered' | 'bobResult'>): {
  stages: PipelineStage[];
  missing: string | null;
} {
  const { alice, bob } = s.keys;
  if (!alice || !bob) return { stages: [], missing: "Generate Alice's and Bob's key pairs." };
  const stages: PipelineStage[] = [];
  if (!s.shared.alice) return { stages, missing: 'Swap the public keys and compute the shared secrets.' };
  stages.push({
    id: 'x25519',
    title: 'A shared secret (X25519)',
    op: '',
    caption:
      s.shared.bob && equalBytes(s.shared.alice, s.shared.bob)
        ? "Alice's secret key with Bob's public key; Bob's side, his secret with her public key, gives the same 32 bytes."
        : "Alice's secret key with Bob's public key.",
    inputs: [
      { label: "Alice's secret key", value: alice.secretKey, from: '32 random bytes', secret: true, actor: 'alice' },
      { label: "Bob's public key", value: bob.publicKey, from: "X25519(Bob's secret key, 9)", actor: 'bob' },
    ],
    outputs: [
      { label: 'shared secret', value: s.shared.alice, from: "X25519(Alice's secret, Bob's public)", secret: true },
    ],
  });
  const d = s.derived.alice;
  if (!d) return { stages, missing: 'Derive the message key.' };
  stages.push({
    id: 'hkdf',
    title: 'A message key (HKDF-SHA256)',
    op: 'HKDF-SHA256: Extract, then Expand',
    caption:
      'Extract mixes the shared secret with the salt into a pseudorandom key; Expand with the info string gives the message key.',
    inputs: [
      { label: 'salt', value: d.salt, from: "Alice's public key ‖ Bob's public key" },
      { label: 'info', value: d.info, from: 'names the purpose', text: bytesToUtf8(d.info) },
      { label: 'PRK', value: traceValue(d.trace, 'prk'), from: 'HMAC-SHA256(salt, shared secret)', secret: true },
    ],
    outputs: [{ label: 'message key', value: d.key, from: 'HKDF-Expand(PRK, info, 32)', secret: true, actor: 'alice' }],
  });
  if (!s.sent) return { stages, missing: 'Type a message and press "Encrypt and send".' };
  stages.push({
    id: 'aead',
    title: 'The sealed message (ChaCha20-Poly1305)',
    op: 'ChaCha20-Poly1305 seal',
    caption:
      'The key and a fresh nonce encrypt the text; Poly1305 computes a 16-byte tag over the associated data and the ciphertext.',
    inputs: [
      { label: 'message key', value: d.key, from: 'stage 2', secret: true, actor: 'alice' },
      { label: 'nonce', value: s.sent.nonce, from: '12 fresh random bytes' },
      { label: 'associated data', value: s.sent.aad, from: 'the header, in the clear', text: bytesToUtf8(s.sent.aad) },
      {
        label: 'plaintext',
        value: utf8ToBytes(s.sent.plaintext),
        from: 'what Alice typed',
        text: s.sent.plaintext,
        actor: 'alice',
      },
    ],
    outputs: [
      { label: 'ciphertext ‖ tag', value: s.sent.sealed, from: 'ChaCha20 keystream XOR text, then the Poly1305 tag' },
    ],
  });
  const r = s.bobResult;
  if (!r || !s.delivered || !s.derived.bob) return { stages, missing: 'Let Bob decrypt.' };
  stages.push({
    id: 'open',
    title: r.ok ? 'Bob opens it' : 'Bob refuses it',
    op: 'ChaCha20-Poly1305 open',
    caption: r.ok
      ? "Bob derived the same message key; the tag he recomputes matches, so he gets Alice's text."
      : `The tag did not match: ${r.error}`,
    inputs: [
      { label: "Bob's message key", value: s.derived.bob.key, from: 'HKDF on his side', secret: true, actor: 'bob' },
      { label: 'what arrived', value: s.delivered, from: 'ciphertext ‖ tag after the wire' },
    ],
    outputs: r.ok
      ? [{ label: 'plaintext', value: r.bytes, from: 'the tag verified', text: r.plaintext, actor: 'bob' }]
      : [],
  });
  return { stages, missing: null };
}

export function KeyPipeline() {
  const keys = useLab((s) => s.keys);
  const shared = useLab((s) => s.shared);
  const derived = useLab((s) => s.derived);
  const sent = useLab((s) => s.sent);
  const delivered = useLab((s) => s.delivered);
  const bobResult = useLab((s) => s.bobResult);
  const { stages, missing } = stagesOf({ keys, shared, derived, sent, delivered, bobResult });
  return (
    <section className={w.widget} aria-label="From key pairs to a sealed message">
      <h3 className={w.title}>From key pairs to a sealed message: X25519 → HKDF → ChaCha20-Poly1305</h3>
      {stages.length > 0 && <PipelineView label="The path of one message" stages={stages} />}
      {missing && (
        <p className={w.hint}>
          {stages.length > 0 ? 'Next, above: ' : 'To fill this in: '}
          {missing}
        </p>
      )}
    </section>
  );
}
