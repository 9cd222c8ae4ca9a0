// Reading a stored or imported document: older stored formats are migrated to the current one, and anything
// else is refused with a Persian message that says what is wrong, so an import never changes what it cannot read.
import { z } from './zod';
import { toPersianDigits } from '@/lib/digits';
import { FORMAT_NAME, STORED_VERSION, storedSchema, type StoredCollections } from './schema';

/**
 * Version 1, the first stored format: kept articles as one flat list, each naming its collection, with no tags;
 * saved searches by their page URL. Kept here only to be read and migrated.
 */
export const storedV1Schema = z.object({
  format: z.literal(FORMAT_NAME),
  version: z.literal(1),
  indexId: z.string().min(1).max(100),
  bookmarks: z.array(
    z.object({
      articleId: z.string().min(1).max(500),
      collection: z.string().min(1).max(200),
      title: z.string().max(2_000),
      date: z.string().nullable(),
      source: z.string().nullable(),
      note: z.string().max(20_000),
      savedAt: z.string(),
    }),
  ),
  searches: z.array(z.object({ name: z.string().min(1).max(200), href: z.string().max(8_000), total: z.number().int().nonnegative(), savedAt: z.string() })),
});
export type StoredV1 = z.infer<typeof storedV1Schema>;

export function migrateV1(v1: StoredV1): StoredCollections {
  const byName = new Map<string, StoredCollections['collections'][number]>();
  for (const b of v1.bookmarks) {
    let c = byName.get(b.collection);
    if (!c) {
      // Deterministic ids: migrating the same document twice (two tabs) gives the same collections.
      c = { id: `v1-${byName.size + 1}`, name: b.collection, createdAt: b.savedAt, items: [] };
      byName.set(b.collection, c);
    }
    if (c.items.some((i) => i.id === b.articleId)) continue;
    c.items.push({ id: b.articleId, title: b.title, jalaliDate: b.date, publishedAt: null, source: b.source, url: null, note: b.note, tags: [], addedAt: b.savedAt });
  }
  return {
    format: FORMAT_NAME,
    version: STORED_VERSION,
    indexId: v1.indexId,
    collections: [...byName.values()],
    searches: v1.searches.map((s, i) => ({
      id: `v1-s${i + 1}`,
      name: s.name,
      note: '',
      query: s.href.replace(/^[^?]*\??/, ''),
      total: s.total,
      savedAt: s.savedAt,
      builtAt: null,
    })),
  };
}

export type ReadResult = { ok: true; data: StoredCollections; migratedFrom: number | null } | { ok: false; message: string };

const fail = (message: string): ReadResult => ({ ok: false, message });

/** The first problem zod found, as «collections.0.items.3.note: …» (paths stay Latin: they name the file's fields). */
function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue.path.length ? issue.path.join('.') : '(ریشه)';
  return `${where}: ${issue.message}`;
}

/**
 * A document (parsed JSON) as the current format. `indexId`, when given, must match: article ids of another
 * index name other articles, or none.
 */
export function readStored(raw: unknown, indexId?: string): ReadResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || (raw as { format?: unknown }).format !== FORMAT_NAME) {
    return fail(`این پرونده خروجی مجموعه‌های کاوش نیست (فیلد format آن «${FORMAT_NAME}» نیست). چیزی تغییر نکرد.`);
  }
  const version = (raw as { version?: unknown }).version;
  let data: StoredCollections;
  let migratedFrom: number | null = null;
  if (version === STORED_VERSION) {
    const parsed = storedSchema.safeParse(raw);
    if (!parsed.success) return fail(`پرونده خراب یا نادرست است (${firstIssue(parsed.error)}). چیزی تغییر نکرد.`);
    data = parsed.data;
  } else if (version === 1) {
    const parsed = storedV1Schema.safeParse(raw);
    if (!parsed.success) return fail(`پرونده (نسخهٔ ۱) خراب یا نادرست است (${firstIssue(parsed.error)}). چیزی تغییر نکرد.`);
    data = migrateV1(parsed.data);
    migratedFrom = 1;
    // The migration's own output must pass the current schema, or the store would hold what it cannot read back.
    const check = storedSchema.safeParse(data);
    if (!check.success) return fail(`پرونده (نسخهٔ ۱) به قالب تازه درنمی‌آید (${firstIssue(check.error)}). چیزی تغییر نکرد.`);
  } else if (typeof version === 'number' && version > STORED_VERSION) {
    return fail(`این پرونده را نسخهٔ تازه‌تری از کاوش ساخته است (قالب ${toPersianDigits(String(version))}؛ این نسخه تا قالب ${toPersianDigits(String(STORED_VERSION))} را می‌خواند). چیزی تغییر نکرد.`);
  } else {
    return fail(`قالب این پرونده شناخته نیست (version: ${JSON.stringify(version) ?? 'ندارد'}). چیزی تغییر نکرد.`);
  }
  if (indexId !== undefined && data.indexId !== indexId) {
    return fail(`این پرونده مال نمایهٔ دیگری است (${data.indexId}، این‌جا ${indexId}): شناسهٔ خبرهایش در این نمایه خبرهای دیگری را می‌نامد. چیزی تغییر نکرد.`);
  }
  return { ok: true, data, migratedFrom };
}

/** A file's text as the current format (see readStored); a file that is not JSON is refused by name too. */
export function readStoredText(text: string, indexId?: string): ReadResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return fail('این پرونده JSON نیست؛ پروندهٔ «خروجی همه» را برگزینید. چیزی تغییر نکرد.');
  }
  return readStored(raw, indexId);
}
