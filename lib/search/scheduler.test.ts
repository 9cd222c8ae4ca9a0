import { describe, expect, it } from 'vitest';
import { ClientGoneError, Scheduler, SchedulerBusyError } from './scheduler';

const CHEAP = 10;
const EXPENSIVE = 1_000;
const scheduler = (options: ConstructorParameters<typeof Scheduler>[0] = {}) => new Scheduler({ expensiveCost: 100, maxQueued: 3, maxDeferMs: 50, ...options });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Scheduler', () => {
  it('runs a cheap search («رزمایش») at once, before run returns', async () => {
    const s = scheduler();
    let ran = false;
    const answer = s.run(CHEAP, () => ((ran = true), 'ok'));
    expect(ran).toBe(true);
    await expect(answer).resolves.toBe('ok');
  });

  it('does not run an expensive search («در») inside the request that asked for it', async () => {
    const s = scheduler();
    let ran = false;
    const answer = s.run(EXPENSIVE, () => ((ran = true), 'ok'));
    expect(ran).toBe(false);
    await expect(answer).resolves.toBe('ok');
    expect(ran).toBe(true);
  });

  it('runs expensive searches one at a time, in the order they came', async () => {
    const s = scheduler();
    const order: string[] = [];
    await Promise.all(['در', 'از', 'به'].map((q) => s.run(EXPENSIVE, () => order.push(q))));
    expect(order).toEqual(['در', 'از', 'به']);
  });

  it('lets a cheap search that is already in flight finish before an expensive turn', async () => {
    const s = scheduler();
    const order: string[] = [];
    const cheap = s.run(CHEAP, async () => {
      await sleep(10);
      order.push('cheap');
    });
    const expensive = s.run(EXPENSIVE, () => order.push('expensive'));
    await Promise.all([cheap, expensive]);
    expect(order).toEqual(['cheap', 'expensive']);
  });

  it('does not starve an expensive search behind cheap ones: it waits at most maxDeferMs', async () => {
    const s = scheduler({ maxDeferMs: 20 });
    let expensiveAt = 0;
    const started = performance.now();
    const cheap = s.run(CHEAP, () => sleep(200));
    await s.run(EXPENSIVE, () => (expensiveAt = performance.now() - started));
    expect(expensiveAt).toBeLessThan(150);
    await cheap;
  });

  it('refuses an expensive search past the queue with a busy error and a retry time', async () => {
    const s = scheduler({ maxQueued: 2 });
    const queued = [s.run(EXPENSIVE, () => 1), s.run(EXPENSIVE, () => 2)];
    const refused = s.run(EXPENSIVE, () => 3);
    await expect(refused).rejects.toBeInstanceOf(SchedulerBusyError);
    const error = (await refused.catch((e) => e)) as SchedulerBusyError;
    expect(error.code).toBe('busy');
    expect(error.retryAfter).toBeGreaterThanOrEqual(1);
    expect(await Promise.all(queued)).toEqual([1, 2]);
    expect(s.stats.refused).toBe(1);
  });

  it('refuses an expensive search that would wait longer than maxWaitMs behind the queue', async () => {
    const s = scheduler({ maxQueued: 100, maxWaitMs: 60 });
    const first = s.run(EXPENSIVE, () => 1);
    await expect(s.run(EXPENSIVE, () => 2)).rejects.toBeInstanceOf(SchedulerBusyError);
    await first;
    await expect(s.run(EXPENSIVE, () => 3)).resolves.toBe(3);
  });

  it('still takes cheap searches when the expensive queue is full', async () => {
    const s = scheduler({ maxQueued: 1 });
    const queued = s.run(EXPENSIVE, () => 1);
    await expect(s.run(EXPENSIVE, () => 2)).rejects.toBeInstanceOf(SchedulerBusyError);
    await expect(s.run(CHEAP, () => 'رزمایش')).resolves.toBe('رزمایش');
    await queued;
  });

  it('never computes a search whose client has already gone', async () => {
    const s = scheduler();
    const gone = new AbortController();
    gone.abort();
    let ran = false;
    await expect(s.run(CHEAP, () => (ran = true), gone.signal)).rejects.toBeInstanceOf(ClientGoneError);
    await expect(s.run(EXPENSIVE, () => (ran = true), gone.signal)).rejects.toBeInstanceOf(ClientGoneError);
    expect(ran).toBe(false);
  });

  it('drops a queued expensive search when its client goes, and runs the next', async () => {
    const s = scheduler();
    const client = new AbortController();
    const ran: string[] = [];
    const dropped = s.run(EXPENSIVE, () => ran.push('dropped'), client.signal);
    const next = s.run(EXPENSIVE, () => ran.push('next'));
    client.abort();
    await expect(dropped).rejects.toBeInstanceOf(ClientGoneError);
    await next;
    expect(ran).toEqual(['next']);
    expect(s.stats.dropped).toBe(1);
  });

  it('passes a failing search’s error to its request and goes on with the queue', async () => {
    const s = scheduler();
    const failing = s.run(EXPENSIVE, () => {
      throw new Error('بد');
    });
    const next = s.run(EXPENSIVE, () => 'خوب');
    await expect(failing).rejects.toThrow('بد');
    await expect(next).resolves.toBe('خوب');
  });

  it('when off, runs every search at once (the baseline bench:load compares with)', async () => {
    const s = scheduler({ enabled: false });
    let ran = false;
    const answer = s.run(EXPENSIVE, () => (ran = true));
    expect(ran).toBe(true);
    await answer;
  });
});
