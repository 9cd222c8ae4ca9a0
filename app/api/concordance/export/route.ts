// GET /api/concordance/export?format=csv|jsonl&<the concordance's parameters>:
// every line of the concordance in its order (page and size ignored), streamed
// as the search export streams (app/api/export/format.ts).
import type { NextRequest } from 'next/server';
import { getEngine } from '@/lib/search/instance';
import { concordanceLines, sortedHits, tableFor } from '@/lib/search/present/concordance';
import { parseConcordanceParams } from '@/lib/search/present/concordance-params';
import type { ConcordanceLine } from '@/lib/types';
import { tehranGregorian } from '@/lib/ui/dates';
import { errorResponse, handleError } from '../../respond';
import { BOM, contentDisposition, csvRow, exportFilename, rowStream } from '../../export/format';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const CONCORDANCE_COLUMNS = ['id', 'date', 'source', 'left', 'hit', 'right', 'link'] as const;

export async function GET(request: NextRequest) {
  try {
    const search = request.nextUrl.searchParams;
    const format = (search.get('format') ?? 'csv').trim() || 'csv';
    if (format !== 'csv' && format !== 'jsonl') {
      return errorResponse(400, 'bad_parameter', `format: expected csv or jsonl, got "${format.slice(0, 40)}"`);
    }
    const params = parseConcordanceParams(search);
    const engine = await getEngine();
    const table = tableFor(engine, params.search);
    const hits = sortedHits(table, params.sort, params.form);
    const origin = request.nextUrl.origin;
    // An absolute link: a spreadsheet's cell has no page to be relative to.
    const row = (l: ConcordanceLine) => [l.id, l.jalaliDate, l.source, l.left, l.hit, l.right, new URL(l.href, origin).toString()];
    const write =
      format === 'csv'
        ? (l: ConcordanceLine) => csvRow(row(l))
        : (l: ConcordanceLine) => JSON.stringify(Object.fromEntries(CONCORDANCE_COLUMNS.map((c, i) => [c, row(l)[i]]))) + '\n';
    const head = format === 'csv' ? BOM + csvRow(CONCORDANCE_COLUMNS) : '';
    const lines = concordanceLines(table, hits, 0, hits.length, params.width, params.state);
    const today = tehranGregorian(new Date().toISOString())?.date ?? '';
    const name = exportFilename(`${params.search.q} concordance`, format, today);
    return new Response(rowStream(lines, write, head, { signal: request.signal }), {
      headers: {
        'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8; header=present' : 'application/jsonl; charset=utf-8',
        'Content-Disposition': contentDisposition(name),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (e) {
    return handleError(e);
  }
}
