// The query mix of the benchmark, generated once with a fixed seed from the
// shared corpus and saved to bench/query/queries.json (committed), so every
// run measures the same questions. Each query has a type label; about 30 % of
// them carry a Jalali date filter. Queries end with a space (the words are
// finished) except the `typing` ones, whose last word is cut to a prefix.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Article } from '../../lib/types';
import { analyze, type Token } from '../../lib/persian/analyze';
import { isStopword } from '../../lib/persian/stopwords';
import { corpusFiles, loadFile } from '../eval/corpus';
import { mulberry32, randomInt, shuffled } from '../eval/sample';
import { QUERY_SEED, QUERIES_FILE, TARGET_ARTICLES } from './paths';

export const QUERY_TYPES = [
  'natural',
  'word-rare',
  'word-medium',
  'word-common',
  'words-window',
  'words-scattered',
  'phrase',
  'exclude',
  'or',
  'title',
  'typing',
] as const;
export type QueryType = (typeof QUERY_TYPES)[number];

export interface BenchQuery {
  type: QueryType;
  q: string;
  /** Jalali bound as the URL carries it ("1390" or "1390-05"), when filtered. */
  from?: string;
  to?: string;
}

/**
 * The API parameters a bench query is sent with: the `typing` ones as the
 * search box sends them while the user types (`prefix=last`), every other
 * one as a submitted search (whole words).
 */
export function benchParams(q: BenchQuery): Record<string, string> {
  const raw: Record<string, string> = { q: q.q, size: '10' };
  if (q.from) raw.from = q.from;
  if (q.to) raw.to = q.to;
  if (q.type === 'typing') raw.prefix = 'last';
  return raw;
}

export interface QueryFile {
  seed: number;
  description: string;
  counts: Record<string, number>;
  dated: number;
  /** The most common terms of the originals, most common first (the first is the benchmark's "most common word"). */
  mostCommon: { term: string; df: number }[];
  queries: BenchQuery[];
}

/** How many of each type the mix holds. */
const SIZES: Record<QueryType, number> = {
  natural: 300,
  'word-rare': 80,
  'word-medium': 80,
  'word-common': 30,
  'words-window': 75,
  'words-scattered': 75,
  phrase: 100,
  exclude: 80,
  or: 80,
  title: 60,
  typing: 100,
};
const DATED_SHARE = 0.3;
/** df bounds over the 13,790 originals (×~7.25 in the bench corpus). */
const RARE_MAX_DF = 3;
const MEDIUM_DF: [number, number] = [50, 500];

interface Doc {
  article: Article;
  /** Title then paragraphs, each with its tokens. */
  parts: { text: string; tokens: Token[] }[];
}

