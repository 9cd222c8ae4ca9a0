// Input files that have not changed since the previous build are not read
// again. A rebuild that adds 100 articles to 100,000 spent most of its time
// re-reading the unchanged corpus (gunzip, JSON.parse, fields, dates) and
// hashing its articles, only to find them as the previous index held them.
// So every index keeps, per input file, its size and digest and what reading
// it produced (each article's id and place, each reject, in order); a rebuild
// replays that for a file with the same bytes and the same reading code, and
// takes its articles from the previous index (index-builder/previous.ts).

import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Article } from '../lib/types';
import { INPUTS_FILE } from '../lib/search/layout';
import { PROJECT_ROOT, sourceFingerprint } from './previous';
import type { FieldMap } from './read/fields';
import { type InputPlan, kindOf, readArticles } from './read/files';
import { DEFAULT_MAX_RECORD_BYTES } from './read/lines';
import { fsPath } from './read/paths';
import type { ReadReject } from './read/types';
import { SourceAliases } from './source-aliases';

/** Changes with the file's shape: a file of another shape is not used. */
const FORMAT = 2;

/** Where a record was in its file, as the reports name it. */
export interface Where {
  file: string;
  line?: number;
  record?: number;
}

/**
 * An article as reading produced it: its id, line and record number (null
 * when the reader gives none), in a stored file whether the index written
 * with it holds this very record (1) or another with the same id (0), and its
 * source as written when the alias table renamed it (the index holds only the
 * canonical name in its meta; the build summary lists what it merged).
 */
type RecordedArticle = [id: string, line: number | null, record: number | null, kept?: 0 | 1, sourceAsWritten?: string];

export interface InputFile {
  /** Absolute. */
  path: string;
  size: number;
  /** Of the bytes read; null when they are not known (a file that changed while read, an unreadable file): not stored. */
  sha256: string | null;
  /** What decides the reading besides the bytes (inputKey): the fields, the reading code, the source aliases. */
  key: string;
  /** Articles and rejects, in reading order. */
  outcomes: (RecordedArticle | ReadReject)[];
}

/** What one build read or replayed, file by file: the next build's INPUTS_FILE. */
export class InputLog {
  readonly files: InputFile[] = [];
  /** Files replayed instead of read. */
  skipped = 0;
}

/**
 * One outcome of reading the inputs. `article` is null for an article of a
 * file that was not read again: it stands for the previous index's article
 * with its id when `kept` (that index holds this very record).
 */
export type InputOutcome =
  | {
      ok: true;
      id: string;
      where: Where;
      article: Article | null;
      kept: boolean;
      /** Its file in the InputLog. */
      input: number;
      /** For an article not read again: its source as written, when the alias table renamed it. */
      sourceAsWritten?: string;
    }
  | { ok: false; reject: ReadReject };

/**
 * An article of a file that was not read again: the previous index's article
 * `previousDocId`, of which only the id is at hand here. Its content hash,
 * meta, analysis and JSON line come from that index; anything else read from
 * it throws rather than give undefined.
 */
export class PreviousArticle implements Article {
  constructor(
    readonly id: string,
    readonly previousDocId: number,
  ) {}
  get title(): string {
    return notRead(this, 'title');
  }
  get body(): string[] {
    return notRead(this, 'body');
  }
  get publishedAt(): string | null {
    return notRead(this, 'publishedAt');
  }
  get jalali(): Article['jalali'] {
    return notRead(this, 'jalali');
  }
  get source(): string | null {
    return notRead(this, 'source');
  }
  get sourceAsWritten(): string | undefined {
    return notRead(this, 'sourceAsWritten');
  }
  get tags(): string[] {
    return notRead(this, 'tags');
  }
  get url(): string | null {
    return notRead(this, 'url');
  }
  get dateline(): string | null {
    return notRead(this, 'dateline');
  }
  get agency(): string | null {
    return notRead(this, 'agency');
  }
  get category(): string | null {
    return notRead(this, 'category');
  }
  toJSON(): never {
    return notRead(this, 'its JSON');
  }
}

function notRead(article: PreviousArticle, what: string): never {
  throw new Error(`article "${article.id}": ${what} was not read (its file is unchanged; the previous index holds it)`);
}

/** The previous build's InputLog, as stored beside its index. */
export class PreviousInputs {
  private readonly byPath = new Map<string, InputFile[]>();

  constructor(files: readonly InputFile[]) {
    for (const f of files) this.byPath.set(f.path, [...(this.byPath.get(f.path) ?? []), f]);
  }

