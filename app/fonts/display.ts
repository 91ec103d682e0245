/**
 * The display face: League Spartan Bold (SIL Open Font License 1.1, LeagueSpartan-OFL.txt beside
 * it), committed unmodified from Debian's fonts-league-spartan and served by the app itself
 * through next/font/local: no font CDN, no request to another origin. Used for display headings
 * only; body text stays in the system face.
 */
import localFont from 'next/font/local';

export const displayFont = localFont({
  src: './LeagueSpartan-Bold.otf',
  weight: '700',
  style: 'normal',
  display: 'swap',
  variable: '--font-display',
  fallback: ['system-ui', 'Segoe UI', 'Roboto', 'Helvetica Neue', 'Arial', 'sans-serif'],
});
