// GET /api/terms?<search parameters>&…: see lib/search/collect/terms.ts.
import { NextResponse, type NextRequest } from 'next/server';
import { getEngine } from '@/lib/search/instance';
import { parseTermsParams } from '@/lib/search/collect/terms-params';
import type { TermsResponse } from '@/lib/types';
import { handleError } from '../respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest) {
  try {
    const p = parseTermsParams(request.nextUrl.searchParams);
    const engine = await getEngine();
    return NextResponse.json<TermsResponse>(engine.terms(p.search, p.background, p.size));
  } catch (e) {
    return handleError(e);
  }
}
