import { describe, expect, it } from 'vitest';
import { ApiProblem } from './problem';
import { fetchAllPages } from './client';

const ok = <T>(data: T) => Promise.resolve({ data, response: new Response(null, { status: 200 }) });

describe('fetchAllPages', () => {
  it('follows the cursor to the last page and keeps the order', async () => {
    const pages: Record<string, { data: number[]; nextCursor: string | null }> = {
      first: { data: [1, 2], nextCursor: 'b' },
      b: { data: [3, 4], nextCursor: 'c' },
      c: { data: [5], nextCursor: null },
    };
    const asked: (string | undefined)[] = [];
    const all = await fetchAllPages((cursor) => {
      asked.push(cursor);
      return ok(pages[cursor ?? 'first']);
    });
    expect(all).toEqual([1, 2, 3, 4, 5]);
    expect(asked).toEqual([undefined, 'b', 'c']);
  });

  it('fails as a whole when a later page fails: never a list cut short', async () => {
    const result = fetchAllPages((cursor) =>
      cursor === undefined
        ? ok({ data: [1], nextCursor: 'b' })
        : Promise.resolve({
            error: { title: 'Service Unavailable', status: 503 },
            response: new Response(null, { status: 503 }),
          }),
    );
    await expect(result).rejects.toBeInstanceOf(ApiProblem);
  });
});
