// Reading the report of GNU `/usr/bin/time -v`: peak RSS and CPU time of the
// builder as the kernel counted them (getrusage of the waited-for child), not
// as the builder reports itself.

export interface TimeReport {
  /** "Maximum resident set size (kbytes)", in bytes (the kbytes are KiB). */
  maxRssBytes: number;
  /** "Elapsed (wall clock) time", seconds. */
  elapsedS: number;
  userS: number;
  systemS: number;
  exitStatus: number;
}

/** "1:02:03.45", "2:03.45" or "3.45" → seconds; NaN when it is none of these. */
export function parseElapsed(text: string): number {
  const parts = text.trim().split(':');
  if (parts.length > 3 || parts.some((p) => !/^\d+(\.\d+)?$/.test(p))) return NaN;
  return parts.reduce((s, p) => s * 60 + Number(p), 0);
}

/** The figures of a `time -v` report, or null when it has no peak RSS line (not such a report). */
export function parseTimeV(text: string): TimeReport | null {
  const field = (label: string): string | undefined => {
    const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`^\\s*${escaped}:\\s*(.+?)\\s*$`, 'm').exec(text)?.[1];
  };
  const rss = field('Maximum resident set size (kbytes)');
  if (rss === undefined || !/^\d+$/.test(rss)) return null;
  return {
    maxRssBytes: Number(rss) * 1024,
    elapsedS: parseElapsed(field('Elapsed (wall clock) time (h:mm:ss or m:ss)') ?? ''),
    userS: Number(field('User time (seconds)') ?? NaN),
    systemS: Number(field('System time (seconds)') ?? NaN),
    exitStatus: Number(field('Exit status') ?? NaN),
  };
}

/** The peak RSS of a live process from /proc/<pid>/status (VmHWM, the high-water mark), bytes; null when unreadable. */
export function parseVmHwm(status: string): number | null {
  const m = /^VmHWM:\s+(\d+)\s+kB$/m.exec(status);
  return m ? Number(m[1]) * 1024 : null;
}
