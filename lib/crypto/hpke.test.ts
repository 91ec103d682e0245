import { describe, expect, it } from 'vitest';
import { AeadOpenError } from './aead';
import { bytesToHex, flipBit, hexToBytes, utf8ToBytes } from './bytes';
import { deriveKeyPair, generateHpkeKeyPair, openBase, sealBase, setupBaseRecipient, setupBaseSender } from './hpke';
import { seededRandom } from './random';
import { traceValue } from './trace';
import { X25519Error } from './x25519';

const h = (hex: string) => hexToBytes(hex);

// RFC 9180 Appendix A.2.1: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20Poly1305, mode_base.
const A21 = {
  info: '4f6465206f6e2061204772656369616e2055726e', // "Ode on a Grecian Urn"
  ikmE: '909a9b35d3dc4713a5e72a4da274b55d3d3821a37e5d099e74a647db583a904b',
  pkEm: '1afa08d3dec047a643885163f1180476fa7ddb54c6a8029ea33f95796bf2ac4a',
  skEm: 'f4ec9b33b792c372c1d2c2063507b684ef925b8c75a42dbcbf57d63ccd381600',
  ikmR: '1ac01f181fdf9f352797655161c58b75c656a6cc2716dcb66372da835542e1df',
  pkRm: '4310ee97d88cc1f088a5576c77ab0cf5c3ac797f3d95139c6c84b5429c59662a',
  skRm: '8057991eef8f1f1af18f4a9491d16a1ce333f695d4db8e38da75975c4478e0fb',
  enc: '1afa08d3dec047a643885163f1180476fa7ddb54c6a8029ea33f95796bf2ac4a',
  shared_secret: '0bbe78490412b4bbea4812666f7916932b828bba79942424abb65244930d69a7',
  key_schedule_context:
    '00431df6cd95e11ff49d7013563baf7f11588c75a6611ee2a4404a49306ae4cfc5b69c5718a60cc5876c358d3f7fc31ddb598503f67be58ea1e798c0bb19eb9796',
  secret: '5b9cd775e64b437a2335cf499361b2e0d5e444d5cb41a8a53336d8fe402282c6',
  key: 'ad2744de8e17f4ebba575b3f5f5a8fa1f69c2a07f6e7500bc60ca6e3e3ec1c91',
  base_nonce: '5c4d98150661b848853b547f',
  exporter_secret: 'a3b010d4994890e2c6968a36f64470d3c824c8f5029942feb11e7a74b2921922',
  pt: '4265617574792069732074727574682c20747275746820626561757479', // "Beauty is truth, truth beauty"
  seq0: {
    aad: '436f756e742d30', // "Count-0"
    ct: '1c5250d8034ec2b784ba2cfd69dbdb8af406cfe3ff938e131f0def8c8b60b4db21993c62ce81883d2dd1b51a28',
  },
  seq1: {
    aad: '436f756e742d31', // "Count-1"
    ct: '6b53c051e4199c518de79594e1c4ab18b96f081549d45ce015be002090bb119e85285337cc95ba5f59992dc98c',
  },
  // A.2.1.2 exported values, L = 32.
  exports: [
    ['', '4bbd6243b8bb54cec311fac9df81841b6fd61f56538a775e7c80a9f40160606e'],
    ['00', '8c1df14732580e5501b00f82b10a1647b40713191b7c1240ac80e2b68808ba69'],
    ['54657374436f6e74657874', '5acb09211139c43b3090489a9da433e8a30ee7188ba8b0a9a1ccf0c229283e53'],
  ],
} as const;

const SCHEDULE_NAMES = [
  'shared_secret',
  'key_schedule_context',
  'secret',
  'key',
  'base_nonce',
  'exporter_secret',
] as const;

function vectorSender() {
  return setupBaseSender(h(A21.pkRm), h(A21.info), { ephemeralIkm: h(A21.ikmE) });
}

