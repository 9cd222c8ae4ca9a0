import { describe, expect, it } from 'vitest';
import { narrowFacet } from './facet-list';

const item = (value: string, checked = false) => ({ value, checked });
const tags = [item('تهران'), item('نوروز'), item('اصفهان'), item('تهران قدیم'), item('كشاورزي'), item('هوای تهران')];

describe('narrowFacet', () => {
  it('keeps the values that contain the text, in their order', () => {
    expect(narrowFacet(tags, 'تهران')).toEqual({ items: [tags[0], tags[3], tags[5]], matching: 3 });
  });

  it('finds an Arabic spelling with the Persian one, and not a value without the text', () => {
    const { items } = narrowFacet(tags, 'کشاورزی');
    expect(items.map((t) => t.value)).toEqual(['كشاورزي']);
  });

  it('shows at most the limit, and counts every match', () => {
    expect(narrowFacet(tags, '', 2)).toEqual({ items: [tags[0], tags[1]], matching: 6 });
    expect(narrowFacet(tags, 'تهران', 2)).toEqual({ items: [tags[0], tags[3]], matching: 3 });
  });

  it('keeps a checked value that does not match or is past the limit, so it can be unchecked', () => {
    const list = [...tags.slice(0, 5), item('یوزپلنگ', true)];
    expect(narrowFacet(list, 'تهران', 1).items.map((t) => t.value)).toEqual(['تهران', 'یوزپلنگ']);
  });
});
