import { label } from '@/app/widget';

export const title = () => label;