describe('HPKE base mode, RFC 9180 Appendix A.2.1', () => {
  it('DeriveKeyPair turns ikmE and ikmR into the vector key pairs (§7.1.3)', () => {
    const e = deriveKeyPair(h(A21.ikmE));
    const r = deriveKeyPair(h(A21.ikmR));
    expect(bytesToHex(e.publicKey)).toBe(A21.pkEm);
    expect(bytesToHex(e.secretKey)).toBe(A21.skEm);
    expect(bytesToHex(r.publicKey)).toBe(A21.pkRm);
    expect(bytesToHex(r.secretKey)).toBe(A21.skRm);
  });

  it('SetupBaseS gives enc and the key schedule values, read from the context trace', () => {
    const sender = vectorSender();
    expect(bytesToHex(sender.enc)).toBe(A21.enc);
    expect(bytesToHex(traceValue(sender.trace, 'enc'))).toBe(A21.enc);
    for (const name of SCHEDULE_NAMES) expect(bytesToHex(traceValue(sender.trace, name)), name).toBe(A21[name]);
    expect(bytesToHex(sender.key)).toBe(A21.key);
    expect(bytesToHex(sender.baseNonce)).toBe(A21.base_nonce);
    expect(bytesToHex(sender.exporterSecret)).toBe(A21.exporter_secret);
  });

  it('seals sequence numbers 0 and 1 to the vector ciphertexts', () => {
    const sender = vectorSender();
    expect(sender.sequenceNumber).toBe(0);
    expect(bytesToHex(sender.seal(h(A21.seq0.aad), h(A21.pt)))).toBe(A21.seq0.ct);
    expect(sender.sequenceNumber).toBe(1);
    expect(bytesToHex(sender.seal(h(A21.seq1.aad), h(A21.pt)))).toBe(A21.seq1.ct);
    expect(sender.sequenceNumber).toBe(2);
  });

  it('SetupBaseR from enc and skRm reaches the same schedule and opens both ciphertexts in order', () => {
    const recipient = setupBaseRecipient(h(A21.enc), h(A21.skRm), h(A21.info));
    for (const name of SCHEDULE_NAMES) expect(bytesToHex(traceValue(recipient.trace, name)), name).toBe(A21[name]);
    expect(bytesToHex(recipient.open(h(A21.seq0.aad), h(A21.seq0.ct)))).toBe(A21.pt);
    expect(bytesToHex(recipient.open(h(A21.seq1.aad), h(A21.seq1.ct)))).toBe(A21.pt);
    expect(recipient.sequenceNumber).toBe(2);
  });

  it('exports the A.2.1.2 secrets on both sides (§5.3)', () => {
    const sender = vectorSender();
    const recipient = setupBaseRecipient(h(A21.enc), h(A21.skRm), h(A21.info));
    for (const [context, value] of A21.exports) {
      expect(bytesToHex(sender.export(h(context), 32))).toBe(value);
      expect(bytesToHex(recipient.export(h(context), 32))).toBe(value);
    }
  });

  it('single-shot sealBase/openBase (§6.1) produce and accept the sequence-0 ciphertext', () => {
    const { result, trace } = sealBase(h(A21.pkRm), h(A21.info), h(A21.seq0.aad), h(A21.pt), {
      ephemeralIkm: h(A21.ikmE),
    });
    expect(bytesToHex(result.enc)).toBe(A21.enc);
    expect(bytesToHex(result.ciphertext)).toBe(A21.seq0.ct);
    expect(bytesToHex(traceValue(trace, 'ciphertext'))).toBe(A21.seq0.ct);
    expect(bytesToHex(traceValue(trace, 'shared_secret'))).toBe(A21.shared_secret);
    expect(bytesToHex(openBase(result, h(A21.skRm), h(A21.info), h(A21.seq0.aad)))).toBe(A21.pt);
    // With pkR given (bulk opens skip recomputing it), the same ciphertext opens; a wrong pkR
    // changes the KEM context, so the open fails rather than succeeding differently.
    expect(bytesToHex(openBase(result, h(A21.skRm), h(A21.info), h(A21.seq0.aad), h(A21.pkRm)))).toBe(A21.pt);
    expect(() => openBase(result, h(A21.skRm), h(A21.info), h(A21.seq0.aad), flipBit(h(A21.pkRm), 0))).toThrow(
      AeadOpenError,
    );
  });
});

