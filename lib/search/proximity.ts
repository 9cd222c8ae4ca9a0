// Which typed words of a query stand side by side in an article. It reads an
// article's words as a plain sequence of term ids, however they are stored.

const FILTER_BITS = 1 << 15;

/** A typed word written apart in the archive: the run of terms it stands as («گفتوگو» as «گفت و گو»). */
interface Run {
  word: number;
  ids: readonly number[];
  /** The run is looked up by its rarest term, so a common piece («و») costs no checks. */
  anchor: number;
}

interface Entry {
  /** The typed words this term stands for by itself. */
  words: number[];
  /** The runs anchored at this term. */
  runs: Run[];
}

/**
 * The places of a query's typed words, built once per query and asked per
 * article. A word stands as a term or as a run: the positions hold the words of
 * a no-break-space run («گفت\u00a0و\u00a0گو»), never the compound the index also has.
 */
export class SideBySide {
  private readonly byId = new Map<number, Entry>();
  private readonly runsOf: Run[][];

  /** `words`: how many words the query has, in the order typed. */
  constructor(private readonly words: number) {
    this.runsOf = Array.from({ length: words }, () => []);
  }

  /**
   * A bit per id modulo FILTER_BITS for the ids in byId: most words of an
   * article are not the query's, and this says so without a Map lookup (200
   * articles of 600 words per query).
   */
  private readonly filter = new Uint32Array(FILTER_BITS / 32);

  private entry(id: number): Entry {
    let entry = this.byId.get(id);
    if (!entry) {
      this.byId.set(id, (entry = { words: [], runs: [] }));
      this.filter[(id & (FILTER_BITS - 1)) >>> 5] |= 1 << (id & 31);
    }
    return entry;
  }

  /** Typed word `word` stands as the term `id` (the word itself, or a form of it). */
  addTerm(word: number, id: number): void {
    const { words } = this.entry(id);
    if (!words.includes(word)) words.push(word);
  }

  /** Typed word `word` stands as the terms `ids` one after another; `rarity` orders terms, rarest lowest. */
  addRun(word: number, ids: readonly number[], rarity: (id: number) => number): void {
    let anchor = 0;
    ids.forEach((id, k) => (anchor = rarity(id) < rarity(ids[anchor]) ? k : anchor));
    const run = { word, ids, anchor };
    this.entry(ids[anchor]).runs.push(run);
    this.runsOf[word].push(run);
  }

  /**
   * For each pair of typed words j and j + 1: 2 when they stand side by side in
   * the title of an article, 1 in its body, 0 when nowhere. `articleWords` are
   * its term ids, its `titleLength` title words first.
   */
  in(articleWords: ArrayLike<number>, titleLength: number): Uint8Array {
    const seen = new Uint8Array(Math.max(0, this.words - 1));
    const last = this.words - 1;
    const filter = this.filter;
    for (let i = 0; i < articleWords.length; i++) {
      const id = articleWords[i];
      if ((filter[(id & (FILTER_BITS - 1)) >>> 5] & (1 << (id & 31))) === 0) continue;
      const entry = this.byId.get(id);
      if (!entry) continue;
      for (const j of entry.words) if (j < last) this.follow(articleWords, titleLength, j, i + 1, seen);
      for (const run of entry.runs) {
        const start = i - run.anchor;
        if (run.word < last && standsAt(articleWords, titleLength, start, run.ids)) {
          this.follow(articleWords, titleLength, run.word, start + run.ids.length, seen);
        }
      }
    }
    return seen;
  }

  /** Typed word j ends just before `at`: notes where j + 1 starts there. */
  private follow(articleWords: ArrayLike<number>, titleLength: number, j: number, at: number, seen: Uint8Array): void {
    if (at >= articleWords.length) return;
    let end = -1;
    if (this.byId.get(articleWords[at])?.words.includes(j + 1)) end = at + 1;
    else {
      for (const run of this.runsOf[j + 1]) {
        if (standsAt(articleWords, titleLength, at, run.ids)) {
          end = at + run.ids.length;
          break;
        }
      }
    }
    if (end >= 0) seen[j] = Math.max(seen[j], end <= titleLength ? 2 : 1);
  }
}

/** Whether `ids` stand one after another from `start`, all in the title or all in the body (a run is one word). */
function standsAt(articleWords: ArrayLike<number>, titleLength: number, start: number, ids: readonly number[]): boolean {
  const end = start + ids.length;
  if (start < 0 || end > articleWords.length || (start < titleLength && end > titleLength)) return false;
  for (let k = 0; k < ids.length; k++) if (articleWords[start + k] !== ids[k]) return false;
  return true;
}
