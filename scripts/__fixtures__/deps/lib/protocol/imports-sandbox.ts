import { helper } from '@/lib/sandbox/ok-helper';

export const run = () => helper();
