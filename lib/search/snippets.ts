// Snippets: the passages of an article where the query's words stand closest
// together, cut on word boundaries and highlighted.
import type { Segment } from '../types';
import { analyze, type Token } from '../persian/analyze';
import { hitSpansOf, segmentsOf, type HitSpan, type HighlightPlan } from './highlight';

export interface SnippetOptions {
  /** Fragments per article at most. */
  fragments: number;
  /** Words per fragment, about. */
  words: number;
}

const DEFAULTS: SnippetOptions = { fragments: 3, words: 25 };

interface Window {
  paragraph: number;
  first: number; // word index
  last: number; // word index, inclusive
  score: number;
}

function bestWindowAround(words: Token[], spans: HitSpan[], center: number, size: number, paragraph: number): Window {
  const first = Math.max(0, Math.min(center - Math.floor(size / 3), words.length - size));
  const last = Math.min(words.length - 1, first + size - 1);
  const from = words[first].start;
  const to = words[last].end;
  const inside = spans.filter((s) => s.start >= from && s.end <= to);
  const distinct = new Set(inside.map((s) => s.group)).size;
  // Distinct query words close together matter more than one word repeated.
  return { paragraph, first, last, score: distinct * 100 + inside.length };
}

/**
 * Up to `fragments` snippets, in the order they appear in the article. Each
 * snippet's segments, joined, are an exact substring of one paragraph.
 */
export function makeSnippets(
  paragraphs: readonly string[],
  plan: HighlightPlan,
  options: Partial<SnippetOptions> = {},
): Segment[][] {
  const { fragments, words: size } = { ...DEFAULTS, ...options };
  const candidates: Window[] = [];
  const analyzed: { text: string; words: Token[]; spans: HitSpan[] }[] = [];
  // A paragraph whose best window holds every query group cannot be beaten;
  // once `fragments` paragraphs have one, the rest of a long article is not read.
  const perfect = plan.groups * 100;
  let complete = 0;
  for (const text of paragraphs) {
    if (complete >= fragments) break;
    const tokens = analyze(text, { pieces: true });
    const words = tokens.filter((t) => !t.piece);
    const spans = hitSpansOf(tokens, plan);
    const p = analyzed.push({ text, words, spans }) - 1;
    if (words.length === 0) continue;
    let best = 0;
    let w = 0;
    for (const span of spans) {
      while (w < words.length && words[w].end <= span.start) w++;
      if (w >= words.length) break;
      const window = bestWindowAround(words, spans, w, size, p);
      candidates.push(window);
      best = Math.max(best, window.score);
    }
    if (plan.groups > 0 && best >= perfect) complete++;
  }

  candidates.sort((a, b) => b.score - a.score || a.paragraph - b.paragraph || a.first - b.first);
  const chosen: Window[] = [];
  for (const c of candidates) {
    if (chosen.length >= fragments) break;
    const overlaps = chosen.some((w) => w.paragraph === c.paragraph && c.first <= w.last && w.first <= c.last);
    if (!overlaps) chosen.push(c);
  }

  if (chosen.length === 0) {
    // Nothing matched in the body (an empty query, or a title-only match): show the lead.
    const lead = analyzed.findIndex((a) => a.words.length > 0);
    if (lead < 0) return [];
    const { words } = analyzed[lead];
    chosen.push({ paragraph: lead, first: 0, last: Math.min(words.length, size) - 1, score: 0 });
  }

  chosen.sort((a, b) => a.paragraph - b.paragraph || a.first - b.first);
  return chosen.map((w) => {
    const { text, words, spans } = analyzed[w.paragraph];
    return segmentsOf(text, spans, words[w.first].start, words[w.last].end);
  });
}
