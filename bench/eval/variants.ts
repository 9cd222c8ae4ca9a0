// Variant pairs: two spellings (or inflections) of the same words must find
// each other's document.
import { readFileSync } from 'node:fs';
import { articleWith } from '../../lib/article';
import type { Article } from '../../lib/types';
import type { System } from './ranker';

export interface VariantPair {
  a: string;
  b: string;
  kind: string;
  from?: string;
  /**
   * Only the query a must find b's document: an inflected word finds its
   * base («کتابی» → «کتاب»), the base does not bring in every such form.
   */
  oneWay?: true;
}

export const readVariantPairs = (file: string): VariantPair[] => JSON.parse(readFileSync(file, 'utf8'));

// Neutral filler, in paragraphs of their own so that nothing joins it to the
// tested string: the documents are not made of the tested words alone.
const FILLER_TITLE = 'یادداشت آزمایشی شماره';
const FILLER_BEFORE = 'گزارش نمونه درباره بازار کتاب';
const FILLER_AFTER = 'پایان گزارش نمونه';

function doc(id: string, text: string): Article {
  return articleWith({ id, title: `${FILLER_TITLE} ${id}`, body: [FILLER_BEFORE, text, FILLER_AFTER] });
}

export interface PairOutcome extends VariantPair {
  /** The query a finds the document of b. */
  aFindsB: boolean;
  /** The query b finds the document of a. */
  bFindsA: boolean;
  pass: boolean;
}

export interface VariantResult {
  pairs: number;
  passed: number;
  byKind: Record<string, { pairs: number; passed: number }>;
  failures: PairOutcome[];
  ms: number;
}

/**
 * One index holds a document per side of every pair (ids a0, b0, a1, b1, …);
 * a pair passes when, with match=all, the query a finds b's document and the
 * query b finds a's (only the first for a pair marked `oneWay`). A query the system analyzes to nothing finds nothing.
 */
export function runVariants(system: System, pairs: readonly VariantPair[]): VariantResult {
  const started = performance.now();
  const articles = pairs.flatMap((p, i) => [doc(`a${i}`, p.a), doc(`b${i}`, p.b)]);
  const ranker = system.build(articles);
  const finds = (q: string, id: string) =>
    !ranker.isEmptyQuery(q) && ranker.rank(q + ' ', { match: 'all', limit: 1000 }).includes(id);

  const outcomes: PairOutcome[] = pairs.map((p, i) => {
    const aFindsB = finds(p.a, `b${i}`);
    const bFindsA = finds(p.b, `a${i}`);
    return { ...p, aFindsB, bFindsA, pass: aFindsB && (bFindsA || p.oneWay === true) };
  });
  const byKind: VariantResult['byKind'] = {};
  for (const o of outcomes) {
    const k = (byKind[o.kind] ??= { pairs: 0, passed: 0 });
    k.pairs++;
    if (o.pass) k.passed++;
  }
  return {
    pairs: outcomes.length,
    passed: outcomes.filter((o) => o.pass).length,
    byKind,
    failures: outcomes.filter((o) => !o.pass),
    ms: performance.now() - started,
  };
}
