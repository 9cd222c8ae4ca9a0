// From the paths given to the index builder to a stream of outcomes: folders
// are walked, each file goes to the reader for its type, and every problem
// short of a missing input becomes a reject so the build can carry on.

import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { readCsv } from './csv';
import { readFailureReason, readWholeText } from './decode';
import { readJsonArray } from './json-array';
import { readJsonl } from './jsonl';
import { PlainTextError, parsePlainTextArticle } from './plaintext';
import type { ReadOptions, ReadOutcome } from './types';

export type FileKind = 'text' | 'jsonl' | 'json' | 'csv' | 'tsv';

const KIND_BY_EXTENSION: Record<string, FileKind> = {
  txt: 'text',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  json: 'json',
  csv: 'csv',
  tsv: 'tsv',
};

export const SUPPORTED_TYPES = '.txt, .jsonl, .ndjson, .json, .csv or .tsv, each optionally .gz';

/** The format of a file from its name (case-insensitive; a .gz ending is gunzipped first), or null. */
export function kindOf(file: string): FileKind | null {
  const m = /\.([a-z]+)(?:\.gz)?$/.exec(file.toLowerCase());
  return (m && KIND_BY_EXTENSION[m[1]]) ?? null;
}

// Dotfiles (.DS_Store, .git) and the notes people keep next to their data.
function isSkipped(name: string): boolean {
  return name.startsWith('.') || name.toLowerCase().endsWith('.md');
}

type Listed = { file: string } | { reject: ReadOutcome };

async function walk(dir: string, out: Listed[]): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    out.push({ reject: { ok: false, file: dir, reason: (err as Error).message } });
    return;
  }
  for (const entry of entries) {
    if (isSkipped(entry.name)) continue;
    const full = path.join(dir, entry.name);
    // A symbolic link is followed to whatever it points at.
    const isDir = entry.isDirectory() || (entry.isSymbolicLink() && (await isDirectory(full)));
    if (isDir) await walk(full, out);
    else out.push({ file: full });
  }
}

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

function listedPath(l: Listed): string {
  return 'file' in l ? l.file : l.reject.file;
}

/** Inputs in order; inside a folder, files sorted by path (code units, not locale) for the same build every time. */
async function listInputs(inputs: readonly string[]): Promise<Listed[]> {
  const listed: Listed[] = [];
  // Check every input before reading any, so a typo fails at once.
  const stats = await Promise.all(
    inputs.map((input) =>
      stat(input).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT' || err.code === 'ENOTDIR') throw new Error(`input not found: ${input}`);
        throw new Error(`cannot read input ${input}: ${err.message}`);
      }),
    ),
  );
  for (const [i, input] of inputs.entries()) {
    if (!stats[i].isDirectory()) {
      listed.push({ file: input });
      continue;
    }
    const inFolder: Listed[] = [];
    await walk(input, inFolder);
    inFolder.sort((a, b) => (listedPath(a) < listedPath(b) ? -1 : listedPath(a) > listedPath(b) ? 1 : 0));
    listed.push(...inFolder);
  }
  return listed;
}

async function readTextFile(file: string, options: ReadOptions): Promise<ReadOutcome> {
  let text: string;
  try {
    text = await readWholeText(file, options.onBytes);
  } catch (err) {
    return { ok: false, file, reason: readFailureReason(err, 0) };
  }
  try {
    return { ok: true, article: parsePlainTextArticle(text, file), file };
  } catch (err) {
    if (err instanceof PlainTextError) return { ok: false, file, line: err.line, reason: err.reason };
    throw err;
  }
}

/** The files to read, in order, and their total size on disk (for progress). */
export interface InputPlan {
  readonly entries: readonly Listed[];
  /** Files to read (rejects of unreadable folders aside). */
  readonly files: number;
  /** Their total size in bytes, when asked for. */
  readonly bytes: number;
}

/**
 * Lists the files under the inputs without reading them. Throws
 * `input not found: <path>` when an input does not exist.
 */
export async function planInputs(inputs: readonly string[], { sizes = false } = {}): Promise<InputPlan> {
  const entries = await listInputs(inputs);
  const files = entries.flatMap((e) => ('file' in e ? [e.file] : []));
  let bytes = 0;
  if (sizes) {
    // A batch at a time: an archive of 100,000 files must not open them all at once.
    for (let i = 0; i < files.length; i += 256) {
      const batch = await Promise.all(files.slice(i, i + 256).map((f) => stat(f).then((s) => s.size, () => 0)));
      bytes += batch.reduce((a, b) => a + b, 0);
    }
  }
  return { entries, files: files.length, bytes };
}

function isPlan(inputs: readonly string[] | InputPlan): inputs is InputPlan {
  return !Array.isArray(inputs);
}

function readFile(file: string, options: ReadOptions): AsyncIterable<ReadOutcome> | Promise<ReadOutcome> {
  switch (kindOf(file)) {
    case 'text':
      return readTextFile(file, options);
    case 'jsonl':
      return readJsonl(file, options);
    case 'json':
      return readJsonArray(file, options);
    case 'csv':
      return readCsv(file, ',', options);
    case 'tsv':
      return readCsv(file, '\t', options);
    default:
      return Promise.resolve({ ok: false, file, reason: `unsupported file type (expected ${SUPPORTED_TYPES})` });
  }
}

/**
 * Every article in the given files and folders (or a plan made of them), or
 * the reason a file or record is not one. Throws only when an input does not
 * exist (`input not found: <path>`), before reading anything.
 */
export async function* readArticles(inputs: readonly string[] | InputPlan, options: ReadOptions = {}): AsyncGenerator<ReadOutcome> {
  const plan = isPlan(inputs) ? inputs : await planInputs(inputs);
  for (const item of plan.entries) {
    if ('reject' in item) {
      yield item.reject;
      continue;
    }
    options.onFile?.(item.file);
    const read = readFile(item.file, options);
    if (read instanceof Promise) yield await read;
    else yield* read;
  }
}
