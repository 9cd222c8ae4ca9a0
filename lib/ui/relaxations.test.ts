import { describe, expect, it } from 'vitest';
import { parseSearchParams, type SearchParams } from '../search/params';
import { readUrlState } from './href';
import { relaxations } from './relaxations';

/** A count that knows what each relaxed search would find. */
const counter = (totals: (params: Partial<SearchParams>) => number) => (changes: Partial<SearchParams>) => totals(changes);

describe('relaxations', () => {
  const raw = { q: 'زلزله کرمان', from: '1384', source: ['ایرنا'], tag: ['حوادث'] };
  const params = parseSearchParams(raw);
  const state = readUrlState(raw);

  it('offers each filter dropped alone, every filter dropped, and any word, each with its count', () => {
    const got = relaxations(counter(() => 3), params, state);
    expect(got.map((r) => r.label)).toEqual([
      'بدون فیلتر تاریخ (از ۱۳۸۴)',
      'بدون منبع «ایرنا»',
      'بدون برچسب «حوادث»',
      'بدون هیچ فیلتری',
      'هر یک از کلمات (به‌جای همهٔ کلمات)',
    ]);
    expect(got.every((r) => r.total === 3)).toBe(true);
  });

  it('leaves out a relaxation that would find nothing either', () => {
    const got = relaxations(counter((c) => (c.source !== undefined && c.tag === undefined ? 0 : 2)), params, state);
    expect(got.map((r) => r.label)).not.toContain('بدون منبع «ایرنا»');
  });

  it('links dropping a source to the search without it, in the spelling the URL had', () => {
    const arabic = { q: 'کرمان', source: ['ايرنا'] };
    const got = relaxations(counter(() => 1), parseSearchParams(arabic), readUrlState(arabic));
    expect(got[0].href).toBe('/?q=%DA%A9%D8%B1%D9%85%D8%A7%D9%86');
  });

  it('offers «any word» only for a query of several words under match=all', () => {
    const one = { q: 'زلزله' };
    expect(relaxations(counter(() => 1), parseSearchParams(one), readUrlState(one))).toEqual([]);
  });
});
