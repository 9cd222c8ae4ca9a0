// Requests that Next.js cannot take in at all, answered before it sees them: a path whose percent-escapes do
// not decode (`%ZZ`, `%ED%A0%80`, a lone surrogate) made the router throw, and TRACE, TRACK or CONNECT made it fail
// building a WHATWG Request (and log a stack trace each time); both answered 500 with none of the security
// headers, since Next fails before next.config's headers or proxy.ts run. An HTTP parser error for oversized
// headers (431) is written by Node itself, also before Next. installHttpGuard (from instrumentation.ts) answers
// all three in the server process with the usual headers.
import http from 'node:http';
import type { Socket } from 'node:net';
import { DENY_ALL_CSP, SECURITY_HEADERS } from './security-headers';

/** The methods the site answers at all: pages GET and HEAD (proxy.ts refuses the rest), the API its own. */
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']);

export interface GuardAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function answer(status: number, path: string, code: string, message: string, persian: string, extra: Record<string, string> = {}): GuardAnswer {
  const api = path === '/api' || path.startsWith('/api/');
  const headers: Record<string, string> = Object.fromEntries(SECURITY_HEADERS.map((h) => [h.key, h.value]));
  headers['Content-Security-Policy'] = DENY_ALL_CSP;
  headers['Cache-Control'] = 'no-store';
  Object.assign(headers, extra);
  if (api) {
    headers['Content-Type'] = 'application/json';
    return { status, headers, body: JSON.stringify({ error: { code, message, messageFa: persian } }) };
  }
  headers['Content-Type'] = 'text/plain; charset=utf-8';
  return { status, headers, body: `${persian}\n` };
}

/** What to answer instead of Next.js for a request line Next cannot take, or null to let Next answer. */
export function guardRequest(method: string | undefined, url: string | undefined): GuardAnswer | null {
  const raw = url ?? '/';
  const path = raw.split(/[?#]/, 1)[0];
  if (!KNOWN_METHODS.has((method ?? '').toUpperCase())) {
    return answer(405, path, 'method_not_allowed', `method ${String(method).slice(0, 20)} is not allowed: GET or HEAD`, 'این روش درخواست پذیرفته نیست (فقط GET و HEAD).', {
      Allow: 'GET, HEAD',
    });
  }
  try {
    decodeURIComponent(path);
  } catch {
    return answer(400, path, 'bad_path', 'the path holds a percent-escape that is not UTF-8 (such as %ZZ or %ED%A0%80)', 'نشانی درخواست نادرست است: یک کد درصدی آن (مانند %ZZ) خوانا نیست.');
  }
  return null;
}

/** The raw 431 Node writes for oversized headers, with the security headers added. */
export function headerOverflowResponse(): string {
  const lines = ['HTTP/1.1 431 Request Header Fields Too Large', 'Connection: close', 'Content-Type: text/plain; charset=utf-8', `Content-Security-Policy: ${DENY_ALL_CSP}`];
  for (const h of SECURITY_HEADERS) lines.push(`${h.key}: ${h.value}`);
  const body = 'Request header fields too large\n';
  lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return lines.join('\r\n') + '\r\n\r\n' + body;
}

let installed = false;

/** Wraps the emit of every http.Server in this process (Next's own included) so the guard answers first. */
export function installHttpGuard(): void {
  if (installed) return;
  installed = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function guarded(this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'request') {
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
      const a = guardRequest(req.method, req.url);
      if (a) {
        res.writeHead(a.status, a.headers);
        res.end(req.method === 'HEAD' ? undefined : a.body);
        return true;
      }
    } else if (event === 'clientError') {
      const [err, socket] = args as [NodeJS.ErrnoException, Socket];
      if (err?.code === 'HPE_HEADER_OVERFLOW' && socket.writable) {
        socket.end(headerOverflowResponse());
        return true;
      }
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
}
