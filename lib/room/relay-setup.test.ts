import { describe, expect, it } from 'vitest';
import { configFromEnv, DEFAULT_RELAY_CONFIG } from './relay-setup';

describe('configFromEnv', () => {
  it('takes whole-number overrides of the documented variables and ignores anything else', () => {
    const config = configFromEnv({
      ROOM_MEMBER_CAP: '40',
      ROOM_INACTIVITY_MINUTES: '30',
      ROOM_JOINS_PER_MINUTE: '1000',
      ROOM_SENDS_PER_10S: 'lots',
      ROOM_CREATES_PER_MINUTE: '-1',
    });
    expect(config.memberCap).toBe(40);
    expect(config.inactivityMs).toBe(30 * 60_000);
    expect(config.rates.joinPerAddress).toEqual({ limit: 1000, windowMs: 60_000 });
    expect(config.rates.sendPerDevice).toEqual(DEFAULT_RELAY_CONFIG.rates.sendPerDevice);
    expect(config.rates.createPerAddress).toEqual(DEFAULT_RELAY_CONFIG.rates.createPerAddress);
    expect(configFromEnv({})).toEqual(DEFAULT_RELAY_CONFIG);
  });
});
