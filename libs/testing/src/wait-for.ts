/**
 * Polls `probe` until it returns something other than undefined, or fails after `timeoutMs`.
 * For effects that happen asynchronously by design (a job appearing after a commit), never
 * as a stand-in for a missing await.
 */
export async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  { timeoutMs = 5000, intervalMs = 25, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
