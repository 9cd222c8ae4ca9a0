// From the paths given to the index builder to a stream of outcomes: folders
// are walked, each file goes to the reader for its type, and every problem
// short of a missing input becomes a reject so the build can carry on.

import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { readJsonl } from './jsonl';
import { PlainTextError, parsePlainTextArticle } from './plaintext';
import type { ReadOutcome } from './types';

type FileKind = 'text' | 'jsonl';

function kindOf(file: string): FileKind | null {
  const name = file.toLowerCase();
  if (name.endsWith('.txt')) return 'text';
  if (/\.(jsonl|ndjson)(\.gz)?$/.test(name)) return 'jsonl';
  return null;
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
async function listInputs(inputs: string[]): Promise<Listed[]> {
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

async function readTextFile(file: string): Promise<ReadOutcome> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    return { ok: false, file, reason: (err as Error).message };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Older Persian archives are often Windows-1256; guessing would garble them.
    return { ok: false, file, reason: 'not valid UTF-8 text (convert it to UTF-8 first)' };
  }
  try {
    return { ok: true, article: parsePlainTextArticle(text, file), file };
  } catch (err) {
    if (err instanceof PlainTextError) return { ok: false, file, line: err.line, reason: err.reason };
    throw err;
  }
}

/**
 * Every article in the given files and folders, or the reason a file or
 * record is not one. Throws only when an input does not exist
 * (`input not found: <path>`).
 */
export async function* readArticles(inputs: string[]): AsyncGenerator<ReadOutcome> {
  for (const item of await listInputs(inputs)) {
    if ('reject' in item) {
      yield item.reject;
      continue;
    }
    const kind = kindOf(item.file);
    if (kind === 'text') yield await readTextFile(item.file);
    else if (kind === 'jsonl') yield* readJsonl(item.file);
    else {
      yield {
        ok: false,
        file: item.file,
        reason: 'unsupported file type (expected .txt, .jsonl, .ndjson, .jsonl.gz or .ndjson.gz)',
      };
    }
  }
}
