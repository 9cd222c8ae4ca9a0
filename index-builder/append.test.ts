import { describe, expect, it } from 'vitest';
import { ArticleAnalyzer, type BuiltIndexData, assembleIndexData } from '../lib/search/index-data';
import { encodePostingParts, encodeRegistry, registeredIds } from '../lib/search/postings-file';
import { articleWith } from '../lib/article';
import type { Article } from '../lib/types';
import { type AppendBase, appendIndexData } from './append';

const article = (title: string, ...body: string[]): Article => articleWith({ id: title, title, body });

const before = [
  article('بارش برف در تهران', 'برف سنگین راه‌های تهران را بست.'),
  article('نمایشگاه کتاب', 'نمایشگاه کتاب تهران با حضور ناشران گشایش یافت.'),
  article('بودجه مجلس', 'مجلس بودجه را بررسی کرد.'),
];

/** The index of `articles` as a build assembles it, and the base an append starts from. */
function built(articles: Article[]): { data: BuiltIndexData; base: AppendBase } {
  const analyzer = new ArticleAnalyzer();
  const data = assembleIndexData(analyzer.table.terms, articles.map((a) => analyzer.analyze(a)));
  const parts = encodePostingParts(data.index, data.vocabulary, 64);
  return { data, base: { data, parts, registered: registeredIds(data.index), wordCounts: data.wordCounts } };
}

/** The previous index extended by `added`, and the index of all the articles assembled in one go. */
function appendAndFull(added: Article[]) {
  const analyzer = new ArticleAnalyzer();
  const analyses = added.map((a) => analyzer.analyze(a));
  const appended = appendIndexData(built(before).base, analyzer.table.terms, analyses);
  return { appended, full: built([...before, ...added]).data };
}

async function expectSame({ appended, full }: ReturnType<typeof appendAndFull>) {
  const { index, ...arrays } = full;
  const { flex, words, ...mine } = appended;
  expect({ ...mine, ...(await words) }).toEqual(arrays);
  expect(flex.postings).toEqual(encodePostingParts(index, full.vocabulary));
  expect(flex.registry).toEqual(encodeRegistry(index));
}

describe('appendIndexData: the previous index extended by articles added after it', () => {
  it('equals the index assembled from all the articles', async () => {
    await expectSame(appendAndFull([article('برف در تبریز', 'بارش برف ادامه دارد.')]));
  });

  it('sorts a new term into the middle of the vocabulary', async () => {
    const r = appendAndFull([article('زلزله', 'زلزله‌ای در کرمان آمد.')]);
    const at = r.appended.vocabulary.indexOf('زلزله');
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(r.appended.vocabulary.length - 1);
    await expectSame(r);
  });

  it('carries the hamza keys and elongated spellings of the added articles', async () => {
    const r = appendAndFull([article('هیئت مسئولان', 'خیییلی ممممکن است هیأت مسؤول بیاید.')]);
    expect(r.appended.vocabulary).toContain('ءهییءت');
    expect(r.appended.vocabulary).toContain('ممکن');
    await expectSame(r);
  });

  it('codes the words again when a word becomes more frequent than others', async () => {
    const r = appendAndFull([article('مجلس', Array(20).fill('مجلس').join(' '))]);
    const code = (data: { vocabulary: string[]; wordCodes: Uint32Array }, term: string) => data.wordCodes[data.vocabulary.indexOf(term)];
    expect(code(built(before).data, 'مجلس')).toBeGreaterThan(0);
    expect(code(r.appended, 'مجلس')).toBe(0);
    await expectSame(r);
  });

  it('keeps an added article without words out of the registry', async () => {
    await expectSame(appendAndFull([article(''), article('کتاب')]));
  });

  it('writes the previous index again when nothing is added', async () => {
    await expectSame(appendAndFull([]));
  });
});
