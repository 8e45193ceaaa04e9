import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { AppProviders } from '@/components/providers/app-providers';
import { THEME_BOOT_SCRIPT } from '@/components/theme/theme';
import './globals.css';

export const metadata: Metadata = {
  title: 'Weft',
  description: 'Visual MLOps pipeline builder',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // data-theme is set before the first paint by the boot script, so React does not own it
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_BOOT_SCRIPT }} />
      </head>
      <body>
        <AppProviders>{children}</AppProviders>
      </body>
    </html>
  );
}
