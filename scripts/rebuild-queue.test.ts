import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RebuildQueue } from './rebuild-queue';

/** A rebuild the test finishes by hand, recording how many started and how many ran at once. */
function builds() {
  const finish: (() => void)[] = [];
  let running = 0;
  const log = { started: 0, mostAtOnce: 0 };
  const rebuild = () => {
    log.started++;
    log.mostAtOnce = Math.max(log.mostAtOnce, ++running);
    return new Promise<void>((resolve) =>
      finish.push(() => {
        running--;
        resolve();
      }),
    );
  };
  /** Ends the oldest running build and lets the queue react. */
  const endOne = async () => {
    finish.shift()!();
    await vi.advanceTimersByTimeAsync(0);
  };
  return { rebuild, log, endOne };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('RebuildQueue', () => {
  it('builds once, 300 ms after the last of a burst of changes', async () => {
    const b = builds();
    const queue = new RebuildQueue({ rebuild: b.rebuild });
    for (let i = 0; i < 10; i++) {
      queue.changed();
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(b.log.started).toBe(0);
    await vi.advanceTimersByTimeAsync(199);
    expect(b.log.started).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(b.log.started).toBe(1);
  });

  it('never runs two builds at once: a change during a build waits for it to end', async () => {
    const b = builds();
    const queue = new RebuildQueue({ rebuild: b.rebuild });
    queue.changed();
    await vi.advanceTimersByTimeAsync(300);
    queue.changed();
    await vi.advanceTimersByTimeAsync(5_000);
    expect([b.log.started, b.log.mostAtOnce]).toEqual([1, 1]);

    await b.endOne();
    expect([b.log.started, b.log.mostAtOnce]).toEqual([2, 1]);
  });

  it('queues one build, not one per change, for all the changes during a build', async () => {
    const b = builds();
    const queue = new RebuildQueue({ rebuild: b.rebuild });
    void queue.trigger();
    for (let i = 0; i < 5; i++) {
      queue.changed();
      await vi.advanceTimersByTimeAsync(1_000);
    }
    await b.endOne();
    await b.endOne();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(b.log.started).toBe(2);
  });

  it('builds again after a build that failed', async () => {
    let calls = 0;
    const errors: unknown[] = [];
    const queue = new RebuildQueue({
      rebuild: async () => {
        if (++calls === 1) throw new Error('bad article');
      },
      onError: (e) => errors.push(e),
    });
    await queue.trigger();
    queue.changed();
    await vi.advanceTimersByTimeAsync(300);
    expect(calls).toBe(2);
    expect(errors).toEqual([new Error('bad article')]);
  });

  it('resolves trigger() when the build it asked for has ended, the queued one included', async () => {
    const b = builds();
    const queue = new RebuildQueue({ rebuild: b.rebuild });
    const first = vi.fn();
    const second = vi.fn();
    void queue.trigger().then(first);
    void queue.trigger().then(second);
    await b.endOne();
    expect([first.mock.calls.length, second.mock.calls.length]).toEqual([1, 0]);
    await b.endOne();
    expect(second).toHaveBeenCalledOnce();
  });

  it('stops: no pending or queued build runs, and stop() waits for the running one', async () => {
    const b = builds();
    const queue = new RebuildQueue({ rebuild: b.rebuild });
    void queue.trigger();
    void queue.trigger(); // queued
    queue.changed(); // pending
    const stopped = vi.fn();
    void queue.stop().then(stopped);
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).not.toHaveBeenCalled();

    await b.endOne();
    expect(stopped).toHaveBeenCalledOnce();
    queue.changed();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(b.log.started).toBe(1);
  });
});
