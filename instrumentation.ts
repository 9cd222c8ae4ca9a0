// Starts loading the search index while the server starts, instead of on the
// first search: after a deploy (a serverless cold start) the first request
// then waits only for what is left of the load, not for Next.js's start-up
// and then the whole load.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // Requests Next.js cannot take in (bad percent-escapes, TRACE, oversized headers) answered with the security headers.
  (await import('./lib/http-guard')).installHttpGuard();
  const { getEngine } = await import('./lib/search/instance');
  // Not awaited: the server listens meanwhile. A failed load is retried and
  // reported by the first request that needs the index.
  getEngine().catch(() => {});
}
