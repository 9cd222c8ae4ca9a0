// GET /api/concordance?<search parameters>&width=&sort=&page=&size=&form=: a
// page of the search's concordance (lib/search/present/concordance.ts).
import { NextResponse, type NextRequest } from 'next/server';
import { getEngine } from '@/lib/search/instance';
import { concordance } from '@/lib/search/present/concordance';
import { parseConcordanceParams } from '@/lib/search/present/concordance-params';
import type { ConcordanceResponse } from '@/lib/types';
import { handleError } from '../respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest) {
  try {
    const params = parseConcordanceParams(request.nextUrl.searchParams);
    const engine = await getEngine();
    return NextResponse.json<ConcordanceResponse>(concordance(engine, params));
  } catch (e) {
    return handleError(e);
  }
}
