import { steps } from '@/lessons/keys/meta';

export const count = steps.length;
