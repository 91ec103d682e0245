import type { B } from './cycle-b';

export interface A {
  b: B;
}
