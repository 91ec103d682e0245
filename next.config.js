// @ts-check
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
 * The sandbox frame's CSP (public/sandbox/frame.html and its script). The page embeds the frame with
 * `sandbox="allow-scripts"` and this policy repeats it (`sandbox allow-scripts`), so even opened on its
 * own the frame has an opaque origin, which gives it a renderer process of its own. The learner-code
 * workers are started from blob: URLs and so inherit this policy: it is the one learner code runs
 * under. No network at all (connect-src 'none' also covers fetch/XHR/WebSocket/EventSource); no
 * scripts but this origin's (so `import('data:…')`, `import('https://…')` and importScripts of a
 * remote URL fail); workers only from blob: (the frame's own runner). 'unsafe-eval' runs the
 * transpiled learner code and applies only inside this frame. Only this origin may embed the frame.
 */
const sandboxCsp = [
  "default-src 'none'",
  "script-src 'self' 'unsafe-eval'",
  "worker-src blob:",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
  'sandbox allow-scripts',
].join('; ');

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
      // Later rules win for the same header: the sandbox frame's CSP replaces the page CSP here, and
      // the app's own pages (only) may frame it.
      {
        source: '/sandbox/:path*',
        headers: [
          { key: 'Content-Security-Policy', value: sandboxCsp },
          { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
        ],
      },
    ];
  },
};

const withMDX = createMDX({});
export default withMDX(nextConfig);
