import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INPUTS_FILE } from '../lib/search/layout';
import { buildIndex } from './build';
import { importClosure, inputKey } from './input-cache';
import { tempFiles } from './testing';

const { dir: root } = tempFiles('kavosh-input-cache-');

/** A project tree of the given files under a fresh folder. */
function tree(name: string, files: Record<string, string>): string {
  const dir = path.join(root, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

/** The least that inputKey's roots need, with what the readers import. */
const project = (jalali: string) => ({
  'index-builder/read/dates.ts': "import { toIso } from '@/lib/jalali';\nimport type { Article } from '@/lib/types';\nexport const x = toIso;\n",
  'index-builder/read/dates.test.ts': "import { x } from './dates';\n",
  'index-builder/diff.ts': 'export const hash = 1;\n',
  'index-builder/source-aliases.ts': 'export const BUILT_IN_ALIASES = {};\n',
  'lib/search/article-store.ts': "export { ARTICLES_PER_BLOCK } from './article-blocks';\n",
  'lib/search/article-blocks.ts': 'export const ARTICLES_PER_BLOCK = 8;\n',
  'lib/jalali.ts': jalali,
  'lib/types.ts': 'export interface Article { id: string }\n',
});

describe('importClosure', () => {
  it('follows relative and @/ imports and re-exports, leaves tests and type-only imports out, and names packages with their versions', () => {
    const dir = tree('closure', {
      ...project("import { toGregorian } from 'jalaali-js';\nimport { readFile } from 'node:fs/promises';\nexport const toIso = toGregorian;\n"),
      'node_modules/jalaali-js/package.json': '{"name": "jalaali-js", "version": "2.0.1"}',
    });
    expect(importClosure(['index-builder/read', 'lib/search/article-store.ts'], dir)).toEqual({
      modules: ['index-builder/read/dates.ts', 'lib/jalali.ts', 'lib/search/article-blocks.ts', 'lib/search/article-store.ts'],
      packages: ['jalaali-js@2.0.1'],
    });
  });
});

describe('inputKey', () => {
  it('changes when a module the readers import changes', () => {
    const before = inputKey({}, tree('key-a', project('export const toIso = 1;\n')));
    expect(inputKey({}, tree('key-b', project('export const toIso = 2;\n')))).not.toBe(before);
    expect(inputKey({}, tree('key-c', project('export const toIso = 1;\n')))).toBe(before);
  });

  it('changes with the --map fields, whatever order they were given in', () => {
    expect(inputKey({ title: 'headline' })).not.toBe(inputKey({}));
    expect(inputKey({ title: 'headline', body: 'text' })).toBe(inputKey({ body: 'text', title: 'headline' }));
  });
});

describe('the record of the inputs in the index', () => {
  it('holds per file its absolute path, size, sha256 and key, and each article (id, line, record, kept) and reject in reading order', async () => {
    const dir = tree('record', {
      'a.jsonl': ['{"id": "1", "title": "یک", "body": "متن"}', '{bad', '{"id": "1", "title": "یک بار دیگر", "body": "متن"}'].join('\n'),
    });
    const out = path.join(root, 'record-index');
    await buildIndex({ inputs: [dir], out });
    const file = path.join(dir, 'a.jsonl');
    const bytes = readFileSync(file);
    expect(JSON.parse(readFileSync(path.join(out, INPUTS_FILE), 'utf8'))).toEqual({
      format: 2,
      files: [
        {
          path: file,
          size: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          key: inputKey({}),
          outcomes: [['1', 1, null, 0], { file, line: 2, reason: expect.stringMatching(/^invalid JSON/) }, ['1', 3, null, 1]],
        },
      ],
    });
  });
});
