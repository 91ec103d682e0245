import type { MDXComponents } from 'mdx/types';

// Required by @next/mdx. Lesson widgets are passed explicitly by the lesson player (a closed
// vocabulary), so nothing global is registered here.
export function useMDXComponents(components: MDXComponents): MDXComponents {
  return components;
}
