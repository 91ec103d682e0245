import { useCounter } from '@/lib/store/ok-store';

export const count = () => useCounter.getState();
