// Which key of a JSON record or which CSV column holds each article field.
// Scrapers and tools spell them differently (title, headline, عنوان …), so
// the common spellings are known without configuration and `--map` names the
// rest. Keys are compared trimmed, case-insensitively, and with spaces,
// underscores, hyphens and ZWNJ left out (published_at = publishedAt,
// «برچسب‌ها» = «برچسب ها»), Arabic yeh and kaf read as Persian.

export const FIELDS = ['id', 'title', 'body', 'date', 'date_jalali', 'source', 'tags', 'url', 'category'] as const;
export type Field = (typeof FIELDS)[number];

/** `--map title=headline_fa`: field → the key or column that holds it. */
export type FieldMap = Partial<Record<Field, string>>;

/** The spellings known without configuration, the preferred first. */
export const FIELD_ALIASES: Record<Field, readonly string[]> = {
  id: ['id', 'news_code', 'news_id', 'کد خبر', 'شناسه'],
  title: ['title', 'headline', 'عنوان', 'تیتر'],
  body: ['body', 'text', 'content', 'متن', 'متن خبر'],
  date: ['date', 'publishedAt', 'published_at', 'datetime', 'تاریخ انتشار'],
  date_jalali: ['date_jalali', 'jalaliDate', 'jalali_date', 'تاریخ', 'تاریخ شمسی'],
  source: ['source', 'agency', 'منبع'],
  tags: ['tags', 'keywords', 'برچسب‌ها', 'برچسب', 'کلیدواژه‌ها'],
  url: ['url', 'link', 'لینک'],
  category: ['category', 'section', 'دسته', 'سرویس'],
};

/** The form in which keys are compared. */
export function normalizeKey(key: string): string {
  return key
    .trim()
    .toLowerCase()
    .replace(/ي/g, 'ی')
    .replace(/ك/g, 'ک')
    .replace(/[\s_\-\u200c\u200d]/g, '');
}

const FIELD_BY_NAME = new Map(FIELDS.map((f) => [normalizeKey(f), f]));

/** Thrown for a bad `--map` argument; the message names it. */
export class FieldMapError extends Error {}

/**
 * `["title=headline_fa", "body=matn"]` → { title: "headline_fa", body: "matn" }.
 * The field is one of FIELDS (spelled date_jalali, dateJalali …); anything
 * else, a missing "=", an empty column or a field mapped twice is an error.
 */
export function parseFieldMap(specs: readonly string[]): FieldMap {
  const map: FieldMap = {};
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    if (eq < 0) throw new FieldMapError(`--map ${spec}: expected field=column, e.g. --map title=headline_fa`);
    const name = spec.slice(0, eq).trim();
    const column = spec.slice(eq + 1).trim();
    const field = FIELD_BY_NAME.get(normalizeKey(name));
    if (!field) throw new FieldMapError(`--map ${spec}: unknown field "${name}" (fields: ${FIELDS.join(', ')})`);
    if (!column) throw new FieldMapError(`--map ${spec}: no column named after "="`);
    if (map[field] !== undefined) throw new FieldMapError(`--map ${spec}: "${field}" is already mapped to "${map[field]}"`);
    map[field] = column;
  }
  return map;
}

/** For each field, the keys of one record shape that may hold it, the preferred first. */
export type Candidates = Record<Field, string[]>;

/**
 * Finds each field's keys among a record's keys, remembering the answer per
 * set of keys (a file's records nearly always share one shape).
 */
export class FieldResolver {
  private readonly cache = new Map<string, Candidates>();
  /** Per field, normalized keys in order of preference. */
  private readonly wanted: Record<Field, string[]>;

  constructor(map: FieldMap = {}) {
    // A column the user mapped to one field is never taken for another.
    const claimed = new Set(Object.values(map).map((c) => normalizeKey(c!)));
    this.wanted = Object.fromEntries(
      FIELDS.map((field) => {
        const mapped = map[field] === undefined ? [] : [normalizeKey(map[field])];
        const aliases = FIELD_ALIASES[field].map(normalizeKey).filter((k) => !claimed.has(k));
        return [field, [...new Set([...mapped, ...aliases])]];
      }),
    ) as Record<Field, string[]>;
  }

  candidates(keys: readonly string[]): Candidates {
    const signature = keys.join('\u0000');
    let found = this.cache.get(signature);
    if (!found) {
      const byNormal = new Map<string, string>();
      for (const key of keys) if (!byNormal.has(normalizeKey(key))) byNormal.set(normalizeKey(key), key);
      found = Object.fromEntries(
        FIELDS.map((field) => [field, this.wanted[field].flatMap((k) => (byNormal.has(k) ? [byNormal.get(k)!] : []))]),
      ) as Candidates;
      if (this.cache.size < 1000) this.cache.set(signature, found);
    }
    return found;
  }
}
