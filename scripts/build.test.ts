// The key under which `npm run build` keeps an index in the build cache.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexKey } from './build';

const root = mkdtempSync(path.join(os.tmpdir(), 'kavosh-build-key-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('indexKey', () => {
  it('changes with the source aliases file (KAVOSH_SOURCE_ALIASES) and its contents', { timeout: 30_000 }, async () => {
    const articles = path.join(root, 'a.jsonl');
    writeFileSync(articles, JSON.stringify({ id: '1', title: 'زلزله', body: 'متن', source: 'tabnak.ir' }) + '\n');
    const aliases = path.join(root, 'aliases.csv');
    writeFileSync(aliases, 'tabnak.ir,تابناک\n');
    const without = await indexKey([articles]);
    const withAliases = await indexKey([articles], aliases);
    expect(withAliases).not.toBe(without);
    writeFileSync(aliases, 'tabnak.ir,سایت تابناک\n');
    expect(await indexKey([articles], aliases)).not.toBe(withAliases);
    expect(await indexKey([articles])).toBe(without);
  });
});
