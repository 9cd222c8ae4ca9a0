import path from 'node:path';

// The index is read from disk at run time, so every server route that searches
// must ship its files (on Vercel, in the function bundle; never from public/).
// SEARCH_INDEX_DIR at build time points the bundle at another index directory
// (relative to the project, or absolute inside it); the server reads the same variable at run time.
const indexDir = path.relative(process.cwd(), path.resolve(process.env.SEARCH_INDEX_DIR || 'data/index')).split(path.sep).join('/');
// What the server reads (lib/search/layout.ts): not the builder's own article-hashes.json and rejects.jsonl.
const indexFiles = [`./${indexDir}/*.{bin,u8,u16,u32,f64}`, `./${indexDir}/{manifest,article-meta,vocabulary}.json`, `./${indexDir}/flex/*`];

// Headers that are the same on every response, pages, API and static files alike.
// The page Content-Security-Policy carries a per-request nonce and is set in proxy.ts.
const everywhere = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
];

// The API answers JSON, CSV and JSON Lines, never a document: nothing in it may run or be framed.
const api = [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'; sandbox" }];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Keys are globs matched anywhere in a route ("contains"), so '/' matches every route: the error pages
  // (_not-found, _global-error) ship the index too (outputFileTracingExcludes does not take it out again under
  // Turbopack). [id] is escaped, or it would be a character class. npm run check:deploy checks that every
  // searching function ships the whole index.
  outputFileTracingIncludes: {
    '/': indexFiles,
    '/articles/\\[id\\]': indexFiles,
    '/api/search': indexFiles,
    '/api/articles/\\[id\\]': indexFiles,
    '/api/export': indexFiles,
  },
  poweredByHeader: false,
  async headers() {
    return [
      { source: '/:path*', headers: everywhere },
      { source: '/api/:path*', headers: api },
    ];
  },
};

export default nextConfig;
