import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import localFont from 'next/font/local';
import './globals.css';

// Self-hosted from the vazirmatn npm package: builds must not reach Google Fonts.
const vazirmatn = localFont({
  src: '../node_modules/vazirmatn/fonts/webfonts/Vazirmatn[wght].woff2',
  variable: '--font-vazirmatn',
  weight: '100 900',
  display: 'swap',
});

export const metadata: Metadata = {
  title: 'کاوش: جستجو در آرشیو خبر',
  description: 'جستجوی متن کامل در آرشیو خبرهای فارسی',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fafaf9' },
    { media: '(prefers-color-scheme: dark)', color: '#0c0a09' },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request, so every page's scripts carry that
  // response's CSP nonce (proxy.ts); a prerendered page would have none.
  await connection();
  return (
    <html lang="fa" dir="rtl" className={vazirmatn.variable}>
      <body className="min-h-screen bg-stone-50 font-sans text-stone-900 antialiased dark:bg-stone-950 dark:text-stone-100">
        {children}
      </body>
    </html>
  );
}
