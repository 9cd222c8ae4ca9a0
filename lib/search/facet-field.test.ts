import { describe, expect, it } from 'vitest';
import { withFacetKeys } from './article-store';
import { FacetField, facetKey } from './facet-field';

const counts = (field: FacetField, docs: number[]) => {
  const c = field.newCounts();
  for (const d of docs) field.countInto(d, c);
  return field.top(c, 10);
};

describe('FacetField', () => {
  it('groups spellings of one value: «ايرنا» and «ایرنا» count as one source', () => {
    const field = new FacetField([['ایرنا'], ['ايرنا'], ['ایسنا']]);
    expect(counts(field, [0, 1, 2])).toEqual([
      { value: 'ایرنا', count: 2 },
      { value: 'ایسنا', count: 1 },
    ]);
  });

  it('takes the keys the builder computed instead of analyzing each value again', () => {
    // Keys that group two different words prove they were used, not recomputed.
    const field = new FacetField([['سیل'], ['زلزله']], new Map([['سیل', 'حادثه'], ['زلزله', 'حادثه']]));
    expect(counts(field, [0, 1])).toEqual([{ value: 'سیل', count: 2 }]);
  });
});

describe('withFacetKeys', () => {
  it('lists every source and tag value once with its facet key', () => {
    const meta = withFacetKeys({ ids: ['1', '2'], dayKeys: [0, 0], publishedAt: [null, null], sources: ['ايرنا', null], tags: [['سیل'], ['سیل', 'ايران']] });
    expect(meta.facetKeys).toEqual([
      ['ايرنا', facetKey('ايرنا')],
      ['سیل', facetKey('سیل')],
      ['ايران', facetKey('ايران')],
    ]);
  });
});
