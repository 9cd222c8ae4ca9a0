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
  /** Characters of the body read at most (a paragraph past it is cut at a space). */
  maxChars: number;
  /** Hits per paragraph a window is tried around at most. */
  maxWindows: number;
  /** Counts the work done, for tests and the bench: filled in when given. */
  work?: SnippetWork;
}

/** What one call did: bounded by maxChars and maxWindows × words, whatever the article. */
export interface SnippetWork {
  /** Characters handed to the analyzer. */
  chars: number;
  /** Windows scored. */
  windows: number;
  /** Hits looked at while scoring them. */
  spans: number;
}

// A normal article (a few thousand characters, tens of hits a paragraph) is far below both caps, so its
// snippets are what they were; a 400 KB paragraph with 32k hits would otherwise cost seconds per search.
export const SNIPPET_MAX_CHARS = 100_000;
export const SNIPPET_MAX_WINDOWS = 200;

const DEFAULTS: SnippetOptions = { fragments: 3, words: 25, maxChars: SNIPPET_MAX_CHARS, maxWindows: SNIPPET_MAX_WINDOWS };

interface Window {
  paragraph: number;
  first: number; // word index
  last: number; // word index, inclusive
  score: number;
}

/** The first index of `spans` (sorted, disjoint) for which `before` is false. */
function lowerBound(spans: readonly HitSpan[], before: (s: HitSpan) => boolean): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(spans[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function bestWindowAround(words: Token[], spans: HitSpan[], center: number, size: number, paragraph: number, work: SnippetWork): Window {
  const first = Math.max(0, Math.min(center - Math.floor(size / 3), words.length - size));
  const last = Math.min(words.length - 1, first + size - 1);
  const from = words[first].start;
  const to = words[last].end;
  // Merged spans are disjoint and sorted, so their ends are sorted too: the spans inside [from, to]
  // are one run, found by two binary searches instead of a pass over every hit of the paragraph.
  const lo = lowerBound(spans, (s) => s.start < from);
  const hi = lowerBound(spans, (s) => s.end <= to);
  const groups = new Set<number>();
  for (let i = lo; i < hi; i++) groups.add(spans[i].group);
  work.windows++;
  work.spans += Math.max(0, hi - lo);
  // Distinct query words close together matter more than one word repeated.
  return { paragraph, first, last, score: groups.size * 100 + Math.max(0, hi - lo) };
}

/** `text` cut to at most `max` characters, at the last space before the cut (no word is halved). */
function cutAtSpace(text: string, max: number): string {
  if (text.length <= max) return text;
  const space = text.slice(0, max + 1).search(/\s\S*$/);
  return text.slice(0, space > 0 ? space : max);
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
  const { fragments, words: size, maxChars, maxWindows } = { ...DEFAULTS, ...options };
  const work: SnippetWork = options.work ?? { chars: 0, windows: 0, spans: 0 };
  const candidates: Window[] = [];
  const analyzed: { text: string; words: Token[]; spans: HitSpan[] }[] = [];
  // A paragraph whose best window holds every query group cannot be beaten;
  // once `fragments` paragraphs have one, the rest of a long article is not read.
  const perfect = plan.groups * 100;
  let complete = 0;
  for (const whole of paragraphs) {
    if (complete >= fragments || work.chars >= maxChars) break;
    const text = cutAtSpace(whole, maxChars - work.chars);
    work.chars += text.length;
    const tokens = analyze(text, { pieces: true });
    const words = tokens.filter((t) => !t.piece);
    const spans = hitSpansOf(tokens, plan);
    const p = analyzed.push({ text, words, spans }) - 1;
    if (words.length === 0) continue;
    let best = 0;
    let w = 0;
    let tried = 0;
    for (const span of spans) {
      if (tried++ >= maxWindows) break;
      while (w < words.length && words[w].end <= span.start) w++;
      if (w >= words.length) break;
      const window = bestWindowAround(words, spans, w, size, p, work);
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
