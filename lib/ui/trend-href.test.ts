// The trends page's URL: what it keeps, what it drops, where its links go.
import { describe, expect, it } from 'vitest';
import { pointSearchHref, readTrendState, trendsApiHref, trendsFromSearchHref, trendsHref } from './trend-href';

const params = (href: string) => new URL(href, 'http://x').searchParams;

describe('readTrendState', () => {
  it('keeps the queries in order and drops the blank boxes the form sends', () => {
    const state = readTrendState(new URLSearchParams('q=سیل&q=&q=+&q=زلزله&interval=month'));
    expect(state).toEqual({ q: ['سیل', 'زلزله'], interval: 'month' });
  });

  it('drops parameters the page does not know, and keeps the first of a repeated single one', () => {
    expect(readTrendState({ q: 'سیل', page: '3', measure: ['count', 'share'] })).toEqual({ q: ['سیل'], measure: 'count' });
  });
});

describe('trendsHref', () => {
  const state = readTrendState(new URLSearchParams('q=سیل&q=زلزله&from=1384&source=ایرنا&measure=count'));

  it('changes one part and keeps the rest', () => {
    const p = params(trendsHref(state, { interval: 'week' }));
    expect(p.getAll('q')).toEqual(['سیل', 'زلزله']);
    expect([p.get('from'), p.getAll('source'), p.get('measure'), p.get('interval')]).toEqual(['1384', ['ایرنا'], 'count', 'week']);
  });

  it('leaves a default out of the URL', () => {
    expect(params(trendsHref(state, { measure: undefined })).has('measure')).toBe(false);
  });
});

describe('links out of the trend', () => {
  const state = readTrendState(new URLSearchParams('q=سیل&q=زلزله&match=any&tag=حوادث&view=source&smooth=3'));

  it('opens the search of one query in one period, with the trend\'s filters, not its other queries', () => {
    const p = params(pointSearchHref(state, 'زلزله', { start: '1384-03-01', end: '1384-03-31' }));
    expect(Object.fromEntries(p)).toEqual({ q: 'زلزله', from: '1384-03-01', to: '1384-03-31', match: 'any', tag: 'حوادث' });
  });

  it('keeps a point of the split by source to its source', () => {
    expect(params(pointSearchHref(state, 'سیل', { start: '1384', end: '1384' }, 'ایرنا')).getAll('source')).toEqual(['ایرنا']);
  });

  it('asks the API for the same trend, the view left out, the format added', () => {
    const href = trendsApiHref(state, 'csv');
    expect(href.startsWith('/api/trends?')).toBe(true);
    const p = params(href);
    expect([p.getAll('q'), p.get('format'), p.has('view'), p.get('smooth')]).toEqual([['سیل', 'زلزله'], 'csv', false, '3']);
  });

  it('carries the search page\'s query and filters into «روند در زمان», not its order or page', () => {
    const p = params(trendsFromSearchHref({ q: ' سیل ', from: '1384', source: ['ایرنا'], sort: 'newest', page: '2' }));
    expect(Object.fromEntries(p)).toEqual({ q: 'سیل', from: '1384', source: 'ایرنا' });
    expect(trendsFromSearchHref({})).toBe('/trends');
  });
});
