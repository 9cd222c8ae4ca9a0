// One outlet under several names («خبرآنلاین» and khabaronline.ir, «خبرگزاری
// برنا» and borna.news) is one source: a researcher counts articles per outlet
// from the source facet, so a name an archive spells another way must not
// split the count. The builder maps every article's source through this table
// (index-builder/input-cache.ts, right after reading) and keeps the name as
// written beside it (Article.sourceAsWritten).

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { printable } from './read/paths';
import { parse } from 'csv-parse/sync';
import type { Article } from '../lib/types';
import type { ArticleMeta } from '../lib/search/article-store';
import { foldChar, isIgnorable } from '../lib/persian/chars';

/**
 * The Iranian outlets of the test corpus and the bundled sample: canonical
 * name → its other names. The canonical name is the one the sample articles
 * (and links to them) use, else the outlet's own Persian name; «خبرگزاری X»
 * and «X» need no entry (the key drops the prefix), nor do ي/ك, ZWNJ, spaces,
 * case, https:// or www. Only names that are surely the same outlet are here:
 * «همشهری» (the daily, 2003-2007) and «همشهری آنلاین» (its news site) stay two.
 */
export const BUILT_IN_ALIASES: Readonly<Record<string, readonly string[]>> = {
  'ایرنا': ['خبرگزاری جمهوری اسلامی', 'irna.ir', 'IRNA'],
  'ایسنا': ['خبرگزاری دانشجویان ایران', 'isna.ir', 'ISNA'],
  'ایلنا': ['خبرگزاری کار ایران', 'ilna.ir', 'ILNA'],
  'تسنیم': ['tasnimnews.com', 'Tasnim News'],
  'خبرگزاری فارس': ['farsnews.ir', 'farsnews.com', 'فارس نیوز', 'Fars News'],
  'خبرگزاری مهر': ['mehrnews.com', 'مهر نیوز', 'Mehr News'],
  'خبرگزاری برنا': ['borna.news'],
  'خبرگزاری شبستان': ['shabestan.ir'],
  'خبرگزاری پانا': ['pana.ir'],
  'خبرگزاری آنا': ['ana.ir'],
  'ابنا': ['خبرگزاری اهل‌بیت', 'abna24.com', 'fa.abna24.com'],
  'خبرگزاری خانه ملت': ['icana.ir', 'ICANA'],
  'قدسنا': ['qodsna.com'],
  'خبرگزاری حوزه': ['hawzahnews.com'],
  'خبرگزاری موج': ['mojnews.com'],
  'کردپرس': ['kurdpress.com'],
  'ایسکانیوز': ['iscanews.ir'],
  'مشرق نیوز': ['mashreghnews.ir'],
  'خبرآنلاین': ['khabaronline.ir', 'Khabar Online'],
  'خبرفوری': ['khabarfoori.com'],
  'الف': ['alef.ir'],
  'همشهری آنلاین': ['hamshahrionline.ir'],
  'همشهری': ['روزنامه همشهری'],
  'عصر ایران': ['asriran.com'],
  'ورزش سه': ['varzesh3.com', 'ورزش۳'],
  'رادیو فردا': ['radiofarda.com'],
};

/** A bad alias file or table; the message names the file and line (or key). */
export class SourceAliasError extends Error {}

/** One line of a table: `alias` is `canonical`. `where` names it in errors: "file:3", "file: key «…»", "the built-in table". */
export interface AliasEntry {
  alias: string;
  canonical: string;
  where: string;
}

const AGENCY = sourceKeyOf('خبرگزاری');

function sourceKeyOf(name: string): string {
  const s = name
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/+$/, '');
  let key = '';
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    // Spaces, NBSP, ZWSP, ZWNJ, diacritics, tatweel, direction marks: «خبر آنلاین» is «خبرآنلاین».
    if (isIgnorable(code) || /\s/.test(ch) || code === 0x200b) continue;
    key += foldChar(ch);
  }
  return key;
}

/**
 * What two names of one outlet share: case, a scheme, `www.`, trailing
 * slashes, spaces and ZWNJ, diacritics, ي/ك and the other letter variants the
 * analyzer folds, digit scripts, and a leading «خبرگزاری» («خبرگزاری فارس» =
 * «فارس») do not count. Anything else does: «ایسنا» ≠ «ایرنا», «مهر» ≠ «مهرخبر».
 */
export function sourceKey(name: string): string {
  const key = sourceKeyOf(name);
  return key.startsWith(AGENCY) && key.length > AGENCY.length ? key.slice(AGENCY.length) : key;
}

const quote = (name: string) => `«${name}»`;

/** The built-in table as entries. */
export function builtInEntries(): AliasEntry[] {
  return Object.entries(BUILT_IN_ALIASES).flatMap(([canonical, aliases]) =>
    [canonical, ...aliases].map((alias) => ({ alias, canonical, where: 'the built-in table' })),
  );
}

