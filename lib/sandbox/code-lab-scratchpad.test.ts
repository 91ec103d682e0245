import { describe, expect, it } from 'vitest';
import { codeLabScratchpads } from './code-lab-scratchpad';
import { runInNode } from './run-in-node';

describe('the Code lab scratchpads', () => {
  it('each example runs to the end and prints what it says, with nothing to check', async () => {
    const examples = codeLabScratchpads();
    expect(examples.map((e) => e.id)).toEqual(['scratchpad-x25519', 'scratchpad-hkdf', 'scratchpad-aead']);
    const printed: string[] = [];
    for (const example of examples) {
      expect(example.checks).toEqual([]);
      const report = await runInNode(example.starter, example.setup.context);
      expect(report.outcome.status, example.id).toBe('ok');
      printed.push(report.output.map((line) => line.text).join('\n'));
    }
    expect(printed[0]).toContain('Alice public key matches: true');
    expect(printed[1]).toMatch(/alice to bob +[0-9a-f]{64}/);
    expect(printed[2]).toContain('opened: Meet me at noon');
    expect(printed[2]).toContain('one bit changed, refused:');
  });
});
