// Sizes on disk: of an index (each file, raw and gzipped) and of the corpus.
import { createReadStream, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';

export interface FileSize {
  /** Relative to the index directory. */
  name: string;
  bytes: number;
  gzipBytes?: number;
}

/** Every file under `dir` with its size (apparent size, not blocks), largest first. */
export function listFiles(dir: string, prefix = ''): FileSize[] {
  const out: FileSize[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(p, rel));
    else out.push({ name: rel, bytes: statSync(p).size });
  }
  return out.sort((a, b) => b.bytes - a.bytes || (a.name < b.name ? -1 : 1));
}

/** Bytes a stream carries, counted and dropped. */
function counter(onBytes: (n: number) => void): Writable {
  return new Writable({
    write(chunk: Buffer, _enc, done) {
      onBytes(chunk.length);
      done();
    },
  });
}

/** The size of `file` gzipped at level 6 (gzip's default), without writing it anywhere. */
export async function gzipSize(file: string): Promise<number> {
  let n = 0;
  await pipeline(createReadStream(file), createGzip({ level: 6 }), counter((b) => (n += b)));
  return n;
}

/** The size of a gzipped file once inflated. */
export async function gunzipSize(file: string): Promise<number> {
  let n = 0;
  await pipeline(createReadStream(file), createGunzip(), counter((b) => (n += b)));
  return n;
}

export interface IndexSize {
  files: FileSize[];
  bytes: number;
  gzipBytes: number;
}

/** Each file of the index gzipped on its own (as a deployment would store or ship them), and the sums. */
export async function indexSize(dir: string): Promise<IndexSize> {
  const files = listFiles(dir);
  for (const f of files) f.gzipBytes = await gzipSize(path.join(dir, f.name));
  return {
    files,
    bytes: files.reduce((s, f) => s + f.bytes, 0),
    gzipBytes: files.reduce((s, f) => s + (f.gzipBytes ?? 0), 0),
  };
}

/** Read as text by the server or a later build: the files a string limit applies to. */
export const isTextFile = (name: string) => /\.(json|jsonl|txt|csv|tsv)$/.test(name);
