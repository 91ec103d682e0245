import { describe, expect, it } from 'vitest';
import { codeLabExercise } from './code-lab-exercise';
import { typecheckLearnerCode } from './typecheck-in-node';

describe('typecheckLearnerCode (the editor’s declarations, checked with the compiler API)', () => {
  const exercise = codeLabExercise();

  it('finds no errors in the Code lab solution or starter', () => {
    expect(typecheckLearnerCode(exercise.solution, exercise.setup.context)).toEqual([]);
    expect(typecheckLearnerCode(exercise.starter, exercise.setup.context)).toEqual([]);
  });

  it('knows noble, the backdoor-lab helpers and the lesson context, and flags misuse on the right line', () => {
    const source = [
      "import { x25519 } from '@noble/curves/ed25519.js';",
      "import { hpkeOpen, bytesToHex } from 'backdoor-lab';",
      'const shared: Uint8Array = x25519.getSharedSecret(lesson.alice.secretKey, lesson.bob.publicKey);',
      'const n: number = lesson.info;',
      'x25519.getSharedSecrett(shared, shared);',
      'lesson.bob.pubKey;',
      'document.title;',
      'export const hex = bytesToHex(hpkeOpen({ enc: shared, ciphertext: shared }, shared, shared, shared));',
    ].join('\n');
    const errors = typecheckLearnerCode(source, exercise.setup.context);
    expect(errors.map((e) => e.line)).toEqual([4, 5, 6, 7]);
    expect(errors[0]!.message).toMatch(/string.*not assignable to type 'number'/);
    expect(errors[1]!.message).toMatch(/getSharedSecrett/);
    expect(errors[2]!.message).toMatch(/pubKey/);
    expect(errors[3]!.message).toMatch(/Cannot find name 'document'/);
  });

  it('flags imports outside the allowlist', () => {
    const errors = typecheckLearnerCode("import { readFileSync } from 'node:fs';", {});
    expect(errors[0]?.message).toMatch(/Cannot find (module|name) 'node:fs'/);
  });
});
