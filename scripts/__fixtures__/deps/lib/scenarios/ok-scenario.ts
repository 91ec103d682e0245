import { seal } from '@/lib/protocol/ok-protocol';
import { digest } from '@/lib/crypto/ok-crypto';

export const scene = () => [seal('a'), digest(new Uint8Array(1))];