  /** What reading this file gave last time, if it had the same size, digest and key. */
  find(file: string, size: number, sha256: string, key: string): InputFile | undefined {
    return this.byPath.get(file)?.find((f) => f.size === size && f.sha256 === sha256 && f.key === key);
  }
}

/** The InputLog stored in the index in `dir`, or null when there is none that this code reads. */
export async function readPreviousInputs(dir: string): Promise<PreviousInputs | null> {
  try {
    const stored = JSON.parse(await readFile(path.join(dir, INPUTS_FILE), 'utf8')) as { format?: number; files?: InputFile[] };
    return stored.format === FORMAT && Array.isArray(stored.files) ? new PreviousInputs(stored.files) : null;
  } catch {
    return null;
  }
}

/**
 * The InputLog as stored. `winner` is, per id, the record the index holds
 * (its file in the log and where it was): an article outcome is `kept` when it
 * is that record, or one of the same bytes at the same place (a file named twice).
 */
export function encodeInputLog(log: InputLog, winner: (id: string) => { input: number; where: Where } | undefined): string {
  const kept = (f: InputFile, [id, line, record]: RecordedArticle): 0 | 1 => {
    const w = winner(id);
    const from = w && log.files[w.input];
    return from && from.path === f.path && from.sha256 === f.sha256 && (w.where.line ?? null) === line && (w.where.record ?? null) === record ? 1 : 0;
  };
  const files = log.files
    .filter((f) => f.sha256 !== null)
    .map((f) => ({
      ...f,
      outcomes: f.outcomes.map((o) => (Array.isArray(o) ? (o[4] === undefined ? [o[0], o[1], o[2], kept(f, o)] : [o[0], o[1], o[2], kept(f, o), o[4]]) : o)),
    }));
  return JSON.stringify({ format: FORMAT, files });
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(fsPath(file), { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * A regular file's size, digest and modification stamp; null when it cannot
 * be digested (the reader then says why) or is not a kind the readers take
 * (rejected at once, however large: no use digesting it).
 */
async function fingerprintFile(file: string): Promise<{ size: number; sha256: string; changed: string } | null> {
  if (kindOf(file) === null) return null;
  try {
    const before = await stat(fsPath(file));
    if (!before.isFile()) return null;
    return { size: before.size, sha256: await sha256Of(file), changed: stampOf(before) };
  } catch {
    return null;
  }
}

const stampOf = (s: { size: number; mtimeMs: number; ino: number }) => `${s.size}:${s.mtimeMs}:${s.ino}`;

export interface InputOptions {
  fields?: FieldMap;
  /** `--max-record-bytes` (ReadOptions). */
  maxRecordBytes?: number;
  /** Every article read is given its source's canonical name (index-builder/source-aliases.ts). */
  aliases: SourceAliases;
  /** inputKey(fields, aliases). */
  key: string;
  /** The previous build's log; null: every file is read. */
  previous: PreviousInputs | null;
  /** Absolute paths to read even when unchanged. */
  reread?: ReadonlySet<string>;
  onFile?: (file: string) => void;
  /** Bytes read from disk; a file not read again counts as read at once. */
  onBytes?: (bytes: number) => void;
}

/**
 * Every outcome of the planned inputs, in order, as readArticles gives them,
 * in batches; but a file the previous build read with the same size, digest
 * and key is replayed from `options.previous` instead, in one batch (an
 * await per outcome took about 0.1 s for 100,000). Each file goes into `log`.
 */
export async function* readInputs(plan: InputPlan, log: InputLog, options: InputOptions): AsyncGenerator<InputOutcome[]> {
  const { key, previous, reread } = options;
  for (const entry of plan.entries) {
    if ('reject' in entry) {
      const { ok: _ok, ...reject } = entry.reject as { ok: false } & ReadReject;
      yield [{ ok: false, reject }];
      continue;
    }
    const { file } = entry;
    const absolute = path.resolve(file);
    const input = log.files.length;
    options.onFile?.(file);
    // Digested before reading: a file that changes meanwhile is recorded with the digest of
    // its older bytes, which the next build's digest will not match, so it is read again.
    const seen = await fingerprintFile(file);
    const same = seen && !reread?.has(absolute) ? previous?.find(absolute, seen.size, seen.sha256, key) : undefined;
    if (seen && same) {
      log.files.push({ path: absolute, size: seen.size, sha256: seen.sha256, key, outcomes: same.outcomes });
      log.skipped++;
      options.onBytes?.(seen.size);
      yield same.outcomes.map(
        (o): InputOutcome =>
          Array.isArray(o)
            ? { ok: true, id: o[0], where: { file, line: o[1] ?? undefined, record: o[2] ?? undefined }, article: null, kept: o[3] === 1, input, sourceAsWritten: o[4] }
            : { ok: false, reject: { ...o, file } },
      );
      continue;
    }
    const logged: InputFile = { path: absolute, size: seen?.size ?? 0, sha256: seen?.sha256 ?? null, key, outcomes: [] };
    log.files.push(logged);
    for await (const outcome of readArticles({ entries: [entry], files: 1, bytes: 0 }, { fields: options.fields, maxRecordBytes: options.maxRecordBytes, onBytes: options.onBytes })) {
      // Replays put the file's name as planned in every outcome: a reader that names another is not replayed.
      if (outcome.file !== file) logged.sha256 = null;
      if (outcome.ok) {
        const { line, record } = outcome;
        // Before the content hash and the analysis: the index holds the canonical name, so a table
        // that changes it changes the articles, and the key, so that unchanged files are read again.
        const article = options.aliases.apply(outcome.article);
        logged.outcomes.push(
          article.sourceAsWritten === undefined ? [article.id, line ?? null, record ?? null] : [article.id, line ?? null, record ?? null, undefined, article.sourceAsWritten],
        );
        yield [{ ok: true, id: article.id, where: { file: outcome.file, line, record }, article, kept: false, input }];
      } else {
        const { ok: _ok, ...reject } = outcome;
        logged.outcomes.push(reject);
        yield [{ ok: false, reject }];
      }
    }
    if (seen && logged.sha256 !== null) {
      const after = await stat(fsPath(file)).catch(() => null);
      if (!after || stampOf(after) !== seen.changed) logged.sha256 = null;
    }
  }
}

/**
 * The modules `roots` (files, or folders of them, relative to `root`) import,
 * with theirs, as paths relative to `root`, and the packages among them as
 * `name@version`. Type-only imports are left out: they change nothing that runs.
 */
export function importClosure(roots: readonly string[], root = PROJECT_ROOT): { modules: string[]; packages: string[] } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const isFile = (f: string) => existsSync(f) && statSync(f).isFile();
  const visit = (file: string) => {
    if (modules.has(file)) return;
    modules.add(file);
    const source = readFileSync(path.join(root, file), 'utf8');
    for (const [, spec] of source.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
      if (spec.startsWith('node:')) continue;
      if (spec.startsWith('.') || spec.startsWith('@/')) {
        const base = spec.startsWith('@/') ? path.join(root, spec.slice(2)) : path.resolve(root, path.dirname(file), spec);
        const found = [`${base}.ts`, `${base}.tsx`, base, path.join(base, 'index.ts')].find((f) => /\.tsx?$/.test(f) && isFile(f));
        if (found) visit(path.relative(root, found));
        continue;
      }
      const name = spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');
      let version = '?';
      try {
        version = (JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
      } catch {
        // Not installed where expected: its name alone.
      }
      packages.add(`${name}@${version}`);
    }
  };
  for (const r of roots) {
    if (/\.tsx?$/.test(r)) visit(r);
    else for (const f of readdirSync(path.join(root, r)).sort()) if (/\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f)) visit(path.join(r, f));
  }
  return { modules: [...modules].sort(), packages: [...packages].sort() };
}

/**
 * What decides what an unchanged file's articles become in the index besides
 * its bytes: the readers and what they import, and the code that makes an
 * article's content hash and meta, which a replayed article takes from the
 * previous index as they were.
 */
const KEY_ROOTS = ['index-builder/read', 'index-builder/diff.ts', 'index-builder/source-aliases.ts', 'lib/search/article-store.ts'];

/**
 * The key a file's reading is stored under: the `--map` fields, the source
 * alias table in effect (the built-in one by default), `--max-record-bytes`, and a fingerprint of
 * KEY_ROOTS' code (under `root`).
 */
export function inputKey(fields: FieldMap = {}, root = PROJECT_ROOT, aliases = new SourceAliases(), maxRecordBytes = DEFAULT_MAX_RECORD_BYTES): string {
  const { modules, packages } = importClosure(KEY_ROOTS, root);
  const mapped = Object.entries(fields)
    .filter(([, column]) => column !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return createHash('sha256')
    .update(JSON.stringify(mapped))
    .update('\0')
    .update(String(maxRecordBytes))
    .update('\0')
    .update(aliases.digest)
    .update('\0')
    .update(sourceFingerprint(modules, root))
    .update('\0')
    .update(packages.join(' '))
    .digest('hex')
    .slice(0, 16);
}
