import { z } from 'zod';

export const hex = z.string();
