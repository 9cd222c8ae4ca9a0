// Stories through the builder: found at build time, written into the index,
// loaded into the engine; every rebuild path writes what a full build writes.
import { cpSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST_FILE, STORIES_FILE, STORY_STATE_FILE, type IndexManifest } from '../lib/search/layout';
import { IndexLoadError, loadEngine } from '../lib/search/load';
import type { SearchEngine } from '../lib/search/engine';
import { storyCount, storyMembers } from '../lib/stories/table';
import { buildIndex } from './build';
import { parseStoryThreshold } from './stories';
import { snapshot, tempFiles } from './testing';

const { dir: root } = tempFiles('kavosh-stories-');

const WIRE = [
  'وزیر امور خارجه روز دوشنبه در دیدار با همتای ترکیه‌ای خود درباره همکاری‌های اقتصادی دو کشور و گسترش مبادلات تجاری در مرزهای مشترک گفت‌وگو کرد.',
  'دو طرف بر لزوم اجرای توافق‌های پیشین در حوزه انرژی، حمل و نقل و گردشگری تاکید کردند و قرار شد کمیسیون مشترک اقتصادی دو کشور در ماه آینده در آنکارا برگزار شود تا موانع پیش روی تجارت دو جانبه بررسی شود.',
  'به گفته یک مقام آگاه، حجم مبادلات دو کشور در شش ماه نخست امسال به حدود هفت میلیارد دلار رسیده و هدف‌گذاری برای سال آینده افزایش آن به ده میلیارد دلار است.',
];
const MATCH = [
  'تیم ملی فوتبال کشورمان در دیدار دوستانه برابر حریف آسیایی خود با نتیجه دو بر یک به پیروزی رسید و سرمربی تیم پس از بازی از عملکرد بازیکنان جوان ابراز رضایت کرد.',
  'او گفت برنامه اردوهای آماده‌سازی تا پایان فصل ادامه خواهد داشت و بازیکنان لژیونر نیز به زودی به اردو اضافه می‌شوند تا تیم برای رقابت‌های مقدماتی جام جهانی آماده شود.',
];
const FAIR = [
  'نمایشگاه صنایع دستی استان با حضور ۲۲۰ هنرمند از شهرهای مختلف در محل دائمی نمایشگاه‌های شهر گشایش یافت و تا پایان هفته آینده هر روز از ساعت ده صبح پذیرای بازدیدکنندگان است.',
  'مدیرکل میراث فرهنگی گفت سفال، گلیم، قلمزنی و رودوزی‌های سنتی بیشترین سهم غرفه‌ها را دارند و برای نخستین بار بخشی به فروش برخط آثار هنرمندان روستایی اختصاص یافته است.',
];
/** The same topic as WIRE in other words: must stay out of its story. */
const WIRE_TOPIC = [
  'رئیس دستگاه دیپلماسی در سفر به آنکارا با مقام‌های ترکیه درباره تجارت مرزی، خطوط انتقال انرژی و سفرهای گردشگری رایزنی کرد و گفت بازرگانان دو طرف باید از تعرفه‌های ترجیحی بهره بیشتری ببرند.',
  'او از راه‌اندازی بازارچه‌های تازه در استان‌های مرزی خبر داد و افزود گروه‌های کارشناسی تا پایان سال پیش‌نویس یک سند همکاری بلندمدت را آماده می‌کنند.',
];

interface Rec {
  id: string;
  title: string;
  body: string[];
  date: string;
  source: string;
}
const rec = (id: string, title: string, body: string[], date: string, source: string): Rec => ({ id, title, body, date, source });
const line = (r: Rec) => JSON.stringify({ ...r, body: r.body.join('\n\n') });

const irna = rec('irna-1', 'گفت‌وگوی اقتصادی با ترکیه', WIRE, '1403/05/01', 'ایرنا');
/** Another outlet, a day later: a new title and a dateline before the lead. */
const mashregh = rec('mashregh-7', 'تاکید بر گسترش تجارت با ترکیه', ['تهران - مشرق- ' + WIRE[0], WIRE[1], WIRE[2]], '1403/05/02', 'مشرق');
/** A third, with Arabic ي and the last paragraph cut. */
const fars = rec('fars-3', 'همکاری اقتصادی', [WIRE[0].replace(/ی/g, 'ي'), WIRE[1].replace(/ی/g, 'ي')], '1403/05/03', 'خبرگزاری فارس');
/** A copy with one word of its second paragraph changed: not all of its word sequences are the first's. */
const hamshahri = rec('hamshahri-9', 'کمیسیون مشترک در استانبول', [WIRE[0], WIRE[1].replace('آنکارا', 'استانبول'), WIRE[2]], '1403/05/02', 'همشهری');
const topic = rec('isna-4', 'رایزنی تجاری در آنکارا', WIRE_TOPIC, '1403/05/01', 'ایسنا');
const match = rec('isna-5', 'پیروزی تیم ملی', MATCH, '1403/05/04', 'ایسنا');
const matchCopy = rec('tasnim-6', 'برد دوستانه', ['تسنیم- ' + MATCH[0], MATCH[1]], '1403/05/05', 'تسنیم');
const fair = rec('mehr-8', 'گشایش نمایشگاه صنایع دستی', FAIR, '1403/05/06', 'خبرگزاری مهر');

