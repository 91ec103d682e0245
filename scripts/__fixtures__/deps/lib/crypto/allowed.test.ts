import { readFileSync } from 'node:fs';
import { digest } from './ok-crypto';

export const vectors = () => digest(readFileSync('vectors.bin'));
