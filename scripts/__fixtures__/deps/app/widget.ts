import { scene } from '@/lib/scenarios/ok-scenario';

export const label = String(scene());
