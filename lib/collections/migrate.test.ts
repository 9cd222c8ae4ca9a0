import { describe, expect, it } from 'vitest';
import { readStored, readStoredText, type StoredV1 } from './migrate';
import { storedSchema } from './schema';
import { INDEX, bookmark, store } from './fixtures-for-tests';

const v1: StoredV1 = {
  format: 'kavosh-collections',
  version: 1,
  indexId: INDEX,
  bookmarks: [
    { articleId: 'n1', collection: 'انتخابات', title: 'نتایج انتخابات', date: '1402-03-10', source: 'ایرنا', note: 'مهم', savedAt: '2023-06-01T08:00:00.000Z' },
    { articleId: 'n2', collection: 'خشکسالی', title: 'کم‌آبی در خراسان', date: null, source: null, note: '', savedAt: '2023-06-02T08:00:00.000Z' },
    { articleId: 'n3', collection: 'انتخابات', title: 'مناظره', date: '1402-03-11', source: 'ایسنا', note: '', savedAt: '2023-06-03T08:00:00.000Z' },
  ],
  searches: [{ name: 'باران', href: '/?q=%D8%A8%D8%A7%D8%B1%D8%A7%D9%86&sort=newest', total: 12, savedAt: '2023-06-01T08:00:00.000Z' }],
};

describe('reading a stored document', () => {
  it('migrates version 1 into collections grouped by name, in first-kept order, with no tags', () => {
    const read = readStored(v1, INDEX);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.migratedFrom).toBe(1);
    expect(read.data.version).toBe(2);
    expect(read.data.collections.map((c) => [c.name, c.items.map((i) => i.id)])).toEqual([
      ['انتخابات', ['n1', 'n3']],
      ['خشکسالی', ['n2']],
    ]);
    expect(read.data.collections[0].items[0]).toMatchObject({ title: 'نتایج انتخابات', note: 'مهم', tags: [], jalaliDate: '1402-03-10' });
    expect(storedSchema.safeParse(read.data).success).toBe(true);
  });

  it('turns a version 1 saved search page URL into its query string and keeps the total then', () => {
    const read = readStored(v1, INDEX);
    if (!read.ok) throw new Error(read.message);
    expect(read.data.searches[0]).toMatchObject({ name: 'باران', query: 'q=%D8%A8%D8%A7%D8%B1%D8%A7%D9%86&sort=newest', total: 12, note: '' });
  });

  it('gives the same ids when version 1 is migrated twice (two tabs opening it)', () => {
    const a = readStored(v1, INDEX);
    const b = readStored(structuredClone(v1), INDEX);
    expect(a).toEqual(b);
  });

  it('reads the current version as it is, without migrating', () => {
    const doc = store([{ id: 'c1', name: 'الف', items: [bookmark('n1', { note: 'یادداشت', tags: ['آب'] })] }]);
    const read = readStored(doc, INDEX);
    expect(read).toEqual({ ok: true, data: doc, migratedFrom: null });
  });

  it('refuses a JSON file of something else, in Persian', () => {
    const read = readStored({ name: 'تنظیمات', items: [] }, INDEX);
    expect(read).toEqual({ ok: false, message: expect.stringContaining('خروجی مجموعه‌های کاوش نیست') });
  });

  it('refuses a document whose note is not text, naming the field', () => {
    const doc = store([{ id: 'c1', name: 'الف', items: [bookmark('n1')] }]) as unknown as { collections: { items: { note: unknown }[] }[] };
    doc.collections[0].items[0].note = 42;
    const read = readStored(doc, INDEX);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toContain('collections.0.items.0.note');
  });

  it('refuses a document of a newer format rather than reading it wrongly', () => {
    const read = readStored({ ...store([]), version: 3 }, INDEX);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toContain('نسخهٔ تازه‌تری');
  });

  it('refuses a document of another index: its article ids name other articles here', () => {
    const read = readStored({ ...store([]), indexId: 'i-other' }, INDEX);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toContain('نمایهٔ دیگری');
  });

  it('refuses text that is not JSON, and takes a file that begins with a BOM', () => {
    expect(readStoredText('id,title\n1,خبر', INDEX)).toEqual({ ok: false, message: expect.stringContaining('JSON نیست') });
    expect(readStoredText('\uFEFF' + JSON.stringify(store([])), INDEX).ok).toBe(true);
  });
});
