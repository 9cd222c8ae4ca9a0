// How one copy of a wire story differs from another, word by word: what an
// outlet added (its own lead, a source line) and what it left out (a cut end).
// Words are compared by their folded letters (ي/ی, ك/ک, digits, ZWNJ and
// diacritics, punctuation glued to a word), so a copy that only respells is
// not "edited"; the passages show the words as each copy wrote them.
//
// Myers' O((n + m)·D) diff: copies differ by few edits, so D is small where it
// matters, and a cap on D bounds the cost of two texts that share little.
import type { StoryDiffView } from '../types';
import { foldChar, isIgnorable, kindOf, CharKind } from '../persian/chars';

export type DiffKind = 'same' | 'added' | 'removed';

/** A run of words: `same` in both, `removed` only in the first text, `added` only in the second. */
export interface DiffRun {
  kind: DiffKind;
  words: string[];
}

/** The most edits a diff computes before it gives up (two texts that share little are not one story edited). */
export const MAX_EDITS = 1000;

/** The paragraph break, kept as a word of its own so a passage can show where a paragraph ends. */
export const PARAGRAPH = '¶';

/** The words of a text given as paragraphs, with a PARAGRAPH word between two paragraphs. */
export function textWords(paragraphs: readonly string[]): string[] {
  const words: string[] = [];
  for (const p of paragraphs) {
    const ws = p.split(/\s+/u).filter(Boolean);
    if (ws.length === 0) continue;
    if (words.length > 0) words.push(PARAGRAPH);
    for (const w of ws) words.push(w);
  }
  return words;
}

/** What two spellings of a word share: its letters and digits folded; a word of punctuation alone is itself. */
export function wordKey(word: string): string {
  let key = '';
  for (const ch of word) {
    const code = ch.charCodeAt(0);
    if (isIgnorable(code) || kindOf(code) !== CharKind.Word) continue;
    key += foldChar(ch);
  }
  return key || word;
}

/**
 * The runs that turn `a` into `b` (same, removed from a, added in b), in
 * text order; `tooDifferent` when more than `maxEdits` words would change.
 */
export function wordDiff(a: readonly string[], b: readonly string[], maxEdits = MAX_EDITS): { runs: DiffRun[]; tooDifferent: boolean } {
  const ka = a.map(wordKey);
  const kb = b.map(wordKey);
  const n = ka.length;
  const m = kb.length;
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && ka[x] === kb[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return { runs: [], tooDifferent: true };

  // Walk the trace back from (n, m): each step is one edit and the diagonal run before it.
  const steps: { kind: DiffKind; from: number; to: number; side: 'a' | 'b' }[] = [];
  let x = n;
  let y = m;
  for (let d = found; d >= 0; d--) {
    const saved = trace[d];
    const at = (k: number) => saved[k + d + 1];
    const k = x - y;
    let prevK: number;
    if (d === 0) prevK = 0;
    else prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : at(prevK);
    const prevY = prevX - prevK;
    const startX = d === 0 ? 0 : prevK === k + 1 ? prevX : prevX + 1;
    // The diagonal: startX..x in a are the same words as in b.
    if (x > startX) steps.push({ kind: 'same', from: startX, to: x, side: 'a' });
    if (d > 0) {
      if (prevK === k + 1) steps.push({ kind: 'added', from: prevY, to: prevY + 1, side: 'b' });
      else steps.push({ kind: 'removed', from: prevX, to: prevX + 1, side: 'a' });
    }
    x = prevX;
    y = prevY;
  }
  const runs: DiffRun[] = [];
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i];
    // Unchanged words are shown as the first text (the earliest copy) wrote them.
    const words = (step.side === 'a' ? a : b).slice(step.from, step.to);
    const last = runs[runs.length - 1];
    if (last && last.kind === step.kind) last.words.push(...words);
    else runs.push({ kind: step.kind, words: [...words] });
  }
  return { runs, tooDifferent: false };
}

/**
 * The diff of `copy` against `earliest` in passages for a page: each change
 * with `context` unchanged words either side, at most `limit` passages (the
 * rest counted), and how many words each side has alone.
 */
export function diffView(earliest: readonly string[], copy: readonly string[], options: { context?: number; limit?: number; maxEdits?: number } = {}): StoryDiffView {
  const context = options.context ?? 8;
  const limit = options.limit ?? 20;
  const { runs, tooDifferent } = wordDiff(earliest, copy, options.maxEdits);
  const view: StoryDiffView = { removed: 0, added: 0, kept: 0, passages: [], more: 0, tooDifferent };
  if (tooDifferent) return view;
  let same = 0;
  for (const run of runs) {
    if (run.kind === 'removed') view.removed += run.words.length;
    else if (run.kind === 'added') view.added += run.words.length;
    else same += run.words.length;
  }
  view.kept = earliest.length === 0 ? 1 : same / earliest.length;
  const text = (words: readonly string[]) => words.join(' ');
  const passages: StoryDiffView['passages'] = [];
  let open: StoryDiffView['passages'][number] | null = null;
  let before: string[] = [];
  runs.forEach((run, i) => {
    if (run.kind !== 'same') {
      if (!open) {
        open = { parts: before.length > 0 ? [{ kind: 'same', text: text(before) }] : [] };
        passages.push(open);
      }
      open.parts.push({ kind: run.kind, text: text(run.words) });
      return;
    }
    // Two changes with little between them are one passage.
    if (open && i < runs.length - 1 && run.words.length <= 2 * context) {
      open.parts.push({ kind: 'same', text: text(run.words) });
      before = [];
      return;
    }
    if (open) open.parts.push({ kind: 'same', text: text(run.words.slice(0, context)) });
    open = null;
    before = run.words.slice(-context);
  });
  view.passages = passages.slice(0, limit);
  view.more = Math.max(0, passages.length - limit);
  return view;
}
