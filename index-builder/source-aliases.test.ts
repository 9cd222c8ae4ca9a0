import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleWith } from '../lib/article';
import {
  BUILT_IN_ALIASES,
  type AliasEntry,
  SourceAliasError,
  SourceAliases,
  SourceMergeTally,
  readSourceAliasFile,
  sourceKey,
} from './source-aliases';
import { formatMergeLines } from './summary';
import { tempFiles } from './testing';

const files = tempFiles('kavosh-source-aliases-');
const line = (alias: string, canonical: string, where = 'aliases.csv:1'): AliasEntry => ({ alias, canonical, where });
const builtIn = new SourceAliases();

describe('sourceKey: what two names of one outlet share', () => {
  it('ignores case, the scheme, www. and trailing slashes of a domain', () => {
    expect(sourceKey('https://www.KhabarOnline.ir/')).toBe(sourceKey('khabaronline.ir'));
    expect(sourceKey('http://isna.ir')).toBe(sourceKey('ISNA.IR'));
  });

  it('ignores spaces, ZWNJ and NBSP inside a Persian name', () => {
    expect(sourceKey('خبر آنلاین')).toBe(sourceKey('خبرآنلاین'));
    expect(sourceKey('خبر\u200cآنلاین')).toBe(sourceKey('خبرآنلاین'));
    expect(sourceKey('مشرق\u00a0نیوز')).toBe(sourceKey('مشرق نیوز'));
  });

  it('folds Arabic ي/ك and the digit scripts', () => {
    expect(sourceKey('همشهري')).toBe(sourceKey('همشهری'));
    expect(sourceKey('كردپرس')).toBe(sourceKey('کردپرس'));
    expect(sourceKey('ورزش ۳')).toBe(sourceKey('ورزش3'));
  });

  it('drops a leading «خبرگزاری», in either yeh, but never leaves a name empty', () => {
    expect(sourceKey('خبرگزاری فارس')).toBe(sourceKey('فارس'));
    expect(sourceKey('خبرگزاري فارس')).toBe(sourceKey('فارس'));
    expect(sourceKey('خبرگزاری')).not.toBe('');
  });

  it('keeps near names of different outlets apart', () => {
    expect(sourceKey('ایسنا')).not.toBe(sourceKey('ایرنا'));
    expect(sourceKey('ایلنا')).not.toBe(sourceKey('ایرنا'));
    expect(sourceKey('مهر')).not.toBe(sourceKey('مهرخبر'));
    expect(sourceKey('isna.ir')).not.toBe(sourceKey('isna.com'));
  });
});

describe('the built-in table', () => {
  it('holds no name twice and no cycle (it builds), and each canonical name stands for itself', () => {
    for (const canonical of Object.keys(BUILT_IN_ALIASES)) expect(builtIn.resolve(canonical)).toBe(canonical);
  });

  it('gives every domain of the corpus (sharif-ir-f19-news) its outlet\'s Persian name', () => {
    const domains = ['mehrnews.com', 'isna.ir', 'shabestan.ir', 'mashreghnews.ir', 'khabaronline.ir', 'borna.news', 'kurdpress.com', 'ilna.ir', 'pana.ir',
      'iscanews.ir', 'irna.ir', 'fa.abna24.com', 'ana.ir', 'icana.ir', 'khabarfoori.com', 'alef.ir', 'mojnews.com', 'qodsna.com', 'hawzahnews.com'];
    for (const domain of domains) expect(builtIn.resolve(domain)).toMatch(/^[\u0600-\u06ff\u200c ]+$/);
  });

  it('makes «خبرآنلاین» and khabaronline.ir one source, and «خبرگزاری برنا», «برنا» and borna.news another', () => {
    expect(builtIn.resolve('khabaronline.ir')).toBe('خبرآنلاین');
    expect(builtIn.resolve('www.khabaronline.ir')).toBe('خبرآنلاین');
    expect(builtIn.resolve('خبر آنلاین')).toBe('خبرآنلاین');
    expect(['خبرگزاری برنا', 'برنا', 'borna.news'].map((n) => builtIn.resolve(n))).toEqual(['خبرگزاری برنا', 'خبرگزاری برنا', 'خبرگزاری برنا']);
  });

  it('keeps apart outlets with near names: «ایسنا» and «ایرنا», «ایسنا» and «ایسکانیوز», «همشهری» and «همشهری آنلاین»', () => {
    expect(builtIn.resolve('isna.ir')).toBe('ایسنا');
    expect(builtIn.resolve('irna.ir')).toBe('ایرنا');
    expect(builtIn.resolve('iscanews.ir')).toBe('ایسکانیوز');
    expect(builtIn.resolve('همشهری')).not.toBe(builtIn.resolve('همشهری آنلاین'));
  });

  it('leaves a name it does not know as it is', () => {
    expect(builtIn.resolve('مهرخبر')).toBe('مهرخبر');
    expect(builtIn.resolve('tabnak.ir')).toBe('tabnak.ir');
  });
});