function archive(name: string, files: Record<string, Rec[]>): string {
  const dir = path.join(root, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [file, recs] of Object.entries(files)) writeFileSync(path.join(dir, file), recs.map(line).join('\n') + '\n');
  return dir;
}

/** The engine's stories as ids, representative first. */
function storiesOf(engine: SearchEngine): string[][] {
  const ids = engine.store.meta.ids;
  return Array.from({ length: storyCount(engine.stories) }, (_, s) => Array.from(storyMembers(engine.stories, s), (d) => ids[d]));
}

describe('stories in the built index', () => {
  it('groups the copies of a story, earliest first, and leaves the same topic in other words apart', async () => {
    const out = path.join(root, 'found');
    const summary = await buildIndex({ inputs: [archive('found-in', { 'a.jsonl': [fars, topic, mashregh, irna, match, fair] })], out });
    expect(summary.stories).toBe(1);
    expect(storiesOf(await loadEngine(out))).toEqual([['irna-1', 'mashregh-7', 'fars-3']]);
  });

  it('has none with stories: false (--no-stories), and its manifest still vouches for the stories file', async () => {
    const out = path.join(root, 'none');
    const summary = await buildIndex({ inputs: [archive('none-in', { 'a.jsonl': [irna, mashregh] })], out, stories: false });
    expect(summary.stories).toBeNull();
    expect(storiesOf(await loadEngine(out))).toEqual([]);
    const manifest = JSON.parse(readFileSync(path.join(out, MANIFEST_FILE), 'utf8')) as IndexManifest;
    expect(manifest.files?.[STORIES_FILE]).toBeDefined();
  });

  it('takes a higher threshold: at 1 a copy with a word changed is no copy, one cut short still is', async () => {
    const out = path.join(root, 'strict');
    const input = archive('strict-in', { 'a.jsonl': [irna, hamshahri, fars] });
    await buildIndex({ inputs: [input], out });
    expect(storiesOf(await loadEngine(out))).toEqual([['irna-1', 'hamshahri-9', 'fars-3']]);
    await buildIndex({ inputs: [input], out, full: true, stories: { threshold: 1 } });
    expect(storiesOf(await loadEngine(out))).toEqual([['irna-1', 'fars-3']]);
  });
});

/** Builds `before` into an index, then `after` over it; and `after` alone with --full elsewhere. */
async function rebuildAndFull(name: string, before: Record<string, Rec[]>, after: Record<string, Rec[]>, stories = {}, storiesBefore = stories) {
  const out = path.join(root, `${name}-incremental`);
  const full = path.join(root, `${name}-full`);
  await buildIndex({ inputs: [archive(`${name}-in`, before)], out, stories: storiesBefore });
  const summary = await buildIndex({ inputs: [archive(`${name}-in`, after)], out, stories });
  await buildIndex({ inputs: [path.join(root, `${name}-in`)], out: full, full: true, stories });
  return { out, full, summary };
}

