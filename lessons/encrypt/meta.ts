import type { Lesson } from '@/lib/lessons/lesson-types';

export const lesson = {
  slug: 'encrypt',
  title: 'Encrypt',
  summary:
    'Turn the shared secret into a message key with HKDF, seal a message with ChaCha20-Poly1305, watch a flipped bit fail the tag, and see what a reused nonce gives away.',
  minutes: 15,
  level: 'beginner',
  objectives: [
    'Derive a message key from a shared secret with HKDF-SHA256 and say what the salt and info are for',
    'Encrypt and decrypt a message with ChaCha20-Poly1305 and name each part of the result: nonce, ciphertext, tag',
    'Show that changing a single bit in transit makes the recipient reject the message',
    'Explain, with real bytes, why a nonce must never be used twice with the same key',
  ],
  prerequisites: ['key-exchange'],
  steps: [
    {
      id: 'setup',
      title: 'Keys and a shared secret',
      requires: [
        { action: 'keypair:alice', hint: "Generate Alice's key pair first." },
        { action: 'keypair:bob', hint: "Generate Bob's key pair first." },
        { action: 'exchange', hint: 'Press "Swap public keys" first.' },
        { action: 'shared', hint: 'Press "Compute shared secrets" first.' },
      ],
    },
    {
      id: 'derive',
      title: 'From shared secret to message key',
      requires: [{ action: 'derive', hint: 'Press "Derive message key" first.' }],
    },
    {
      id: 'seal-and-open',
      title: 'Seal a message, open it',
      requires: [
        { action: 'encrypt', hint: 'Type a message for Alice and press "Encrypt and send".' },
        { action: 'decrypt:ok', hint: 'Press "Bob decrypts" to open the message.' },
      ],
    },
    {
      id: 'flip-a-bit',
      title: 'Flip one bit',
      requires: [
        { action: 'tamper', hint: 'Flip a bit in transit first.' },
        { action: 'decrypt:rejected', hint: 'Now press "Bob decrypts" to see what happens to the changed message.' },
      ],
    },
    {
      id: 'reuse-a-nonce',
      title: 'Reuse a nonce',
      requires: [{ action: 'nonce-reuse', hint: 'Press "Encrypt both with the same key and nonce" first.' }],
    },
    { id: 'in-code', title: 'Open it yourself, in code', exercise: 'open-and-spot-the-tamper' },
    {
      id: 'check',
      title: 'Check your understanding',
      requires: [
        { action: 'quiz:why-derive', hint: 'Answer the question about HKDF.' },
        { action: 'quiz:flipped-bit', hint: 'Answer the question about the flipped bit.' },
        { action: 'quiz:reused-nonce', hint: 'Answer the question about the reused nonce.' },
      ],
    },
  ],
  quiz: [
    {
      id: 'why-derive',
      question: 'Why run the shared secret through HKDF instead of using it directly as the key?',
      choices: [
        {
          text: 'Raw X25519 output is not uniformly random, and HKDF also binds the key to its context and purpose',
          correct: true,
          explanation:
            'Right. The shared secret is a curve coordinate (its top bit is always 0, for one); HKDF-Extract turns it into a pseudorandom key, and the salt and info make keys for different parties or purposes differ.',
        },
        {
          text: 'To make the key longer',
          correct: false,
          explanation:
            'No. The message key is 32 bytes, the same length as the shared secret. HKDF can produce longer output, but length is not why it is used here.',
        },
        {
          text: 'To hide the shared secret from Eve',
          correct: false,
          explanation:
            'No. Eve never had the shared secret: it was computed on each device and never sent. HKDF is about the quality and purpose of the key, not about hiding it.',
        },
        {
          text: 'Because ChaCha20-Poly1305 cannot take a 32-byte key, so HKDF has to reshape the X25519 output for it',
          correct: false,
          explanation: 'No. ChaCha20-Poly1305 takes exactly a 32-byte key (RFC 8439). Length is not the problem.',
        },
      ],
    },
    {
      id: 'flipped-bit',
      question: 'Eve flips one bit of the ciphertext on its way to Bob. What happens when Bob decrypts?',
      choices: [
        {
          text: 'Decryption is refused: the tag does not match',
          correct: true,
          explanation:
            'Right. The tag is computed over the associated data and the ciphertext; change either and the tag Bob computes differs from the one that arrived, so he gets nothing.',
        },
        {
          text: 'Bob reads the message with one bit changed',
          correct: false,
          explanation:
            'That is what would happen with ChaCha20 alone, which is a plain XOR with a keystream. The Poly1305 tag is there to stop exactly this: the message is refused instead.',
        },
        {
          text: 'Bob reads scrambled text',
          correct: false,
          explanation:
            'No. An AEAD checks the tag before releasing any plaintext. Bob sees an error, not a damaged message.',
        },
        {
          text: 'Bob reads the original message, because the cipher corrects errors',
          correct: false,
          explanation: 'No. Encryption does not correct errors; it detects them (through the tag) and refuses.',
        },
      ],
    },
    {
      id: 'reused-nonce',
      question: 'Two messages were sealed with the same key and the same nonce. What can Eve learn without the key?',
      choices: [
        {
          text: 'The XOR of the two messages; if she knows or guesses one, she reads the other',
          correct: true,
          explanation:
            'Right. Same key and nonce means the same keystream, and XORing the two ciphertexts cancels it: ct1 ⊕ ct2 = pt1 ⊕ pt2. You saw Eve recover message 2 this way. The Poly1305 one-time key repeats as well (RFC 8439 §4), which lets her forge tags too.',
        },
        {
          text: 'Nothing, as long as the key stays secret',
          correct: false,
          explanation:
            'No. The widget computed ct1 ⊕ ct2 and pt1 ⊕ pt2 and they were identical. Keeping the key secret is not enough; the nonce must be unique too.',
        },
        {
          text: 'The key itself',
          correct: false,
          explanation:
            'No, not the key: she learns keystream bytes, which belong to that key and nonce only. That is already enough to read the second message, and the repeated Poly1305 one-time key lets her forge tags under that nonce.',
        },
        {
          text: 'Only the lengths of the messages',
          correct: false,
          explanation:
            'Lengths are visible anyway, with or without nonce reuse. A reused nonce leaks much more: the content, once one message is known.',
        },
      ],
    },
  ],
} satisfies Lesson;
