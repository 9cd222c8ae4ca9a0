// Marks the words a query matched in the original text. Offsets come from the
// analyzer, so «كتابخانه» stays written with Arabic kaf and «کتاب‌ها» keeps its
// ZWNJ inside the mark; a phrase is marked as one run.
import type { Segment } from '../types';
import { analyze, type Token } from '../persian/analyze';

export interface HitSpan {
  start: number;
  end: number;
  /** Which query group matched (snippets prefer passages with many distinct groups). */
  group: number;
}

/** What to mark: the query's words (with their variants) and its phrases. */
export interface HighlightPlan {
  /** The group an analyzed word belongs to, or -1 when the query does not ask for it. */
  wordGroup(term: string): number;
  phrases: { terms: string[]; group: number }[];
  /** How many groups the query has (a passage with all of them is the best there is). */
  groups: number;
}

export const NOTHING: HighlightPlan = { wordGroup: () => -1, phrases: [], groups: 0 };

/** Matched spans of `text`, sorted, overlaps merged (a compound and its pieces). */
export function hitSpans(text: string, plan: HighlightPlan): HitSpan[] {
  return hitSpansOf(analyze(text, { pieces: true }), plan);
}

/** The same, over tokens already analyzed with their pieces. */
export function hitSpansOf(tokens: readonly Token[], plan: HighlightPlan): HitSpan[] {
  const spans: HitSpan[] = [];
  for (const token of tokens) {
    const group = plan.wordGroup(token.term);
    if (group >= 0) spans.push({ start: token.start, end: token.end, group });
  }
  if (plan.phrases.length > 0) {
    const words = tokens.filter((t) => !t.piece);
    for (const phrase of plan.phrases) {
      const n = phrase.terms.length;
      for (let i = 0; i + n <= words.length; i++) {
        let k = 0;
        while (k < n && words[i + k].term === phrase.terms[k]) k++;
        if (k === n) spans.push({ start: words[i].start, end: words[i + n - 1].end, group: phrase.group });
      }
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: HitSpan[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** Cuts text[from, to) into segments, marking the spans inside it. */
export function segmentsOf(text: string, spans: readonly HitSpan[], from = 0, to = text.length): Segment[] {
  const segments: Segment[] = [];
  let at = from;
  for (const span of spans) {
    if (span.end <= from || span.start >= to) continue;
    const start = Math.max(span.start, from);
    const end = Math.min(span.end, to);
    if (start > at) segments.push({ text: text.slice(at, start) });
    segments.push({ text: text.slice(start, end), hit: true });
    at = end;
  }
  if (at < to) segments.push({ text: text.slice(at, to) });
  return segments;
}

export function highlight(text: string, plan: HighlightPlan): Segment[] {
  return segmentsOf(text, hitSpans(text, plan));
}
