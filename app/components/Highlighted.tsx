import type { Segment } from '@/lib/types';

export type NumberedSegment = Segment & { id?: string };

/** Segments as React text nodes: article text is data, never HTML. A numbered hit gets its id (jump targets). */
export function Highlighted({ segments }: { segments: NumberedSegment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.hit ? (
          <mark key={i} id={s.id} tabIndex={s.id ? -1 : undefined} className="scroll-mt-16 outline-none">
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}

/** Numbers the hits of several runs of segments in reading order: ids `${prefix}1`, `${prefix}2`, … */
export function numberHits(runs: Segment[][], prefix: string): { runs: NumberedSegment[][]; count: number } {
  let n = 0;
  const numbered = runs.map((segments) => segments.map((s) => (s.hit ? { ...s, id: `${prefix}${++n}` } : s)));
  return { runs: numbered, count: n };
}
