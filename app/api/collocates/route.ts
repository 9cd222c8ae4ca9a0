// GET /api/collocates?<search parameters>&…: see lib/search/collect/collocates.ts.
import { NextResponse, type NextRequest } from 'next/server';
import { getEngine } from '@/lib/search/instance';
import { parseCollocatesParams } from '@/lib/search/collect/terms-params';
import type { CollocatesResponse } from '@/lib/types';
import { handleError } from '../respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest) {
  try {
    const p = parseCollocatesParams(request.nextUrl.searchParams);
    const engine = await getEngine();
    return NextResponse.json<CollocatesResponse>(engine.collocates(p.search, p.window, p.size));
  } catch (e) {
    return handleError(e);
  }
}
