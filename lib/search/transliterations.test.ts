import { describe, expect, it } from 'vitest';
import { SearchEngine } from './engine';
import { parseSearchParams } from './params';
import { fromTransliteration, TRANSLITERATIONS } from './transliterations';
import { articleWith } from '../article';

describe('the transliteration table', () => {
  it('reads «Ahmadinejad» in any case as «احمدی‌نژاد», with its ZWNJ', () => {
    expect(fromTransliteration('AhmadiNejad')).toEqual({ text: 'AhmadiNejad', q: 'احمدی‌نژاد' });
  });

  it('replaces only the names it has: «Rouhani speech» keeps «speech»', () => {
    expect(fromTransliteration('Rouhani speech')).toEqual({ text: 'Rouhani', q: 'روحانی speech' });
  });

  it('has nothing for a word that is not a name in it: «covid»', () => {
    expect(fromTransliteration('covid')).toBeNull();
  });

  it('holds only lower-case ASCII keys and Persian forms', () => {
    for (const [latin, persian] of Object.entries(TRANSLITERATIONS)) {
      expect(latin).toMatch(/^[a-z]+$/);
      expect(persian).toMatch(/^[\u0600-\u06ff\u200c]+$/);
    }
  });
});

describe('a Latin name is offered in Persian, with its count, never applied', () => {
  const engine = SearchEngine.fromArticles([
    articleWith({ id: 'a', title: 'سفر احمدی‌نژاد', body: ['احمدی‌نژاد در نیویورک.'] }),
    articleWith({ id: 'b', title: 'احمدی‌نژاد و مجلس', body: ['سخنرانی.'] }),
    articleWith({ id: 'c', title: 'زلزله در کرمان', body: ['زلزله خسارت زد.'] }),
  ]);
  const search = (q: string) => engine.search(parseSearchParams({ q }));

  it('«Ahmadinejad» finds nothing and offers «احمدی‌نژاد» (2 articles)', () => {
    const r = search('Ahmadinejad');
    expect(r.total).toBe(0);
    expect(r.suggestions).toEqual([{ kind: 'transliteration', text: 'Ahmadinejad', suggestion: 'احمدی‌نژاد', q: 'احمدی‌نژاد', articles: 2 }]);
  });

  it('offers nothing when the archive lacks the Persian form: «Obama» here', () => {
    expect(search('Obama').suggestions).toEqual([]);
  });
});
