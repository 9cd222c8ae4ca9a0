import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../sample';
import { EDIT_KINDS, editCopy, syntheticSet } from './synthetic';

const body = 'خبرگزاری ایرنا گزارش داد که وزیر نیرو روز شنبه از ۳ سد استان بازدید کرد. وی گفت ذخیره آب سدها در سال 1402 کاهش یافته است و صرفه‌جویی ضروری است. این بازدید تا عصر ادامه داشت.';

describe('editCopy', () => {
  const rng = () => mulberry32(1);
  it('replaces the lead sentence with the given one and keeps the rest', () => {
    const e = editCopy(body, 'lead', rng(), 'تهران - ایسنا - خبر تازه.');
    expect(e.body.startsWith('تهران - ایسنا - خبر تازه.')).toBe(true);
    expect(e.body).toContain('وی گفت ذخیره آب');
    expect(e.body).not.toContain('روز شنبه');
  });

  it('cuts between 10 % and 50 % of the words from the end', () => {
    const e = editCopy(body, 'trim', rng(), '');
    const kept = e.body.split(/\s+/).length / body.split(/\s+/).length;
    expect(kept).toBeGreaterThanOrEqual(0.5);
    expect(kept).toBeLessThanOrEqual(0.9);
    expect(body.startsWith(e.body)).toBe(true);
  });

  it('swaps ی/ک with ي/ك and leaves no Persian yeh', () => {
    expect(editCopy(body, 'yeh-kaf', rng(), '').body).not.toMatch(/ی/);
  });

  it('writes Latin digits in Persian', () => {
    const e = editCopy(body, 'digits', mulberry32(3), '');
    expect(e.body).toMatch(/۱۴۰۲|1402/);
    expect(e.body !== body || e.detail.includes('Latin')).toBe(true);
  });
});

describe('syntheticSet', () => {
  const pool = Array.from({ length: 40 }, (_, i) => ({ id: `p${i}`, body: `${body} شماره ${i}`, source: null, publishedAt: null }));
  it('makes one copy per edit kind of each original and two kinds of control pairs', () => {
    const s = syntheticSet(pool, { seed: 1, originals: 4, controls: 3 });
    expect(s.copies).toHaveLength(4 * EDIT_KINDS.length);
    expect(s.controls.filter((c) => c.kind === 'footer-common')).toHaveLength(3);
    expect(s.controls.filter((c) => c.kind === 'footer-rare')).toHaveLength(3);
    expect(new Set(s.docs.map((d) => d.id)).size).toBe(s.docs.length);
  });

  it('refuses a pool too small for the set', () => {
    expect(() => syntheticSet(pool.slice(0, 5), { seed: 1, originals: 4, controls: 3 })).toThrow(/pool/);
  });
});
