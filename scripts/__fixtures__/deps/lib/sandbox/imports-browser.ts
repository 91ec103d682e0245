import { frame } from '../browser/ok-glue';

export const start = () => frame;
