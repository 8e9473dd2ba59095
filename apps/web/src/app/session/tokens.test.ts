import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  acceptTokens,
  currentAccessToken,
  forgetTokens,
  IDLE_LOCK_MS,
  noteActivity,
  onSessionLost,
} from './tokens';

const answer = (accessToken: string) => ({
  accessToken,
  expiresIn: 65,
  passwordChangeRequired: false,
});

describe('the access token in memory', () => {
  afterEach(() => {
    forgetTokens();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('is renewed through the refresh cookie a minute before it runs out while the tab is used', async () => {
    vi.useFakeTimers();
    const fetch = vi.fn(async () => Response.json(answer('renewed')));
    vi.stubGlobal('fetch', fetch);
    noteActivity();
    acceptTokens(answer('first'));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(String((fetch.mock.calls[0] as unknown[])[0])).toBe('/api/v1/auth/refresh');
    expect(currentAccessToken()).toBe('renewed');
  });

  it('is not renewed in a tab nobody used for a quarter of an hour: the session locks', async () => {
    vi.useFakeTimers();
    const fetch = vi.fn(async () => Response.json(answer('renewed')));
    vi.stubGlobal('fetch', fetch);
    const lost = vi.fn();
    const stop = onSessionLost(lost);
    noteActivity();
    vi.advanceTimersByTime(IDLE_LOCK_MS);
    acceptTokens(answer('first'));
    await vi.advanceTimersByTimeAsync(5_000);
    stop();
    expect(fetch).not.toHaveBeenCalled();
    expect(currentAccessToken()).toBeNull();
    expect(lost).toHaveBeenCalledTimes(1);
  });
});
