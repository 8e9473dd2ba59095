import { useSyncExternalStore } from 'react';

export interface RecentClient {
  id: string;
  name: string;
  clientNumber: string;
}

const LIMIT = 6;
let recent: RecentClient[] = [];
const listeners = new Set<() => void>();

/**
 * The clients this user opened lately, newest first. Kept in this tab's memory only: names are
 * personal data and a front-desk computer is shared, so nothing is written to storage, and
 * sign-out clears the list.
 */
export const recentClients = {
  remember(client: RecentClient): void {
    recent = [client, ...recent.filter((c) => c.id !== client.id)].slice(0, LIMIT);
    listeners.forEach((notify) => notify());
  },
  clear(): void {
    recent = [];
    listeners.forEach((notify) => notify());
  },
  subscribe(notify: () => void): () => void {
    listeners.add(notify);
    return () => listeners.delete(notify);
  },
  get: (): RecentClient[] => recent,
};

export function useRecentClients(): RecentClient[] {
  return useSyncExternalStore(recentClients.subscribe, recentClients.get);
}
