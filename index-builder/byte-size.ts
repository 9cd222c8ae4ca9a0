// Sizes on the command line: `--max-record-bytes 20MB`.

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

/**
 * "20MB", "512k", "1048576" → bytes (K/M/G are powers of 1,024); throws an
 * Error naming `flag` for anything else, zero, or more than 2 GiB (past what
 * one string can hold, a limit that does not limit).
 */
export function parseByteSize(text: string, flag: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = m ? UNITS[m[2].toLowerCase()] : undefined;
  const bytes = m && unit ? Math.floor(Number(m[1]) * unit) : NaN;
  if (!Number.isFinite(bytes) || bytes < 1 || bytes > 2 * 1024 ** 3) {
    throw new Error(`${flag} must be a size from 1 byte to 2GB, e.g. 20MB, 512KB or 1048576 (got "${text}")`);
  }
  return bytes;
}
