import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { byDiscipline, usePractitioners, useStaffDirectory, type StaffMember } from './queries';

const member = (
  n: number,
  roles: StaffMember['roles'],
  disciplines: StaffMember['disciplines'] = [],
  status: StaffMember['status'] = 'active',
) => ({
  id: `0193aaaa-0000-7000-8000-00000000000${n}`,
  displayName: ['Zoë Aalders', 'Mei Ling Chen', 'Bram Oud', 'Anouk de Vries'][n],
  roles,
  disciplines,
  status,
  // An admin gets full records; the directory keeps only its own fields.
  email: `user${n}@example.nl`,
});

const pages = [
  [member(0, ['practitioner'], ['psychology']), member(1, ['practitioner'], ['acupuncture'])],
  [member(2, ['practitioner'], ['acupuncture'], 'deactivated'), member(3, ['receptionist'])],
];

let asked: URL[];
beforeEach(() => {
  asked = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      const url = new URL(request.url);
      asked.push(url);
      const index = Number(url.searchParams.get('cursor') ?? 0);
      return new Response(
        JSON.stringify({
          data: pages[index],
          nextCursor: index + 1 < pages.length ? String(index + 1) : null,
        }),
        { headers: { 'content-type': 'application/json' } },
      );
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

function wrapper() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
}

describe('the staff directory', () => {
  it('reads every page, keeps the directory fields only, by name', async () => {
    const { result } = renderHook(() => useStaffDirectory(), { wrapper: wrapper() });
    await waitFor(() => expect(result.current.data).toBeDefined());
    expect(asked).toHaveLength(2);
    expect(result.current.data!.map((m) => m.displayName)).toEqual([
      'Anouk de Vries',
      'Bram Oud',
      'Mei Ling Chen',
      'Zoë Aalders',
    ]);
    expect(result.current.data![0]).not.toHaveProperty('email');
  });

  it('selects the active practitioners, and those of one discipline', async () => {
    const { result } = renderHook(() => usePractitioners(), { wrapper: wrapper() });
    await waitFor(() => expect(result.current.data).toBeDefined());
    expect(result.current.data!.map((m) => m.displayName)).toEqual([
      'Mei Ling Chen',
      'Zoë Aalders',
    ]);
    expect(byDiscipline(result.current.data!, 'acupuncture').map((m) => m.displayName)).toEqual([
      'Mei Ling Chen',
    ]);
  });
});
