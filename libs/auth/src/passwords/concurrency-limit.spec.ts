import { ConcurrencyLimit } from './concurrency-limit';

describe(ConcurrencyLimit.name, () => {
  /** A call that finishes when told to, recording how many ran at once. */
  function gate(limit: ConcurrencyLimit, log: { now: number; most: number; order: number[] }) {
    const releases: (() => void)[] = [];
    const call = (n: number) =>
      limit.run(async () => {
        log.now++;
        log.most = Math.max(log.most, log.now);
        log.order.push(n);
        await new Promise<void>((resolve) => releases.push(resolve));
        log.now--;
        return n;
      });
    return { call, releases };
  }
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  it('runs no more than its limit at once, the rest in the order they came', async () => {
    const log = { now: 0, most: 0, order: [] as number[] };
    const { call, releases } = gate(new ConcurrencyLimit(2), log);
    const results = [1, 2, 3, 4, 5].map(call);
    await settle();
    expect(log.order).toEqual([1, 2]);
    while (releases.length > 0) {
      releases.shift()!();
      await settle();
    }
    await expect(Promise.all(results)).resolves.toEqual([1, 2, 3, 4, 5]);
    expect(log.most).toBe(2);
    expect(log.order).toEqual([1, 2, 3, 4, 5]);
  });

  it('frees the slot of a call that fails', async () => {
    const limit = new ConcurrencyLimit(1);
    await expect(limit.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limit.run(async () => 'next')).resolves.toBe('next');
  });
});
