// The deploy check's reading of a Vercel build output (scripts/check-deploy.ts) and
// the load benchmark's "levels off" rule (bench/load/run.ts), on made-up inputs.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseFunctions } from '../../scripts/check-deploy';
import { levelsOff, searchPath } from '../load/run';

let root: string;

async function file(rel: string, bytes: number) {
  await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
  await writeFile(path.join(root, rel), Buffer.alloc(bytes));
}

async function func(route: string, files: string[]) {
  const dir = path.join(root, 'out', 'functions', `${route}.func`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, '.vc-config.json'), JSON.stringify({ runtime: 'nodejs24.x', filePathMap: Object.fromEntries(files.map((f) => [f, f])) }));
  await writeFile(path.join(dir, '___next_launcher.cjs'), Buffer.alloc(100));
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'kavosh-check-'));
  await file('idx/manifest.json', 10);
  await file('idx/flex/map.json', 1000);
  await file('node_modules/x.js', 500);
  await func('api/search', ['idx/manifest.json', 'idx/flex/map.json', 'node_modules/x.js']);
  await symlink('search.func', path.join(root, 'out', 'functions', 'api', 'export.func'));
  await func('index', ['idx/manifest.json', 'node_modules/x.js']); // lacks a file of the index
  await func('_middleware', ['node_modules/x.js']);
});

afterAll(() => rm(root, { recursive: true, force: true }));

describe('analyseFunctions', () => {
  it('sums each bundle once, groups the routes that share it, and finds index files a searching function lacks', async () => {
    const reports = await analyseFunctions(path.join(root, 'out'), 'idx', root);
    const search = reports.find((r) => r.dir === 'api/search.func')!;
    expect(search.routes).toEqual(['api/export', 'api/search']);
    expect(search.bytes).toBe(10 + 1000 + 500 + 100);
    expect(search.indexBytes).toBe(1010);
    expect(search.largest[0]).toEqual({ file: 'idx/flex/map.json', bytes: 1000 });
    expect(search.missingIndexFiles).toEqual([]);

    expect(reports.find((r) => r.dir === 'index.func')!.missingIndexFiles).toEqual(['idx/flex/map.json']);
    expect(reports.find((r) => r.dir === '_middleware.func')!.missingIndexFiles).toEqual([]); // it does not search

    // Routes that search but have no function at all are reported too.
    const missing = reports.filter((r) => r.dir.startsWith('(missing)')).map((r) => r.routes[0]).sort();
    expect(missing).toEqual(['api/articles/[id]', 'articles/[id]']);
  });
});

describe('bench:load helpers', () => {
  it('says memory levels off only when the last third grows less than 10% over the middle third', () => {
    expect(levelsOff([900, 950, 1000, 1010, 1020, 1015, 1020, 1025, 1018]).ok).toBe(true);
    expect(levelsOff([948, 976, 1007, 1056, 1094, 1128, 1172, 1211, 1237, 1278, 1330, 1379]).ok).toBe(false);
  });

  it('builds a search path with the mix\'s date filters', () => {
    expect(searchPath({ q: 'کتاب ملی', from: '1400', to: '1401-02' })).toBe(
      `/api/search?q=${encodeURIComponent('کتاب').replace(/%20/g, '+')}+${encodeURIComponent('ملی')}&from=1400&to=1401-02`,
    );
  });
});
