// The search core: answers the API's questions from an index held in memory.
// Framework-free, so the route handlers, the pages, the tests and the
// benchmarks all call exactly this.
import type {
  Article,
  ArticleResponse,
  FormCount,
  QuerySuggestion,
  WordForms,
  MatchMode,
  MonthCount,
  QueryTerm,
  SearchFacets,
  SearchResponse,
  SearchResult,
  YearCount,
} from '../types';
import { boundToDayNumber, formatJalaliKey, jalaliDayNumber } from '../jalali';
import { mayStemTo, stem, type StemOptions } from '../persian/stem';
import { isAffix } from '../persian/analyze';
import { MemoryStore, type ArticleStore } from './article-store';
import { postingsOf } from './flex';
import { readVarints, runAt, varintBytes } from './varint';
import { FacetField } from './facet-field';
import { highlight, NOTHING, type HighlightPlan } from './highlight';
import { buildIndexData, TF_MAX, TF_TITLE, type IndexData } from './index-data';
import { makeSnippets } from './snippets';
import { kthLargest, topK } from './top';
import { NO_TERM, parseQuery, queryView, type ParsedQuery } from './query';
import { fromLatinLayout, RARER_BY, suggestFor } from './suggest';
import { SideBySide } from './proximity';
import { lowerBound, sortedIndexOf } from './sorted';
import { spellingStems, spellingsOf, type Vocabulary } from './spellings';
import { MAX_QUERY_LENGTH, ParamError, type SearchParams } from './params';

const FACET_LIMIT = 20;
/** A phrase candidate's byte search, in postings' worth of work (measured: see queryCost). */
const PHRASE_CHECK_COST = 4;
/**
 * The most work a query may ask for, in postings read (queryCost). At
 * 100,000 articles the bench mix's costliest query asks for 0.78 million;
 * ten common phrases at once («"در این" "از این" …») 4.2 million, answered in
 * about 0.5 s on the 2-core machine; twenty 7.3 million, 0.8 s.
 */
export const MAX_QUERY_COST = 5_000_000;

/** A query that would take the server too long: the API answers it with 400 (a ParamError on `q`). */
export class QueryTooCostlyError extends ParamError {
  constructor(
    readonly cost: number,
    readonly limit: number,
  ) {
    super(
      'q',
      `q: the query asks for too much work at once (${cost.toLocaleString('en-US')} postings to read, at most ${limit.toLocaleString('en-US')}): use fewer common words or phrases`,
    );
    this.name = 'QueryTooCostlyError';
  }
}

/** Query words in more articles than this are taken as meant: no «did you mean» is looked for. */
const SUGGEST_MAX_ARTICLES = 5;

/** Forms listed per query word in the answer; the rest are counted in `more`. */
export const FORMS_LISTED = 20;

/** The query of a search, with the typing rule its `prefix` parameter asks for. */
function parseSearch(params: SearchParams): ParsedQuery {
  const query = parseQuery(params.q, { prefixLast: params.prefix === 'last' });
  if (params.queryCut) {
    query.notices.push({
      code: 'query_cut',
      text: params.q.slice(-40),
      message: `جستجو بیش از ${MAX_QUERY_LENGTH.toLocaleString('fa-IR')} نویسه بود و پس از واژهٔ «${params.q.split(/\s+/u).pop()}» بریده شد.`,
    });
  }
  return query;
}

// BM25 (Robertson/Sparck Jones idf, the usual k1 and b).
const K1 = 1.2;
const B = 0.75;
/**
 * A query word in the title adds this much, scaled down for long titles as BM25
 * scales long bodies: the word is more of what a short title is about.
 */
const TITLE_BOOST = 1.0;
/** Inflected forms of a query word («دوستان» for «دوست») weigh a little less than the word itself. */
const VARIANT_WEIGHT = 0.8;
/** An exact phrase weighs this much more than its words scattered. */
const PHRASE_BOOST = 1.5;
/** Two query words side by side in an article, in the title and in the body. */
const ADJACENT_TITLE = 1.5;
const ADJACENT_BODY = 0.5;
/** Articles whose proximity is checked: the best by score before it. */
const PROXIMITY_TOP = 200;
/** The shortest half a compound split may leave («کتاب|خانه»; not «در|باره»). */
const MIN_SPLIT = 3;
/** A split whose rarer half is in more than this share of articles is not tried. */
const MAX_SPLIT_SHARE = 0.05;

/** A way a query group may match: a clause as typed, or one the engine adds for compounds. */
type Alternative = QueryTerm & {
  /**
   * A solid query word found as its two halves side by side («بینالمللی» as
   * «بین المللی»): it is still one word, so it scores as one, not as a phrase.
   */
  apart?: true;
};

interface Variant {
  id: number;
  weight: number;
}

/**
 * The articles a step still cares about: a list, and a quick test for it.
 * When the list is short and a posting list long, each article is looked up
 * in the posting list instead of the list being read through: «مهار خشم»
 * confirms its few «مهار» articles against «خشم» without reading «خشم»'s.
 */
interface Within {
  docs: readonly number[];
  has(docId: number): boolean;
}

/** A lookup's cost in steps of a posting-list scan, per halving of the list. */
const LOOKUP_COST = 2;

/** Whether to look `lookups` articles up in a sorted list of `length` ids rather than read the list through. */
function lookUp(lookups: number, length: number): boolean {
  return lookups * LOOKUP_COST * Math.log2(length + 2) < length;
}

/** Articles a query matched and their scores; the arrays are the engine's scratch space. */
interface Matches {
  docs: number[];
  score: Float64Array;
  /** Words of the query that no article contains, as typed. */
  unmatched: string[];
  /** The query's groups with the compound alternatives the engine added (withCompounds), for the forms report. */
  alternatives: Alternative[][];
}

