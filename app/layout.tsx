import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteHeader } from './_components/SiteHeader';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Backdoor Lab', template: '%s · Backdoor Lab' },
  description:
    'Learn end-to-end encryption with real keys and real bytes, then switch on an escrow backdoor and play the attacker who steals it.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

// Sets the theme before first paint so a dark-mode reader is not flashed with white. Reads the
// same stored preference as lib/store/preferences-store.ts; any error leaves the light default.
const themeScript = `try{var p=JSON.parse(localStorage.getItem('backdoor-lab:preferences')||'{}');var t=p&&p.state&&p.state.theme;var d=t==='dark'||((!t||t==='system')&&matchMedia('(prefers-color-scheme: dark)').matches);document.documentElement.dataset.theme=d?'dark':'light'}catch(e){}`;

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body>
        <SiteHeader />
        {children}
      </body>
    </html>
  );
}
