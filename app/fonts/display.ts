/**
 * The display face: League Spartan Bold (SIL Open Font License 1.1, LeagueSpartan-OFL.txt beside
 * it), committed unmodified from Debian's fonts-league-spartan and served by the app itself
 * through next/font/local: no font CDN, no request to another origin. Used for display headings
 * only; body text stays in the system face.
 *
 * Not preloaded: Turbopack's font manifest preloads a next/font on every route, not only the one
 * that uses it, so every lesson's first visit fetched these 52 kB at high priority next to its
 * scripts. Only `/` uses the face; it requests it when the heading is styled, showing the
 * metric-adjusted fallback until then (display: swap).
 */
import localFont from 'next/font/local';

export const displayFont = localFont({
  src: './LeagueSpartan-Bold.otf',
  weight: '700',
  style: 'normal',
  display: 'swap',
  preload: false,
  variable: '--font-display',
  fallback: ['system-ui', 'Segoe UI', 'Roboto', 'Helvetica Neue', 'Arial', 'sans-serif'],
});
