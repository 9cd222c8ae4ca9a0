import { describe, expect, it } from 'vitest';
import { parseElapsed, parseTimeV, parseVmHwm } from './timev';

// As GNU time 1.9 writes it, after a build that failed.
const REPORT = `Command exited with non-zero status 1
	Command being timed: "node --import tsx index-builder/cli.ts --input c.jsonl.gz --out idx"
	User time (seconds): 171.52
	System time (seconds): 9.87
	Percent of CPU this job got: 96%
	Elapsed (wall clock) time (h:mm:ss or m:ss): 3:07.64
	Average shared text size (kbytes): 0
	Maximum resident set size (kbytes): 1906636
	Average resident set size (kbytes): 0
	Major (requiring I/O) page faults: 12
	Minor (reclaiming a frame) page faults: 1297302
	Voluntary context switches: 51842
	Involuntary context switches: 40172
	Swaps: 0
	File system inputs: 0
	File system outputs: 1443536
	Page size (bytes): 4096
	Exit status: 1
`;

describe('parseTimeV', () => {
  it('reads peak RSS (KiB → bytes), wall, CPU and exit status', () => {
    expect(parseTimeV(REPORT)).toEqual({ maxRssBytes: 1906636 * 1024, elapsedS: 187.64, userS: 171.52, systemS: 9.87, exitStatus: 1 });
  });

  it('is null for anything that is not such a report', () => {
    expect(parseTimeV('')).toBeNull();
    expect(parseTimeV('real 0m1.2s\nuser 0m1.0s\n')).toBeNull();
  });

  it('reads the three forms of elapsed time', () => {
    expect(parseElapsed('0:00.03')).toBeCloseTo(0.03);
    expect(parseElapsed('3:07.64')).toBeCloseTo(187.64);
    expect(parseElapsed('1:02:03')).toBe(3723);
    expect(parseElapsed('soon')).toBeNaN();
  });
});

describe('parseVmHwm', () => {
  it('reads the high-water mark of /proc/<pid>/status', () => {
    expect(parseVmHwm('Name:\tnode\nVmPeak:\t 2000000 kB\nVmHWM:\t  1906636 kB\nVmRSS:\t 1000 kB\n')).toBe(1906636 * 1024);
    expect(parseVmHwm('Name:\tnode\n')).toBeNull();
  });
});
