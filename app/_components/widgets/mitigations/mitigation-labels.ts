/**
 * What the mitigations widgets call each escrow design, what the thief does to it, and what risk
 * remains: display text for lib/scenarios/mitigations.ts's designs (the numbers are computed there).
 */
import type { MitigationId } from '@/lib/scenarios/mitigation-world';

export const MITIGATION_LABEL: Readonly<Record<MitigationId, string>> = {
  none: 'No mitigation (the lab’s escrow)',
  rotation: 'Keys rotated daily, old ones deleted',
  'per-user': 'A key per user',
  'decryption-only': 'Decryption-only escrow',
  threshold: 'Threshold decryption, 2 of 3 agencies',
  'public-log': 'Public log of every opening',
};

export const MITIGATION_REMAINS: Readonly<Record<MitigationId, string>> = {
  none: 'Everything: every user, past and future, and forged messages are accepted.',
  rotation:
    'A thief who stays inside takes each new key as it is made; and the authority can no longer serve a warrant for traffic older than its retention window.',
  'per-user':
    'One theft still opens everything one user said or heard; and all users’ keys still sit with one authority, so a breach of its key store is the single key again.',
  'decryption-only': 'Reading is unchanged: the key still opens every message. Only forgery is stopped.',
  threshold:
    'Agencies that collude, or a thief who robs two of them, open everything; and the opening service is online and sees each key it opens.',
  'public-log':
    'Nothing is prevented: every message was read. Misuse through the service is visible afterwards; a key copied out of the service would leave no entry.',
};
