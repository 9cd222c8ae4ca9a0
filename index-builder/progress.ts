// Feedback while a build runs: a progress bar on a terminal, a plain line
// every ~2 s elsewhere (CI and Vercel logs have no cursor to move back), and
// nothing with --quiet. Written to stderr, so stdout carries the summary only.

import cliProgress from 'cli-progress';

/** What the builder reports; the reporter decides what to show and how often. */
export interface BuildProgress {
  /** Reading starts: how many files, and their total size when known (0 otherwise). */
  reading(plan: { files: number; bytes: number }): void;
  /** Called often while reading (after every record): the counts so far. */
  read(state: { files: number; records: number; bytes: number }): void;
  /** Analysis starts: how many articles will be run through the analyzer (not those read back from the previous index). */
  analyzing(total: number): void;
  /** Called often while analyzing: articles done so far. */
  analyzed(done: number): void;
  /** The index files are being written. */
  writing(): void;
  /** The build ended, well or not: clear the bar. */
  stop(): void;
}

export const formatCount = (n: number) => Math.round(n).toLocaleString('en-US');

function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 60) return `${Math.ceil(s)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s - m * 60)} s`;
}

interface ReadState {
  files: number;
  records: number;
  bytes: number;
}

/** The plain lines for logs: `index: 41,000 records read (8,200/s), file 3 of 12, 35%, ETA 20 s`. */
export class LineProgress implements BuildProgress {
  private started = 0;
  private last = 0;
  private plan = { files: 0, bytes: 0 };
  private total = 0;

  constructor(
    private readonly write: (line: string) => void,
    private readonly now: () => number = () => performance.now(),
    private readonly everyMs = 2000,
  ) {}

  private due(): boolean {
    const t = this.now();
    if (t - this.last < this.everyMs) return false;
    this.last = t;
    return true;
  }

  private rate(done: number): number {
    const seconds = (this.now() - this.started) / 1000;
    return seconds > 0 ? done / seconds : 0;
  }

  /** ETA from the share done so far, at the average pace since the stage started. */
  private eta(share: number): string {
    if (share <= 0 || share >= 1) return '';
    const elapsed = (this.now() - this.started) / 1000;
    return `, ETA ${formatSeconds((elapsed / share) * (1 - share))}`;
  }

  reading(plan: { files: number; bytes: number }): void {
    this.plan = plan;
    this.started = this.last = this.now();
  }

  read(s: ReadState): void {
    if (!this.due()) return;
    const share = this.plan.bytes > 0 ? s.bytes / this.plan.bytes : this.plan.files > 0 ? (s.files - 1) / this.plan.files : 0;
    const percent = share > 0 ? `, ${Math.min(99, Math.floor(share * 100))}%` : '';
    this.write(
      `index: ${formatCount(s.records)} records read (${formatCount(this.rate(s.records))}/s), file ${formatCount(s.files)} of ${formatCount(this.plan.files)}${percent}${this.eta(share)}`,
    );
  }

  analyzing(total: number): void {
    this.total = total;
    // A long build says it has started analyzing; the count lines follow every ~2 s.
    if (this.now() - this.started >= this.everyMs) this.write(`index: analyzing ${formatCount(total)} articles…`);
    this.started = this.last = this.now();
  }

  analyzed(done: number): void {
    if (this.total === 0 || !this.due()) return;
    this.write(
      `index: ${formatCount(done)} of ${formatCount(this.total)} articles analyzed (${formatCount(this.rate(done))}/s)${this.eta(done / this.total)}`,
    );
  }

  writing(): void {}

  stop(): void {}
}

/**
 * A bar redrawn in place, one for each long stage:
 * `index reading [████░░░░] 45% | 41,000 records | 8,200/s | ETA 12 s`, then
 * `index analyzing [██░░░░░░] 25% | 250 of 1,000 articles | 125/s | ETA 6 s`.
 */
export class BarProgress implements BuildProgress {
  private readonly bar: cliProgress.SingleBar;
  private started = 0;
  private lastDraw = -Infinity;
  private running = false;
  private plan = { files: 0, bytes: 0 };
  private total = 0;

  constructor(
    stream: NodeJS.WriteStream,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.bar = new cliProgress.SingleBar(
      {
        stream,
        format: 'index {stage} [{bar}] {percentage}% | {count} | {rate}/s | {remaining}',
        barsize: 24,
        hideCursor: true,
        clearOnComplete: true,
        fps: 8,
      },
      cliProgress.Presets.shades_classic,
    );
  }

  /** At most ten redraws a second: the builder reports after every record. */
  private due(): boolean {
    const t = this.now();
    if (t - this.lastDraw < 100) return false;
    this.lastDraw = t;
    return true;
  }

  /** Rate since the stage started, and the ETA at that pace once a share is done. */
  private pace(done: number, share: number): { rate: string; remaining: string } {
    const seconds = (this.now() - this.started) / 1000;
    return {
      rate: formatCount(seconds > 0 ? done / seconds : 0),
      remaining: share > 0.01 && share < 1 ? `ETA ${formatSeconds((seconds / share) * (1 - share))}` : '',
    };
  }

  private startBar(total: number, stage: string, count: string): void {
    this.stopBar();
    this.started = this.now();
    this.lastDraw = -Infinity;
    this.bar.start(Math.max(total, 1), 0, { stage, count, rate: '0', remaining: '' });
    this.running = true;
  }

  reading(plan: { files: number; bytes: number }): void {
    this.plan = plan;
    this.startBar(plan.bytes > 0 ? plan.bytes : plan.files, 'reading', '0 records');
  }

  read(s: ReadState): void {
    if (!this.running || !this.due()) return;
    const done = this.plan.bytes > 0 ? s.bytes : Math.max(0, s.files - 1);
    const total = this.plan.bytes > 0 ? this.plan.bytes : this.plan.files;
    this.bar.update(done, { count: `${formatCount(s.records)} records`, ...this.pace(s.records, total > 0 ? done / total : 0) });
  }

  analyzing(total: number): void {
    this.total = total;
    // Nothing to analyze (a rebuild that read every article back): no bar to show.
    if (total === 0) this.stopBar();
    else this.startBar(total, 'analyzing', `0 of ${formatCount(total)} articles`);
  }

  analyzed(done: number): void {
    if (!this.running || this.total === 0 || (!this.due() && done < this.total)) return;
    this.bar.update(done, { count: `${formatCount(done)} of ${formatCount(this.total)} articles`, ...this.pace(done, done / this.total) });
  }

  writing(): void {
    this.stopBar();
  }

  private stopBar(): void {
    if (this.running) this.bar.stop();
    this.running = false;
  }

  stop(): void {
    this.stopBar();
  }
}

/** The reporter for a stream: a bar on a terminal, periodic lines otherwise. */
export function progressFor(stream: NodeJS.WriteStream): BuildProgress {
  return stream.isTTY ? new BarProgress(stream) : new LineProgress((line) => stream.write(line + '\n'));
}
