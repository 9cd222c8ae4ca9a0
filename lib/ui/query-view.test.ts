import { describe, expect, it } from 'vitest';
import type { QueryTerm, QueryView } from '@/lib/types';
import { describeQuery, queryText } from './query-view';

const word = (text: string, extra: Partial<QueryTerm> = {}): QueryTerm => ({ kind: 'word', text, terms: [text], field: 'any', prefix: false, ...extra });

describe('describeQuery', () => {
  it('joins groups with «و», alternatives with «یا», and lists exclusions', () => {
    const view: QueryView = {
      groups: [[{ ...word('کتابخانه ملی'), kind: 'phrase' }], [word('تبریز'), word('تهران')]],
      excluded: [word('سیستان')],
      ignored: ['در'],
      match: 'all',
      hasOperators: true, notices: [], words: [],
    };
    expect(queryText(view)).toBe('«کتابخانه ملی» و («تبریز» یا «تهران») بدون «سیستان» (نادیده: در)');
    expect(describeQuery(view).parts[0]).toMatchObject({ kind: 'term', phrase: true });
  });

  it('shows title-only terms and match=any', () => {
    const view: QueryView = {
      groups: [[word('کتاب', { field: 'title', prefix: true })], [word('فرهنگ')]],
      excluded: [],
      ignored: [],
      match: 'any',
      hasOperators: true, notices: [], words: [],
    };
    expect(queryText(view)).toBe('عنوان: «کتاب…» یا «فرهنگ»');
  });
});
