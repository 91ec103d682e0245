// @ts-check
import createMDX from '@next/mdx';

/**
 * Security headers on every response. The page CSP is added by the sandbox work (issue 5); these
 * headers hold today: no MIME sniffing, no referrer leaks, no framing, no powerful features.
 */
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'no-referrer' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Content-Security-Policy', value: "frame-ancestors 'none'" },
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
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

const withMDX = createMDX({});
export default withMDX(nextConfig);
