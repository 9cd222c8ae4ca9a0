// Source and tag values, compared one way everywhere: the builder's facet
// keys, the engine's facets and filters, the page's checked boxes and the
// links that toggle them. Two comparisons used to disagree («ورزش ۳» and
// «ورزش 3» were one checked value whose toggle added a second instead of
// removing it). Values group by their analyzed form.
import { analyze } from '../persian/analyze';

/** The form two values share when they are one source or tag: «ايرنا» and «ایرنا», «ورزش ۳» and «ورزش 3». */
export function normalizeValue(value: string): string {
  return analyze(value)
    .map((t) => t.term)
    .join(' ');
}

/** A value as the page shows and sends it: the Persian letters for the Arabic ي/ى/ك a facet may have met first. */
export function displayValue(label: string): string {
  return label.replace(/[\u064A\u0649]/g, 'ی').replace(/\u0643/g, 'ک');
}
