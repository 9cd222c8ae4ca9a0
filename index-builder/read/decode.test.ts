import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { TextFileError, readTextChunks, readWholeText, sniffEncoding } from './decode';
import { tempFiles } from '../testing';

const { write } = tempFiles('kavosh-decode-');

async function streamed(file: string): Promise<string> {
  let text = '';
  for await (const chunk of readTextChunks(file)) text += chunk;
  return text;
}

async function failure(file: string): Promise<string> {
  try {
    await streamed(file);
  } catch (err) {
    expect(err).toBeInstanceOf(TextFileError);
    return (err as TextFileError).reason;
  }
  throw new Error('expected the file to be refused');
}

const PERSIAN = 'گزارش ویژه: پژوهشگران چابهار می‌گویند «آب» کم است.\nبند دوم';
// Windows-1256 has no Persian yeh: the tools that wrote it used the Arabic one.
const PERSIAN_1256 = PERSIAN.replace(/ی/g, 'ي');

describe('encodings', () => {
  it('reads UTF-8 without a byte-order mark', async () => {
    expect(await streamed(write('plain.txt', PERSIAN))).toBe(PERSIAN);
  });

  it('drops a UTF-8 byte-order mark', async () => {
    expect(await streamed(write('bom.txt', '\uFEFF' + PERSIAN))).toBe(PERSIAN);
  });

  it('reads UTF-16 LE with a byte-order mark', async () => {
    const file = write('utf16le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PERSIAN, 'utf16le')]));
    expect(await streamed(file)).toBe(PERSIAN);
  });

  it('reads UTF-16 BE with a byte-order mark', async () => {
    expect(await streamed(write('utf16be.txt', iconv.encode(PERSIAN, 'utf16-be', { addBOM: true })))).toBe(PERSIAN);
  });

  it('detects Windows-1256 and decodes it, پ چ ژ گ and the ZWNJ included', async () => {
    const bytes = iconv.encode(PERSIAN_1256, 'win1256');
    expect(sniffEncoding(bytes, true).encoding).toBe('windows-1256');
    expect(await streamed(write('cp1256.txt', bytes))).toBe(PERSIAN_1256);
  });

  it('reads a whole Windows-1256 file the same way', async () => {
    expect(await readWholeText(write('cp1256-whole.txt', iconv.encode(PERSIAN_1256, 'win1256')))).toBe(PERSIAN_1256);
  });

  it('does not take Latin-1 French for Windows-1256: it is refused, not garbled', async () => {
    const reason = await failure(write('latin1.txt', iconv.encode('Le café était fermé à Téhéran.', 'latin1')));
    expect(reason).toBe('not a text file this reader can decode: neither UTF-8, UTF-16 with a byte-order mark, nor Windows-1256 Persian');
  });

  it('refuses UTF-8 that turns invalid after the part that decided the encoding', async () => {
    const valid = Buffer.from('سطر فارسی\n'.repeat(80_000)); // over the first 1 MiB chunk, which decides the encoding
    const reason = await failure(write('mixed.txt', Buffer.concat([valid, iconv.encode('ایران\n', 'win1256')])));
    expect(reason).toMatch(/^not valid utf-8 text after the first [\d,]+ bytes \(was the file saved in two encodings\?\)$/);
  });
});

describe('what is not text', () => {
  it('refuses a file with NUL bytes near the start', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(await failure(write('image.txt', png))).toBe(
      'not a text file: it has NUL bytes (binary data, or UTF-16 without a byte-order mark)',
    );
  });

  it('refuses UTF-16 without a byte-order mark', async () => {
    expect(await failure(write('utf16-nobom.txt', Buffer.from(PERSIAN, 'utf16le')))).toMatch(/^not a text file: it has NUL bytes/);
  });

  it('refuses binary data without NUL bytes by its control bytes', async () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => 1 + ((i * 37) % 255)));
    expect(await failure(write('noise.txt', bytes))).toMatch(/^not a text file: \d+ control bytes in its first 4096 bytes$/);
  });

  it('refuses gzip data in a file not named .gz', async () => {
    expect(await failure(write('zipped.txt', gzipSync(PERSIAN)))).toBe('gzip-compressed data in a file whose name does not end in .gz');
  });

  it('refuses a .gz file that is not gzip data', async () => {
    await expect(readWholeText(write('fake.txt.gz', PERSIAN))).rejects.toThrow(/^not valid gzip data/);
  });
});

describe('line ends and gzip', () => {
  it('turns CRLF and lone CR into LF', async () => {
    expect(await streamed(write('crlf.txt', 'یک\r\nدو\rسه\r\n\r\nچهار\r'))).toBe('یک\nدو\nسه\n\nچهار\n');
  });

  it('joins a CR at the end of one chunk with the LF that opens the next', async () => {
    // The first 1 MiB chunk ends with "\r"; the next begins with "\n".
    const head = 'خبر\n';
    const filler = 'a'.repeat((1 << 20) - Buffer.byteLength(head) - 1);
    const text = await streamed(write('boundary.txt', `${head}${filler}\r\nپایان`));
    expect(text).toBe(`${head}${filler}\nپایان`);
  });

  it('gunzips a .gz file as it reads it', async () => {
    expect(await streamed(write('a.txt.gz', gzipSync('\uFEFF' + PERSIAN)))).toBe(PERSIAN);
  });

  it('reports the bytes read from disk, compressed bytes for .gz', async () => {
    const zipped = gzipSync(PERSIAN.repeat(100));
    const file = write('count.jsonl.gz', zipped);
    let bytes = 0;
    for await (const _ of readTextChunks(file, { onBytes: (n) => (bytes += n) }));
    expect(bytes).toBe(zipped.length);
  });
});
