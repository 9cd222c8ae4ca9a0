// GET /api/trends: several queries over the same Jalali periods, beside the
// archive's articles per period (the share's denominator). `format=csv|json`
// downloads the same counts as rows, one per period and query.
import { NextResponse, type NextRequest } from 'next/server';
import { getEngine } from '@/lib/search/instance';
import { parseTrendsRequest, trends } from '@/lib/search/trends';
import type { TrendsResponse } from '@/lib/types';
import { tehranGregorian } from '@/lib/ui/dates';
import { errorResponse, handleError } from '../respond';
import { trendsCsv, trendsDisposition, trendsJson } from './format';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest) {
  try {
    const search = request.nextUrl.searchParams;
    const format = search.get('format')?.trim() ?? '';
    if (format !== '' && format !== 'csv' && format !== 'json') {
      return errorResponse(400, 'bad_parameter', `format: expected csv or json, got "${format.slice(0, 40)}"`);
    }
    // measure, smooth, labels and view are the page's; they are checked here so that a page URL is a valid API URL.
    const params = parseTrendsRequest(search);
    const engine = await getEngine();
    const answer = trends(engine, params);
    if (format === '') return NextResponse.json<TrendsResponse>(answer);
    const today = tehranGregorian(new Date().toISOString())?.date ?? '';
    const headers = { 'Content-Disposition': trendsDisposition(format, today), 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
    if (format === 'csv') return new Response(trendsCsv(answer), { headers: { ...headers, 'Content-Type': 'text/csv; charset=utf-8; header=present' } });
    return new Response(JSON.stringify(trendsJson(answer)), { headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' } });
  } catch (e) {
    return handleError(e);
  }
}