describe('SourceAliases.apply', () => {
  const article = (source: string | null) => articleWith({ id: '1', title: 'عنوان', body: ['متن'], source });

  it('gives an article its source\'s canonical name and keeps the name as written', () => {
    const a = builtIn.apply(article('khabaronline.ir'));
    expect([a.source, a.sourceAsWritten]).toEqual(['خبرآنلاین', 'khabaronline.ir']);
  });

  it('leaves an article already under its canonical name, or with no source, as it is (no sourceAsWritten)', () => {
    const same = article('خبرآنلاین');
    expect(builtIn.apply(same)).toBe(same);
    expect('sourceAsWritten' in builtIn.apply(same)).toBe(false);
    const none = article(null);
    expect(builtIn.apply(none)).toBe(none);
  });

  it('keeps the Arabic-yeh spelling an archive wrote as the name as written', () => {
    const a = builtIn.apply(article('همشهري'));
    expect([a.source, a.sourceAsWritten]).toEqual(['همشهری', 'همشهري']);
  });
});

describe('a user\'s table over the built-in one', () => {
  it('adds outlets the built-in table lacks', () => {
    const t = new SourceAliases([line('tabnak.ir', 'تابناک')]);
    expect(t.resolve('https://www.tabnak.ir/')).toBe('تابناک');
    expect(t.resolve('khabaronline.ir')).toBe('خبرآنلاین');
  });

  it('adds a name to an outlet of the built-in table', () => {
    expect(new SourceAliases([line('Khabar-Online', 'خبرآنلاین')]).resolve('khabar-online')).toBe('خبرآنلاین');
  });

  it('puts an alias whose canonical name is a known name under that name\'s outlet', () => {
    expect(new SourceAliases([line('isna.ir/fa', 'isna.ir')]).resolve('isna.ir/fa')).toBe('ایسنا');
  });

  it('follows a chain of its own lines to the end', () => {
    const t = new SourceAliases([line('الف', 'ب', 'a.csv:1'), line('ب', 'پ', 'a.csv:2')]);
    expect(t.resolve('الف')).toBe('پ');
  });

  it('renames an outlet of the built-in table, with all its names', () => {
    const t = new SourceAliases([line('ایسنا', 'خبرگزاری دانشجویان ایران')]);
    expect(['ایسنا', 'isna.ir', 'خبرگزاری دانشجویان ایران'].map((n) => t.resolve(n))).toEqual(Array(3).fill('خبرگزاری دانشجویان ایران'));
    expect(t.resolve('irna.ir')).toBe('ایرنا');
  });

  it('splits a name out of the built-in table when it maps the name to itself', () => {
    const t = new SourceAliases([line('isna.ir', 'isna.ir')]);
    expect(t.resolve('isna.ir')).toBe('isna.ir');
    expect(t.resolve('ایسنا')).toBe('ایسنا');
  });

  it('is an error when one name is mapped to two outlets, naming both lines', () => {
    expect(() => new SourceAliases([line('tabnak.ir', 'تابناک', 'a.csv:2'), line('www.tabnak.ir', 'انتخاب', 'a.csv:5')])).toThrow(
      new SourceAliasError('a.csv:5: «www.tabnak.ir» is mapped to «انتخاب» here and to «تابناک» at a.csv:2'),
    );
  });

  it('lets one name be given twice for the same outlet', () => {
    expect(new SourceAliases([line('tabnak.ir', 'تابناک', 'a.csv:2'), line('tabnak.ir', 'تابناک', 'a.csv:3')]).resolve('tabnak.ir')).toBe('تابناک');
  });

  it('is an error when its lines go round in a cycle, naming both lines', () => {
    expect(() => new SourceAliases([line('تابناک', 'tabnak.ir', 'a.csv:1'), line('tabnak.ir', 'تابناک', 'a.csv:2')])).toThrow(
      /cycle: a\.csv:1 maps «تابناک» to «tabnak\.ir», a\.csv:2 maps «tabnak\.ir» to «تابناک»/,
    );
  });

  it('has a digest that changes with the table in effect, not with the order of the lines', () => {
    const a = line('tabnak.ir', 'تابناک');
    const b = line('entekhab.ir', 'انتخاب');
    expect(new SourceAliases([a]).digest).not.toBe(builtIn.digest);
    expect(new SourceAliases([a, b]).digest).toBe(new SourceAliases([b, a]).digest);
    expect(new SourceAliases([]).digest).toBe(builtIn.digest);
  });
});

