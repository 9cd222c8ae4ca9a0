// engine.cost prices a search before it runs; the server's scheduler tells cheap requests from expensive ones by it.
import { describe, expect, it } from 'vitest';
import { articleWith } from '../article';
import { SearchEngine } from './engine';
import { parseSearchParams } from './params';

const articles = Array.from({ length: 30 }, (_, i) =>
  articleWith({ id: `a${i}`, title: i === 0 ? 'رزمایش دریایی' : `خبر شماره ${i}`, body: [`این خبر در تهران منتشر شد ${i}.`], source: 'ایرنا', jalali: null, publishedAt: null, tags: [] }),
);
const engine = SearchEngine.fromArticles(articles, { maxQueryCost: 200 });
const cost = (q: string) => engine.cost(parseSearchParams({ q }));

describe('SearchEngine.cost', () => {
  it('prices a common word («در», in every article) above a rare one («رزمایش»)', () => {
    expect(cost('در')).toBeGreaterThanOrEqual(30);
    expect(cost('رزمایش')).toBeLessThan(5);
  });

  it('prices «رزمایش تهران» lower with match=all (the rare word leads) than with match=any (both words are read)', () => {
    const all = engine.cost(parseSearchParams({ q: 'رزمایش تهران', match: 'all' }));
    const any = engine.cost(parseSearchParams({ q: 'رزمایش تهران', match: 'any' }));
    expect(all).toBeLessThan(10);
    expect(any).toBeGreaterThanOrEqual(30);
  });

  it('prices an empty search as listing every article', () => {
    expect(cost('')).toBe(30);
  });

  it('prices a search over the budget at nothing: it is refused at once when run, not queued', () => {
    const tooMuch = '"در تهران" "این خبر" "خبر در" "منتشر شد" "تهران منتشر"';
    expect(() => engine.search(parseSearchParams({ q: tooMuch }))).toThrow(/too much work/);
    expect(cost(tooMuch)).toBe(0);
  });
});
