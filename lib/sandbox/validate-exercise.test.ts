import { describe, expect, it } from 'vitest';
import { codeLabExercise } from './code-lab-exercise';
import { validateExerciseInNode } from './validate-exercise';

describe('validateExerciseInNode', () => {
  it('finds nothing wrong with the Code lab exercise', async () => {
    const result = await validateExerciseInNode(codeLabExercise());
    expect(result.problems).toEqual([]);
    expect(result.solution?.report.output.map((l) => l.text)).toEqual(['Bob wrote: Meet me at the library at noon. Bring the notebook.']);
  });

  it('names every problem of a broken exercise', async () => {
    const good = codeLabExercise();
    const broken = {
      ...good,
      starter: good.solution,
      solution: good.solution.replace('lesson.bob.publicKey', 'lesson.alice.publicKey').replace('const opened =', 'const opened: string ='),
      checks: [...good.checks, { id: 'ran', kind: 'custom' as const, name: 'nope', description: 'dup', expected: 'missing' }],
    };
    const { problems } = await validateExerciseInNode(broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        "exercise 'code-lab': checks: duplicate id 'ran'",
        "exercise 'code-lab': checks.ran: expected value 'missing' is not in setup.expected",
        "exercise 'code-lab': checks.ran: unknown custom check 'nope'",
        expect.stringMatching(/^exercise 'code-lab': solution does not run: line 9: Error: invalid tag/),
        expect.stringMatching(/^exercise 'code-lab': solution line 9 has a type error the editor would underline: Type 'Uint8Array/),
      ]),
    );
  });

  it('rejects a starter that already passes', async () => {
    const good = codeLabExercise();
    const { problems } = await validateExerciseInNode({ ...good, starter: good.solution });
    expect(problems).toEqual(["exercise 'code-lab': starter already passes every check"]);
  });
});
