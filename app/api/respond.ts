// How the API answers errors: the contract's JSON, never a stack trace.
import { NextResponse } from 'next/server';
import type { ApiError } from '@/lib/types';
import { ParamError } from '@/lib/search/params';
import { isIndexLoadError } from '@/lib/search/load';

export function errorResponse(status: number, code: string, message: string): NextResponse<ApiError> {
  return NextResponse.json({ error: { code, message } }, { status });
}

export function handleError(e: unknown): NextResponse<ApiError> {
  if (e instanceof ParamError) return errorResponse(400, 'bad_parameter', e.message);
  if (isIndexLoadError(e)) return errorResponse(503, 'index_unavailable', e.message);
  console.error(e);
  return errorResponse(500, 'internal', 'the search failed unexpectedly');
}
