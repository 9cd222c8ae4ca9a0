import { NextResponse, type NextRequest } from 'next/server';
import { getEngine } from '@/lib/search/instance';
import { parseTrendsParams } from '@/lib/search/params';
import { trends } from '@/lib/search/trends';
import type { TrendsResponse } from '@/lib/types';
import { handleError } from '../respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest) {
  try {
    const params = parseTrendsParams(request.nextUrl.searchParams);
    const engine = await getEngine();
    return NextResponse.json<TrendsResponse>(trends(engine, params));
  } catch (e) {
    return handleError(e);
  }
}
