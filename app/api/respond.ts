// How the API answers errors: the contract's JSON, never a stack trace.
import { NextResponse } from 'next/server';
import type { ApiError } from '@/lib/types';
import { ParamError } from '@/lib/search/params';
import { ERROR_MESSAGES_FA, paramMessageFa } from '@/lib/search/param-messages';
import { isIndexLoadError } from '@/lib/search/load';
import { ClientGoneError, SchedulerBusyError } from '@/lib/search/scheduler';

/** `messageFa` defaults to the Persian of a `bad_parameter` message (param-messages.ts) or of the code. */
export function errorResponse(status: number, code: string, message: string, messageFa?: string): NextResponse<ApiError> {
  const param = /^([a-z]+): /.exec(message)?.[1];
  const fa = messageFa ?? (code === 'bad_parameter' && param ? paramMessageFa(param, message) : ERROR_MESSAGES_FA[code] ?? 'درخواست پذیرفته نشد.');
  return NextResponse.json({ error: { code, message, messageFa: fa } }, { status });
}

export function handleError(e: unknown): NextResponse<ApiError> {
  if (e instanceof ParamError) return errorResponse(400, 'bad_parameter', e.message, paramMessageFa(e.param, e.message));
  if (isIndexLoadError(e)) return errorResponse(503, 'index_unavailable', e.message);
  if (e instanceof SchedulerBusyError) {
    const response = errorResponse(503, 'busy', e.message);
    response.headers.set('Retry-After', String(e.retryAfter));
    return response;
  }
  // Nobody reads this answer; the status says why it was not computed in the server's log.
  if (e instanceof ClientGoneError) return errorResponse(499, 'client_gone', e.message);
  console.error(e);
  return errorResponse(500, 'internal', 'the search failed unexpectedly');
}
