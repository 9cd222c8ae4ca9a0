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
import { fsPath, nameFromBytes, printable } from './paths';
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

/** A folder's identity, whatever path (or symbolic link) it is reached by. */
const keyOf = (s: { dev: number; ino: number }) => `${s.dev}:${s.ino}`;

/**
 * What a walk must not read: the index being written (`--out`), when an
 * input folder holds it, with its lock file and the `.tmp-PID`/`.old-PID`
 * folders of builds; without this each build read the previous one's
 * rejects.jsonl as input and rejected every line of it again (0 → 154k → 309k lines).
 */
interface OutOfBounds {
  /** `--out` itself. */
  out: string | null;
  /** The folder holding it, and the names of its siblings there. */
  parent: string | null;
  siblings: RegExp;
}

async function outOfBounds(out: string | undefined): Promise<OutOfBounds> {
  if (out === undefined) return { out: null, parent: null, siblings: /$^/ };
  const target = path.resolve(out);
  const key = (p: string) => stat(p).then(keyOf, () => null);
  const base = path.basename(target).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return { out: await key(target), parent: await key(path.dirname(target)), siblings: new RegExp(`^${base}(?:\\.lock|\\.tmp-\\d+|\\.old-\\d+)?$`) };
}

interface Walk {
  bounds: OutOfBounds;
  /** Folders walked already under this input: two links to one folder read it once. */
  seen: Set<string>;
  /** Notes for the build's log (the index left out, a link loop). */
  notes: string[];
}

async function walk(dir: string, dirKey: string, ancestors: Map<string, string>, w: Walk, out: Listed[]): Promise<void> {
  let entries: Dirent<Buffer>[];
  try {
    entries = (await readdir(fsPath(dir), { withFileTypes: true, encoding: 'buffer' })) as Dirent<Buffer>[];
  } catch (err) {
    out.push({ reject: { ok: false, file: dir, reason: printable((err as Error).message) } });
    return;
  }
  const named = entries.map((entry) => ({ entry, name: nameFromBytes(entry.name) }));
  // In name order, so that of two links to one folder the same one is walked every time.
  named.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { entry, name } of named) {
    if (isSkipped(name)) continue;
    const full = path.join(dir, name);
    if (dirKey === w.bounds.parent && w.bounds.siblings.test(name)) {
      w.notes.push(`not reading ${printable(full)}: it is the index being written (or its lock or a build's folder), not input`);
      continue;
    }
    // A symbolic link is followed to whatever it points at.
    const isDir = entry.isDirectory() || (entry.isSymbolicLink() && (await isDirectory(full)));
    if (!isDir) {
      out.push({ file: full });
      continue;
    }
    const key = await stat(fsPath(full)).then(keyOf, () => null);
    if (key === null) {
      out.push({ file: full });
      continue;
    }
    if (key === w.bounds.out) {
      w.notes.push(`not reading ${printable(full)}: it is the index being written, not input`);
      continue;
    }
    const ancestor = ancestors.get(key);
    if (ancestor !== undefined) {
      // Reported once: the folder it leads back to is not walked again from here.
      out.push({ reject: { ok: false, file: full, reason: `symbolic link loop: leads back to ${printable(ancestor)}; not followed` } });
      continue;
    }
    if (w.seen.has(key)) continue;
    w.seen.add(key);
    ancestors.set(key, full);
    await walk(full, key, ancestors, w, out);
    ancestors.delete(key);
  }
}

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await stat(fsPath(p))).isDirectory();
  } catch {
    return false;
  }
}

function listedPath(l: Listed): string {
  return 'file' in l ? l.file : l.reject.file;
}

/** Inputs in order; inside a folder, files sorted by path (code units, not locale) for the same build every time. */
async function listInputs(inputs: readonly string[], bounds: OutOfBounds, notes: string[]): Promise<Listed[]> {
  const listed: Listed[] = [];
  // Check every input before reading any, so a typo fails at once.
  const stats = await Promise.all(
    inputs.map((input) =>
      stat(input).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT' || err.code === 'ENOTDIR') throw new Error(`input not found: ${printable(input)}`);
        throw new Error(`cannot read input ${printable(input)}: ${err.message}`);
      }),
    ),
  );
  for (const [i, input] of inputs.entries()) {
    if (!stats[i].isDirectory()) {
      listed.push({ file: input });
      continue;
    }
    const key = keyOf(stats[i]);
    if (key === bounds.out) {
      notes.push(`not reading ${printable(input)}: it is the index being written, not input`);
      continue;
    }
    const inFolder: Listed[] = [];
    await walk(input, key, new Map([[key, input]]), { bounds, seen: new Set([key]), notes }, inFolder);
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
  /** What the walk left out and why (the index in an input folder), for the build's log. */
  readonly notes?: readonly string[];
}

/**
 * Lists the files under the inputs without reading them, leaving out the
 * index `out` and its build files. Throws `input not found: <path>` when an
 * input does not exist.
 */
export async function planInputs(inputs: readonly string[], { sizes = false, out }: { sizes?: boolean; out?: string } = {}): Promise<InputPlan> {
  const notes: string[] = [];
  const entries = await listInputs(inputs, await outOfBounds(out), notes);
  const files = entries.flatMap((e) => ('file' in e ? [e.file] : []));
  let bytes = 0;
  if (sizes) {
    // A batch at a time: an archive of 100,000 files must not open them all at once.
    for (let i = 0; i < files.length; i += 256) {
      const batch = await Promise.all(files.slice(i, i + 256).map((f) => stat(fsPath(f)).then((s) => s.size, () => 0)));
      bytes += batch.reduce((a, b) => a + b, 0);
    }
  }
  return { entries, files: files.length, bytes, notes };
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