interface Rule extends AliasEntry {
  /** A line of the user's file, not of the built-in table. */
  user: boolean;
}

/**
 * The effective table: the built-in one, then a user's lines, which override
 * it for the names they give. Every name is looked up by its key
 * (`sourceKey`), and a canonical name that is itself an alias is followed to
 * the end («a» → «b», «b» → «c»: «a» is «c»; a user's «foo,isna.ir» puts foo
 * under «ایسنا»). A user's line that leads back to its own name through the
 * built-in table renames the outlet: «ایسنا,خبرگزاری دانشجویان ایران» makes
 * that the canonical name of isna.ir and «ایسنا» too. A name mapped to itself
 * stands apart («isna.ir,isna.ir»).
 */
export class SourceAliases {
  /** Key → the canonical name it ends at. */
  private readonly final = new Map<string, string>();
  /** A hash of the table in effect: what reading an unchanged file again would change (index-builder/input-cache.ts). */
  readonly digest: string;

  constructor(user: readonly AliasEntry[] = []) {
    const rules = new Map<string, Rule>();
    for (const e of builtInEntries()) {
      const key = sourceKey(e.alias);
      const had = rules.get(key);
      if (had && sourceKey(had.canonical) !== sourceKey(e.canonical)) {
        throw new SourceAliasError(`the built-in table maps ${quote(e.alias)} to both ${quote(had.canonical)} and ${quote(e.canonical)}`);
      }
      if (!had) rules.set(key, { ...e, user: false });
    }
    const written = new Map<string, AliasEntry>();
    for (const e of user) {
      const key = sourceKey(e.alias);
      if (!key) throw new SourceAliasError(`${e.where}: the name ${quote(e.alias)} is empty once spaces and marks are left out`);
      if (!sourceKey(e.canonical)) throw new SourceAliasError(`${e.where}: the name ${quote(e.canonical)} is empty once spaces and marks are left out`);
      const earlier = written.get(key);
      if (earlier && sourceKey(earlier.canonical) !== sourceKey(e.canonical)) {
        throw new SourceAliasError(
          `${e.where}: ${quote(e.alias)} is mapped to ${quote(e.canonical)} here and to ${quote(earlier.canonical)} at ${earlier.where}`,
        );
      }
      if (!earlier) written.set(key, e);
    }
    for (const [key, e] of written) rules.set(key, { ...e, user: true });

    for (const key of rules.keys()) this.final.set(key, follow(key, rules));
    const entries = [...this.final].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    this.digest = createHash('sha256').update(JSON.stringify(entries)).digest('hex').slice(0, 16);
  }

  /** Archives repeat a few dozen names over 100,000 articles. */
  private readonly resolved = new Map<string, string>();

  /** The canonical name of `name`, or `name` itself when the table does not know it. */
  resolve(name: string): string {
    let canonical = this.resolved.get(name);
    if (canonical === undefined) this.resolved.set(name, (canonical = this.final.get(sourceKey(name)) ?? name));
    return canonical;
  }

  /** The article with its source's canonical name, the name as written kept beside it when it differs. */
  apply(article: Article): Article {
    if (article.source === null) return article;
    const canonical = this.resolve(article.source);
    return canonical === article.source ? article : { ...article, source: canonical, sourceAsWritten: article.source };
  }
}

/**
 * Where `key` ends, rule after rule. A cycle through one user line is that
 * line renaming an outlet of the built-in table (its canonical name wins); a
 * cycle through two or more is an error naming them.
 */
function follow(key: string, rules: ReadonlyMap<string, Rule>): string {
  const keys: string[] = [];
  const path: Rule[] = [];
  for (let at = key; ; ) {
    const rule = rules.get(at)!;
    keys.push(at);
    path.push(rule);
    const next = sourceKey(rule.canonical);
    if (next === at || !rules.has(next)) return rule.canonical;
    const back = keys.indexOf(next);
    if (back >= 0) {
      const cycle = path.slice(back);
      const users = cycle.filter((r) => r.user);
      if (users.length === 1) return users[0].canonical;
      throw new SourceAliasError(
        `the source aliases go round in a cycle: ${cycle.map((r) => `${r.where} maps ${quote(r.alias)} to ${quote(r.canonical)}`).join(', ')}`,
      );
    }
    at = next;
  }
}

/** The `alias,canonical` rows of a CSV file; a first row `alias,canonical` is a header; `#` starts a comment line. */
function csvEntries(file: string, text: string): AliasEntry[] {
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true, comment: '#', comment_no_infix: true, trim: true }) as unknown as typeof rows;
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw new SourceAliasError(`${printable(file)}${line ? `:${line}` : ''}: not CSV: ${(e as Error).message}`);
  }
  const entries: AliasEntry[] = [];
  rows.forEach(({ record, info }, i) => {
    const where = `${printable(file)}:${info.lines}`;
    const cells = record.filter((cell, k) => cell !== '' || k < 2);
    if (i === 0 && cells.length === 2 && cells[0].toLowerCase() === 'alias' && cells[1].toLowerCase() === 'canonical') return;
    if (cells.length !== 2 || !cells[0] || !cells[1]) {
      throw new SourceAliasError(`${where}: expected two columns, alias,canonical (e.g. khabaronline.ir,خبرآنلاین); got ${record.length === 1 ? 'one' : record.map(quote).join(', ')}`);
    }
    entries.push({ alias: cells[0], canonical: cells[1], where });
  });
  return entries;
}

