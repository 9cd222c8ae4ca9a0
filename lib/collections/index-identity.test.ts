import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectionsIndexId } from './index-identity';

describe("the index's identity for collections", () => {
  it('is the same for the same folder wherever the project is (relative path), so a rebuild keeps collections', () => {
    const a = collectionsIndexId({}, path.resolve('data/index'));
    expect(a).toMatch(/^i-[0-9a-f]{16}$/);
    expect(collectionsIndexId({}, path.resolve('data/index'))).toBe(a);
    expect(collectionsIndexId({}, path.resolve('data/other-index'))).not.toBe(a);
  });

  it('is what KAVOSH_INDEX_ID names when a deployment sets it, and refuses one a key cannot carry', () => {
    expect(collectionsIndexId({ KAVOSH_INDEX_ID: 'hamshahri-2008' }, path.resolve('data/index'))).toBe('hamshahri-2008');
    expect(() => collectionsIndexId({ KAVOSH_INDEX_ID: 'a b' }, path.resolve('data/index'))).toThrow(/KAVOSH_INDEX_ID/);
  });
});
