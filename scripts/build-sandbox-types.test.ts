import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateSandboxDeclarations, OUTPUT_FILE } from './build-sandbox-types';
import { SANDBOX_MODULE_DECLARATIONS } from '../lib/sandbox/generated/sandbox-module-declarations';

describe('generated sandbox declarations', () => {
  it('are up to date with node_modules/@noble and lib/sandbox/lab-helpers.ts', () => {
    expect(fs.readFileSync(OUTPUT_FILE, 'utf8') === generateSandboxDeclarations()).toBe(true);
  });

  it('declare x25519 and the backdoor-lab helpers at the paths Monaco resolves', () => {
    const byPath = new Map(SANDBOX_MODULE_DECLARATIONS.map((f) => [f.path, f.content]));
    expect(byPath.get('file:///node_modules/@noble/curves/ed25519.d.ts')).toMatch(/export declare const x25519/);
    expect(byPath.get('file:///node_modules/backdoor-lab/index.d.ts')).toMatch(/export declare function hpkeOpen\(/);
    for (const content of byPath.values()) expect(content).not.toMatch(/from '\.[^']*\.ts'/);
  });
});
