// @ts-check
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import createMDX from '@next/mdx';

const isProduction = process.env.NODE_ENV === 'production';

/**
 * The page CSP (production only: `next dev` needs 'unsafe-eval' for React's debugging tools and
 * Fast Refresh). 'unsafe-inline' in script-src is for Next's inline bootstrap scripts (no nonces:
 * pages are prerendered); no other origin is allowed anywhere, which is the offline-first rule made
 * enforceable. Monaco needs inline styles (style-src) and its workers are same-origin scripts
 * (worker-src 'self'; blob: for bundler fallbacks). frame-src falls back to default-src 'self': the
 * sandbox frame, which gets its own, stricter policy below.
 */
const pageCsp = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The SHA-256 of the sandbox frame's one inline script, as a CSP source (`'sha256-…'`), computed from
 * the generated document itself (scripts/build-sandbox-runner.ts writes it before `next dev` and
 * `next build`), so the header always allows exactly the script that is served.
 */
function sandboxFrameScriptHash() {
  const file = new URL('./public/sandbox/frame.html', import.meta.url);
  if (!existsSync(file)) throw new Error('public/sandbox/frame.html is missing: run `npm run sandbox:runner` first.');
  const scripts = [...readFileSync(file, 'utf8').matchAll(/<script>([\s\S]*?)<\/script>/g)];
  if (scripts.length !== 1)
    throw new Error(`public/sandbox/frame.html must hold exactly one inline script, found ${scripts.length}`);
  return `'sha256-${createHash('sha256').update(scripts[0][1], 'utf8').digest('base64')}'`;
}

/**
 * The sandbox frame's CSP (public/sandbox/frame.html), the one policy learner code runs under: the
 * page embeds the frame with `sandbox="allow-scripts"` and this policy repeats it (`sandbox
 * allow-scripts`), so even opened on its own the frame has an opaque origin and a renderer process of
 * its own, and the learner-code workers, started from blob: URLs, inherit it.
 *
 * No fetchable source anywhere, the app's own origin included: the frame's script is inline and
 * allowed by its hash alone, so a same-origin `import()` or `importScripts` is refused before any
 * request leaves the browser (with `'self'` here, the red team's `import('/?data')` reached the
 * server before CORS refused the module). No network (connect-src), no images, fonts, media, styles
 * or objects; workers only from blob: (the frame's own runner). 'unsafe-eval' runs the transpiled
 * learner code and applies only inside this frame. frame-ancestors names who may embed the frame
 * (the app's pages); it fetches nothing. The worker prelude (lib/sandbox/worker-prelude.ts) removes
 * the network primitives as well, as a second layer with clearer messages.
 */
function sandboxCsp() {
  return [
    "default-src 'none'",
    `script-src ${sandboxFrameScriptHash()} 'unsafe-eval'`,
    'worker-src blob:',
    "connect-src 'none'",
    "img-src 'none'",
    "font-src 'none'",
    "media-src 'none'",
    "style-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'self'",
    'sandbox allow-scripts',
  ].join('; ');
}

/**
 * Security headers on every response: no MIME sniffing, no referrer leaks, no framing, no powerful
 * features, and the page CSP (production) or at least frame-ancestors (development).
 */
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'no-referrer' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Content-Security-Policy', value: isProduction ? pageCsp : "frame-ancestors 'none'" },
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  },
];

/**
 * An instructor's own course (LESSONS_DIR=../my-course): scripts/generate-lesson-registry.ts mirrors
 * it into .course/ with its registry, and the app's `@/lessons/index` resolves there instead of to
 * lessons/index.ts.
 */
const lessonsDir = process.env.LESSONS_DIR ? path.resolve(process.env.LESSONS_DIR) : undefined;
const externalCourse =
  lessonsDir && lessonsDir !== path.resolve('lessons') ? { '@/lessons/index': './.course/index.ts' } : undefined;

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  ...(externalCourse ? { turbopack: { resolveAlias: externalCourse } } : {}),
  poweredByHeader: false,
  pageExtensions: ['ts', 'tsx'],
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // Later rules win for the same header: the sandbox frame's CSP replaces the page CSP here, and
      // the app's own pages (only) may frame it.
      {
        source: '/sandbox/:path*',
        headers: [
          { key: 'Content-Security-Policy', value: sandboxCsp() },
          { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
        ],
      },
    ];
  },
};

const withMDX = createMDX({});
export default withMDX(nextConfig);
