// A share link for one collection: its name and each article's id and note, deflated and base64url-encoded in
// the URL fragment (#share=…), which browsers never send to the server. The titles are not in it: the page that
// opens the link asks the index for them, and says which it no longer has.
import { z } from './zod';
import { toPersianDigits } from '@/lib/digits';
import type { Collection } from './schema';

/**
 * The longest fragment a link may carry. Browsers take far longer URLs, but the places a link is pasted
 * (mail, chat, other sites' forms) are held to what HTTP asks every party to accept, 8,000 octets (RFC 9110 §4.1).
 */
export const MAX_SHARE_CHARS = 8_000;
export const SHARE_KEY = 'share';

const payloadSchema = z.object({
  v: z.literal(1),
  /** The index the ids belong to. */
  i: z.string().min(1).max(100),
  n: z.string().min(1).max(200),
  a: z.array(z.tuple([z.string().min(1).max(500), z.string().max(20_000)])).max(10_000),
});

export interface SharedCollection {
  indexId: string;
  name: string;
  items: { id: string; note: string }[];
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

function base64url(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(s, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

export type EncodeResult = { ok: true; fragment: string } | { ok: false; length: number; message: string };

/** `share=…` (without the #) for `collection`, or why it is too long. */
export async function encodeShare(collection: Pick<Collection, 'name' | 'items'>, indexId: string): Promise<EncodeResult> {
  const payload = { v: 1, i: indexId, n: collection.name, a: collection.items.map((i) => [i.id, i.note]) };
  const deflated = await pipe(new TextEncoder().encode(JSON.stringify(payload)), new CompressionStream('deflate-raw'));
  const fragment = `${SHARE_KEY}=${base64url(deflated)}`;
  if (fragment.length > MAX_SHARE_CHARS) {
    return {
      ok: false,
      length: fragment.length,
      message: `پیوند اشتراک این مجموعه ${toPersianDigits(fragment.length.toLocaleString('en-US').replace(/,/g, '٬'))} نویسه می‌شود و بیش از ${toPersianDigits('8٬000')} نویسه نمی‌تواند باشد: یادداشت‌ها را کوتاه کنید یا مجموعه را بخش کنید، یا «خروجی همه» را به‌صورت پرونده بفرستید.`,
    };
  }
  return { ok: true, fragment };
}

export type DecodeResult = { ok: true; shared: SharedCollection } | { ok: false; message: string };

const broken = (why: string): DecodeResult => ({ ok: false, message: `این پیوند اشتراک خراب است (${why}): شاید کامل رونوشت نشده است.` });

/** The collection a fragment (`#share=…` or `share=…`) carries, or why it cannot be read. */
export async function decodeShare(fragment: string): Promise<DecodeResult> {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const data = params.get(SHARE_KEY);
  if (data === null) return { ok: false, message: 'این نشانی پیوند اشتراک مجموعه ندارد.' };
  if (data.length > MAX_SHARE_CHARS) return broken('بلندتر از اندازهٔ پیوند اشتراک');
  const bytes = fromBase64url(data);
  if (!bytes || bytes.length === 0) return broken('نویسه‌های نادرست');
  let json: unknown;
  try {
    const inflated = await pipe(bytes, new DecompressionStream('deflate-raw'));
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated));
  } catch {
    return broken('باز نمی‌شود');
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) return broken('قالب نادرست');
  const { i, n, a } = parsed.data;
  return { ok: true, shared: { indexId: i, name: n, items: a.map(([id, note]) => ({ id, note })) } };
}
