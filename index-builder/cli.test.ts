// The command line as people use it: `npx tsx index-builder/cli.ts …` in a
// child process, its exit code, what it prints, and what it leaves on disk.
import { type ExecFileOptions, execFile } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from './build';
import { snapshot } from './testing';

const PROJECT = path.resolve(import.meta.dirname, '..');
const TSX_CLI = path.join(PROJECT, 'node_modules/tsx/dist/cli.mjs');

const root = mkdtempSync(path.join(os.tmpdir(), 'kavosh-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: string[], options: ExecFileOptions = {}, command: [string, ...string[]] = ['npx', 'tsx']): Promise<Run> {
  const [file, ...pre] = command;
  return new Promise((resolve) => {
    execFile(file, [...pre, 'index-builder/cli.ts', ...args], { cwd: PROJECT, encoding: 'utf8', ...options }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

const lines = (text: string) => text.split('\n').filter(Boolean);

const input = path.join(root, 'articles');
const index = path.join(root, 'index');
let built: Map<string, Buffer>;

beforeAll(async () => {
  mkdirSync(input);
  writeFileSync(
    path.join(input, 'a.jsonl'),
    [
      { id: '1', title: 'افزایش قیمت نان', body: 'نانوایی‌ها از فردا نان را گران‌تر می‌فروشند.', date_jalali: '1400/08/10' },
      { id: '2', title: 'بارش برف در تهران', body: 'برف راه‌های شمال تهران را بست.', date: '2021-11-02' },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n'),
  );
  await buildIndex({ inputs: [input], out: index });
  built = snapshot(index);
});

describe.concurrent('cli: a build that works', () => {
  it('prints the summary line on stdout and exits 0', { timeout: 60_000 }, async () => {
    const out = path.join(root, 'ok-index');
    const r = await run(['--input', input, '--out', out]);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toEqual([
      expect.stringMatching(
        /^index: 1 file, 2 records read; 2 indexed \(2 added, 0 updated, 0 removed, 0 unchanged\); 0 rejected; all analyzed \(no previous index\); \d+\.\d s → /,
      ),
    ]);
    expect(snapshot(out)).toEqual(built);
  });

  it('prints nothing with --quiet', { timeout: 60_000 }, async () => {
    const r = await run(['--input', input, '--out', path.join(root, 'quiet-index'), '--quiet']);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '']);
  });

  it('reads columns named with --map', { timeout: 60_000 }, async () => {
    const dir = path.join(root, 'mapped');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'a.csv'), 'headline_fa,matn\nسیل در خوزستان,آب رودخانه بالا آمد.\n');
    const r = await run(['--input', dir, '--out', path.join(root, 'mapped-index'), '--map', 'title=headline_fa', '--map', 'body=matn']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/; 1 indexed \(1 added/);
  });

  it('merges the names of one outlet by --source-aliases and lists the merge before the summary line', { timeout: 60_000 }, async () => {
    const dir = path.join(root, 'outlets');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'a.csv'), 'title,body,source\nسیل در خوزستان,آب بالا آمد.,tabnak.ir\nسیل در لرستان,آب بالا آمد.,تابناک\nبرف,راه بسته شد.,khabaronline.ir\n');
    const aliases = path.join(root, 'outlets.csv');
    writeFileSync(aliases, 'alias,canonical\ntabnak.ir,تابناک\n');
    const r = await run(['--input', dir, '--out', path.join(root, 'outlets-index'), '--source-aliases', aliases]);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toEqual([
      'index: source تابناک ← tabnak.ir (1), تابناک (1)',
      'index: source خبرآنلاین ← khabaronline.ir (1)',
      expect.stringMatching(/^index: 1 file, 3 records read; 3 indexed/),
    ]);
  });
});

/**
 * The error tests run concurrently and a build holds the lock on its --out
 * while it runs, so each gets its own copy of the built index to leave
 * untouched instead of contending for one.
 */
let copies = 0;
function copyOfIndex(): string {
  const own = path.join(root, `index-copy-${++copies}`);
  cpSync(index, own, { recursive: true });
  return own;
}

describe.concurrent('cli: errors are one line, exit non-zero, and leave the index untouched', () => {
  it('a missing input path', { timeout: 60_000 }, async () => {
    const own = copyOfIndex();
    const missing = path.join(root, 'no-such-folder');
    const r = await run(['--input', input, '--input', missing, '--out', own]);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual([`index: input not found: ${missing}`]);
    expect(snapshot(own)).toEqual(built);
  });

  it('an empty input folder', { timeout: 60_000 }, async () => {
    const own = copyOfIndex();
    const empty = path.join(root, 'empty');
    mkdirSync(empty);
    const r = await run(['--input', empty, '--out', own]);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual([
      `index: no files to read in ${empty} (expected .txt, .jsonl, .ndjson, .json, .csv or .tsv, each optionally .gz): the existing index was left untouched`,
    ]);
    expect(snapshot(own)).toEqual(built);
  });

  it('an input with no records', { timeout: 60_000 }, async () => {
    const own = copyOfIndex();
    const blank = path.join(root, 'blank');
    mkdirSync(blank);
    writeFileSync(path.join(blank, 'a.jsonl'), '\n\n');
    const r = await run(['--input', blank, '--out', own]);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual([
      `index: no articles to index in ${blank} (0 records read, 0 rejected): the existing index was left untouched`,
    ]);
    expect(snapshot(own)).toEqual(built);
  });

  it('an output that is a file', { timeout: 60_000 }, async () => {
    const file = path.join(root, 'index.txt');
    writeFileSync(file, 'نمایه نیست');
    const r = await run(['--input', input, '--out', file]);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual([`index: cannot write the index to ${file}: it is a file, not a folder`]);
    expect(snapshot(root).get('index.txt')).toEqual(Buffer.from('نمایه نیست'));
  });

  // Permission bits do not stop root, so as root the builder runs as "nobody",
  // which the folder's owner (root) has not let write there.
  const asRoot = process.getuid?.() === 0;
  const nobodyCanRun = (() => {
    if (!asRoot) return true;
    for (let dir = PROJECT; ; dir = path.dirname(dir)) {
      if ((statSync(dir).mode & 0o005) !== 0o005) return false;
      if (path.dirname(dir) === dir) return true;
    }
  })();
  it.skipIf(process.platform === 'win32' || !nobodyCanRun)('an output folder that cannot be written', { timeout: 60_000 }, async () => {
    const locked = path.join(root, 'locked');
    mkdirSync(locked);
    await buildIndex({ inputs: [input], out: path.join(locked, 'index') });
    const before = snapshot(locked);
    for (const p of [root, input, path.join(input, 'a.jsonl')]) chmodSync(p, 0o755);
    chmodSync(locked, 0o555);
    try {
      const options: ExecFileOptions = asRoot ? { uid: 65534, gid: 65534, env: { ...process.env, HOME: os.tmpdir() } } : {};
      const r = await run(['--input', input, '--out', path.join(locked, 'index')], options, [process.execPath, TSX_CLI]);
      expect(r.code).toBe(1);
      expect(lines(r.stderr)).toEqual([
        `index: cannot write the index to ${path.join(locked, 'index')}: cannot create files in ${locked}: permission denied (EACCES)`,
      ]);
    } finally {
      chmodSync(locked, 0o755);
    }
    expect(snapshot(locked)).toEqual(before);
  });

  it('--strict with a rejected record: exit 1, the reject named, nothing written', { timeout: 60_000 }, async () => {
    const own = copyOfIndex();
    const dir = path.join(root, 'strict');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'a.csv'), 'title,body,date\nخبر درست,متن,2021-11-01\nخبر نادرست,متن,2021-02-30\n');
    const r = await run(['--input', dir, '--out', own, '--strict']);
    expect(r.code).toBe(1);
    const reason = '"date" "2021-02-30": 2021-02-30 is not a valid Gregorian date (February 2021 has 28 days)';
    expect(lines(r.stderr)).toEqual([
      `index: rejected ${path.join(dir, 'a.csv')}:3: ${reason}`,
      `index: --strict: 1 record rejected (the first: ${path.join(dir, 'a.csv')}:3: ${reason}); the existing index was left untouched`,
    ]);
    expect(snapshot(own)).toEqual(built);
  });

  it('a bad --source-aliases file is a usage error (exit 2) naming its line', { timeout: 60_000 }, async () => {
    const own = copyOfIndex();
    const aliases = path.join(root, 'bad-aliases.csv');
    writeFileSync(aliases, 'tabnak.ir,تابناک\nentekhab.ir\n');
    const r = await run(['--input', input, '--out', own, '--source-aliases', aliases]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([`index: --source-aliases ${aliases}:2: expected two columns, alias,canonical (e.g. khabaronline.ir,خبرآنلاین); got one`]);
    expect(snapshot(own)).toEqual(built);
  });

  it('a --source-aliases file that maps one name to two outlets names both lines', { timeout: 60_000 }, async () => {
    const own = copyOfIndex();
    const aliases = path.join(root, 'conflicting-aliases.json');
    writeFileSync(aliases, '{\n  "تابناک": ["tabnak.ir"],\n  "www.tabnak.ir": "انتخاب"\n}\n');
    const r = await run(['--input', input, '--out', own, '--source-aliases', aliases]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([`index: --source-aliases ${aliases}:3: «www.tabnak.ir» is mapped to «انتخاب» here and to «تابناک» at ${aliases}:2`]);
    expect(snapshot(own)).toEqual(built);
  });

  it('a --max-record-bytes that is not a size is a usage error (exit 2) naming the flag', { timeout: 60_000 }, async () => {
    const own = copyOfIndex();
    const r = await run(['--input', input, '--out', own, '--max-record-bytes', 'بیست']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual(['index: --max-record-bytes must be a size from 1 byte to 2GB, e.g. 20MB, 512KB or 1048576 (got "بیست") (see --help)']);
    expect(snapshot(own)).toEqual(built);
  });

  it('an unknown field in --map is a usage error (exit 2) naming it', { timeout: 60_000 }, async () => {
    const own = copyOfIndex();
    const r = await run(['--input', input, '--out', own, '--map', 'titel=headline_fa']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([
      'index: --map titel=headline_fa: unknown field "titel" (fields: id, title, body, date, date_jalali, source, tags, url, category) (see --help)',
    ]);
    expect(snapshot(own)).toEqual(built);
  });
});
