import { describe, expect, it } from 'vitest';
import { codeLabExercise } from './code-lab-exercise';
import { validateExerciseInNode } from './validate-exercise';

describe('validateExerciseInNode', () => {
  it('finds nothing wrong with the Code lab exercise', async () => {
    const result = await validateExerciseInNode(codeLabExercise());
    expect(result.problems).toEqual([]);
    expect(result.solution?.report.output.map((l) => l.text)).toEqual([
      'Bob wrote: Meet me at the library at noon. Bring the notebook.',
    ]);
  });

  it('names every problem of a broken exercise', async () => {
    const good = codeLabExercise();
    const broken = {
      ...good,
      starter: good.solution,
      solution: good.solution
        .replace('lesson.bob.publicKey', 'lesson.alice.publicKey')
        .replace('const opened =', 'const opened: string ='),
      checks: [
        ...good.checks,
        { id: 'ran', kind: 'custom' as const, name: 'nope', description: 'dup', expected: 'missing' },
      ],
    };
    const { problems } = await validateExerciseInNode(broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        "exercise 'code-lab': checks: duplicate id 'ran'",
        "exercise 'code-lab': checks.ran: expected value 'missing' is not in setup.expected",
        "exercise 'code-lab': checks.ran: unknown custom check 'nope'",
        expect.stringMatching(/^exercise 'code-lab': solution does not run: line 9: Error: invalid tag/),
        expect.stringMatching(
          /^exercise 'code-lab': solution line 9 has a type error the editor would underline: Type 'Uint8Array/,
        ),
      ]),
    );
  });

  it('rejects a starter that already passes', async () => {
    const good = codeLabExercise();
    const { problems } = await validateExerciseInNode({ ...good, starter: good.solution });
    expect(problems).toEqual(["exercise 'code-lab': starter already passes every check"]);
  });

  it('runs every known cheat and refuses one that passes, one caught by the wrong check, one that does not run', async () => {
    const good = codeLabExercise();
    const { problems, cheats } = await validateExerciseInNode({
      ...good,
      cheats: [
        ...good.cheats,
        { name: 'the solution itself', source: good.solution },
        {
          name: 'right secret, wrong key',
          source:
            "import { x25519 } from '@noble/curves/ed25519.js';\nexport const sharedSecret = x25519.getSharedSecret(lesson.alice.secretKey, lesson.bob.publicKey);\nexport const key = new Uint8Array(32);\nexport const plaintext = '';\n",
          caughtBy: 'shared-secret',
        },
        { name: 'throws', source: "throw new Error('no');" },
        { name: 'caught by nothing', source: '// nothing', caughtBy: 'nope' },
      ],
    });
    expect(cheats?.length).toBe(good.cheats.length + 4);
    expect(problems).toEqual([
      "exercise 'code-lab': cheats: 'caught by nothing' is caught by 'nope', which is not a check of this exercise",
      "exercise 'code-lab': cheat 'the solution itself' passes every check: make a check verify what only the work produces",
      expect.stringMatching(
        /^exercise 'code-lab': cheat 'right secret, wrong key' passes check 'shared-secret', which should refuse it/,
      ),
      "exercise 'code-lab': cheat 'throws' does not run, so it proves nothing about the checks: Error: no",
    ]);
  });
});
