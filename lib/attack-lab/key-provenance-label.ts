/**
 * Names a key in words, for the rows of an attack's results: which key opened an envelope, or
 * which keys the attacker tried before the tag refused them all.
 * @module
 */
import type { KeyProvenance } from '@/lib/protocol/decryption-outcome';
import { formatSimTime } from '@/lib/protocol/sim-time';

/** "escrow key of escrow-authority (epoch 0)", "bob's ratchet chains, phone taken day 2, 12:00", ... */
export function describeKeyProvenance(p: KeyProvenance): string {
  switch (p.kind) {
    case 'device-static-key':
      return `${p.participant}'s identity key (static), phone taken ${formatSimTime(p.takenAt)}`;
    case 'device-ratchet-chain':
      return `${p.participant}'s ratchet chains, phone taken ${formatSimTime(p.takenAt)}`;
    case 'device-escrow-chain':
      return `${p.participant}'s escrow wrap chain (epoch ${p.epoch}), phone taken ${formatSimTime(p.takenAt)}`;
    case 'escrow-key':
      return `escrow key of ${p.authorityId} (epoch ${p.epoch})`;
    case 'conversation-key-from-escrow':
      return `conversation key learned from escrowed message #${p.learnedFromSeq}`;
  }
}
