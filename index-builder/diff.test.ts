import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Article } from '../lib/types';
import { articleHash, diffArticles, encodeHashes, hashArticles, readPreviousHashes } from './diff';

const article = (id: string, title = 'افزایش قیمت نان'): Article => ({
  id,
  title,
  body: ['نانوایی‌ها از فردا نان را گران‌تر می‌فروشند.'],
  publishedAt: '2021-11-01T23:56:00+03:30',
  jalali: { year: 1400, month: 8, day: 10 },
  source: 'ایرنا',
  tags: ['نان'],
  url: null,
  dateline: null,
  agency: null,
  category: null,
});

const dir = mkdtempSync(path.join(os.tmpdir(), 'kavosh-diff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('articleHash', () => {
  it('is the same for the same content whatever the order of the keys', () => {
    const a = article('1');
    const reordered = Object.fromEntries(Object.entries(a).reverse()) as unknown as Article;
    expect(articleHash(reordered)).toBe(articleHash(a));
  });

  it('changes when any field changes, the Jalali day and the section label included', () => {
    const a = article('1');
    expect(articleHash({ ...a, category: 'اقتصادی' })).not.toBe(articleHash(a));
    expect(articleHash({ ...a, jalali: { year: 1400, month: 8, day: 11 } })).not.toBe(articleHash({ ...a, jalali: { year: 1400, month: 8, day: 10 } }));
    expect(articleHash({ ...a, tags: ['سیل'] })).not.toBe(articleHash(a));
  });

  it('changes when one character of the text changes', () => {
    expect(articleHash(article('1', 'افزایش قیمت نان'))).not.toBe(articleHash(article('1', 'افزايش قیمت نان')));
  });
});

describe('diffArticles', () => {
  it('counts every article as added when there was no index', () => {
    expect(diffArticles(null, hashArticles([article('1'), article('2')]))).toEqual({ added: 2, updated: 0, removed: 0, unchanged: 0 });
  });

  it('tells added, updated, removed and unchanged articles apart by id and content', () => {
    const previous = hashArticles([article('1'), article('2'), article('3')]);
    const next = [article('1'), article('2', 'کاهش قیمت نان'), article('4')];
    expect(diffArticles(previous, hashArticles(next))).toEqual({ added: 1, updated: 1, removed: 1, unchanged: 1 });
  });
});

describe('readPreviousHashes', () => {
  it('reads the article hashes of an index directory as older builds wrote them: one object of id → hash', async () => {
    const index = path.join(dir, 'index');
    mkdirSync(index);
    writeFileSync(path.join(index, 'manifest.json'), '{"format": 2}');
    writeFileSync(path.join(index, 'article-hashes.json'), JSON.stringify({ '1': articleHash(article('1')) }));
    expect(await readPreviousHashes(index)).toEqual(new Map([['1', articleHash(article('1'))]]));
  });

  it('reads the hashes as a build writes them: ids and hashes, in two arrays', async () => {
    const index = path.join(dir, 'arrays');
    mkdirSync(index);
    writeFileSync(path.join(index, 'manifest.json'), '{"format": 4}');
    const hashes = new Map([['خبر-۲', articleHash(article('2'))], ['1', articleHash(article('1'))]]);
    writeFileSync(path.join(index, 'article-hashes.json'), encodeHashes(hashes));
    expect(await readPreviousHashes(index)).toEqual(hashes);
  });

  it('answers null where there is no index, or no manifest', async () => {
    expect(await readPreviousHashes(path.join(dir, 'none'))).toBeNull();
    const bare = path.join(dir, 'bare');
    mkdirSync(bare);
    writeFileSync(path.join(bare, 'article-hashes.json'), JSON.stringify({ '1': articleHash(article('1')) }));
    expect(await readPreviousHashes(bare)).toBeNull();
  });
});