export class SearchEngine {
  private readonly vocabulary: string[];
  /** BM25's length part per article, k1 · (1 − b + b · length / average), computed once. */
  private readonly lengthNorm: Float64Array;
  /** The title boost of each article, already normalized by its title's length. */
  private readonly titleBoost: Float32Array;
  /** Jalali day key (yyyymmdd) per article, 0 when undated. */
  private readonly dayKey: Int32Array;
  /** Publication instant per article in ms, and its negative (sort keys: higher first); undated articles -Infinity in both. */
  private readonly newest: Float64Array;
  private readonly oldest: Float64Array;
  /** Per article, its Jalali year's counter in the year facet and its month's in the month facet; -1 when undated. */
  private readonly yearSlot: Int32Array;
  private readonly monthSlot: Int32Array;
  /** Article ids to docIds, made on the first article lookup: a search never needs it, a cold start pays less. */
  private docIds: Map<string, number> | null = null;
  /** The Jalali years the archive spans: facet counters are arrays over them. */
  private readonly firstYear: number;
  private readonly yearSpan: number;
  private readonly sources: FacetField;
  private readonly tags: FacetField;

  private readonly variantCache = new Map<string, Variant[]>();

  /** When the index was written (the manifest's `builtAt`); null for an index made in memory or before it was recorded. */
  builtAt: string | null = null;

  // Scratch space reused by every query (searches are synchronous).
  private epoch = 0;
  private readonly stamp: Int32Array;
  private readonly score: Float64Array;
  private readonly groupStamp: Int32Array;
  private readonly groupScore: Float64Array;
  private readonly excludedStamp: Int32Array;
  private readonly phraseStamp: Int32Array;
  private readonly phraseScore: Float64Array;
  private readonly phraseHits: Uint16Array;
  /** `data.positions` as a Buffer, for its native byte search. */
  private readonly positionBytes: Buffer;
  /** One article's decoded word codes (grown to the longest article seen). */
  private readonly wordScratch = { values: new Uint32Array(4096) };

  constructor(
    private readonly articles: ArticleStore,
    private readonly data: IndexData,
    /** The most work one query may ask for (queryCost); lower in tests. */
    private readonly maxQueryCost = MAX_QUERY_COST,
  ) {
    const n = articles.size;
    const meta = articles.meta;
    this.vocabulary = data.vocabulary;
    let words = 0;
    for (const len of data.docLength) words += len;
    const avgLength = Math.max(1, words / Math.max(1, n));
    this.lengthNorm = new Float64Array(n);
    for (let d = 0; d < n; d++) this.lengthNorm[d] = K1 * (1 - B + (B * data.docLength[d]) / avgLength);
    let titleWords = 0;
    for (const len of data.titleLength) titleWords += len;
    const avgTitle = Math.max(1, titleWords / Math.max(1, n));
    this.titleBoost = new Float32Array(n);
    for (let d = 0; d < n; d++) {
      this.titleBoost[d] = (TITLE_BOOST * (K1 + 1)) / (1 + K1 * (1 - B + (B * data.titleLength[d]) / avgTitle));
    }
    this.dayKey = Int32Array.from(meta.dayKeys);
    this.newest = new Float64Array(n);
    this.oldest = new Float64Array(n);
    for (let docId = 0; docId < n; docId++) {
      const at = meta.publishedAt[docId];
      const time = at ? Date.parse(at) : NaN;
      this.newest[docId] = Number.isNaN(time) ? -Infinity : time;
      this.oldest[docId] = Number.isNaN(time) ? -Infinity : -time;
    }
    let first = Infinity;
    let last = -Infinity;
    for (const key of this.dayKey) {
      if (key === 0) continue;
      first = Math.min(first, Math.floor(key / 10000));
      last = Math.max(last, Math.floor(key / 10000));
    }
    this.firstYear = Number.isFinite(first) ? first : 0;
    this.yearSpan = Number.isFinite(first) ? last - first + 1 : 0;
    this.yearSlot = new Int32Array(n).fill(-1);
    this.monthSlot = new Int32Array(n).fill(-1);
    this.dayKey.forEach((key, docId) => {
      if (key === 0) return;
      this.yearSlot[docId] = Math.floor(key / 10000) - this.firstYear;
      this.monthSlot[docId] = this.yearSlot[docId] * 12 + (Math.floor(key / 100) % 100) - 1;
    });
    const facetKeys = meta.facetKeys ? new Map(meta.facetKeys) : undefined;
    this.sources = new FacetField(meta.sources.map((source) => (source ? [source] : [])), facetKeys);
    this.tags = new FacetField(meta.tags, facetKeys);
    for (const [name, source] of meta.sourceNames ?? []) this.sources.alias(name, source);
    this.stamp = new Int32Array(n);
    this.score = new Float64Array(n);
    this.groupStamp = new Int32Array(n);
    this.groupScore = new Float64Array(n);
    this.excludedStamp = new Int32Array(n);
    this.phraseStamp = new Int32Array(n);
    this.phraseScore = new Float64Array(n);
    this.phraseHits = new Uint16Array(n);
    this.positionBytes = Buffer.from(data.positions.buffer, data.positions.byteOffset, data.positions.byteLength);
  }

  /** Builds an engine in memory (tests, evaluation); the builder runs the same steps. */
  static fromArticles(articles: readonly Article[], options: { maxQueryCost?: number } = {}): SearchEngine {
    return new SearchEngine(new MemoryStore(articles), buildIndexData(articles), options.maxQueryCost);
  }

