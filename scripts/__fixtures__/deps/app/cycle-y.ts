import { x } from './cycle-x';

export const y = () => x;
