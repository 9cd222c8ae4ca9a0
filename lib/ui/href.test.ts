import { describe, expect, it } from 'vitest';
import {
  articleHref,
  withPageDefaults,
  idFromSegment,
  idSegment,
  carriedFields,
  backHref,
  clearFiltersHref,
  hasValue,
  readUrlState,
  searchHref,
  toggleHref,
  toggleValue,
  toSearchParams,
} from './href';

describe('readUrlState', () => {
  it('keeps known parameters, the first of a single, every value of a list', () => {
    const state = readUrlState(new URLSearchParams('q=الف&q=ب&from=1400&source=ایسنا&source=ایرنا&tag=فرهنگ&x=1&source='));
    expect(state).toEqual({ q: 'الف', from: '1400', source: ['ایسنا', 'ایرنا'], tag: ['فرهنگ'] });
  });

  it('reads Next.js searchParams records', () => {
    expect(readUrlState({ q: 'x', source: ['a', 'a', 'b'], tag: 'c', page: '' })).toEqual({ q: 'x', source: ['a', 'b'], tag: ['c'] });
  });
});

describe('searchHref', () => {
  const state = { q: 'کتاب', from: '1401', to: '1401', sort: 'newest', page: '3', source: ['ایسنا'], tag: ['فرهنگ'] };

  it('writes parameters in one order, lists repeated', () => {
    expect(toSearchParams(state).toString()).toBe(
      new URLSearchParams([
        ['q', 'کتاب'], ['from', '1401'], ['to', '1401'], ['sort', 'newest'], ['page', '3'], ['source', 'ایسنا'], ['tag', 'فرهنگ'],
      ]).toString(),
    );
  });

  it('goes back to page 1 when anything but the page changes', () => {
    expect(searchHref(state, { sort: 'oldest' })).not.toContain('page=');
    expect(searchHref(state, { page: '4' })).toContain('page=4');
  });

  it('drops a parameter set to undefined or an empty list', () => {
    const href = searchHref(state, { from: undefined, to: undefined, source: [] });
    expect(href).not.toMatch(/from=|to=|source=/);
    expect(href).toContain('tag=');
  });

  it('is / for the empty state', () => {
    expect(searchHref({})).toBe('/');
  });

  it('clears every filter but keeps the query and order', () => {
    const params = new URL(clearFiltersHref(state), 'http://x').searchParams;
    expect([...params.keys()]).toEqual(['q', 'sort']);
  });
});

describe('facet values', () => {
  it('compare across Arabic and Persian letters', () => {
    expect(hasValue(['ايرنا'], 'ایرنا')).toBe(true);
    expect(toggleValue(['ايرنا', 'ایسنا'], 'ایرنا')).toEqual(['ایسنا']);
    expect(toggleValue(['ایسنا'], 'ایرنا')).toEqual(['ایسنا', 'ایرنا']);
  });

  it('removes a checked value written with other digits, as the facet grouped it (not a second copy)', () => {
    expect(hasValue(['ورزش 3'], 'ورزش ۳')).toBe(true);
    expect(toggleValue(['ورزش 3', 'فرهنگ'], 'ورزش ۳')).toEqual(['فرهنگ']);
  });

  it('toggles a source: OR within the list', () => {
    const once = toggleHref({ q: 'x' }, 'source', 'ایسنا');
    const twice = toggleHref(readUrlState(new URL(once, 'http://x').searchParams), 'source', 'ایرنا');
    expect(new URL(twice, 'http://x').searchParams.getAll('source')).toEqual(['ایسنا', 'ایرنا']);
    const removed = toggleHref(readUrlState(new URL(twice, 'http://x').searchParams), 'source', 'ایسنا');
    expect(new URL(removed, 'http://x').searchParams.getAll('source')).toEqual(['ایرنا']);
  });
});

describe('article links and the way back', () => {
  it('carries q as is and the whole search in back', () => {
    const state = { q: 'كتابخانه ملي', from: '1402', sort: 'oldest', page: '2', source: ['ایسنا'] };
    const href = articleHref('5501001', state);
    const url = new URL(href, 'http://x');
    expect(url.pathname).toBe('/articles/5501001');
    expect(url.searchParams.get('q')).toBe('كتابخانه ملي');
    expect(href.indexOf('q=')).toBeLessThan(href.indexOf('back='));
    const back = backHref(url.searchParams.get('back')!, undefined, '5501001');
    expect(back).toBe(`${searchHref(state, { page: '2' })}#r-5501001`);
  });

  it('never leaves the site and keeps only search parameters', () => {
    expect(backHref('//evil.example/x')).toBe('/');
    expect(backHref('q=a&redirect=https://evil.example')).toBe('/?q=a');
    expect(backHref(undefined, 'کتاب')).toBe(`/?q=${encodeURIComponent('کتاب')}`);
  });

  it('has no query string for an empty search', () => {
    expect(articleHref('a b', {})).toBe('/articles/a%20b');
  });
});

describe('carriedFields', () => {
  it('carries every parameter of the view but the ones the form changes, a list once per value, nothing unset', () => {
    const state = { q: 'کتاب', undated: 'include', more: ['tag', 'source'], tag: ['فرهنگ'] };
    expect(carriedFields(state, ['tag'])).toEqual([
      ['q', 'کتاب'],
      ['undated', 'include'],
      ['more', 'tag'],
      ['more', 'source'],
    ]);
  });

  it('does not carry the page, the typing prefix or a facet list’s own box', () => {
    const state = { q: 'کتاب', page: '3', prefix: 'last', tagq: 'فر', sort: 'newest' };
    expect(carriedFields(state, ['q'])).toEqual([['sort', 'newest']]);
  });
});

describe('article ids in URLs', () => {
  /** The id the server reads back from a link: the browser's URL parsing (dot steps resolved), then the router's decoding. */
  const idOfLink = (href: string) => idFromSegment(decodeURIComponent(new URL(href, 'http://localhost').pathname.replace(/^\/articles\//, '')));

  it('gives an id of only dots a page of its own, not a step up to /', () => {
    for (const id of ['.', '..', '...']) {
      const href = articleHref(id, {});
      expect(new URL(href, 'http://localhost').pathname).toBe(`/articles/~${id}`);
      expect(idOfLink(href)).toBe(id);
    }
  });

  it('reads back every id it writes, those that look like the escape among them', () => {
    for (const id of ['۵۵۰۱۰۰۱', 'a b', '~', '~.', '~..', '~~.', '.a', 'a..', '../x', '%2E%2E', 'خبر/۱']) {
      expect(idOfLink(articleHref(id, { q: 'کتاب' }))).toBe(id);
    }
  });

  it('leaves ordinary ids as they were written: «~» only before an id of only dots', () => {
    expect(idSegment('5501001')).toBe('5501001');
    expect(idSegment('a.b')).toBe('a.b');
    expect(idSegment('~x')).toBe('~x');
    expect(idFromSegment('~x')).toBe('~x');
  });
});

describe('withPageDefaults', () => {
  it('groups by story and counts stories where the URL is silent', () => {
    expect(withPageDefaults({ q: 'زعفران' })).toMatchObject({ q: 'زعفران', group: 'story', count: 'stories' });
  });

  it('keeps what the URL chose, and does not write the defaults into links', () => {
    expect(withPageDefaults({ q: 'زعفران', group: 'none', count: 'articles' })).toMatchObject({ group: 'none', count: 'articles' });
    expect(searchHref({ q: 'زعفران' })).toBe(`/?q=${encodeURIComponent('زعفران')}`);
  });
});
