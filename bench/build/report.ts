// The targets of issue 5's benchmark and how the figures are printed: pure,
// so the verdicts are tested.
import { constants } from 'node:buffer';

export const TARGETS = {
  fullBuildS: 60,
  peakRssBytes: 3e9,
  addS: 5,
  /**
   * "Anywhere near" V8's string limit, made a number: a quarter of it. Read
   * whole, a UTF-8 file of B bytes is a string of up to B code units (all
   * ASCII), so a quarter leaves room for an archive a few times this one.
   */
  largestFileShare: 0.25,
};

/** V8's longest string on this platform, in UTF-16 code units (2^29 − 24 on 64-bit: the "~512 MB"). */
export const V8_STRING_LIMIT = constants.MAX_STRING_LENGTH;

/** Issue 5's reference, measured on this machine: Lucene 8.7 on the same 100,000 records. */
export const LUCENE = { buildS: 18.5, peakRssBytes: 424e6, indexBytes: 51e6 };

export const mibText = (bytes: number) => `${Math.round(bytes / 2 ** 20).toLocaleString('en-US')} MiB`;
export const mbText = (bytes: number) => (bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : `${Math.round(bytes / 1e6).toLocaleString('en-US')} MB`);
/** "1,862 MiB (1.95 GB)": MiB as bench:query prints them, decimal units as the issue states its targets. */
export const bytesText = (bytes: number) => `${mibText(bytes)} (${mbText(bytes)})`;
export const secondsText = (s: number) => (!Number.isFinite(s) ? 'n/a' : s < 10 ? `${s.toFixed(2)} s` : `${s.toFixed(1)} s`);
export const ratioText = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');
export const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

export interface Figures {
  /** Medians of the wall times of each step's runs, seconds. */
  fullS: number;
  addS: number;
  changeS: number;
  /** The highest peak RSS of any build run, bytes. */
  peakRssBytes: number;
  /** The index after the full build, bytes on disk (file sizes), and the corpus as JSON Lines. */
  indexBytes: number;
  corpusBytes: number;
  largestFile: { name: string; bytes: number };
  stringLimit: number;
}

export interface Check {
  target: string;
  measured: string;
  ok: boolean;
}

export function checks(f: Figures): Check[] {
  const fileBound = f.stringLimit * TARGETS.largestFileShare;
  return [
    { target: `full build ≤ ${TARGETS.fullBuildS} s`, measured: secondsText(f.fullS), ok: f.fullS <= TARGETS.fullBuildS },
    { target: `peak RSS ≤ ${TARGETS.peakRssBytes / 1e9} GB (any build)`, measured: bytesText(f.peakRssBytes), ok: f.peakRssBytes <= TARGETS.peakRssBytes },
    { target: `incremental +100 ≤ ${TARGETS.addS} s`, measured: secondsText(f.addS), ok: f.addS <= TARGETS.addS },
    {
      target: 'index on disk ≤ raw corpus (JSONL)',
      measured: `${mibText(f.indexBytes)} vs ${mibText(f.corpusBytes)} (${ratioText(f.indexBytes, f.corpusBytes)})`,
      ok: f.indexBytes <= f.corpusBytes,
    },
    {
      target: `largest file ≤ ¼ of V8's string limit (${mibText(fileBound)})`,
      measured: `${f.largestFile.name} ${mibText(f.largestFile.bytes)} (${((f.largestFile.bytes / f.stringLimit) * 100).toFixed(0)}% of the limit)`,
      ok: f.largestFile.bytes <= fileBound,
    },
  ];
}
