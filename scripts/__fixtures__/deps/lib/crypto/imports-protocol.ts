import { seal } from '@/lib/protocol/ok-protocol';

export const sealTwice = (text: string) => seal(seal(text));
