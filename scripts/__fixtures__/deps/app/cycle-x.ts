import { y } from './cycle-y';

export const x = () => y;