  get size(): number {
    return this.articles.size;
  }

  /** Where the articles are read from (a server closes a replaced engine's file through it). */
  get store(): ArticleStore {
    return this.articles;
  }

  // ------------------------------------------------------------ vocabulary

  private termId(term: string): number {
    const i = lowerBound(this.vocabulary, term);
    return this.vocabulary[i] === term ? i : -1;
  }

  private readonly known = (term: string) => this.termId(term) >= 0;

  private readonly spellingVocabulary: Vocabulary = {
    known: this.known,
    frequency: (term) => this.documentFrequency(this.termId(term)),
  };

  private readonly stemOptions: StemOptions = { frequency: this.spellingVocabulary.frequency };

  private documentFrequency(id: number): number {
    if (id < 0) return 0;
    return this.data.tfOffsets[id + 1] - this.data.tfOffsets[id];
  }

  /**
   * The vocabulary terms a query word stands for: the word and the inflected
   * forms the archive has of the same stem («دوست» → «دوستان», «دوست‌ها»);
   * a quoted word only itself; a prefix all of those and every word it begins.
   */
  private variants(clause: QueryTerm): Variant[] {
    // A word's spellings depend on how it was typed («ممممکن» is the term «مکن»); a quoted word is its term alone.
    const key = clause.exact ? '"' + clause.terms[0] : (clause.prefix ? '*' : '=') + clause.terms[0] + '\u0000' + clause.text;
    let found = this.variantCache.get(key);
    if (!found) {
      // Matching, proximity and highlighting each ask; typing repeats queries.
      if (this.variantCache.size > 5000) this.variantCache.clear();
      found = this.computeVariants(clause);
      this.variantCache.set(key, found);
    }
    return found;
  }

  private computeVariants(clause: QueryTerm): Variant[] {
    const term = clause.terms[0];
    if (clause.exact) {
      const id = this.termId(term);
      return id >= 0 ? [{ id, weight: 1 }] : [];
    }
    if (clause.prefix) {
      // A prefix finds at least what the whole word finds: «رئیس‌جمهور» while
      // typed keeps «رئیس‌جمهوری» and the forms of its stem.
      const out = this.variants({ ...clause, prefix: false });
      const seen = new Set(out.map((v) => v.id));
      const from = lowerBound(this.vocabulary, term);
      const to = lowerBound(this.vocabulary, term + '\uffff');
      const all = [...out];
      for (let id = from; id < to; id++) if (!seen.has(id)) all.push({ id, weight: VARIANT_WEIGHT });
      return all;
    }
    const out = new Map<number, number>();
    // Spellings of the word («مسئول», «مسؤول») weigh as the word; then each one's inflections.
    const spellings = spellingsOf(term, clause.text, this.spellingVocabulary);
    for (const spelling of spellings) {
      const id = this.termId(spelling);
      if (id >= 0) out.set(id, 1);
    }
    for (const base of spellingStems(spellings, (t) => stem(t, this.known, this.stemOptions), this.spellingVocabulary)) {
      // Inflected forms start with the stem, or with «می»/«نمی» and the stem.
      for (const head of [base, 'می' + base, 'نمی' + base]) {
        const from = lowerBound(this.vocabulary, head);
        const to = lowerBound(this.vocabulary, head + '\uffff');
        for (let id = from; id < to; id++) {
          const word = this.vocabulary[id];
          // Without frequencies: the rules that need a common stem (StemOptions) lead a query
          // word to its base («کتابی» → «کتاب»), but do not bring every «کتابی» to «کتاب».
          if (!out.has(id) && mayStemTo(word, head) && stem(word, this.known) === base) out.set(id, VARIANT_WEIGHT);
        }
      }
    }
    return [...out].map(([id, weight]) => ({ id, weight }));
  }

  // --------------------------------------------------------------- scoring

  /** Visits term `id`'s postings of the articles `within` (every posting when absent). */
  private forEachPosting(id: number, within: Within | undefined, visit: (docId: number, packed: number) => void): void {
    const { tf } = this.data;
    let at = this.data.tfOffsets[id];
    for (const ids of postingsOf(this.data.index, this.vocabulary[id]) ?? []) {
      if (!ids) continue;
      if (within && lookUp(within.docs.length, ids.length)) {
        for (const docId of within.docs) {
          const i = sortedIndexOf(ids, docId);
          if (i >= 0) visit(docId, tf[at + i]);
        }
      } else {
        for (let i = 0; i < ids.length; i++) if (!within || within.has(ids[i])) visit(ids[i], tf[at + i]);
      }
      at += ids.length;
    }
  }

  /** BM25's term-frequency part for one posting, plus the title boost. */
  private tfPart(docId: number, packed: number): number {
    const tf = packed & TF_MAX;
    const norm = (tf * (K1 + 1)) / (tf + this.lengthNorm[docId]);
    return norm + (packed & TF_TITLE ? this.titleBoost[docId] : 0);
  }

