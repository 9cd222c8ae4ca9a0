import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare, MAX_SHARE_CHARS } from './share';
import { INDEX, bookmark } from './fixtures-for-tests';

describe('share links', () => {
  it('carries the name, ids and notes through the fragment, in order', async () => {
    const items = [bookmark('n2', { note: 'نقل‌قول وزیر، بند دوم' }), bookmark('n1'), bookmark('~..', { note: 'شناسهٔ عجیب' })];
    const enc = await encodeShare({ name: 'خشکسالی ۱۴۰۲', items }, INDEX);
    if (!enc.ok) throw new Error(enc.message);
    expect(enc.fragment).toMatch(/^share=[A-Za-z0-9_-]+$/);
    expect(await decodeShare(`#${enc.fragment}`)).toEqual({
      ok: true,
      shared: {
        indexId: INDEX,
        name: 'خشکسالی ۱۴۰۲',
        items: [
          { id: 'n2', note: 'نقل‌قول وزیر، بند دوم' },
          { id: 'n1', note: '' },
          { id: '~..', note: 'شناسهٔ عجیب' },
        ],
      },
    });
  });

  it('does not carry titles, sources or tags (the index has them)', async () => {
    const enc = await encodeShare({ name: 'الف', items: [bookmark('n1', { title: 'عنوانی که نباید برود', tags: ['برچسب'] })] }, INDEX);
    if (!enc.ok) throw new Error(enc.message);
    const dec = await decodeShare(enc.fragment);
    expect(JSON.stringify(dec)).not.toContain('عنوانی');
    expect(JSON.stringify(dec)).not.toContain('برچسب');
  });

  it('compresses: 200 kept articles with short notes fit in the limit', async () => {
    const items = Array.from({ length: 200 }, (_, i) => bookmark(`news-${100000 + i}`, { note: i % 10 === 0 ? 'بخوانم' : '' }));
    const enc = await encodeShare({ name: 'بزرگ', items }, INDEX);
    expect(enc.ok).toBe(true);
    if (enc.ok) expect(enc.fragment.length).toBeLessThan(MAX_SHARE_CHARS);
  });

  it('refuses a collection whose link would pass the limit, saying so in Persian with its length', async () => {
    // Random notes do not compress.
    const noise = (n: number) => Array.from(crypto.getRandomValues(new Uint8Array(n)), (b) => String.fromCharCode(0x0621 + (b % 40))).join('');
    const items = Array.from({ length: 40 }, (_, i) => bookmark(`n${i}`, { note: noise(200) }));
    const enc = await encodeShare({ name: 'یادداشت‌های بلند', items }, INDEX);
    expect(enc.ok).toBe(false);
    if (!enc.ok) {
      expect(enc.length).toBeGreaterThan(MAX_SHARE_CHARS);
      expect(enc.message).toContain('۸٬۰۰۰ نویسه');
      expect(enc.message).toContain('خروجی همه');
    }
  });

  it('says a link cut short is broken, never returns part of it', async () => {
    const enc = await encodeShare({ name: 'الف', items: [bookmark('n1', { note: 'یادداشت' }), bookmark('n2')] }, INDEX);
    if (!enc.ok) throw new Error(enc.message);
    const cut = await decodeShare(enc.fragment.slice(0, -6));
    expect(cut).toEqual({ ok: false, message: expect.stringContaining('خراب است') });
  });

  it('refuses what is not a share fragment', async () => {
    expect(await decodeShare('#r-n1')).toEqual({ ok: false, message: expect.stringContaining('پیوند اشتراک') });
    expect((await decodeShare('#share=***')).ok).toBe(false);
    // Valid base64url of valid deflate, but not a collection.
    const deflated = await new Response(new Blob(['{"x":1}']).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer();
    const b64 = Buffer.from(deflated).toString('base64url');
    expect(await decodeShare(`#share=${b64}`)).toEqual({ ok: false, message: expect.stringContaining('قالب نادرست') });
  });
});
