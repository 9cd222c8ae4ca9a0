import { describe, expect, it } from 'vitest';
import { addedRecord, appendParagraph, changedRecord, spreadSample } from './records';

describe('spreadSample', () => {
  it('picks distinct indices, ascending, the same for the same seed', () => {
    const a = spreadSample(100_000, 100, 5);
    expect(a).toHaveLength(100);
    expect(new Set(a).size).toBe(100);
    expect([...a].sort((x, y) => x - y)).toEqual(a);
    expect(spreadSample(100_000, 100, 5)).toEqual(a);
    expect(spreadSample(100_000, 100, 6)).not.toEqual(a);
    // Spread over the file, not bunched at one end: an incremental builder must not get the easy case.
    expect(a[0]).toBeLessThan(10_000);
    expect(a[99]).toBeGreaterThan(90_000);
  });

  it('refuses more than there are', () => {
    expect(() => spreadSample(3, 4, 1)).toThrow();
  });
});

describe('derived records', () => {
  const record = { id: 'HAM2-840127-155~r3', title: 'عنوان', body: 'سطر یک\nسطر دو', date: '2008-04-15', tags: ['a'] };

  it('adds a paragraph to a string body or a list of paragraphs', () => {
    expect(appendParagraph('a\nb', 'c')).toBe('a\nb\nc');
    expect(appendParagraph(['a', 'b'], 'c')).toEqual(['a', 'b', 'c']);
    expect(appendParagraph(undefined, 'c')).toBe('c');
  });

  it('gives an added article a new id and a body of its own', () => {
    const a = addedRecord(record, 7);
    expect(a.id).toBe('HAM2-840127-155~r3~add7');
    expect(a.body).toBe('سطر یک\nسطر دو\nگزارش تکمیلی ۷: جزئیات تازه‌ای از این خبر منتشر شد.');
    expect(a.title).toBe(record.title);
    expect(addedRecord(record, 8).body).not.toBe(a.body);
    expect(record.body).toBe('سطر یک\nسطر دو');
  });

  it('keeps a changed article\'s id and everything but its body', () => {
    const c = changedRecord(record, 12);
    expect(c.id).toBe(record.id);
    expect(c.body).toBe('سطر یک\nسطر دو\nاصلاحیه ۱۲: متن این خبر پس از انتشار ویرایش شد.');
    expect({ ...c, body: record.body }).toEqual(record);
  });
});
