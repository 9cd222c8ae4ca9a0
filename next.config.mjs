// The index is read from disk at run time, so every server route that searches
// must ship its files (on Vercel, in the function bundle; never from public/).
const indexFiles = ['./data/index/**/*'];

/** @type {import('next').NextConfig} */
const nextConfig = {
  outputFileTracingIncludes: {
    '/': indexFiles,
    '/articles/[id]': indexFiles,
    '/api/search': indexFiles,
    '/api/articles/[id]': indexFiles,
  },
  poweredByHeader: false,
};

export default nextConfig;