describe('HPKE refusals', () => {
  const sealed = { enc: h(A21.enc), ciphertext: h(A21.seq0.ct) };
  const skR = h(A21.skRm);
  const info = h(A21.info);
  const aad = h(A21.seq0.aad);

  it('wrong info, wrong aad or a changed ciphertext throw AeadOpenError', () => {
    expect(() => openBase(sealed, skR, utf8ToBytes('Ode to a Nightingale'), aad)).toThrow(AeadOpenError);
    expect(() => openBase(sealed, skR, new Uint8Array(0), aad)).toThrow(AeadOpenError);
    expect(() => openBase(sealed, skR, info, h(A21.seq1.aad))).toThrow(AeadOpenError);
    expect(() => openBase({ ...sealed, ciphertext: flipBit(sealed.ciphertext, 3) }, skR, info, aad)).toThrow(
      AeadOpenError,
    );
    expect(openBase(sealed, skR, info, aad)).toEqual(h(A21.pt));
  });

  it('a different enc or recipient key throws AeadOpenError; a low-order enc throws X25519Error', () => {
    expect(() => openBase({ ...sealed, enc: h(A21.pkRm) }, skR, info, aad)).toThrow(AeadOpenError);
    expect(() => openBase(sealed, h(A21.skEm), info, aad)).toThrow(AeadOpenError);
    expect(() => openBase({ ...sealed, enc: new Uint8Array(32) }, skR, info, aad)).toThrow(X25519Error);
  });

  it('opening out of order fails, and a failed open does not advance the sequence number', () => {
    const recipient = setupBaseRecipient(h(A21.enc), skR, info);
    expect(() => recipient.open(h(A21.seq1.aad), h(A21.seq1.ct))).toThrow(AeadOpenError);
    expect(recipient.sequenceNumber).toBe(0);
    expect(bytesToHex(recipient.open(aad, h(A21.seq0.ct)))).toBe(A21.pt);
    expect(recipient.sequenceNumber).toBe(1);
  });
});

describe('HPKE key generation', () => {
  it('generateHpkeKeyPair is DeriveKeyPair over 32 bytes from the given source', () => {
    const pair = generateHpkeKeyPair(seededRandom('escrow authority'));
    const again = deriveKeyPair(seededRandom('escrow authority').bytes(32));
    expect(bytesToHex(pair.secretKey)).toBe(bytesToHex(again.secretKey));
    expect(bytesToHex(pair.publicKey)).toBe(bytesToHex(again.publicKey));
  });

  it('without ephemeralIkm each seal uses a fresh ephemeral key, and both open', () => {
    const recipient = generateHpkeKeyPair();
    const escrowInfo = utf8ToBytes('backdoor-lab escrow v1');
    const pt = utf8ToBytes('message key');
    const a = sealBase(recipient.publicKey, escrowInfo, new Uint8Array(0), pt).result;
    const b = sealBase(recipient.publicKey, escrowInfo, new Uint8Array(0), pt, { random: seededRandom('eph') }).result;
    expect(bytesToHex(a.enc)).not.toBe(bytesToHex(b.enc));
    expect(bytesToHex(a.ciphertext)).not.toBe(bytesToHex(b.ciphertext));
    expect(openBase(a, recipient.secretKey, escrowInfo, new Uint8Array(0))).toEqual(pt);
    expect(openBase(b, recipient.secretKey, escrowInfo, new Uint8Array(0))).toEqual(pt);
    // The seeded ephemeral key is reproducible, so the enc is too.
    const c = sealBase(recipient.publicKey, escrowInfo, new Uint8Array(0), pt, { random: seededRandom('eph') }).result;
    expect(bytesToHex(c.enc)).toBe(bytesToHex(b.enc));
  });
});
