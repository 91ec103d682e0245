import { helper } from '../sandbox/ok-helper';

export const frame = helper();
