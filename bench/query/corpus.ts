// The 100,000-article bench corpus: the 13,790 real records of shared/corpus
// written 7 times and a bit (the originals as they are, then copies k = 1..7
// with id `<id>~r<k>` and every date moved k Jalali years later; copy 7 is
// partial, a seeded sample, to land on exactly 100,000). Copying adds no
// vocabulary, but the postings, the facets and the text to cut snippets from
// grow as at a real 100k archive; the shifted years spread the dates so that
// year and month facets and date filters have 7× more buckets to count.
//
//   npm run bench:corpus -- [--shared <dir>] [--force]
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createGunzip, createGzip } from 'node:zlib';
import { isLeapJalaaliYear, toGregorian, toJalaali } from 'jalaali-js';
import { corpusFiles } from '../eval/corpus';
import { mulberry32, shuffled } from '../eval/sample';
import { CACHE_DIR, CORPUS_FILE, TARGET_ARTICLES, CORPUS_SEED, requireShared } from './paths';

type RawRecord = Record<string, unknown> & { id?: unknown; date?: unknown; date_jalali?: unknown };

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** "1384/12/30" + k years → "1385/12/29" (Esfand 30 exists only in leap years); null stays null. */
export function shiftJalali(y: number, m: number, d: number, years: number): { jy: number; jm: number; jd: number } {
  const jy = y + years;
  const jd = m === 12 && d === 30 && !isLeapJalaaliYear(jy) ? 29 : d;
  return { jy, jm: m, jd };
}

/**
 * A copy of a corpus record with the id `<id>~r<k>` and both date fields
 * moved k Jalali years on (the Gregorian date recomputed from the shifted
 * Jalali day, so the two still agree). Undated records stay undated; copy 0
 * is the record itself.
 */
export function replicateRecord(record: RawRecord, k: number): RawRecord {
  if (k === 0) return record;
  const out: RawRecord = { ...record, id: `${String(record.id)}~r${k}` };
  const jal = typeof record.date_jalali === 'string' ? /^(\d{4})\/(\d{1,2})\/(\d{1,2})(.*)$/s.exec(record.date_jalali) : null;
  const greg = typeof record.date === 'string' ? /^(\d{4})-(\d{2})-(\d{2})(.*)$/s.exec(record.date) : null;
  let day: { jy: number; jm: number; jd: number } | null = null;
  if (jal) day = shiftJalali(Number(jal[1]), Number(jal[2]), Number(jal[3]), k);
  else if (greg) {
    const j = toJalaali(Number(greg[1]), Number(greg[2]), Number(greg[3]));
    day = shiftJalali(j.jy, j.jm, j.jd, k);
  }
  if (!day) return out; // undated (or a date this corpus does not use): left as it is
  if (jal) out.date_jalali = `${day.jy}/${pad(day.jm, 2)}/${pad(day.jd, 2)}${jal[4]}`;
  if (greg) {
    const g = toGregorian(day.jy, day.jm, day.jd);
    out.date = `${g.gy}-${pad(g.gm, 2)}-${pad(g.gd, 2)}${greg[4]}`;
  }
  return out;
}

/** Which records copy k holds: all of them, or for the last partial copy a seeded sample in file order. */
export function copyPlan(records: number, target: number, seed: number): { k: number; indices: number[] | null }[] {
  const plan: { k: number; indices: number[] | null }[] = [];
  let left = target;
  for (let k = 0; left > 0; k++) {
    if (left >= records) {
      plan.push({ k, indices: null });
      left -= records;
    } else {
      const all = Array.from({ length: records }, (_, i) => i);
      plan.push({ k, indices: shuffled(all, mulberry32(seed)).slice(0, left).sort((a, b) => a - b) });
      left = 0;
    }
  }
  return plan;
}

async function readRawRecords(file: string): Promise<RawRecord[]> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const out: RawRecord[] = [];
  for await (const line of lines) if (line.trim() !== '') out.push(JSON.parse(line) as RawRecord);
  return out;
}

export interface CorpusInfo {
  file: string;
  records: number;
  originals: number;
  copies: { k: number; records: number }[];
  sources: string[];
  bytesUncompressed: number;
  ms: number;
}

/** Writes the bench corpus (gzipped JSON Lines) to `out`, atomically. */
export async function makeBenchCorpus(shared: string, out = CORPUS_FILE, target = TARGET_ARTICLES): Promise<CorpusInfo> {
  const started = performance.now();
  const files = corpusFiles(shared);
  const records: RawRecord[] = [];
  for (const f of files) records.push(...(await readRawRecords(f)));
  mkdirSync(path.dirname(out), { recursive: true });
  const tmp = `${out}.tmp-${process.pid}`;
  const gz = createGzip({ level: 6 });
  const sink = createWriteStream(tmp);
  gz.pipe(sink);
  let bytes = 0;
  let written = 0;
  const copies: CorpusInfo['copies'] = [];
  try {
    for (const { k, indices } of copyPlan(records.length, target, CORPUS_SEED)) {
      const chosen = indices ?? records.map((_, i) => i);
      for (const i of chosen) {
        const line = JSON.stringify(replicateRecord(records[i], k)) + '\n';
        bytes += Buffer.byteLength(line);
        written++;
        if (!gz.write(line)) await once(gz, 'drain');
      }
      copies.push({ k, records: chosen.length });
    }
    gz.end();
    await once(sink, 'close');
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  renameSync(tmp, out);
  const info: CorpusInfo = {
    file: out,
    records: written,
    originals: records.length,
    copies,
    sources: files.map((f) => path.basename(f)),
    bytesUncompressed: bytes,
    ms: Math.round(performance.now() - started),
  };
  writeFileSync(`${out}.json`, JSON.stringify(info, null, 2) + '\n');
  return info;
}

export function describeCorpus(info: CorpusInfo): string {
  const full = info.copies.filter((c) => c.records === info.originals).length;
  const partial = info.copies.find((c) => c.records !== info.originals);
  return (
    `${info.records.toLocaleString('en-US')} articles from ${info.originals.toLocaleString('en-US')} records: ` +
    `${full} full copies (originals + ~r1..~r${full - 1})` +
    (partial ? ` + ${partial.records.toLocaleString('en-US')} of copy ~r${partial.k}` : '') +
    `, copy k dated +k Jalali years; ${Math.round(info.bytesUncompressed / 2 ** 20)} MiB of JSONL`
  );
}

async function main() {
  const { values } = parseArgs({ options: { shared: { type: 'string' }, force: { type: 'boolean', default: false } }, strict: true });
  const shared = requireShared(values.shared, 'bench:corpus');
  if (existsSync(CORPUS_FILE) && !values.force) {
    console.log(`bench corpus already at ${path.relative(process.cwd(), CORPUS_FILE)} (--force to remake it)`);
    return;
  }
  mkdirSync(CACHE_DIR, { recursive: true });
  const info = await makeBenchCorpus(shared);
  console.log(`bench corpus: ${describeCorpus(info)} → ${path.relative(process.cwd(), info.file)} in ${(info.ms / 1000).toFixed(1)} s`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
