// GET /api/health: what this server serves (the index's article count and
// build date) and the last reload that failed, so an operator can tell a
// stale index from a fresh one without reading the logs.
import { NextResponse } from 'next/server';
import { engineStatus, getEngine } from '@/lib/search/instance';
import type { HealthResponse } from '@/lib/types';
import { collectionsIndexId } from '@/lib/collections/index-identity';
import { searchWorkerStatus } from '@/lib/search/serve-search';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET() {
  // The first request may come before the index has loaded: wait for it (or its failure).
  await getEngine().catch(() => {});
  const { serving, lastError } = engineStatus();
  const body: HealthResponse = {
    status: serving ? 'ok' : 'index_unavailable',
    index: serving && { id: collectionsIndexId(), articles: serving.articles, builtAt: serving.builtAt, loadedAt: serving.loadedAt },
    lastReloadError: lastError,
    searchWorkers: searchWorkerStatus(),
  };
  return NextResponse.json(body, { status: serving ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
