import { describe, expect, it } from 'vitest';
import { parseSearchParams } from '../search/params';
import type { SearchResponse } from '../types';
import { facetGroups } from './facet-groups';
import { readUrlState } from './href';

const facets = (sources: { value: string; count: number }[]) =>
  ({ facets: { sources, tags: [], sourceValues: sources.length, tagValues: 0 } }) as unknown as SearchResponse;

describe('facetGroups', () => {
  it('checks a value the URL names in another spelling, and unchecking removes that spelling', () => {
    const raw = { q: 'کتاب', source: ['ايرنا'] };
    const [sources] = facetGroups(facets([{ value: 'ايرنا', count: 4 }, { value: 'ایسنا', count: 2 }]), parseSearchParams(raw), readUrlState(raw));
    expect(sources.items).toEqual([
      { value: 'ایرنا', count: 4, checked: true, urlValue: 'ايرنا' },
      { value: 'ایسنا', count: 2, checked: false },
    ]);
  });

  it('keeps a selected value the list does not show, so submitting keeps it', () => {
    const raw = { q: 'کتاب', source: ['همشهری'] };
    const [sources] = facetGroups(facets([{ value: 'ایسنا', count: 2 }]), parseSearchParams(raw), readUrlState(raw));
    expect(sources.hiddenSelected).toEqual(['همشهری']);
  });

  it('narrows an expanded list to the text typed in its box, and links back to the short list', () => {
    const raw = { q: 'کتاب', more: 'source', sourceq: 'ایس' };
    const [sources] = facetGroups(facets([{ value: 'ایرنا', count: 4 }, { value: 'ایسنا', count: 2 }]), parseSearchParams(raw), readUrlState(raw));
    expect(sources.items.map((i) => i.value)).toEqual(['ایسنا']);
    expect(sources.toggleHref).toBe('/?q=%DA%A9%D8%AA%D8%A7%D8%A8#source-facet');
  });
});