describe('stories on every rebuild path equal a full build', () => {
  it('an added copy joins its story and an added pair starts one, the previous index extended', async () => {
    const { out, full, summary } = await rebuildAndFull(
      'append',
      { 'a.jsonl': [irna, topic, match, fair] },
      { 'a.jsonl': [irna, topic, match, fair], 'b.jsonl': [mashregh, matchCopy] },
    );
    expect(summary.extended).toBe(true);
    expect(summary.analyzed).toBe(2);
    expect(snapshot(out)).toEqual(snapshot(full));
    expect(storiesOf(await loadEngine(out))).toEqual([['irna-1', 'mashregh-7'], ['isna-5', 'tasnim-6']]);
  });

  it('an earlier dated copy added later becomes the representative', async () => {
    const earlier = { ...fars, id: 'fars-0', date: '1403/04/30' };
    const { out, full } = await rebuildAndFull('earlier', { 'a.jsonl': [irna, mashregh] }, { 'a.jsonl': [irna, mashregh], 'b.jsonl': [earlier] });
    expect(snapshot(out)).toEqual(snapshot(full));
    expect(storiesOf(await loadEngine(out))).toEqual([['fars-0', 'irna-1', 'mashregh-7']]);
  });

  it('an edited copy that is no longer a copy leaves its story, the others read back', async () => {
    const edited = { ...mashregh, body: FAIR.map((p) => p.replace('۲۲۰', '۱۸۰')) };
    const { out, full, summary } = await rebuildAndFull('edit', { 'a.jsonl': [irna, mashregh, match, matchCopy] }, { 'a.jsonl': [irna, edited, match, matchCopy] });
    expect(summary.analyzed).toBe(1);
    expect(summary.extended).toBe(false);
    expect(snapshot(out)).toEqual(snapshot(full));
    expect(storiesOf(await loadEngine(out))).toEqual([['isna-5', 'tasnim-6']]);
  });

  it('a removed copy leaves a story of one, which is no story', async () => {
    const { out, full } = await rebuildAndFull('remove', { 'a.jsonl': [irna, mashregh, fair] }, { 'a.jsonl': [irna, fair] });
    expect(snapshot(out)).toEqual(snapshot(full));
    expect(storiesOf(await loadEngine(out))).toEqual([]);
  });

  it('a new threshold over an index made with another groups afresh', async () => {
    const { out, full } = await rebuildAndFull(
      'threshold',
      { 'a.jsonl': [irna, hamshahri, fars] },
      { 'a.jsonl': [irna, hamshahri, fars], 'b.jsonl': [match] },
      { threshold: 1 },
      { threshold: 0.5 },
    );
    expect(snapshot(out)).toEqual(snapshot(full));
    expect(storiesOf(await loadEngine(out))).toEqual([['irna-1', 'fars-3']]);
  });

  it('stories asked for over an index built without them', async () => {
    const { out, full } = await rebuildAndFull('later', { 'a.jsonl': [irna, topic] }, { 'a.jsonl': [irna, topic], 'b.jsonl': [fars] }, {}, false);
    expect(snapshot(out)).toEqual(snapshot(full));
    expect(storiesOf(await loadEngine(out))).toEqual([['irna-1', 'fars-3']]);
  });

  it('a previous state file that is damaged is not added to', async () => {
    const out = path.join(root, 'damaged-state');
    const input = archive('damaged-state-in', { 'a.jsonl': [irna, topic] });
    await buildIndex({ inputs: [input], out });
    writeFileSync(path.join(out, STORY_STATE_FILE), readFileSync(path.join(out, STORY_STATE_FILE)).subarray(0, 100));
    archive('damaged-state-in', { 'a.jsonl': [irna, topic], 'b.jsonl': [mashregh] });
    await buildIndex({ inputs: [input], out });
    const full = path.join(root, 'damaged-state-full');
    await buildIndex({ inputs: [input], out: full, full: true });
    expect(snapshot(out)).toEqual(snapshot(full));
  });
});

describe('loading the stories file', () => {
  const refusal = async (dir: string) => {
    const e = await loadEngine(dir).then(
      () => null,
      (error: unknown) => error,
    );
    expect(e).toBeInstanceOf(IndexLoadError);
    return (e as Error).message;
  };

  it('refuses a stories file that differs from its checksum, naming it', async () => {
    const out = path.join(root, 'flip');
    await buildIndex({ inputs: [archive('flip-in', { 'a.jsonl': [irna, mashregh] })], out });
    const bytes = readFileSync(path.join(out, STORIES_FILE));
    bytes[bytes.length - 1] ^= 1;
    writeFileSync(path.join(out, STORIES_FILE), bytes);
    expect(await refusal(out)).toMatch(/stories\.bin does not match its checksum/);
  });

  it('refuses a stories file naming an article the index does not have, even without checksums', async () => {
    const out = path.join(root, 'beyond');
    await buildIndex({ inputs: [archive('beyond-in', { 'a.jsonl': [irna, mashregh] })], out });
    const manifestFile = path.join(out, MANIFEST_FILE);
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as IndexManifest;
    delete manifest.files;
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const bytes = readFileSync(path.join(out, STORIES_FILE));
    bytes.writeUInt32LE(9, bytes.length - 4);
    writeFileSync(path.join(out, STORIES_FILE), bytes);
    expect(await refusal(out)).toMatch(/stories\.bin story 0 names article 9 of 2/);
  });

  it('refuses an index whose manifest lists a stories file that is missing', async () => {
    const out = path.join(root, 'missing');
    await buildIndex({ inputs: [archive('missing-in', { 'a.jsonl': [irna, mashregh] })], out });
    unlinkSync(path.join(out, STORIES_FILE));
    expect(await refusal(out)).toMatch(/stories\.bin: ENOENT/);
  });

  it('loads an index written before stories (no file, none in the manifest) with no stories', async () => {
    const out = path.join(root, 'older');
    await buildIndex({ inputs: [archive('older-in', { 'a.jsonl': [irna, mashregh] })], out });
    const older = path.join(root, 'older-copy');
    cpSync(out, older, { recursive: true });
    const manifestFile = path.join(older, MANIFEST_FILE);
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as IndexManifest;
    delete manifest.files![STORIES_FILE];
    writeFileSync(manifestFile, JSON.stringify(manifest));
    unlinkSync(path.join(older, STORIES_FILE));
    const engine = await loadEngine(older);
    expect(storiesOf(engine)).toEqual([]);
    expect(engine.stories.storyOf).toHaveLength(2);
  });
});

describe('--story-threshold', () => {
  it('takes a share above 0 and at most 1', () => {
    expect(parseStoryThreshold('0.7')).toBe(0.7);
    expect(parseStoryThreshold('1')).toBe(1);
  });

  it('refuses 0, more than 1 and what is not a number, naming the flag', () => {
    for (const bad of ['0', '1.2', '-0.5', '۵۰٪', 'half', '']) expect(() => parseStoryThreshold(bad), bad).toThrow(/--story-threshold/);
  });
});
