import { NextResponse, type NextRequest } from 'next/server';
import { getEngine } from '@/lib/search/instance';
import { MAX_QUERY_LENGTH } from '@/lib/search/params';
import type { ArticleResponse } from '@/lib/types';
import { errorResponse, handleError } from '../../respond';
import { idFromSegment } from '@/lib/ui/href';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  try {
    const id = idFromSegment((await params).id);
    const q = (request.nextUrl.searchParams.get('q') ?? '').slice(0, MAX_QUERY_LENGTH);
    const engine = await getEngine();
    const article = engine.article(id, q);
    if (!article) return errorResponse(404, 'not_found', `no article with id "${id.slice(0, 100)}"`);
    return NextResponse.json<ArticleResponse>(article);
  } catch (e) {
    return handleError(e);
  }
}
