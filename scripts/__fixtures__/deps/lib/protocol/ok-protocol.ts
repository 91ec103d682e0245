import { digest } from '../crypto/ok-crypto';

export const seal = (text: string) => String(digest(new TextEncoder().encode(text)));