  private idf(df: number): number {
    const n = this.articles.size;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Where article `docId`'s words end in `positions`, or its title's when asked. */
  private wordsEnd(docId: number, titleOnly: boolean): number {
    const { positions, posOffsets, titleLength } = this.data;
    if (!titleOnly) return posOffsets[docId + 1];
    // A word's code ends at its one byte under 128: count the title's words off.
    let at = posOffsets[docId];
    for (let words = titleLength[docId]; words > 0; at++) if (positions[at] < 0x80) words--;
    return at;
  }

  /**
   * Where article `docId` first has the words whose codes are `pattern` one
   * after another (within the title if asked), in bytes from its first word;
   * -1 when nowhere.
   */
  private sequenceAt(docId: number, pattern: Uint8Array, titleOnly: boolean): number {
    const start = this.data.posOffsets[docId];
    return runAt(this.positionBytes.subarray(start, this.wordsEnd(docId, titleOnly)), pattern);
  }

  /**
   * Scores one group (alternatives joined by OR) into groupScore; returns the
   * articles it matches. A word scores by its best variant; a phrase by its
   * words, once its words are checked to stand together.
   */
  private scoreGroup(group: readonly Alternative[], within?: Within): number[] {
    const mark = ++this.epoch;
    const docs: number[] = [];
    const { index, tf, tfOffsets } = this.data;
    for (const clause of group) {
      const titleOnly = clause.field === 'title';
      if (clause.kind === 'word') {
        for (const { id, weight } of this.variants(clause)) {
          // The hot loop of every query: plain loops over FlexSearch's arrays.
          let at = tfOffsets[id];
          for (const ids of postingsOf(index, this.vocabulary[id]) ?? []) {
            if (!ids) continue;
            if (within && lookUp(within.docs.length, ids.length)) {
              for (const docId of within.docs) {
                const i = sortedIndexOf(ids, docId);
                if (i < 0) continue;
                const packed = tf[at + i];
                if (!titleOnly || packed & TF_TITLE) this.keepBest(docId, weight * this.tfPart(docId, packed), mark, docs);
              }
              at += ids.length;
              continue;
            }
            for (let i = 0; i < ids.length; i++, at++) {
              const docId = ids[i];
              const packed = tf[at];
              if ((titleOnly && !(packed & TF_TITLE)) || (within && !within.has(docId))) continue;
              this.keepBest(docId, weight * this.tfPart(docId, packed), mark, docs);
            }
          }
        }
        continue;
      }
      for (const [docId, value] of this.phraseMatches(clause.terms, titleOnly, within, clause.apart)) {
        this.keepBest(docId, value, mark, docs);
      }
    }
    return docs;
  }

  /** A group's score for an article is its best alternative's: keep the higher value. */
  private keepBest(docId: number, value: number, mark: number, docs: number[]): void {
    if (this.groupStamp[docId] !== mark) {
      this.groupStamp[docId] = mark;
      this.groupScore[docId] = value;
      docs.push(docId);
    } else if (value > this.groupScore[docId]) {
      this.groupScore[docId] = value;
    }
  }

  /**
   * Articles with the words of a phrase one after another, and their score: the
   * words' summed score, boosted; for a query word written apart in the article,
   * the score of that one word.
   */
  private phraseMatches(terms: readonly string[], titleOnly: boolean, within?: Within, apart = false): [number, number][] {
    const ids = terms.map((t) => this.termId(t));
    if (ids.some((id) => id < 0)) return [];
    // Candidates have every word: the rarest list proposes, the others confirm.
    const distinct = [...new Set(ids)].sort((a, b) => this.documentFrequency(a) - this.documentFrequency(b));
    const mark = ++this.epoch;
    const { phraseStamp, phraseScore, phraseHits } = this;
    const candidates: number[] = [];
    // The rarest word's articles are the only ones the other words need to confirm.
    const proposed: Within = { docs: candidates, has: (docId) => phraseStamp[docId] === mark };
    distinct.forEach((id, k) => {
      this.forEachPosting(id, k === 0 ? within : proposed, (docId, packed) => {
        if (k === 0) {
          phraseStamp[docId] = mark;
          phraseScore[docId] = apart ? packed & TF_MAX : this.tfPart(docId, packed);
          phraseHits[docId] = 1;
          candidates.push(docId);
        } else if (phraseStamp[docId] === mark && phraseHits[docId] === k) {
          phraseScore[docId] = apart ? Math.min(phraseScore[docId], packed & TF_MAX) : phraseScore[docId] + this.tfPart(docId, packed);
          phraseHits[docId]++;
        }
      });
    });
    const out: [number, number][] = [];
    const pattern = varintBytes(ids.map((id) => this.data.wordCodes[id]));
    for (const docId of candidates) {
      if (phraseHits[docId] !== distinct.length) continue;
      const at = this.sequenceAt(docId, pattern, titleOnly);
      if (at < 0) continue;
      if (!apart) {
        out.push([docId, phraseScore[docId] * PHRASE_BOOST]);
        continue;
      }
      // One word, as often as its rarer half at most; the title comes first, so
      // the first time the halves stand together says whether it is in the title.
      const inTitle = at + pattern.length <= this.wordsEnd(docId, true) - this.data.posOffsets[docId];
      out.push([docId, this.tfPart(docId, phraseScore[docId] | (inTitle ? TF_TITLE : 0))]);
    }
    return out;
  }

  /**
   * How many articles a group can match at most (the sum over its words'
   * variants; a phrase's rarest word): orders the groups and weighs them (idf)
   * the same whichever order they are scored in.
   */
  private estimate(group: readonly QueryTerm[]): number {
    let df = 0;
    for (const clause of group) {
      if (clause.kind === 'word') {
        for (const { id } of this.variants(clause)) df += this.documentFrequency(id);
      } else {
        const ids = clause.terms.map((t) => this.termId(t));
        df += ids.some((id) => id < 0) ? 0 : Math.min(...ids.map((id) => this.documentFrequency(id)));
      }
    }
    return Math.min(df, this.articles.size);
  }


  /**
   * Compounds are written solid, half-spaced or apart («بین‌المللی», «بینالمللی»,
   * «بین المللی»; Hamshahri puts a no-break space in them). A solid query word
   * also matches its two halves side by side; two query words also match the
   * solid compound, when the archive has it.
   */
  private withCompounds(query: ParsedQuery): Alternative[][] {
    const out: Alternative[][] = query.groups.map((g) => [...g]);
    const groupOf = new Map<QueryTerm, number>();
    query.groups.forEach((g, i) => g.forEach((c) => groupOf.set(c, i)));
    query.groups.forEach((group, g) => {
      // A prefix keeps the word's own compounds: typing must not lose what the whole word finds.
      if (group.length !== 1 || group[0].kind !== 'word' || group[0].exact) return;
      const clause = group[0];
      const term = clause.terms[0];
      for (let cut = MIN_SPLIT; cut <= term.length - MIN_SPLIT && term.length >= 5; cut++) {
        const head = term.slice(0, cut);
        const tail = term.slice(cut);
        // «همکاری|های» needs no split: the analyzer already joins affixes written apart.
        if (isAffix(head) || isAffix(tail)) continue;
        const rarest = Math.min(this.documentFrequency(this.termId(head)), this.documentFrequency(this.termId(tail)));
        // Two very common halves would cost a position check in most of the archive.
        if (rarest > Math.max(2000, this.articles.size * MAX_SPLIT_SHARE)) continue;
        if (this.termId(head) >= 0 && this.termId(tail) >= 0) {
          out[g].push({ ...clause, kind: 'phrase', terms: [head, tail], apart: true });
        }
      }
    });
    // Words typed apart, stop words included («بین المللی»), may be one solid
    // word; while the second is typed («رئیس جمهو»), a solid word it begins.
    query.sequence.forEach((clause, j) => {
      const next = query.sequence[j + 1];
      if (!next || clause.prefix || clause.exact || next.exact || clause.field !== next.field) return;
      const joined = clause.terms[0] + next.terms[0];
      const found = next.prefix
        ? this.vocabulary[lowerBound(this.vocabulary, joined)]?.startsWith(joined)
        : this.termId(joined) >= 0;
      if (!found) return;
      const solid: QueryTerm = { ...clause, text: `${clause.text} ${next.text}`, terms: [joined], prefix: next.prefix };
      for (const c of [clause, next]) {
        const g = groupOf.get(c);
        if (g !== undefined) out[g].push(solid);
      }
    });
    return out;
  }

  /**
   * What a query costs before it runs, in postings read: every variant's
   * posting list, and for each phrase its words' lists plus a byte search per
   * candidate (its rarest word's articles, each weighed PHRASE_CHECK_COST).
   * A query beyond MAX_QUERY_COST is refused rather than left to stall the
   * server for seconds («"در این" "از این" …» with a hundred common phrases).
   */
  queryCost(query: ParsedQuery, groups: readonly (readonly Alternative[])[] = this.withCompounds(query)): number {
    let cost = 0;
    const clauseCost = (clause: QueryTerm) => {
      if (clause.kind === 'word') {
        for (const { id } of this.variants(clause)) cost += this.documentFrequency(id);
        return;
      }
      const dfs = clause.terms.map((t) => this.documentFrequency(this.termId(t)));
      if (dfs.some((df) => df === 0)) return;
      for (const df of dfs) cost += df;
      cost += Math.min(...dfs) * PHRASE_CHECK_COST;
    };
    for (const group of groups) group.forEach(clauseCost);
    for (const group of query.optional) group.forEach(clauseCost);
    query.excluded.forEach(clauseCost);
    return cost;
  }

  private match(query: ParsedQuery, mode: MatchMode): Matches {
    const n = this.articles.size;
    const score = this.score;
    const unmatched: string[] = [];
    if (query.groups.length === 0) {
      score.fill(0);
      const docs = Array.from({ length: n }, (_, d) => d);
      return { docs: this.withoutExcluded(docs, query, { docs, has: () => true }), score, unmatched, alternatives: [] };
    }

    const alternatives = this.withCompounds(query);
    const cost = this.queryCost(query, alternatives);
    if (cost > this.maxQueryCost) throw new QueryTooCostlyError(cost, this.maxQueryCost);
    // Rarest group first: with match=all, later groups only confirm earlier ones.
    const groups = alternatives
      .map((group) => ({ group, df: this.estimate(group) }))
      .sort((a, b) => a.df - b.df);
    const { stamp, groupScore } = this;
    // The articles still matching carry the stamp `live`; with match=all each
    // group renews it for the articles it confirms, so the next group scores
    // only those.
    let live = ++this.epoch;
    let matched: number[] = [];
    const still: Within = {
      get docs() {
        return matched;
      },
      has: (docId) => stamp[docId] === live,
    };
    groups.forEach(({ group, df }, g) => {
      if (df === 0) unmatched.push(...group.map((c) => c.text));
      // With match=all, once nothing is left nothing can match: skip the work.
      if (mode === 'all' && g > 0 && matched.length === 0) return;
      const docs = this.scoreGroup(group, mode === 'all' && g > 0 ? still : undefined);
      const idf = this.idf(df);
      if (g === 0) {
        for (let i = 0; i < docs.length; i++) {
          const docId = docs[i];
          stamp[docId] = live;
          score[docId] = idf * groupScore[docId];
        }
        matched = docs;
      } else if (mode === 'all') {
        const confirmed = ++this.epoch;
        for (let i = 0; i < docs.length; i++) {
          const docId = docs[i];
          stamp[docId] = confirmed;
          score[docId] += idf * groupScore[docId];
        }
        live = confirmed;
        matched = docs;
      } else {
        for (let i = 0; i < docs.length; i++) {
          const docId = docs[i];
          if (stamp[docId] !== live) {
            stamp[docId] = live;
            score[docId] = 0;
            matched.push(docId);
          }
          score[docId] += idf * groupScore[docId];
        }
      }
    });
    const docs = this.withoutExcluded(matched, query, still);
    // Stop words never decide a match, but an article that has them ranks higher.
    const kept: Within = { docs, has: still.has };
    for (const group of query.optional) {
      if (docs.length === 0) break;
      const idf = this.idf(this.estimate(group));
      for (const docId of this.scoreGroup(group, kept)) score[docId] += idf * this.groupScore[docId];
    }
    this.addProximity(docs, query);
    return { docs, score, unmatched: [...new Set(unmatched)], alternatives };
  }

  /** The `k` best-scoring of `docs` (unordered). */
  private topByScore(docs: readonly number[], k: number): number[] {
    if (docs.length <= k) return [...docs];
    const { score } = this;
    const scores = new Float64Array(docs.length);
    for (let i = 0; i < docs.length; i++) scores[i] = score[docs[i]];
    const threshold = kthLargest(scores, k);
    const best: number[] = [];
    for (let i = 0; i < docs.length && best.length < k * 2; i++) if (score[docs[i]] >= threshold) best.push(docs[i]);
    return best;
  }

  /**
   * The runs of two or three archive words a solid query word may be written
   * as: «گفتوگو» as «گفت و گو» (Hamshahri joins such runs with no-break spaces,
   * and the index has the compound as well), «راهاندازی» as «راه اندازی».
   */
  private apartRuns(term: string): number[][] {
    const runs: number[][] = [];
    if (/\d/.test(term)) return runs;
    // A piece is a word: «و» is the one word of one letter (other single letters
    // are initials), and the analyzer joins an affix to its word.
    const word = (text: string) => ((text.length < 2 && text !== 'و') || isAffix(text) ? -1 : this.termId(text));
    for (let cut = 1; cut < term.length; cut++) {
      const head = word(term.slice(0, cut));
      if (head < 0) continue;
      const rest = term.slice(cut);
      const tail = word(rest);
      if (tail >= 0) runs.push([head, tail]);
      for (let cut2 = 1; cut2 < rest.length; cut2++) {
        const middle = word(rest.slice(0, cut2));
        const last = middle >= 0 ? word(rest.slice(cut2)) : -1;
        if (last >= 0) runs.push([head, middle, last]);
      }
    }
    return runs;
  }

  /**
   * Rewards the best articles for query words that stand side by side as they
   * were typed, more in the title: «کار می کند» ranks the article titled so
   * above one that has «کار» somewhere.
   */
  private addProximity(docs: readonly number[], query: ParsedQuery): void {
    const words = query.sequence;
    if (words.length < 2 || docs.length === 0) return;
    const sideBySide = new SideBySide(words.length);
    const weight: number[] = [];
    const { wordCodes } = this.data;
    words.forEach((clause, j) => {
      const ids = clause.prefix ? this.variants(clause) : [{ id: this.termId(clause.terms[0]), weight: 1 }, ...this.variants(clause)];
      // Positions hold word codes, so the side-by-side check is set up in codes.
      for (const { id } of ids) if (id >= 0) sideBySide.addTerm(j, wordCodes[id]);
      if (!clause.prefix) {
        for (const run of this.apartRuns(clause.terms[0])) {
          const df = new Map(run.map((id) => [wordCodes[id], this.documentFrequency(id)]));
          sideBySide.addRun(j, run.map((id) => wordCodes[id]), (code) => df.get(code)!);
        }
      }
      const exact = this.termId(clause.terms[0]);
      weight.push(exact >= 0 ? this.idf(this.documentFrequency(exact)) : 0);
    });
    const { positions, posOffsets, titleLength } = this.data;
    for (const docId of this.topByScore(docs, PROXIMITY_TOP)) {
      const n = readVarints(positions, posOffsets[docId], posOffsets[docId + 1], this.wordScratch);
      const seen = sideBySide.in(this.wordScratch.values.subarray(0, n), titleLength[docId]);
      for (let j = 0; j + 1 < words.length; j++) {
        if (!seen[j]) continue;
        const pairIdf = (weight[j] + weight[j + 1]) / 2;
        this.score[docId] += pairIdf * (seen[j] === 2 ? ADJACENT_TITLE : ADJACENT_BODY);
      }
    }
  }

  /** `docs` without the articles an excluded clause matches; `within` tests membership of `docs`. */
  private withoutExcluded(docs: number[], query: ParsedQuery, within: Within): number[] {
    if (query.excluded.length === 0) return docs;
    const excludedMark = ++this.epoch;
    for (const clause of query.excluded) {
      for (const docId of this.scoreGroup([clause], within)) this.excludedStamp[docId] = excludedMark;
    }
    return docs.filter((d) => this.excludedStamp[d] !== excludedMark);
  }

  /** What to mark in titles, snippets and article pages. Excluded words are never marked. */
  private plan(query: ParsedQuery): HighlightPlan {
    if (query.groups.length === 0) return NOTHING;
    const groupOf = new Map<string, number>();
    const prefixes: { prefix: string; group: number }[] = [];
    const phrases: HighlightPlan['phrases'] = [];
    query.groups.forEach((group, g) => {
      for (const clause of group) {
        if (clause.kind === 'phrase') {
          phrases.push({ terms: clause.terms, group: g });
          continue;
        }
        // A prefix's own list holds the forms of its stem, which it need not begin.
        if (clause.prefix) prefixes.push({ prefix: clause.terms[0], group: g });
        groupOf.set(clause.terms[0], g);
        for (const { id } of this.variants(clause)) groupOf.set(this.vocabulary[id], g);
      }
    });
    return {
      wordGroup: (term) => {
        const g = groupOf.get(term);
        if (g !== undefined) return g;
        for (const p of prefixes) if (term.startsWith(p.prefix)) return p.group;
        return -1;
      },
      phrases,
      groups: query.groups.length,
    };
  }

  /**
   * How each query word was matched, for the line beside the total: every form
   * the archive has that the word stood for, with its article count, so a
   * researcher sees what a total is made of and can leave a form out.
   */
  private wordForms(alternatives: readonly (readonly Alternative[])[]): WordForms[] {
    const out: WordForms[] = [];
    const seen = new Set<string>();
    for (const group of alternatives) {
      for (const clause of group) {
        if (clause.kind !== 'word' || clause.apart) continue;
        const key = `${clause.prefix ? '*' : ''}${clause.text}`;
        if (seen.has(key)) continue;
        seen.add(key);
        // A prefix's list holds the whole word's forms first; what it adds are longer words.
        const whole = clause.prefix ? new Set(this.variants({ ...clause, prefix: false }).map((v) => v.id)) : null;
        const forms: FormCount[] = this.variants(clause).map(({ id }) => ({
          form: this.vocabulary[id],
          articles: this.documentFrequency(id),
          kind: this.vocabulary[id] === clause.terms[0] ? 'word' : whole && !whole.has(id) ? 'prefix' : 'variant',
        }));
        for (const apart of group) {
          if (!apart.apart || apart.text !== clause.text) continue;
          const articles = this.phraseMatches(apart.terms, apart.field === 'title', undefined, true).length;
          if (articles > 0) forms.push({ form: apart.terms.join(' '), articles, kind: 'apart' });
        }
        forms.sort((a, b) => b.articles - a.articles || (a.form < b.form ? -1 : a.form > b.form ? 1 : 0));
        out.push({ text: clause.text, prefix: clause.prefix, forms: forms.slice(0, FORMS_LISTED), more: Math.max(0, forms.length - FORMS_LISTED) });
      }
    }
    return out;
  }

  /**
   * «Did you mean»: for a query word the archive lacks or has rarely, the most
   * common word one edit away (suggest.ts), and for a query typed with the
   * Latin layout, the query the same keys give in Persian. Runs after the
   * answer is made: the layout check matches a second query in the scratch space.
   */
  private suggestions(query: ParsedQuery, params: SearchParams, total: number): QuerySuggestion[] {
    const out: QuerySuggestion[] = [];
    const q = params.q;
    const mapped = fromLatinLayout(q);
    if (mapped) {
      const other = parseQuery(mapped);
      const known = other.groups.length > 0 && other.groups.every((g) => g.some((c) => c.kind === 'word' && this.termId(c.terms[0]) >= 0));
      if (known) {
        const articles = this.match(other, params.match).docs.length;
        if (articles >= Math.max(1, total * RARER_BY)) out.push({ kind: 'layout', text: q.trim(), suggestion: mapped, q: mapped, articles });
      }
      return out;
    }
    const vocabulary = { articles: (term: string) => this.documentFrequency(this.termId(term)) };
    for (const group of query.groups) {
      const clause = group[0];
      if (group.length !== 1 || clause.kind !== 'word' || clause.prefix || clause.exact || clause.terms[0] === NO_TERM) continue;
      // Common words are not typos; asking only for the rare keeps this off the hot path.
      if (vocabulary.articles(clause.terms[0]) > SUGGEST_MAX_ARTICLES) continue;
      // The word's own forms («کتابی» for «کتاب») are not another spelling of it.
      const forms = new Set(this.variants(clause).map(({ id }) => this.vocabulary[id]));
      const found = suggestFor(clause.terms[0], vocabulary, forms);
      if (!found) continue;
      const at = q.indexOf(clause.text);
      const replaced = at < 0 ? q : q.slice(0, at) + found.term + q.slice(at + clause.text.length);
      out.push({ kind: 'spelling', text: clause.text, suggestion: found.term, q: replaced, articles: found.articles });
    }
    return out;
  }

  // ---------------------------------------------------------------- answers

  /**
   * The first `k` of `hits` in the asked order. Relevance: score, then newer,
   * then index order; by date: undated articles last, then index order.
   */
  private ordered(hits: readonly number[], k: number, order: SearchParams['sort'], byScore: boolean): number[] {
    const { newest, oldest, score } = this;
    if (order === 'relevance' && byScore) {
      return topK(hits, k, score, (a, b) => newest[b] - newest[a] || a - b);
    }
    return topK(hits, k, order === 'oldest' ? oldest : newest, (a, b) => a - b);
  }

  /** Ids of the `limit` best articles for `q`, best first (evaluation and benchmarks). */
  rank(q: string, options: { match?: MatchMode; limit?: number; prefixLast?: boolean } = {}): string[] {
    const query = parseQuery(q, { prefixLast: options.prefixLast });
    const { docs } = this.match(query, options.match ?? 'all');
    return this.ordered(docs, options.limit ?? 1000, 'relevance', query.groups.length > 0).map((d) => this.articles.meta.ids[d]);
  }

  /** Matches passing every filter (unordered) and the facets over them. */
  private select(
    params: SearchParams,
    query: ParsedQuery,
  ): { hits: number[]; facets: SearchFacets; unmatched: string[]; alternatives: Alternative[][] } {
    const { docs, unmatched, alternatives } = this.match(query, params.match);
    const fromKey = params.from ? boundToDayNumber(params.from, 'start') : 0;
    const toKey = params.to ? boundToDayNumber(params.to, 'end') : Number.MAX_SAFE_INTEGER;
    const dated = params.from !== null || params.to !== null;
    // A date filter leaves the undated articles out unless asked to keep them; either way the facets count them.
    const keepUndated = params.undated === 'include';
    const fromYear = params.from?.year ?? -Infinity;
    const toYear = params.to?.year ?? Infinity;
    const sources = params.source.length > 0 ? this.sources.codesFor(params.source) : null;
    const tags = params.tag.length > 0 ? this.tags.codesFor(params.tag) : null;

    // One pass: each facet counts the matches that pass every filter but its own.
    const { firstYear } = this;
    const yearCounts = new Int32Array(this.yearSpan);
    const monthCounts = new Int32Array(this.yearSpan * 12);
    const sourceCounts = this.sources.newCounts();
    const tagCounts = this.tags.newCounts();
    const { yearSlot, monthSlot } = this;
    let undated = 0;
    let hits: number[];
    if (!dated && sources === null && tags === null) {
      // No filter (most searches): every match is a hit and counts everywhere.
      for (let i = 0; i < docs.length; i++) {
        const docId = docs[i];
        if (yearSlot[docId] >= 0) {
          yearCounts[yearSlot[docId]]++;
          monthCounts[monthSlot[docId]]++;
        } else undated++;
      }
      this.sources.countAll(docs, sourceCounts);
      this.tags.countAll(docs, tagCounts);
      hits = docs;
    } else {
      hits = [];
      for (const docId of docs) {
        const key = this.dayKey[docId];
        const inDates = !dated || (key === 0 ? keepUndated : key >= fromKey && key <= toKey);
        const inSources = sources === null || this.sources.hasAny(docId, sources);
        const inTags = tags === null || this.tags.hasAny(docId, tags);
        if (inSources && inTags && key !== 0) {
          const year = Math.floor(key / 10000);
          yearCounts[yearSlot[docId]]++;
          if (year >= fromYear && year <= toYear) monthCounts[monthSlot[docId]]++;
        } else if (inSources && inTags) undated++;
        if (inDates && inTags) this.sources.countInto(docId, sourceCounts);
        if (inDates && inSources) this.tags.countInto(docId, tagCounts);
        if (inDates && inSources && inTags) hits.push(docId);
      }
    }

    const jalaliYears: YearCount[] = [];
    const jalaliMonths: MonthCount[] = [];
    yearCounts.forEach((count, i) => count > 0 && jalaliYears.push({ year: firstYear + i, count }));
    monthCounts.forEach(
      (count, i) => count > 0 && jalaliMonths.push({ year: firstYear + Math.floor(i / 12), month: (i % 12) + 1, count }),
    );
    const facets: SearchFacets = {
      jalaliYears,
      jalaliMonths,
      sources: this.sources.top(sourceCounts, params.more.includes('source') ? Infinity : FACET_LIMIT, sources ?? undefined),
      tags: this.tags.top(tagCounts, params.more.includes('tag') ? Infinity : FACET_LIMIT, tags ?? undefined),
      undated,
      sourceValues: this.sources.withMatches(sourceCounts),
      tagValues: this.tags.withMatches(tagCounts),
    };
    return { hits, facets, unmatched, alternatives };
  }

  /**
   * Every article the search matches, in its order, ignoring page and size:
   * the export streams these without building a response in memory.
   */
  allMatches(params: SearchParams): Generator<Article> {
    return this.exportable(params).rows;
  }

  /** How many articles the search matches, and those articles in its order (read as they are pulled). */
  exportable(params: SearchParams): { total: number; rows: Generator<Article> } {
    const query = parseSearch(params);
    const { hits } = this.select(params, query);
    const order = this.ordered(hits, hits.length, params.sort, query.groups.length > 0);
    const articles = this.articles;
    return {
      total: order.length,
      rows: (function* () {
        for (const docId of order) yield articles.get(docId);
      })(),
    };
  }

  search(params: SearchParams): SearchResponse {
    const started = performance.now();
    const query = parseSearch(params);
    const { hits, facets, unmatched, alternatives } = this.select(params, query);
    const plan = this.plan(query);
    const offset = (params.page - 1) * params.size;
    const page = this.ordered(hits, offset + params.size, params.sort, query.groups.length > 0).slice(offset);
    const results: SearchResult[] = page.map((docId) => {
      const a = this.articles.get(docId);
      return {
        id: a.id,
        title: highlight(a.title, plan),
        publishedAt: a.publishedAt,
        jalaliDate: a.jalali ? formatJalaliKey(a.jalali) : null,
        source: a.source,
        tags: a.tags,
        url: a.url,
        snippets: makeSnippets(a.body, plan),
      };
    });
    const view = queryView(query, params.match, this.wordForms(alternatives));
    const suggestions = this.suggestions(query, params, hits.length);
    return {
      total: hits.length,
      page: params.page,
      size: params.size,
      tookMs: Math.round((performance.now() - started) * 100) / 100,
      results,
      facets,
      query: view,
      unmatched,
      suggestions,
    };
  }

  article(id: string, q = ''): ArticleResponse | null {
    this.docIds ??= new Map(this.articles.meta.ids.map((articleId, d) => [articleId, d]));
    const docId = this.docIds.get(id);
    if (docId === undefined) return null;
    const a = this.articles.get(docId);
    const plan = this.plan(parseQuery(q));
    return {
      id: a.id,
      title: highlight(a.title, plan),
      paragraphs: a.body.map((p) => highlight(p, plan)),
      publishedAt: a.publishedAt,
      jalaliDate: a.jalali ? formatJalaliKey(a.jalali) : null,
      source: a.source,
      ...(a.sourceAsWritten !== undefined ? { sourceAsWritten: a.sourceAsWritten } : {}),
      tags: a.tags,
      url: a.url,
      dateline: a.dateline,
      agency: a.agency,
      category: a.category,
    };
  }
}
