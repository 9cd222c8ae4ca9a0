import { NextResponse, type NextRequest } from 'next/server';
import { getEngine } from '@/lib/search/instance';
import { parseSearchParams } from '@/lib/search/params';
import type { SearchResponse } from '@/lib/types';
import { serverScheduler } from '@/lib/search/scheduler';
import { handleError } from '../respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest) {
  try {
    const params = parseSearchParams(request.nextUrl.searchParams);
    const engine = await getEngine();
    const answer = await serverScheduler().run(engine.cost(params), () => engine.search(params), request.signal);
    return NextResponse.json<SearchResponse>(answer);
  } catch (e) {
    return handleError(e);
  }
}