const LETTERS = /\p{L}/gu;
const letterCount = (s: string) => (s.match(LETTERS) ?? []).length;
/** A token a user would type as a word: at least 2 letters, no quote characters. */
const wordLike = (part: { text: string }, t: Token) => {
  const s = part.text.slice(t.start, t.end);
  return letterCount(s) >= 2 && !/["«»“”„\-−:]/u.test(s);
};

export class MixGenerator {
  private readonly rng: () => number;
  private readonly df = new Map<string, number>();
  readonly docs: Doc[];
  private readonly datedYears: number[] = [];
  private readonly copies: number;

  constructor(
    articles: readonly Article[],
    private readonly natural: readonly string[],
    seed = QUERY_SEED,
  ) {
    this.rng = mulberry32(seed);
    this.docs = articles.map((article) => ({
      article,
      parts: [article.title, ...article.body].map((text) => ({ text, tokens: analyze(text) })),
    }));
    for (const d of this.docs) {
      const seen = new Set<string>();
      for (const p of d.parts) for (const t of p.tokens) seen.add(t.term);
      for (const t of seen) this.df.set(t, (this.df.get(t) ?? 0) + 1);
      if (d.article.jalali) this.datedYears.push(d.article.jalali.year);
    }
    // The bench corpus holds copy 0..7 of each record, copy k dated +k years.
    this.copies = Math.ceil(TARGET_ARTICLES / Math.max(1, articles.length));
  }

  private int(n: number): number {
    return randomInt(this.rng, n);
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  private randomDoc(minTokens = 1): Doc {
    for (;;) {
      const d = this.pick(this.docs);
      if (d.parts.reduce((n, p) => n + p.tokens.length, 0) >= minTokens) return d;
    }
  }

  /** A word of a random document (as written there) whose term passes `ok`, or null after many tries. */
  private word(ok: (term: string) => boolean, from?: Doc, titleOnly = false): string | null {
    for (let tries = 0; tries < 2000; tries++) {
      const d = from ?? this.randomDoc();
      const parts = titleOnly ? d.parts.slice(0, 1) : d.parts;
      const part = this.pick(parts);
      if (part.tokens.length === 0) {
        if (from && tries > 50) return null;
        continue;
      }
      const t = this.pick(part.tokens);
      if (wordLike(part, t) && ok(t.term)) return part.text.slice(t.start, t.end);
      if (from && tries > 200) return null;
    }
    return null;
  }

  /** `n` consecutive words of one paragraph, as written between them (spaces, punctuation). */
  private window(n: number, d: Doc): string | null {
    for (let tries = 0; tries < 200; tries++) {
      const part = this.pick(d.parts);
      if (part.tokens.length < n) continue;
      const i = this.int(part.tokens.length - n + 1);
      const span = part.tokens.slice(i, i + n);
      if (!span.every((t) => wordLike(part, t))) continue;
      const text = part.text.slice(span[0].start, span[n - 1].end);
      if (/["«»“”„\n]/u.test(text) || text.length > 80) continue;
      return text;
    }
    return null;
  }

  private readonly content = (t: string) => !isStopword(t);

  private generate(type: QueryType): string | null {
    const df = (t: string) => this.df.get(t) ?? 0;
    switch (type) {
      case 'natural':
        return null; // taken from the file, see mix()
      case 'word-rare':
        return this.word((t) => this.content(t) && df(t) <= RARE_MAX_DF);
      case 'word-medium':
        return this.word((t) => this.content(t) && df(t) >= MEDIUM_DF[0] && df(t) <= MEDIUM_DF[1]);
      case 'word-common':
        return null; // the 30 most common terms, see mix()
      case 'words-window':
        return this.window(2 + this.int(3), this.randomDoc(20));
      case 'words-scattered': {
        const d = this.randomDoc(20);
        const n = 2 + this.int(3);
        const words = new Set<string>();
        for (let i = 0; i < n * 4 && words.size < n; i++) {
          const w = this.word(this.content, d);
          if (w) words.add(w);
        }
        return words.size >= 2 ? [...words].join(' ') : null;
      }
      case 'phrase': {
        const text = this.window(2 + this.int(2), this.randomDoc(20));
        if (!text) return null;
        return this.rng() < 0.7 ? `"${text}"` : `«${text}»`;
      }
      case 'exclude': {
        const d = this.randomDoc(20);
        const w = this.word(this.content, d);
        // Half leave out a word of the same article (so something is removed), half a word of another.
        const x = this.rng() < 0.5 ? this.word(this.content, d) : this.word(this.content);
        if (!w || !x || w === x) return null;
        const extra = this.rng() < 0.3 ? this.word(this.content, d) : null;
        return extra && extra !== w && extra !== x ? `${w} ${extra} -${x}` : `${w} -${x}`;
      }
      case 'or': {
        const a = this.word(this.content);
        const b = this.word(this.content);
        if (!a || !b || a === b) return null;
        const op = this.rng() < 0.7 ? 'OR' : 'یا';
        if (this.rng() < 0.3) {
          const d = this.randomDoc(20);
          const c = this.word(this.content, d);
          return c ? `${c} ${a} ${op} ${b}` : null;
        }
        return `${a} ${op} ${b}`;
      }
      case 'title': {
        const d = this.randomDoc(20);
        const w = this.word(this.content, d, true);
        if (!w) return null;
        const field = this.rng() < 0.7 ? 'title:' : 'عنوان:';
        const extra = this.rng() < 0.4 ? this.word(this.content, d) : null;
        return extra && extra !== w ? `${field}${w} ${extra}` : `${field}${w}`;
      }
      case 'typing': {
        const d = this.randomDoc(20);
        const n = 1 + this.int(3);
        const text = this.window(n, d);
        if (!text) return null;
        const lastStart = text.lastIndexOf(' ') + 1;
        const last = text.slice(lastStart);
        const chars = [...last];
        if (chars.length < 3) return null;
        // Keep 2 .. len-1 characters, then drop anything but a letter at the end.
        const keep = 2 + this.int(chars.length - 2);
        const prefix = chars.slice(0, keep).join('').replace(/[^\p{L}\p{N}]+$/u, '');
        if (letterCount(prefix) < 2) return null;
        return text.slice(0, lastStart) + prefix;
      }
    }
  }

  /** A date filter that meets the data: years of a random dated record's copy, a range, or one month. */
  private dateFilter(): { from?: string; to?: string } {
    const year = this.pick(this.datedYears) + this.int(this.copies);
    const r = this.rng();
    if (r < 0.3) {
      const span = this.int(4);
      return { from: String(year), to: String(year + span) };
    }
    if (r < 0.5) return { from: String(year), to: String(year) };
    if (r < 0.7) {
      const month = `${year}-${String(1 + this.int(12)).padStart(2, '0')}`;
      return { from: month, to: month };
    }
    if (r < 0.85) return { from: String(year) };
    return { to: String(year) };
  }

  /** The 30 most common terms (by document frequency), most common first. */
  commonTerms(n = 30): { term: string; df: number }[] {
    return [...this.df]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, n)
      .map(([term, df]) => ({ term, df }));
  }

  mix(): BenchQuery[] {
    const out: BenchQuery[] = [];
    const seen = new Set<string>();
    const add = (type: QueryType, text: string) => {
      const q = type === 'typing' ? text : `${text.trim()} `;
      if (seen.has(q)) return false;
      seen.add(q);
      out.push({ type, q });
      return true;
    };
    const lines = shuffled(
      this.natural.map((l) => l.trim()).filter(Boolean),
      this.rng,
    );
    for (const line of lines.slice(0, SIZES.natural)) add('natural', line);
    for (const { term } of this.commonTerms(SIZES['word-common'])) add('word-common', term);
    for (const type of QUERY_TYPES) {
      if (type === 'natural' || type === 'word-common') continue;
      let made = 0;
      for (let tries = 0; made < SIZES[type] && tries < SIZES[type] * 50; tries++) {
        const text = this.generate(type);
        if (text && add(type, text)) made++;
      }
    }
    for (const query of out) {
      if (this.rng() < DATED_SHARE) Object.assign(query, this.dateFilter());
    }
    return shuffled(out, this.rng);
  }

  documentFrequency(term: string): number {
    return this.df.get(term) ?? 0;
  }
}

/** Generates the mix from the shared folder and writes it to `file`. */
export async function writeQueryMix(shared: string, file = QUERIES_FILE): Promise<QueryFile> {
  const articles: Article[] = [];
  for (const f of corpusFiles(shared)) articles.push(...(await loadFile(f)).articles);
  const natural = readFileSync(path.join(shared, 'eval', 'natural-queries.txt'), 'utf8').split(/\r?\n/);
  const gen = new MixGenerator(articles, natural, QUERY_SEED);
  const queries = gen.mix();
  const counts: Record<string, number> = {};
  for (const q of queries) counts[q.type] = (counts[q.type] ?? 0) + 1;
  const body: QueryFile = {
    seed: QUERY_SEED,
    description:
      `Generated by bench/query/queries.ts (mulberry32 seed ${QUERY_SEED}) from the ${articles.length} records of shared/corpus ` +
      `and shared/eval/natural-queries.txt. df classes are over those originals (the bench corpus holds ~7.25 copies): ` +
      `rare df <= ${RARE_MAX_DF}, medium ${MEDIUM_DF[0]}..${MEDIUM_DF[1]}, common = the ${SIZES['word-common']} highest df. ` +
      `~${DATED_SHARE * 100}% carry a Jalali from/to (years of the shifted copies). q ends with a space except type "typing".`,
    counts,
    dated: queries.filter((q) => q.from || q.to).length,
    mostCommon: gen.commonTerms(SIZES['word-common']),
    queries,
  };
  // One query per line: diffs stay readable.
  const lines = queries.map((q) => '    ' + JSON.stringify(q));
  const head = JSON.stringify({ ...body, queries: undefined }, null, 2).replace(/\n}$/, '');
  writeFileSync(file, `${head},\n  "queries": [\n${lines.join(',\n')}\n  ]\n}\n`);
  return body;
}

export function readQueryMix(file = QUERIES_FILE): QueryFile {
  return JSON.parse(readFileSync(file, 'utf8')) as QueryFile;
}
