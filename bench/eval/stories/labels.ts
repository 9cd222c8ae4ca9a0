// The labelled pairs (labels.json): ids and labels only, the texts stay in the
// corpus. README.md in this folder says how each pair was judged.
import { readFileSync } from 'node:fs';

export type Label = 'copy' | 'distinct';
/** Why: copy = identical | edited | excerpt; distinct = template | topic | quotes | roundup | boilerplate | formula. */
export type LabelKind = 'identical' | 'edited' | 'excerpt' | 'template' | 'topic' | 'quotes' | 'roundup' | 'boilerplate' | 'formula';
const KINDS: Record<Label, LabelKind[]> = { copy: ['identical', 'edited', 'excerpt'], distinct: ['template', 'topic', 'quotes', 'roundup', 'boilerplate', 'formula'] };

export interface LabelledPair {
  a: string;
  b: string;
  label: Label;
  kind: LabelKind;
  /** What the reader saw, in a few words of English (never the article's text). */
  note?: string;
}

/** Reads and checks the file: known labels and kinds, a < b, no pair twice. */
export function readLabels(file: string): LabelledPair[] {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { pairs?: unknown };
  if (!Array.isArray(raw.pairs)) throw new Error(`${file}: expected { "pairs": [...] }`);
  const seen = new Set<string>();
  return raw.pairs.map((p: LabelledPair, i: number) => {
    const where = `${file}: pair ${i} (${p.a} | ${p.b})`;
    if (typeof p.a !== 'string' || typeof p.b !== 'string' || !(p.a < p.b)) throw new Error(`${where}: a and b must be ids with a < b`);
    if (!(p.label in KINDS)) throw new Error(`${where}: label must be copy or distinct, got ${p.label}`);
    if (!KINDS[p.label].includes(p.kind)) throw new Error(`${where}: kind of a ${p.label} pair must be one of ${KINDS[p.label].join(', ')}, got ${p.kind}`);
    const key = p.a + '\u0000' + p.b;
    if (seen.has(key)) throw new Error(`${where}: labelled twice`);
    seen.add(key);
    return p;
  });
}
