import { NextResponse, type NextRequest } from 'next/server';
import { getEngine } from '@/lib/search/instance';
import { parseSearchParams } from '@/lib/search/params';
import type { SearchResponse } from '@/lib/types';
import { serveSearch } from '@/lib/search/serve-search';
import { handleError } from '../respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest) {
  try {
    const params = parseSearchParams(request.nextUrl.searchParams);
    const engine = await getEngine();
    const { answer, lane, cost } = await serveSearch(engine, params, request.signal);
    return NextResponse.json<SearchResponse>(answer, { headers: { 'X-Kavosh-Lane': lane, 'X-Kavosh-Cost': String(cost) } });
  } catch (e) {
    return handleError(e);
  }
}
