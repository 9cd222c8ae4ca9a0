import { describe, expect, it } from 'vitest';
import { ParamError, parseSearchParams, parseTrendsParams, MAX_QUERY_LENGTH, MAX_TREND_QUERIES } from './params';

const fails = (raw: Record<string, string>) => {
  try {
    parseSearchParams(raw);
  } catch (e) {
    expect(e).toBeInstanceOf(ParamError);
    return { param: (e as ParamError).param, message: (e as Error).message };
  }
  throw new Error('expected a ParamError');
};

describe('parseSearchParams', () => {
  it('fills the defaults', () => {
    expect(parseSearchParams({})).toEqual({ q: '', from: null, to: null, sort: 'relevance', page: 1, size: 10, match: 'all', source: [], tag: [], undated: 'exclude', more: [], prefix: 'none', group: 'none', count: 'articles' });
  });

  it('reads prefix=last for search-as-you-type, and whole words without it', () => {
    expect(parseSearchParams({ q: 'جنگ', prefix: 'last' }).prefix).toBe('last');
    expect(parseSearchParams({ q: 'جنگ' }).prefix).toBe('none');
    expect(parseSearchParams({ q: 'جنگ', prefix: 'none' }).prefix).toBe('none');
  });

  it('refuses another prefix value, naming the parameter', () => {
    expect(() => parseSearchParams({ prefix: 'all' })).toThrow(/prefix: expected none or last, got "all"/);
  });

  it('reads Jalali bounds in Persian digits', () => {
    expect(parseSearchParams({ from: '۱۴۰۰-۰۸', to: '۱۴۰۰-۰۸-۱۰' })).toMatchObject({
      from: { year: 1400, month: 8 },
      to: { year: 1400, month: 8, day: 10 },
    });
  });

  it('reads page and size in Persian digits', () => {
    expect(parseSearchParams({ page: '۲', size: '۲۰' })).toMatchObject({ page: 2, size: 20 });
  });

  it('cuts an overlong query instead of failing', () => {
    expect(parseSearchParams({ q: 'ک'.repeat(5000) }).q).toHaveLength(MAX_QUERY_LENGTH);
  });

  it('cuts a long query at a word boundary and says it did («در » × 500 does not end in «د»)', () => {
    const params = parseSearchParams({ q: 'در '.repeat(500) });
    expect(params.q.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    expect(params.q.endsWith('در')).toBe(true);
    expect(params.q.split(' ').every((w) => w === 'در')).toBe(true);
    expect(params.queryCut).toBe(true);
  });

  it('leaves a query within the limit as it is, not marked cut', () => {
    expect(parseSearchParams({ q: 'کتابخانه ملی' }).queryCut).toBeUndefined();
  });

  it('takes the first of repeated parameters', () => {
    expect(parseSearchParams(new URLSearchParams('q=الف&q=ب&page=2&page=3'))).toMatchObject({ q: 'الف', page: 2 });
  });

  it.each([
    [{ size: '101' }, 'size'],
    [{ size: '0' }, 'size'],
    [{ page: '-1' }, 'page'],
    [{ page: '1e9' }, 'page'],
    [{ sort: 'random' }, 'sort'],
    [{ from: '1400-13' }, 'from'],
    [{ to: '1400-12-30' }, 'to'],
    [{ from: 'دیروز' }, 'from'],
    [{ undated: 'yes' }, 'undated'],
    [{ more: 'category' }, 'more'],
  ])('rejects %j naming the parameter %s', (raw, param) => {
    const error = fails(raw as Record<string, string>);
    expect(error.param).toBe(param);
    expect(error.message.startsWith(`${param}:`)).toBe(true);
  });

  it('rejects a range whose start is after its end', () => {
    expect(fails({ from: '1402', to: '1401' }).param).toBe('from');
  });

  it('keeps undated articles in a date filter only when asked (undated=include)', () => {
    expect(parseSearchParams({ from: '1401' }).undated).toBe('exclude');
    expect(parseSearchParams({ from: '1401', undated: 'include' }).undated).toBe('include');
    expect(parseSearchParams({ undated: ' exclude ' }).undated).toBe('exclude');
  });

  it('names the values undated accepts when given another', () => {
    expect(fails({ undated: 'همه' }).message).toBe('undated: expected exclude or include, got "همه"');
  });

  it('reads more=source and more=tag, repeatable, once each', () => {
    expect(parseSearchParams(new URLSearchParams('more=tag&more=source&more=tag')).more).toEqual(['tag', 'source']);
    expect(parseSearchParams(new URLSearchParams('more=')).more).toEqual([]);
  });

  it('names the facets more accepts when given another', () => {
    expect(fails({ more: 'منبع' }).message).toBe('more: expected source or tag, got "منبع"');
  });
});

describe('parseTrendsParams', () => {
  const parse = (query: string) => parseTrendsParams(new URLSearchParams(query));
  const fails = (query: string) => {
    try {
      parse(query);
    } catch (e) {
      return [(e as ParamError).param, (e as ParamError).message];
    }
    return null;
  };

  it('keeps every q in order, with the shared filters and the interval', () => {
    const p = parse(`q=${encodeURIComponent('سیل')}&q=${encodeURIComponent('زلزله بم')}&interval=week&from=۱۳۸۴&source=${encodeURIComponent('ايرنا')}`);
    expect(p.queries).toEqual(['سیل', 'زلزله بم']);
    expect(p.interval).toBe('week');
    expect(p.filters).toMatchObject({ q: '', from: { year: 1384 }, source: ['ايرنا'] });
  });

  it('leaves the interval to the range when it is missing or empty', () => {
    expect(parse('q=a').interval).toBeNull();
    expect(parse('q=a&interval=').interval).toBeNull();
  });

  it('ignores the search-only parameters instead of refusing them', () => {
    expect(parse('q=a&size=500&sort=best').queries).toEqual(['a']);
  });

  it('refuses no q, an empty q and more than 8, naming q', () => {
    expect(fails('interval=month')).toEqual(['q', 'q: at least one query is needed (q=…&q=…)']);
    expect(fails('q=a&q=%20')).toEqual(['q', 'q: query 2 is empty']);
    const nine = Array.from({ length: MAX_TREND_QUERIES + 1 }, (_, i) => `q=w${i}`).join('&');
    expect(fails(nine)).toEqual(['q', 'q: at most 8 queries, got 9']);
    expect(fails(nine.split('&').slice(0, 8).join('&'))).toBeNull();
  });

  it('refuses an unknown interval and a bad filter, naming them', () => {
    expect(fails('q=a&interval=day')?.[0]).toBe('interval');
    expect(fails('q=a&from=1400-13')?.[0]).toBe('from');
    expect(fails('q=a&match=some')?.[0]).toBe('match');
  });
});
