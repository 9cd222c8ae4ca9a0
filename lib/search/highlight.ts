// Marks the words a query matched in the original text. Offsets come from the
// analyzer, so «كتابخانه» stays written with Arabic kaf and «کتاب‌ها» keeps its
// ZWNJ inside the mark.
import type { Segment } from '../types';
import { analyze } from '../persian/analyze';
import type { TermMatcher } from './query';

export interface HitSpan {
  start: number;
  end: number;
  /** Index of the query term matched. */
  term: number;
}

/** Matched spans of `text`, sorted and with overlaps merged (a compound and its pieces). */
export function hitSpans(text: string, matcher: TermMatcher): HitSpan[] {
  const spans: HitSpan[] = [];
  for (const token of analyze(text, { pieces: true })) {
    const term = matcher(token.term);
    if (term >= 0) spans.push({ start: token.start, end: token.end, term });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: HitSpan[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) {
      last.end = Math.max(last.end, span.end);
    } else {
      merged.push({ ...span });
    }
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

export function highlight(text: string, matcher: TermMatcher): Segment[] {
  return segmentsOf(text, hitSpans(text, matcher));
}
