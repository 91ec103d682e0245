import { gone } from '@/lib/nowhere/gone';

export const again = gone;
