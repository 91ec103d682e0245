/// <reference types="mdx" />
import type { MDXContent } from 'mdx/types';

export const lessonContent = {
  alpha: () => import('./alpha/content.mdx'),
  beta: () => import('./beta/content.mdx'),
} satisfies Record<string, () => Promise<{ default: MDXContent }>>;
