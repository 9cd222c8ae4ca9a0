import { describe, expect, it } from 'vitest';
import { readableUrl } from './url-text';

describe('readableUrl: article addresses shown decoded', () => {
  it('shows Persian words, not escapes', () => {
    expect(readableUrl('isna.ir/news/%D8%AE%D8%A8%D8%B1-%DA%A9%D8%AA%D8%A7%D8%A8')).toBe('isna.ir/news/خبر-کتاب');
  });

  it('shows a malformed escape as it is', () => {
    expect(readableUrl('x.ir/%E2%82-%ZZ/%D8%AE')).toBe('x.ir/%E2%82-%ZZ/خ');
  });

  it('keeps a bidi override or a space escaped, so the address cannot be disguised', () => {
    expect(readableUrl('x.ir/%E2%80%AEgpj.exe')).toBe('x.ir/%E2%80%AEgpj.exe');
    expect(readableUrl('x.ir/a%20b')).toBe('x.ir/a%20b');
  });

  it('leaves an address without escapes unchanged', () => {
    expect(readableUrl('https://www.irna.ir/news/123')).toBe('https://www.irna.ir/news/123');
  });
});
