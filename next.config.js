// @ts-check
import createMDX from '@next/mdx';

const isProduction = process.env.NODE_ENV === 'production';

/**
 * The page CSP (production only: `next dev` needs 'unsafe-eval' for React's debugging tools and
 * Fast Refresh). 'unsafe-inline' in script-src is for Next's inline bootstrap scripts (no nonces:
 * pages are prerendered); no other origin is allowed anywhere, which is the offline-first rule made
 * enforceable. Monaco needs inline styles (style-src) and its workers are same-origin scripts
 * (worker-src 'self'; blob: for bundler fallbacks). The learner-code worker gets its own, stricter
 * policy below.
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
 * The learner-code worker's CSP. A dedicated worker is governed by the CSP of its own script
 * response, not the page's, so this is the policy learner code runs under: no network at all
 * (connect-src 'none' also covers fetch/XHR/WebSocket/EventSource), no scripts from anywhere but
 * this origin (so `import('data:…')`, `import('https://…')` and importScripts of a remote URL fail),
 * no nested workers. 'unsafe-eval' is needed to run the transpiled learner code and applies only
 * inside this worker.
 */
const sandboxCsp = "default-src 'none'; script-src 'self' 'unsafe-eval'; connect-src 'none'; worker-src 'none'";

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

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  pageExtensions: ['ts', 'tsx'],
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // Later rules win for the same header: the sandbox runner's CSP replaces the page CSP here.
      {
        source: '/sandbox/:path*',
        headers: [{ key: 'Content-Security-Policy', value: sandboxCsp }],
      },
    ];
  },
};

const withMDX = createMDX({});
export default withMDX(nextConfig);
