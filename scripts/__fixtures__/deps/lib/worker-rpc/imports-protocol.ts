import type { seal } from '@/lib/protocol/ok-protocol';

export type Sealer = typeof seal;
