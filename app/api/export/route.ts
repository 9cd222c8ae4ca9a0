// GET /api/export?format=csv|jsonl&<the parameters of /api/search>: every match
// of the search (not only one page), streamed; with `group=story` one row per
// story (its copy that ranks best). Every row names its story (`story_id`).
import type { NextRequest } from 'next/server';
import { getEngine } from '@/lib/search/instance';
import { parseSearchParams } from '@/lib/search/params';
import { serverScheduler } from '@/lib/search/scheduler';
import { errorResponse, handleError } from '../respond';
import { tehranGregorian } from '@/lib/ui/dates';
import { contentDisposition, exportFilename, exportMeta, exportStream, type ExportExtras, type ExportFormat } from './format';
import type { Article } from '@/lib/types';
import { makeSnippets } from '@/lib/search/snippets';
import { idSegment } from '@/lib/ui/href';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const CONTENT_TYPE: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8; header=present',
  jsonl: 'application/jsonl; charset=utf-8',
};

export async function GET(request: NextRequest) {
  try {
    const search = request.nextUrl.searchParams;
    const format = (search.get('format') ?? 'csv').trim() || 'csv';
    if (format !== 'csv' && format !== 'jsonl') {
      return errorResponse(400, 'bad_parameter', `format: expected csv or jsonl, got "${format.slice(0, 40)}"`);
    }
    const csvMeta = (search.get('meta') ?? '').trim();
    if (csvMeta !== '' && csvMeta !== '0' && csvMeta !== '1') {
      return errorResponse(400, 'bad_parameter', `meta: expected 1 (a # line opening the CSV) or 0, got "${csvMeta.slice(0, 40)}"`);
    }
    const text = (search.get('text') ?? '').trim();
    if (text !== '' && text !== 'snippets' && text !== 'full') {
      return errorResponse(400, 'bad_parameter', `text: expected snippets or full, got "${text.slice(0, 40)}"`);
    }
    const link = (search.get('link') ?? '').trim();
    if (link !== '' && link !== '0' && link !== '1') {
      return errorResponse(400, 'bad_parameter', `link: expected 1 (a link to the article in this Kavosh) or 0, got "${link.slice(0, 40)}"`);
    }
    // An export is a submitted search: whole words, whatever the box was doing.
    const params = { ...parseSearchParams(search), prefix: 'none' as const };
    const engine = await getEngine();
    // Ordering every match is the export's one long synchronous step; the rows then stream in chunks that yield.
    const { total, rows, plan, storyOf } = await serverScheduler().run(engine.cost(params), () => engine.exportable(params), request.signal);
    // Absolute from the configured site URL (KAVOSH_SITE_URL), else relative to this Kavosh.
    const site = (process.env.KAVOSH_SITE_URL ?? '').replace(/\/+$/, '');
    const extras: ExportExtras = {
      ...(text === 'snippets' ? { snippets: (a: Article) => makeSnippets(a.body, plan).map((segments) => segments.map((x) => x.text).join('')) } : {}),
      ...(text === 'full' ? { full: true } : {}),
      ...(link === '1' ? { link: (a: Article) => `${site}/articles/${idSegment(a.id)}${params.q ? `?q=${encodeURIComponent(params.q)}` : ''}` } : {}),
    };
    const now = new Date();
    const today = tehranGregorian(now.toISOString())?.date ?? '';
    const meta = exportMeta(
      { q: params.q, match: params.match, sort: params.sort, from: search.get('from'), to: search.get('to'), undated: params.undated, source: params.source, tag: params.tag, group: params.group },
      total,
      now,
      engine.builtAt,
    );
    return new Response(exportStream(rows, format, { signal: request.signal, meta, csvMeta: csvMeta === '1', extras, storyOf }), {
      headers: {
        'Content-Type': CONTENT_TYPE[format],
        'Content-Disposition': contentDisposition(exportFilename(params.q, format, today)),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (e) {
    return handleError(e);
  }
}
