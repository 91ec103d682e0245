import { describe, expect, it } from 'vitest';
import { ALLOWED_MODULE_NAMES, isAllowedModuleName, refusedImportMessage } from './allowed-module-names';
import { createModuleTable } from './allowed-modules';

describe('module allowlist', () => {
  it('the runner table provides exactly the allowlisted names, frozen', () => {
    const table = createModuleTable();
    expect(Object.keys(table).sort()).toEqual([...ALLOWED_MODULE_NAMES].sort());
    expect(Object.isFrozen(table)).toBe(true);
    for (const name of ALLOWED_MODULE_NAMES) expect(Object.isFrozen(table[name])).toBe(true);
  });

  it('exposes the real noble objects', () => {
    const ed = createModuleTable()['@noble/curves/ed25519.js'] as { x25519: { getSharedSecret: unknown } };
    expect(typeof ed.x25519.getSharedSecret).toBe('function');
  });

  it('refuses everything else and names the allowed modules', () => {
    for (const name of ['fs', 'data:text/javascript,1', 'https://example.com/x.js', '@noble/curves', 42]) {
      expect(isAllowedModuleName(name)).toBe(false);
    }
    const message = refusedImportMessage('node:fs');
    expect(message).toContain("'node:fs'");
    for (const name of ALLOWED_MODULE_NAMES) expect(message).toContain(name);
  });
});
