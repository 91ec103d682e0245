import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { ProgressBanner } from './_components/progress/ProgressBanner';
import { ProgressHydrator } from './_components/progress/ProgressHydrator';
import './globals.css';

export const metadata: Metadata = { title: 'Backdoor Lab', description: 'Real key exchange, real encryption, and what an escrow backdoor does to them.' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <ProgressHydrator />
        <ProgressBanner />
        {children}
      </body>
    </html>
  );
}