/** The line a JSON key is written on (its first occurrence as a key), or null. */
function linesOfKey(text: string, key: string): number[] {
  const pattern = new RegExp(`${JSON.stringify(key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`, 'g');
  return [...text.matchAll(pattern)].map((m) => text.slice(0, m.index).split('\n').length);
}

/** A JSON object: `"alias": "canonical"`, or `"canonical": ["alias", …]`; both kinds may be mixed. */
function jsonEntries(file: string, text: string): AliasEntry[] {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new SourceAliasError(`${printable(file)}: not JSON: ${(e as Error).message}`);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new SourceAliasError(`${printable(file)}: expected a JSON object of "alias": "canonical" or "canonical": ["alias", …]`);
  }
  const entries: AliasEntry[] = [];
  for (const [key, value] of Object.entries(json)) {
    const lines = linesOfKey(text, key);
    const where = lines.length ? `${printable(file)}:${lines[0]}` : `${printable(file)}: key ${quote(key)}`;
    if (lines.length > 1) throw new SourceAliasError(`${printable(file)}:${lines[1]}: the key ${quote(key)} is there twice (also at line ${lines[0]})`);
    if (typeof value === 'string') {
      if (!value.trim()) throw new SourceAliasError(`${where}: ${quote(key)} is mapped to an empty name`);
      entries.push({ alias: key, canonical: value.trim(), where });
    } else if (Array.isArray(value)) {
      value.forEach((alias, i) => {
        if (typeof alias !== 'string' || !alias.trim()) {
          throw new SourceAliasError(`${where}: ${quote(key)}[${i}] must be a name (a non-empty string)`);
        }
        entries.push({ alias: alias.trim(), canonical: key.trim(), where });
      });
    } else {
      throw new SourceAliasError(`${where}: the value of ${quote(key)} must be a canonical name (a string) or a list of aliases`);
    }
  }
  return entries;
}

/** A user's alias file, `.csv` or `.json`, as entries. Throws SourceAliasError naming the file and line. */
export async function readSourceAliasFile(file: string): Promise<AliasEntry[]> {
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.csv' && ext !== '.json') throw new SourceAliasError(`${printable(file)}: expected a .csv or .json file of source aliases`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const { code, message } = e as NodeJS.ErrnoException;
    throw new SourceAliasError(`${printable(file)}: cannot read it (${code === 'ENOENT' ? 'no such file' : (code ?? message)})`);
  }
  return ext === '.csv' ? csvEntries(file, text) : jsonEntries(file, text);
}

/** The table a build uses: the built-in one, extended and overridden by `file` when given. */
export async function loadSourceAliases(file?: string): Promise<SourceAliases> {
  return new SourceAliases(file ? await readSourceAliasFile(file) : []);
}

/** One canonical source and the names its articles were written with, each with its count, most first. */
export interface SourceMerge {
  source: string;
  count: number;
  names: { name: string; count: number }[];
}

/** Counts (canonical, as written) pairs; a canonical source is listed when some article had another name for it. */
export class SourceMergeTally {
  private readonly bySource = new Map<string, Map<string, number>>();

  add(source: string | null, asWritten: string | undefined): void {
    if (source === null) return;
    let names = this.bySource.get(source);
    if (!names) this.bySource.set(source, (names = new Map()));
    const name = asWritten ?? source;
    names.set(name, (names.get(name) ?? 0) + 1);
  }

  merges(): SourceMerge[] {
    const byCount = <T extends { count: number }>(key: (x: T) => string) => (a: T, b: T) =>
      b.count - a.count || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
    return [...this.bySource]
      .filter(([source, names]) => names.size > 1 || !names.has(source))
      .map(([source, names]) => ({
        source,
        count: [...names.values()].reduce((a, b) => a + b, 0),
        names: [...names].map(([name, count]) => ({ name, count })).sort(byCount((n) => n.name)),
      }))
      .sort(byCount((m) => m.source));
  }
}

/** The meta with the names the table renamed (none: the meta as it was), for filters that name an outlet as written. */
export function withSourceNames(meta: ArticleMeta, merges: readonly SourceMerge[]): ArticleMeta {
  const names: [string, string][] = [];
  for (const m of merges) for (const n of m.names) if (n.name !== m.source) names.push([n.name, m.source]);
  return names.length > 0 ? { ...meta, sourceNames: names } : meta;
}