describe('readSourceAliasFile', () => {
  const write = (name: string, text: string) => files.write(name, text);

  it('reads CSV rows alias,canonical with their lines, after an optional header, skipping blank and # lines', async () => {
    const file = write('a.csv', '\uFEFFalias,canonical\n# خبرگزاری‌ها\ntabnak.ir,تابناک\n\n"Tabnak, English",تابناک\n');
    expect(await readSourceAliasFile(file)).toEqual([
      { alias: 'tabnak.ir', canonical: 'تابناک', where: `${file}:3` },
      { alias: 'Tabnak, English', canonical: 'تابناک', where: `${file}:5` },
    ]);
  });

  it('reads a CSV file without a header', async () => {
    const file = write('b.csv', 'tabnak.ir,تابناک\n');
    expect(await readSourceAliasFile(file)).toEqual([{ alias: 'tabnak.ir', canonical: 'تابناک', where: `${file}:1` }]);
  });

  it('rejects a CSV row that is not two names, naming the file and line', async () => {
    const three = write('c.csv', 'tabnak.ir,تابناک\nentekhab.ir,انتخاب,خبر\n');
    await expect(readSourceAliasFile(three)).rejects.toThrow(`${three}:2: expected two columns, alias,canonical`);
    const one = write('d.csv', 'tabnak.ir,تابناک\n\nentekhab.ir\n');
    await expect(readSourceAliasFile(one)).rejects.toThrow(`${one}:3: expected two columns`);
    const empty = write('e.csv', 'tabnak.ir,\n');
    await expect(readSourceAliasFile(empty)).rejects.toThrow(`${empty}:1: expected two columns`);
  });

  it('reads a JSON object of "alias": "canonical" and "canonical": [aliases], with the line of each key', async () => {
    const file = write('a.json', '{\n  "tabnak.ir": "تابناک",\n  "انتخاب": ["entekhab.ir", "Entekhab"]\n}\n');
    expect(await readSourceAliasFile(file)).toEqual([
      { alias: 'tabnak.ir', canonical: 'تابناک', where: `${file}:2` },
      { alias: 'entekhab.ir', canonical: 'انتخاب', where: `${file}:3` },
      { alias: 'Entekhab', canonical: 'انتخاب', where: `${file}:3` },
    ]);
  });

  it('rejects JSON that is not such an object, naming the file and the key with its line', async () => {
    const array = write('b.json', '[["tabnak.ir", "تابناک"]]');
    await expect(readSourceAliasFile(array)).rejects.toThrow(`${array}: expected a JSON object`);
    const number = write('c.json', '{\n  "tabnak.ir": "تابناک",\n  "entekhab.ir": 3\n}');
    await expect(readSourceAliasFile(number)).rejects.toThrow(`${number}:3: the value of «entekhab.ir» must be a canonical name`);
    const broken = write('d.json', '{"tabnak.ir": ');
    await expect(readSourceAliasFile(broken)).rejects.toThrow(`${broken}: not JSON`);
    const twice = write('e.json', '{\n  "tabnak.ir": "تابناک",\n  "tabnak.ir": "انتخاب"\n}');
    await expect(readSourceAliasFile(twice)).rejects.toThrow(`${twice}:3: the key «tabnak.ir» is there twice (also at line 2)`);
  });

  it('rejects a file that is neither .csv nor .json, and one that is not there', async () => {
    const txt = write('a.txt', 'tabnak.ir,تابناک\n');
    await expect(readSourceAliasFile(txt)).rejects.toThrow(`${txt}: expected a .csv or .json file`);
    const missing = path.join(files.dir, 'missing.csv');
    await expect(readSourceAliasFile(missing)).rejects.toThrow(`${missing}: cannot read it (no such file)`);
  });

  it('gives lines that a conflict error names', async () => {
    const file = write('f.csv', 'tabnak.ir,تابناک\nentekhab.ir,انتخاب\nTABNAK.IR,انتخاب\n');
    const entries = await readSourceAliasFile(file);
    expect(() => new SourceAliases(entries)).toThrow(`${file}:3: «TABNAK.IR» is mapped to «انتخاب» here and to «تابناک» at ${file}:1`);
  });
});

describe('the merges a build lists', () => {
  it('lists a source written under another name, the names most used first, and not one always written as itself', () => {
    const tally = new SourceMergeTally();
    for (let i = 0; i < 3; i++) tally.add('خبرآنلاین', 'khabaronline.ir');
    tally.add('خبرآنلاین', undefined);
    tally.add('ایسنا', 'isna.ir');
    tally.add('ایرنا', undefined);
    tally.add(null, undefined);
    expect(formatMergeLines(tally.merges())).toEqual(['index: source خبرآنلاین ← khabaronline.ir (3), خبرآنلاین (1)', 'index: source ایسنا ← isna.ir (1)']);
  });
});

